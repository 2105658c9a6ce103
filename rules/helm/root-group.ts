import { isScalar, isSeq, type YAMLSeq } from 'yaml';
import { activeSections, enclosingContext, renderedValue, replaceScalarFix, valuePairs } from '../../engine/helm/sections';
import { formatPath } from '../../engine/helm/values';
import { isRepeatedByAlias } from '../../engine/kubernetes/anchors';
import { writtenAs } from '../../engine/kubernetes/restricted';
import { scalarRange } from '../../engine/kubernetes/scalarRanges';
import { YamlEditor } from '../../engine/kubernetes/yamlEdits';
import { pairOf } from '../../engine/kubernetes/yamlNodes';
import type { HelmRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';
import { meta as manifestRule } from '../kubernetes/root-group';

export const meta: RuleMeta = {
  id: 'helm/root-group',
  target: 'helm',
  title: 'Chart runs with the root group',
  defaultSeverity: 'warning',
  description: `Group 0 is root's group. Most files in a container image, and many on the node, belong to it, often
with group write permission, so a process in group 0 can read and change them even when it does not
run as root. Three settings put a pod's processes there: \`runAsGroup: 0\` (on the pod, or on a
container), \`fsGroup: 0\` (which also hands every volume to group 0) and \`supplementalGroups\`
listing 0.

Ballast reports them at any depth of the values (\`podSecurityContext.fsGroup\`,
\`primary.containerSecurityContext.runAsGroup\`), except in sections the chart does not render
(\`enabled: false\` on them or around them, such as bitnami's \`volumePermissions\` init container,
which is off by default). A quoted \`"0"\` is reported too: a template that writes the value as it
is renders it as the number. The suggestions use group 10001 instead, or drop 0 from
\`supplementalGroups\`; check that the containers can still read their files.

Bad:
\`\`\`yaml
podSecurityContext:
  runAsUser: 10001
  runAsGroup: 0
  fsGroup: 0
\`\`\`

Good:
\`\`\`yaml
podSecurityContext:
  runAsUser: 10001
  runAsGroup: 10001
  fsGroup: 10001
\`\`\``,
  references: manifestRule.references,
  fix: 'suggestion',
  equivalents: manifestRule.equivalents,
};

const SUGGESTED_GID = '10001';
const FIX_TITLE = `Use group ${SUGGESTED_GID} instead of root`;

export function check(context: HelmRuleContext): void {
  const { model, report } = context;
  for (const { section, value } of valuePairs(model, 'runAsGroup')) {
    if (renderedValue(value) !== 0) continue;
    const path = formatPath([...section.path, 'runAsGroup']);
    const written = writtenAs(section.yaml, value);
    report({
      message:
        enclosingContext(model, section)?.level === 'pod'
          ? `${path} is ${written}: containers that set no group of their own run in the root group and can use every file whose group is root. Use a non-zero group ID.`
          : `${path} is ${written}: the container's processes run in the root group and can use every file whose group is root. Use a non-zero group ID.`,
      range: scalarRange(model, section.yaml, value),
      fixes: replaceScalarFix(model, section.yaml, value, SUGGESTED_GID, FIX_TITLE),
    });
  }
  for (const { section, value } of valuePairs(model, 'fsGroup')) {
    if (renderedValue(value) !== 0) continue;
    report({
      message: `${formatPath([...section.path, 'fsGroup'])} is ${writtenAs(section.yaml, value)}: the pod's volumes are handed to the root group and every container runs in it. Use a non-zero group ID.`,
      range: scalarRange(model, section.yaml, value),
      fixes: replaceScalarFix(model, section.yaml, value, SUGGESTED_GID, FIX_TITLE),
    });
  }
  for (const section of activeSections(model)) {
    const groups = pairOf(section.node, 'supplementalGroups')?.value;
    if (!isSeq(groups)) continue;
    const shared = isRepeatedByAlias(section.yaml.document, groups);
    (groups as YAMLSeq).items.forEach((item, index) => {
      if (!isScalar(item) || renderedValue(item) !== 0) return;
      const edit = shared ? undefined : new YamlEditor(model, section.yaml).removeItem(section.node, 'supplementalGroups', index);
      report({
        message: `${formatPath([...section.path, 'supplementalGroups', index])} is ${writtenAs(section.yaml, item)}: every container of the pod runs in the root group as well and can use every file whose group is root. Remove it.`,
        range: scalarRange(model, section.yaml, item),
        fixes: edit ? [{ title: 'Remove group 0 from supplementalGroups', kind: 'suggestion', edits: [edit] }] : [],
      });
    });
  }
}
