import { isMap, isPair, isScalar, isSeq, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { activeSections } from '../../engine/helm/sections';
import { formatPath, type ValuesSection } from '../../engine/helm/values';
import { scalarRange } from '../../engine/kubernetes/scalarRanges';
import { pairOf } from '../../engine/kubernetes/yamlNodes';
import type { HelmRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';
import { meta as manifestRule, WHAT_A_WILDCARD_GRANTS } from '../kubernetes/rbac-wildcard';

export const meta: RuleMeta = {
  id: 'helm/rbac-wildcard',
  target: 'helm',
  title: 'Wildcard in the RBAC rules of a chart',
  defaultSeverity: 'warning',
  description: `A \`*\` in the \`verbs\`, \`resources\` or \`apiGroups\` of an RBAC rule grants everything that exists now
and everything added later: every verb includes \`escalate\`, \`bind\` and \`impersonate\` where they
apply, every resource includes Secrets, and every API group includes those that the next installed
operator brings. Nobody reviewing the role can tell what it allows.

Charts take extra role rules from their values (\`rbac.rules\`, \`rbac.extraRules\`,
\`clusterRole.rules\`). Ballast reports each \`*\` item in the rules (list items with \`verbs\`) of a
\`rules\` or \`…Rules\` list that the chart renders: one in a section whose nearest \`create\` is
\`true\` (\`rbac.create: true\`), or, with no \`create\` around it, one under a key that names RBAC or a
role. When the nearest \`create\` is \`false\`, the chart creates no role and nothing is reported;
sections switched off with \`enabled: false\` are skipped too. \`*\` in a subresource (\`*/scale\`) and in
\`nonResourceURLs\` is not reported.

List the verbs, resources and groups the chart needs. There is no automatic fix: only the workload
knows what it needs.

Bad:
\`\`\`yaml
rbac:
  create: true
  rules:
    - apiGroups: ["apps"]
      resources: ["*"]
      verbs: ["*"]
\`\`\`

Good:
\`\`\`yaml
rbac:
  create: true
  rules:
    - apiGroups: ["apps"]
      resources: ["deployments"]
      verbs: ["get", "list", "watch"]
\`\`\``,
  references: [
    { title: 'CIS Kubernetes Benchmark 5.1.3: Minimize wildcard use in Roles and ClusterRoles', url: 'https://www.cisecurity.org/benchmark/kubernetes' },
    { title: 'Kubernetes docs: Role based access control good practices', url: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/' },
  ],
  fix: 'none',
  equivalents: manifestRule.equivalents,
};

const FIELDS = ['apiGroups', 'resources', 'verbs'] as const;

export function check(context: HelmRuleContext): void {
  const { model, report } = context;
  for (const section of activeSections(model)) {
    for (const item of section.node.items) {
      if (!isPair(item) || !isScalar(item.key) || typeof item.key.value !== 'string' || !/^rules$|Rules$/.test(item.key.value) || !isSeq(item.value)) continue;
      const listPath = [...section.path, item.key.value];
      if (!rendersRole(section, listPath)) continue;
      (item.value as YAMLSeq).items.forEach((ruleNode, index) => {
        if (!isMap(ruleNode)) return;
        const rule = model.sectionOf.get(ruleNode as YAMLMap);
        // A policy rule always has verbs; admission webhook rules (operations, apiGroups) do not.
        if (!rule || rule.disabled || !pairOf(rule.node, 'verbs')) return;
        for (const field of FIELDS) {
          const list = pairOf(rule.node, field)?.value;
          if (!isSeq(list)) continue;
          for (const entry of (list as YAMLSeq).items) {
            if (!isScalar(entry) || entry.value !== '*') continue;
            report({
              message: `${formatPath([...listPath, index])} ${WHAT_A_WILDCARD_GRANTS[field]}`,
              range: scalarRange(model, rule.yaml, entry as Scalar),
            });
          }
        }
      });
    }
  }
}

/**
 * Whether the chart turns the rules into a role: the nearest `create` (in the section or around it)
 * says so, or, with none, the way to the list names RBAC or a role (`rbac.extraRules`, `clusterRole.rules`).
 */
function rendersRole(section: ValuesSection, listPath: (string | number)[]): boolean {
  for (let current: ValuesSection | undefined = section; current; current = current.parent) {
    const create = pairOf(current.node, 'create')?.value;
    if (isScalar(create) && typeof create.value === 'boolean') return create.value;
  }
  return listPath.some((part) => typeof part === 'string' && /rbac|role/i.test(part));
}
