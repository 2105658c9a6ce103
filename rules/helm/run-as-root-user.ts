import { enclosingContext, inUserNamespace, renderedValue, replaceScalarFix, valuePairs } from '../../engine/helm/sections';
import { formatPath } from '../../engine/helm/values';
import { writtenAs } from '../../engine/kubernetes/restricted';
import { scalarRange } from '../../engine/kubernetes/scalarRanges';
import type { HelmRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';
import { meta as manifestRule } from '../kubernetes/run-as-root-user';

export const meta: RuleMeta = {
  id: 'helm/run-as-root-user',
  target: 'helm',
  title: 'Chart runs as UID 0 (root)',
  defaultSeverity: 'error',
  description: `\`runAsUser: 0\` runs the container's process as root, whatever user the image names, and it also
defeats \`runAsNonRoot: true\` (the kubelet then refuses to start the container). Root in a
container owns every file in it and, one kernel bug or mounted socket away, the node. The
restricted Pod Security Standard forbids UID 0 on the pod and on every container.

Ballast reports \`runAsUser: 0\` at any depth of the values (\`podSecurityContext.runAsUser\`,
\`controller.containerSecurityContext.runAsUser\`, \`initContainers[0].securityContext.runAsUser\`),
except in sections the chart does not render (\`enabled: false\` on them or around them, such as
bitnami's \`volumePermissions\` init container, which runs as root on purpose and is off by default)
and under \`hostUsers: false\`, where UID 0 in the container is an unprivileged user on the node. A
quoted \`"0"\` is reported too: a template that writes the value as it is renders it as the number.
Group 0 is the concern of \`helm/root-group\`.

The suggestion runs the container as UID 10001 instead; make sure the image's files are readable
by that user (or set \`fsGroup\` for volumes).

Bad:
\`\`\`yaml
securityContext:
  runAsUser: 0
\`\`\`

Good:
\`\`\`yaml
securityContext:
  runAsUser: 10001
  runAsNonRoot: true
\`\`\``,
  references: manifestRule.references,
  fix: 'suggestion',
  equivalents: manifestRule.equivalents,
};

/** A non-root UID well above distribution ranges, as the Kubernetes rule suggests. */
const SUGGESTED_UID = '10001';

export function check(context: HelmRuleContext): void {
  const { model, report } = context;
  for (const { section, value } of valuePairs(model, 'runAsUser')) {
    if (renderedValue(value) !== 0 || inUserNamespace(section)) continue;
    const path = formatPath([...section.path, 'runAsUser']);
    const written = writtenAs(section.yaml, value);
    report({
      message:
        enclosingContext(model, section)?.level === 'pod'
          ? `${path} is ${written}: containers that name no user of their own run as root. Use a non-zero UID: the restricted Pod Security Standard forbids UID 0 for the pod too.`
          : `${path} is ${written}: the container runs as root, whatever user its image names. Use a non-zero UID: the restricted Pod Security Standard forbids UID 0.`,
      range: scalarRange(model, section.yaml, value),
      fixes: replaceScalarFix(model, section.yaml, value, SUGGESTED_UID, `Run as UID ${SUGGESTED_UID} instead of root`),
    });
  }
}
