import { renderedValue, replaceScalarFix, valuePairs } from '../../engine/helm/sections';
import { formatPath } from '../../engine/helm/values';
import { writtenAs } from '../../engine/kubernetes/restricted';
import { scalarRange } from '../../engine/kubernetes/scalarRanges';
import type { HelmRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';
import { meta as manifestRule } from '../kubernetes/read-only-root-filesystem';

export const meta: RuleMeta = {
  id: 'helm/read-only-root-filesystem',
  target: 'helm',
  title: 'Chart container root filesystem is writable',
  defaultSeverity: 'warning',
  description: `With a writable root filesystem, anyone who gets code running in a container can replace its
binaries and libraries, drop tools and keep them there for as long as the container lives.
\`readOnlyRootFilesystem: true\` takes that away; the application writes only where a volume is
mounted for it (an \`emptyDir\` for \`/tmp\`, caches and sockets).

Ballast reports \`readOnlyRootFilesystem: false\` at any depth of the values
(\`securityContext.readOnlyRootFilesystem\`, \`primary.containerSecurityContext.readOnlyRootFilesystem\`),
except in sections the chart does not render (\`enabled: false\` on them or around them). A quoted
\`"false"\` is reported too: a template that writes the value as it is renders it as the boolean.
A security context that leaves the field out is a matter for the rule about empty security
contexts, not this one.

The suggestion sets the value to \`true\`. Run the container that way before relying on it: many
images write to \`/tmp\`, \`/var/run\` or their own directories, and need an \`emptyDir\` mounted there
(most charts take one through \`extraVolumes\` and \`extraVolumeMounts\`, or \`volumes\` and
\`volumeMounts\`).

Bad:
\`\`\`yaml
securityContext:
  readOnlyRootFilesystem: false
\`\`\`

Good:
\`\`\`yaml
securityContext:
  readOnlyRootFilesystem: true
volumes:
  - name: tmp
    emptyDir: {}
volumeMounts:
  - name: tmp
    mountPath: /tmp
\`\`\``,
  references: manifestRule.references,
  fix: 'suggestion',
  equivalents: manifestRule.equivalents,
};

export function check(context: HelmRuleContext): void {
  const { model, report } = context;
  for (const { section, value } of valuePairs(model, 'readOnlyRootFilesystem')) {
    if (renderedValue(value) !== false) continue;
    report({
      message: `${formatPath([...section.path, 'readOnlyRootFilesystem'])} is ${writtenAs(section.yaml, value)}: code running in the container can change its binaries and keep tools on its disk. Set it to true and mount an emptyDir where it must write.`,
      range: scalarRange(model, section.yaml, value),
      fixes: replaceScalarFix(model, section.yaml, value, 'true', 'Set readOnlyRootFilesystem: true'),
    });
  }
}
