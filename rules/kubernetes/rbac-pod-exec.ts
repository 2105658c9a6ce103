import { describeObject } from '../../engine/kubernetes/describe';
import { objectRef, rangeOfNode } from '../../engine/kubernetes/model';
import { coversGroup, matchingVerbs, namingItem, policyRules } from '../../engine/kubernetes/rbac';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/rbac-pod-exec',
  target: 'kubernetes',
  title: 'Role can exec into or attach to pods',
  defaultSeverity: 'warning',
  description: `\`pods/exec\` runs any command in a running container and \`pods/attach\` takes over its terminal.
Whoever holds either acts inside the container: with its files, its mounted Secrets, its service
account token, and its view of the node if it is privileged. It is a common path from a modest role
to cluster-admin.

Ballast reports Role and ClusterRole rules that allow \`create\` (or \`*\`) on \`pods/exec\` or
\`pods/attach\` (also written \`*/exec\`, \`*/attach\`) in the core API group, and \`get\` too: before
Kubernetes 1.35 the API server authorizes exec and attach over WebSockets (what client libraries and
recent \`kubectl\` use) with \`get\` alone. (\`resources: ["*"]\` is reported by
\`kubernetes/rbac-wildcard\`.)

Give it to the people who debug, in the namespaces they debug, rather than to workloads; ephemeral
debug containers (\`pods/ephemeralcontainers\`) are no safer. There is no automatic fix.

Bad:
\`\`\`yaml
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: support
rules:
  - apiGroups: [""]
    resources: ["pods", "pods/log", "pods/exec"]
    verbs: ["get", "list", "create"]
\`\`\`

Good:
\`\`\`yaml
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: support
rules:
  - apiGroups: [""]
    resources: ["pods", "pods/log"]
    verbs: ["get", "list"]
\`\`\``,
  references: [
    { title: 'Kubernetes docs: Role based access control good practices, escalation paths', url: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#privilege-escalation-risks' },
    { title: 'kubernetes/kubernetes#133515: exec over WebSockets is authorized with get', url: 'https://github.com/kubernetes/kubernetes/issues/133515' },
  ],
  fix: 'none',
  equivalents: {
    trivy: ['KSV-0053', 'KSV-0054'],
    checkov: ['CKV2_K8S_2'],
    polaris: ['clusterrolePodExecAttach', 'rolePodExecAttach'],
  },
};

const WHAT_IT_DOES = {
  'pods/exec': 'run commands in running pods',
  'pods/attach': 'attach to the processes of running pods',
} as const;

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    for (const rule of policyRules(object) ?? []) {
      if (!coversGroup(rule, '')) continue;
      const verbs = matchingVerbs(rule, ['create', 'get']);
      if (verbs.length === 0) continue;
      for (const subresource of ['pods/exec', 'pods/attach'] as const) {
        const item = namingItem(rule, subresource);
        if (!item) continue;
        report({
          message: `${describeObject(object)} lets its subjects ${WHAT_IT_DOES[subresource]} (${verbs.join(', ')} on ${item.value}): they act inside the containers, with their Secrets and service account tokens. Grant it to the people who debug, not to workloads.`,
          range: rangeOfNode(model, object.yaml, item.node)!,
          object: objectRef(object),
        });
      }
    }
  }
}
