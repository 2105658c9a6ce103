import { describeObject } from '../../engine/kubernetes/describe';
import { objectRef, rangeOfNode } from '../../engine/kubernetes/model';
import { policyRules } from '../../engine/kubernetes/rbac';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/rbac-wildcard',
  target: 'kubernetes',
  title: 'Wildcard in a Role or ClusterRole',
  defaultSeverity: 'warning',
  description: `A \`*\` in a Role's or ClusterRole's \`verbs\`, \`resources\` or \`apiGroups\` grants everything that
exists now and everything added later: every verb includes \`escalate\`, \`bind\` and \`impersonate\`
where they apply, every resource includes Secrets, and every API group includes those that the next
installed operator brings. Nobody reviewing the role can tell what it allows.

Ballast reports each \`*\` item of those lists, so the squiggle is on the wildcard to replace. \`*\` in
a subresource (\`*/scale\`) and in \`nonResourceURLs\` is not reported. What a wildcard makes possible
in particular (reading Secrets, exec into pods, creating pods) is reported by the other
\`kubernetes/rbac-*\` rules when it is spelled out.

List the verbs, resources and groups the subject needs (\`kubectl auth can-i --list\` and the audit
log show what it uses). There is no automatic fix: only the workload knows what it needs.

Bad:
\`\`\`yaml
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: deployer
rules:
  - apiGroups: ["apps"]
    resources: ["*"]
    verbs: ["*"]
\`\`\`

Good:
\`\`\`yaml
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: deployer
rules:
  - apiGroups: ["apps"]
    resources: ["deployments"]
    verbs: ["get", "list", "watch", "update", "patch"]
\`\`\``,
  references: [
    { title: 'CIS Kubernetes Benchmark 5.1.3: Minimize wildcard use in Roles and ClusterRoles', url: 'https://www.cisecurity.org/benchmark/kubernetes' },
    { title: 'Kubernetes docs: Role based access control good practices', url: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/' },
  ],
  fix: 'none',
  equivalents: {
    trivy: ['KSV-0044', 'KSV-0045', 'KSV-0046', 'KSV-0112'],
    checkov: ['CKV_K8S_49'],
    'kube-linter': ['wildcard-in-rules'],
  },
};

export const WHAT_A_WILDCARD_GRANTS = {
  verbs: 'allows every verb (*), including escalate, bind and impersonate where they apply and any added later. List the verbs it needs.',
  resources: 'grants every resource (*) of its API groups, Secrets and resources that CRDs add later included. List the resources it needs.',
  apiGroups: 'covers every API group (*), including those that operators installed later add. List the groups it needs.',
} as const;

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    for (const rule of policyRules(object) ?? []) {
      for (const field of ['apiGroups', 'resources', 'verbs'] as const) {
        for (const item of rule[field]) {
          if (item.value !== '*') continue;
          report({
            message: `${describeObject(object)} ${WHAT_A_WILDCARD_GRANTS[field]}`,
            range: rangeOfNode(model, object.yaml, item.node)!,
            object: objectRef(object),
          });
        }
      }
    }
  }
}
