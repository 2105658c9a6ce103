import { renderedValue, replaceScalarFix, valuePairs } from '../../engine/helm/sections';
import { formatPath } from '../../engine/helm/values';
import { writtenAs } from '../../engine/kubernetes/restricted';
import { scalarRange } from '../../engine/kubernetes/scalarRanges';
import type { HelmRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';
import { meta as manifestRule } from '../kubernetes/privileged-container';

export const meta: RuleMeta = {
  id: 'helm/privileged',
  target: 'helm',
  title: 'Chart container is privileged',
  defaultSeverity: 'error',
  description: `A privileged container runs with every capability, every device of the node and no seccomp or
AppArmor confinement: root in it is root on the node. The Pod Security Standards forbid it from the
baseline level up. Containers that really need one kernel feature should add that one capability
instead.

Ballast reports \`privileged: true\` at any depth of the values (\`securityContext.privileged\`,
\`controller.containerSecurityContext.privileged\`, \`sidecars[0].securityContext.privileged\`),
except in sections the chart does not render (\`enabled: false\` on them or around them, as in
bitnami's \`containerSecurityContext.enabled: false\`). A quoted \`"true"\` is reported too: a
template that writes the value as it is renders it as the boolean, and \`toYaml\` keeps it a string
that the API server rejects, so it is wrong either way. The suggestion sets the value to \`false\`.

Bad:
\`\`\`yaml
securityContext:
  privileged: true
\`\`\`

Good:
\`\`\`yaml
securityContext:
  privileged: false
  capabilities:
    drop: ["ALL"]
\`\`\``,
  references: manifestRule.references,
  fix: 'suggestion',
  equivalents: manifestRule.equivalents,
};

export function check(context: HelmRuleContext): void {
  const { model, report } = context;
  for (const { section, value } of valuePairs(model, 'privileged')) {
    if (renderedValue(value) !== true) continue;
    report({
      message: `${formatPath([...section.path, 'privileged'])} is ${writtenAs(section.yaml, value)}: a privileged container has every capability and device of the node, so root in it is root on the node. Set it to false and add only the capabilities the container needs.`,
      range: scalarRange(model, section.yaml, value),
      fixes: replaceScalarFix(model, section.yaml, value, 'false', 'Set privileged: false'),
    });
  }
}
