import { describeObject } from '../../engine/kubernetes/describe';
import { objectRef, rangeOfNode } from '../../engine/kubernetes/model';
import { binding } from '../../engine/kubernetes/rbac';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/rbac-anonymous-binding',
  target: 'kubernetes',
  title: 'Role bound to anonymous or all authenticated users',
  defaultSeverity: 'error',
  description: `Three subjects stand for crowds rather than identities:
- \`system:anonymous\` (user) and \`system:unauthenticated\` (group): every request without credentials,
  that is anyone who can reach the API server;
- \`system:authenticated\` (group): every identity the API server accepts, every service account of
  every namespace included, and on GKE any Google account.

A RoleBinding or ClusterRoleBinding to one of them gives its role to all of those. Ballast reports
each such subject, on its name. The bindings Kubernetes itself creates (\`system:public-info-viewer\`
for both groups, \`system:basic-user\` and \`system:discovery\` for \`system:authenticated\`) are left
alone.

Bind the role to the users, groups or service accounts that need it. There is no automatic fix.

Bad:
\`\`\`yaml
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: dashboard-viewers
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
  - apiGroup: rbac.authorization.k8s.io
    kind: Group
    name: system:authenticated
\`\`\`

Good:
\`\`\`yaml
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: dashboard-viewers
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
  - apiGroup: rbac.authorization.k8s.io
    kind: Group
    name: platform-team
\`\`\``,
  references: [
    { title: 'Kubernetes docs: Authenticating, anonymous requests', url: 'https://kubernetes.io/docs/reference/access-authn-authz/authentication/#anonymous-requests' },
    { title: 'Kubernetes docs: RBAC, default roles and role bindings', url: 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#default-roles-and-role-bindings' },
    { title: 'Kubernetes docs: Role based access control good practices', url: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/' },
  ],
  fix: 'none',
  equivalents: { trivy: ['KSV-0122', 'KSV-01011'] },
};

const CROWDS: Record<string, { who: string; defaultRoles: readonly string[] }> = {
  'system:anonymous': { who: 'anyone who can reach the API server, without credentials', defaultRoles: [] },
  'system:unauthenticated': { who: 'anyone who can reach the API server, without credentials', defaultRoles: ['system:public-info-viewer'] },
  'system:authenticated': {
    who: 'every identity the API server accepts, every service account of every namespace included',
    defaultRoles: ['system:public-info-viewer', 'system:basic-user', 'system:discovery'],
  },
};

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    const roleBinding = binding(object);
    if (!roleBinding) continue;
    const role = roleBinding.roleRef;
    for (const subject of roleBinding.subjects) {
      const crowd = CROWDS[subject.name];
      if (!crowd || (role && role.kind !== 'Role' && crowd.defaultRoles.includes(role.name))) continue;
      const granted = role ? `${role.kind ?? 'role'} ${role.name}` : 'its role';
      report({
        message: `${describeObject(object)} grants ${granted} to ${subject.name}: ${crowd.who}. Bind it to the users, groups or service accounts that need it.`,
        range: rangeOfNode(model, object.yaml, subject.nameNode)!,
        object: objectRef(object),
      });
    }
  }
}
