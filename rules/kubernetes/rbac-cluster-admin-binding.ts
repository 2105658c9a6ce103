import { describeObject } from '../../engine/kubernetes/describe';
import { objectRef, rangeOfNode } from '../../engine/kubernetes/model';
import { binding } from '../../engine/kubernetes/rbac';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/rbac-cluster-admin-binding',
  target: 'kubernetes',
  title: 'Binding to cluster-admin',
  defaultSeverity: 'warning',
  description: `\`cluster-admin\` allows every verb on every resource. Bound with a ClusterRoleBinding it is full
control of the cluster: every Secret, every node through privileged pods, RBAC itself. Bound with a
RoleBinding it is the same inside one namespace, Secrets and RBAC of that namespace included. A
leaked token of a subject holding it is the whole cluster (or namespace).

Ballast reports RoleBindings and ClusterRoleBindings whose \`roleRef\` is the \`cluster-admin\`
ClusterRole. The \`cluster-admin\` ClusterRoleBinding that Kubernetes creates for the
\`system:masters\` group is left alone.

Bind a role that grants what the subject needs; for people, prefer the built-in \`admin\`, \`edit\` or
\`view\` roles in a namespace. There is no automatic fix: the right role depends on the subject.

Bad:
\`\`\`yaml
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ci
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
subjects:
  - kind: ServiceAccount
    name: ci
    namespace: ci
\`\`\`

Good:
\`\`\`yaml
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: ci
  namespace: shop
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: edit
subjects:
  - kind: ServiceAccount
    name: ci
    namespace: ci
\`\`\``,
  references: [
    { title: 'CIS Kubernetes Benchmark 5.1.1: Ensure that the cluster-admin role is only used where required', url: 'https://www.cisecurity.org/benchmark/kubernetes' },
    { title: 'Kubernetes docs: RBAC, user-facing roles', url: 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles' },
    { title: 'Kubernetes docs: Role based access control good practices', url: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/' },
  ],
  fix: 'none',
  equivalents: {
    trivy: ['KSV-0111'],
    'kube-linter': ['cluster-admin-role-binding'],
    polaris: ['clusterrolebindingClusterAdmin', 'rolebindingClusterAdminClusterRole'],
  },
};

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    const roleBinding = binding(object);
    const roleRef = roleBinding?.roleRef;
    if (!roleBinding || !roleRef || roleRef.name !== 'cluster-admin' || (roleRef.kind ?? 'ClusterRole') !== 'ClusterRole') continue;
    // The binding Kubernetes bootstraps for its own administrators.
    if (object.name === 'cluster-admin' && roleBinding.subjects.length > 0 && roleBinding.subjects.every((s) => s.name === 'system:masters')) continue;
    const scope =
      object.kind === 'RoleBinding'
        ? `full control of everything in ${object.namespace ? `namespace ${object.namespace}` : 'its namespace'}, Secrets and RBAC included`
        : 'full control of every resource in every namespace, Secrets, nodes and RBAC included';
    report({
      message: `${describeObject(object)} grants cluster-admin: ${scope}. Bind a role with only the permissions its subjects need.`,
      range: rangeOfNode(model, object.yaml, roleRef.nameNode)!,
      object: objectRef(object),
    });
  }
}
