import { isScalar, isSeq, type YAMLSeq } from 'yaml';
import { renderedValue, replaceScalarFix, valuePairs } from '../../engine/helm/sections';
import { childSection, formatPath, type HelmValuesModel, type ValuesSection } from '../../engine/helm/values';
import { writtenAs } from '../../engine/kubernetes/restricted';
import { scalarRange } from '../../engine/kubernetes/scalarRanges';
import { pairOf } from '../../engine/kubernetes/yamlNodes';
import type { HelmRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';
import { meta as manifestRule } from '../kubernetes/allow-privilege-escalation';

export const meta: RuleMeta = {
  id: 'helm/allow-privilege-escalation',
  target: 'helm',
  title: 'Chart container allows privilege escalation',
  defaultSeverity: 'warning',
  description: `With \`allowPrivilegeEscalation: true\`, a container's processes may gain more privileges than they
started with: a setuid binary such as \`su\` or \`mount\`, or a file capability, turns a compromised
unprivileged process into root. \`false\` sets the kernel's \`no_new_privs\` flag, which closes that
door for good. The restricted Pod Security Standard requires \`false\` on every container.

Ballast reports \`allowPrivilegeEscalation: true\` at any depth of the values
(\`securityContext.allowPrivilegeEscalation\`, \`controller.containerSecurityContext.allowPrivilegeEscalation\`),
except in sections the chart does not render (\`enabled: false\` on them or around them). A quoted
\`"true"\` is reported too: a template that writes the value as it is renders it as the boolean.
A security context that leaves the field out is a matter for the rule about empty security
contexts, not this one.

The suggestion sets the value to \`false\`. It is not offered when the same security context sets
\`privileged: true\` or adds \`CAP_SYS_ADMIN\`: the API server rejects that combination, so fix those
first.

Bad:
\`\`\`yaml
containerSecurityContext:
  enabled: true
  allowPrivilegeEscalation: true
\`\`\`

Good:
\`\`\`yaml
containerSecurityContext:
  enabled: true
  allowPrivilegeEscalation: false
\`\`\``,
  references: manifestRule.references,
  fix: 'suggestion',
  equivalents: manifestRule.equivalents,
};

export function check(context: HelmRuleContext): void {
  const { model, report } = context;
  for (const { section, value } of valuePairs(model, 'allowPrivilegeEscalation')) {
    if (renderedValue(value) !== true) continue;
    report({
      message: `${formatPath([...section.path, 'allowPrivilegeEscalation'])} is ${writtenAs(section.yaml, value)}: setuid binaries in the container can gain privileges its process never had. Set it to false.`,
      range: scalarRange(model, section.yaml, value),
      fixes: escalationForced(model, section) ? [] : replaceScalarFix(model, section.yaml, value, 'false', 'Set allowPrivilegeEscalation: false'),
    });
  }
}

/**
 * Whether the security context also sets `privileged: true` or adds CAP_SYS_ADMIN, with which the
 * API server accepts no `allowPrivilegeEscalation: false`.
 */
function escalationForced(model: HelmValuesModel, section: ValuesSection): boolean {
  const privileged = pairOf(section.node, 'privileged')?.value;
  if (isScalar(privileged) && renderedValue(privileged) === true) return true;
  const capabilities = childSection(model, section, 'capabilities');
  const add = capabilities && pairOf(capabilities.node, 'add')?.value;
  return isSeq(add) && (add as YAMLSeq).items.some((item) => isScalar(item) && item.value === 'CAP_SYS_ADMIN');
}
