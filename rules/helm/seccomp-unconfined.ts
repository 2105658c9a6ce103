import { isPair, isScalar, type Scalar } from 'yaml';
import { activeSections, enclosingContext, replaceScalarFix, valuePairs } from '../../engine/helm/sections';
import { formatPath, sectionKey } from '../../engine/helm/values';
import { scalarRange } from '../../engine/kubernetes/scalarRanges';
import type { HelmRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';
import { meta as manifestRule } from '../kubernetes/seccomp-unconfined';

export const meta: RuleMeta = {
  id: 'helm/seccomp-unconfined',
  target: 'helm',
  title: 'Chart turns seccomp filtering off (Unconfined)',
  defaultSeverity: 'error',
  description: `Seccomp filters the system calls a container may make. The runtime's default profile blocks the few
dozen that no ordinary program needs and that many kernel exploits and container escapes rely on.
\`seccompProfile.type: Unconfined\` removes the filter, so every system call of the node's kernel is
open to the container. The Pod Security Standards allow, from the baseline level up, only
\`RuntimeDefault\` and \`Localhost\` (a profile loaded on the node).

Ballast reports \`seccompProfile.type: Unconfined\` at any depth of the values
(\`podSecurityContext.seccompProfile\`, \`controller.containerSecurityContext.seccompProfile\`, a
\`seccompProfile\` value of its own), and the older annotations
(\`seccomp.security.alpha.kubernetes.io/pod\`, \`container.seccomp.security.alpha.kubernetes.io/<container>\`)
set to \`unconfined\` in any annotations of the values, except in sections the chart does not render
(\`enabled: false\` on them or around them, bitnami's \`podSecurityContext.enabled: false\` included).

Bad:
\`\`\`yaml
podSecurityContext:
  seccompProfile:
    type: Unconfined
\`\`\`

Good:
\`\`\`yaml
podSecurityContext:
  seccompProfile:
    type: RuntimeDefault
\`\`\``,
  references: [
    { title: 'Pod Security Standards: Seccomp (baseline)', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline' },
    { title: "Kubernetes documentation: Restrict a Container's Syscalls with seccomp", url: 'https://kubernetes.io/docs/tutorials/security/seccomp/' },
  ],
  fix: 'suggestion',
  equivalents: manifestRule.equivalents,
};

const POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';
const open = (who: string) => `every system call of the node's kernel is open to ${who}, including the ones many container escapes rely on.`;

export function check(context: HelmRuleContext): void {
  const { model, report } = context;
  for (const { section, value } of valuePairs(model, 'type')) {
    if (sectionKey(section) !== 'seccompProfile' || value.value !== 'Unconfined') continue;
    const level = section.parent && enclosingContext(model, section.parent)?.level;
    report({
      message: `${formatPath([...section.path, 'type'])} is Unconfined, which turns seccomp filtering off: ${open(level === 'pod' ? "the pod's containers" : 'the container')} Set RuntimeDefault, or Localhost with a profile of your own.`,
      range: scalarRange(model, section.yaml, value),
      fixes: replaceScalarFix(model, section.yaml, value, 'RuntimeDefault', 'Set seccompProfile type: RuntimeDefault'),
    });
  }
  for (const section of activeSections(model)) {
    for (const item of section.node.items) {
      if (!isPair(item) || !isScalar(item.key) || !isScalar(item.value)) continue;
      const key = String(item.key.value);
      if (key !== POD_ANNOTATION && !key.startsWith(CONTAINER_ANNOTATION_PREFIX)) continue;
      const value = item.value as Scalar;
      if (value.value !== 'unconfined') continue;
      report({
        message: `${formatPath(section.path) || 'The values'} set${section.path.length === 0 ? '' : 's'} ${key}: unconfined, which turns seccomp filtering off: ${open(key === POD_ANNOTATION ? "the pod's containers" : 'the container')} Set it to runtime/default, or better, seccompProfile.type: RuntimeDefault in the security context.`,
        range: scalarRange(model, section.yaml, value),
        fixes: replaceScalarFix(model, section.yaml, value, 'runtime/default', 'Set the annotation to runtime/default'),
      });
    }
  }
}
