import { describeObject } from '../../engine/kubernetes/describe';
import { objectRef, rangeOfNode } from '../../engine/kubernetes/model';
import { coversGroup, matchingVerbs, namingItem, policyRules } from '../../engine/kubernetes/rbac';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/rbac-secrets-access',
  target: 'kubernetes',
  title: 'Role can read Secrets',
  defaultSeverity: 'warning',
  description: `Reading Secrets is rarely just reading one application's password: Secrets hold service account
tokens, registry credentials, TLS keys and cloud credentials, and one of them usually belongs to a
more powerful subject. \`list\` and \`watch\` return the Secrets' contents just like \`get\`. Read access
to Secrets across a namespace, let alone the cluster, is effectively the rights of the most
powerful account whose credentials are stored there.

Ballast reports Role and ClusterRole rules that allow \`get\`, \`list\` or \`watch\` (or \`*\`) on
\`secrets\` in the core API group. Rules limited to named Secrets with \`resourceNames\` are left
alone: that is the way to grant what an application needs. (\`resources: ["*"]\` is reported by
\`kubernetes/rbac-wildcard\`.)

Mount the Secrets a workload needs as volumes instead of reading them through the API, or limit the
rule with \`resourceNames\`. There is no automatic fix: which Secrets are needed is known only to the
workload.

Bad:
\`\`\`yaml
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: config-reader
rules:
  - apiGroups: [""]
    resources: ["configmaps", "secrets"]
    verbs: ["get", "list", "watch"]
\`\`\`

Good:
\`\`\`yaml
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: config-reader
  namespace: shop
rules:
  - apiGroups: [""]
    resources: ["configmaps"]
    verbs: ["get", "list", "watch"]
  - apiGroups: [""]
    resources: ["secrets"]
    resourceNames: ["shop-db"]
    verbs: ["get"]
\`\`\``,
  references: [
    { title: 'CIS Kubernetes Benchmark 5.1.2: Minimize access to secrets', url: 'https://www.cisecurity.org/benchmark/kubernetes' },
    { title: 'Kubernetes docs: Role based access control good practices, listing Secrets', url: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#listing-secrets' },
  ],
  fix: 'none',
  equivalents: {
    trivy: ['KSV-0041', 'KSV-0113'],
    checkov: ['CKV2_K8S_5'],
    'kube-linter': ['access-to-secrets'],
  },
};

const READ_VERBS = ['get', 'list', 'watch'];

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    for (const rule of policyRules(object) ?? []) {
      const secrets = namingItem(rule, 'secrets');
      const verbs = matchingVerbs(rule, READ_VERBS);
      if (!secrets || verbs.length === 0 || !coversGroup(rule, '') || rule.resourceNames.length > 0) continue;
      const scope = object.kind === 'Role' ? (object.namespace ? ` in namespace ${object.namespace}` : ' in its namespace') : '';
      report({
        message: `${describeObject(object)} can read every Secret${scope} (${verbs.join(', ')} on secrets): service account tokens and credentials of more powerful subjects included. Mount the Secrets a workload needs, or name them with resourceNames.`,
        range: rangeOfNode(model, object.yaml, secrets.node)!,
        object: objectRef(object),
      });
    }
  }
}
