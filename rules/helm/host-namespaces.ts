import { renderedValue, replaceScalarFix, valuePairs } from '../../engine/helm/sections';
import { formatPath } from '../../engine/helm/values';
import { scalarRange } from '../../engine/kubernetes/scalarRanges';
import type { HelmRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';
import { HOST_NAMESPACES, meta as manifestRule } from '../kubernetes/host-namespaces';

export const meta: RuleMeta = {
  id: 'helm/host-namespaces',
  target: 'helm',
  title: "Chart pods share the node's network, process or IPC namespace",
  defaultSeverity: 'error',
  description: `\`hostNetwork\`, \`hostPID\` and \`hostIPC\` put every container of the pod in one of the node's own
namespaces. With \`hostNetwork\` the pod sees all of the node's interfaces and can reach services
that listen only on the node's localhost (the kubelet's, for one); with \`hostPID\` it sees every
process on the node, their environment and command lines, and can signal them; with \`hostIPC\` it
reads and writes the node's shared memory. The Pod Security Standards forbid all three from the
baseline level up.

Ballast reports \`hostNetwork: true\`, \`hostPID: true\` and \`hostIPC: true\` at any depth of the values
(\`controller.hostNetwork\`, \`daemonset.hostPID\`), except in sections the chart does not render
(\`enabled: false\` on them or around them). The suggestion sets the value to \`false\`: check first
that the chart does not need it (CNI plugins, node exporters and some ingress controllers do).

Bad:
\`\`\`yaml
controller:
  hostNetwork: true
\`\`\`

Good:
\`\`\`yaml
controller:
  hostNetwork: false
\`\`\``,
  references: [
    { title: 'Pod Security Standards: Host Namespaces (baseline)', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline' },
    { title: 'CIS Kubernetes Benchmark 5.2.3-5.2.5: Minimize the admission of containers sharing the host PID, IPC and network namespaces', url: 'https://www.cisecurity.org/benchmark/kubernetes' },
  ],
  fix: 'suggestion',
  equivalents: manifestRule.equivalents,
};

export function check(context: HelmRuleContext): void {
  const { model, report } = context;
  for (const { field, namespace, consequence } of HOST_NAMESPACES) {
    for (const { section, value } of valuePairs(model, field)) {
      // `"true"` and `yes` too: a template that writes the value as it is drops the quotes.
      if (renderedValue(value) !== true) continue;
      report({
        message: `${formatPath([...section.path, field])} is true: each pod shares the node's ${namespace} namespace, so ${consequence}. Set it to false unless the chart needs it.`,
        range: scalarRange(model, section.yaml, value),
        fixes: replaceScalarFix(model, section.yaml, value, 'false', `Set ${field}: false`),
      });
    }
  }
}
