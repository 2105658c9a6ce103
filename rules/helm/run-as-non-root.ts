import { enclosingContext, inUserNamespace, renderedValue, replaceScalarFix, valuePairs } from '../../engine/helm/sections';
import { formatPath } from '../../engine/helm/values';
import { writtenAs } from '../../engine/kubernetes/restricted';
import { scalarRange } from '../../engine/kubernetes/scalarRanges';
import type { HelmRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';
import { meta as manifestRule } from '../kubernetes/run-as-non-root';

export const meta: RuleMeta = {
  id: 'helm/run-as-non-root',
  target: 'helm',
  title: 'Chart container may run as root',
  defaultSeverity: 'warning',
  description: `\`runAsNonRoot: false\` lets a container run as whatever user its image names, which is root for most
images. With \`true\`, the kubelet refuses to start the container as UID 0, so a root image fails
loudly instead of running with root's power over every file and capability in the container. The
restricted Pod Security Standard requires \`true\` on every container, or on the pod for the
containers that set nothing themselves, and rejects a pod-level \`false\` outright.

Ballast reports \`runAsNonRoot: false\` at any depth of the values (\`podSecurityContext.runAsNonRoot\`,
\`primary.containerSecurityContext.runAsNonRoot\`), except in sections the chart does not render
(\`enabled: false\` on them or around them) and under \`hostUsers: false\`, where the pod runs in a
user namespace and root in it is an unprivileged user on the node. A quoted \`"false"\` is reported
too: a template that writes the value as it is renders it as the boolean.

The suggestion sets the value to \`true\`. Check that the image runs as a numeric non-root user
(\`USER 10001\`), or set \`runAsUser\` too, or the container will not start.

Bad:
\`\`\`yaml
podSecurityContext:
  runAsNonRoot: false
\`\`\`

Good:
\`\`\`yaml
podSecurityContext:
  runAsNonRoot: true
  runAsUser: 10001
\`\`\``,
  references: manifestRule.references,
  fix: 'suggestion',
  equivalents: manifestRule.equivalents,
};

export function check(context: HelmRuleContext): void {
  const { model, report } = context;
  for (const { section, value } of valuePairs(model, 'runAsNonRoot')) {
    if (renderedValue(value) !== false || inUserNamespace(section)) continue;
    const path = formatPath([...section.path, 'runAsNonRoot']);
    const written = writtenAs(section.yaml, value);
    report({
      message:
        enclosingContext(model, section)?.level === 'pod'
          ? `${path} is ${written}: containers that set nothing of their own run as root whenever their image's user is root, and the restricted Pod Security Standard rejects the pod outright. Set it to true.`
          : `${path} is ${written}: the container runs as root whenever its image's user is root. Set it to true.`,
      range: scalarRange(model, section.yaml, value),
      fixes: replaceScalarFix(model, section.yaml, value, 'true', 'Set runAsNonRoot: true'),
    });
  }
}
