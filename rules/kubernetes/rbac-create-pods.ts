import { describeObject } from '../../engine/kubernetes/describe';
import { objectRef, rangeOfNode } from '../../engine/kubernetes/model';
import { coversGroup, matchingVerbs, namingItem, policyRules, type RbacItem } from '../../engine/kubernetes/rbac';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/rbac-create-pods',
  target: 'kubernetes',
  title: 'Role can create pods',
  defaultSeverity: 'info',
  description: `Whoever can create a pod, directly or through a workload that creates pods for it, chooses what
runs in it: any image, any service account of the namespace (and so its token and permissions),
any Secret and ConfigMap of the namespace mounted, and, as far as Pod Security admission allows,
host namespaces, host paths and privileged containers on the nodes. In a namespace without a
restrictive Pod Security level, create on pods is root on the nodes.

Ballast reports Role and ClusterRole rules that allow \`create\` (or \`*\`) on \`pods\`,
\`replicationcontrollers\`, \`deployments\`, \`replicasets\`, \`statefulsets\`, \`daemonsets\`, \`jobs\` or
\`cronjobs\` in their API groups, once per rule, on the first of those resources. It is information:
CI systems, operators and controllers need it. Check that the namespaces where it is bound enforce
the \`restricted\` (or at least \`baseline\`) Pod Security level. (\`resources: ["*"]\` is reported by
\`kubernetes/rbac-wildcard\`.) There is no automatic fix.

Bad:
\`\`\`yaml
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: dashboard
rules:
  - apiGroups: ["apps"]
    resources: ["deployments"]
    verbs: ["get", "list", "create", "update"]
\`\`\`

Good:
\`\`\`yaml
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: dashboard
rules:
  - apiGroups: ["apps"]
    resources: ["deployments"]
    verbs: ["get", "list", "watch"]
\`\`\``,
  references: [
    { title: 'CIS Kubernetes Benchmark 5.1.4: Minimize access to create pods', url: 'https://www.cisecurity.org/benchmark/kubernetes' },
    { title: 'Kubernetes docs: Role based access control good practices, workload creation', url: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#workload-creation' },
  ],
  fix: 'none',
  equivalents: {
    trivy: ['KSV-0048'],
    'kube-linter': ['access-to-create-pods'],
  },
};

/** Resources that are pods or make pods, with the API groups that serve them. */
const POD_MAKERS: ReadonlyArray<[resource: string, groups: readonly string[]]> = [
  ['pods', ['']],
  ['replicationcontrollers', ['']],
  ['deployments', ['apps', 'extensions']],
  ['replicasets', ['apps', 'extensions']],
  ['daemonsets', ['apps', 'extensions']],
  ['statefulsets', ['apps']],
  ['jobs', ['batch']],
  ['cronjobs', ['batch']],
];

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    for (const rule of policyRules(object) ?? []) {
      const verbs = matchingVerbs(rule, ['create']);
      if (verbs.length === 0) continue;
      const items = POD_MAKERS.filter(([, groups]) => groups.some((group) => coversGroup(rule, group)))
        .map(([resource]) => namingItem(rule, resource))
        .filter((item): item is RbacItem => item !== undefined)
        .sort((a, b) => a.node.range![0] - b.node.range![0]);
      const first = items[0];
      if (!first) continue;
      report({
        message: `${describeObject(object)} can create pods (${verbs.join(', ')} on ${items.map((item) => item.value).join(', ')}): whoever holds it picks the image, the service account and the mounted Secrets, and where Pod Security allows it, runs privileged pods on the nodes. Make sure the namespaces it is bound in enforce a restrictive Pod Security level.`,
        range: rangeOfNode(model, object.yaml, first.node)!,
        object: objectRef(object),
      });
    }
  }
}
