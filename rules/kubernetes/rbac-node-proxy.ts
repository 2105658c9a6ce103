import { describeObject } from '../../engine/kubernetes/describe';
import { objectRef, rangeOfNode } from '../../engine/kubernetes/model';
import { coversGroup, namingItem, policyRules } from '../../engine/kubernetes/rbac';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/rbac-node-proxy',
  target: 'kubernetes',
  title: 'Role can reach the kubelet through nodes/proxy',
  defaultSeverity: 'warning',
  description: `\`nodes/proxy\` forwards requests to the kubelet API of any node. The kubelet runs commands in every
pod on its node (\`/exec\`, \`/run\`), lists them with their specs and serves their logs; requests that
reach it this way skip admission control and leave only a proxy request in the API server's audit
log. Even \`get\` is enough: exec over WebSockets starts with a GET.

Ballast reports Role and ClusterRole rules that grant any verb on \`nodes/proxy\` (or \`*/proxy\`) in
the core API group. (\`resources: ["*"]\` is reported by \`kubernetes/rbac-wildcard\`.)

Monitoring agents that scrape the kubelet usually need only \`nodes/metrics\` and \`nodes/stats\`,
which do not run anything. There is no automatic fix.

Bad:
\`\`\`yaml
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: metrics
rules:
  - apiGroups: [""]
    resources: ["nodes", "nodes/proxy"]
    verbs: ["get", "list", "watch"]
\`\`\`

Good:
\`\`\`yaml
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: metrics
rules:
  - apiGroups: [""]
    resources: ["nodes", "nodes/metrics", "nodes/stats"]
    verbs: ["get", "list", "watch"]
\`\`\``,
  references: [
    { title: 'Kubernetes docs: Role based access control good practices, nodes/proxy', url: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#access-to-proxy-subresource-of-nodes' },
    { title: 'Kubernetes docs: Kubelet authentication and authorization', url: 'https://kubernetes.io/docs/reference/access-authn-authz/kubelet-authn-authz/' },
  ],
  fix: 'none',
  equivalents: {
    trivy: ['KSV-0047'],
    checkov: ['CKV2_K8S_2'],
  },
};

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    for (const rule of policyRules(object) ?? []) {
      const item = namingItem(rule, 'nodes/proxy');
      if (!item || rule.verbs.length === 0 || !coversGroup(rule, '')) continue;
      report({
        message: `${describeObject(object)} grants ${rule.verbs.map((v) => v.value).join(', ')} on ${item.value}: the kubelet API of every node, which runs commands in any pod there without admission control. Grant nodes/metrics or nodes/stats if it only reads metrics.`,
        range: rangeOfNode(model, object.yaml, item.node)!,
        object: objectRef(object),
      });
    }
  }
}
