import { replaceScalarFix } from '../../engine/helm/sections';
import { formatPath, isFalse, scalarPair, sectionKey } from '../../engine/helm/values';
import { scalarRange } from '../../engine/kubernetes/scalarRanges';
import type { HelmRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'helm/network-policy-disabled',
  target: 'helm',
  title: "Chart's NetworkPolicy switched off",
  defaultSeverity: 'info',
  description: `Kubernetes lets every pod connect to every other pod unless a NetworkPolicy selects it. Many
charts ship a policy that admits only the traffic the application needs (bitnami charts turn it on by
default) behind \`networkPolicy.enabled\`; with it off, any pod in the cluster, a compromised one
included, can reach the chart's pods, its database and admin ports too.

Ballast reports \`networkPolicy.enabled: false\` at any depth of the values (\`networkPolicy\`,
\`primary.networkPolicy\`, \`controller.networkPolicy\`), except inside sections the chart does not
render. This is information, not a warning: switching the policy off is often deliberate (the
cluster's CNI does not enforce policies, or the namespace has its own), and several charts ship it
off by default. Check that something else restricts the traffic.

The suggestion sets \`enabled: true\`. That changes behaviour: connections that the chart's policy
does not allow stop working, so add the clients that need access to the policy's allowed sources
(bitnami: \`networkPolicy.allowExternal\`, \`networkPolicy.extraIngress\`) before applying it.

Bad:
\`\`\`yaml
networkPolicy:
  enabled: false
\`\`\`

Good:
\`\`\`yaml
networkPolicy:
  enabled: true
  allowExternal: false
\`\`\``,
  references: [
    { title: 'Kubernetes docs: Network Policies', url: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/' },
    { title: 'NSA/CISA Kubernetes Hardening Guide: Network separation and hardening', url: 'https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF' },
  ],
  fix: 'suggestion',
  // The manifest rules have no counterpart: whether a pod is covered by a policy depends on
  // NetworkPolicies that are usually in other files.
  equivalents: {},
};

export function check(context: HelmRuleContext): void {
  const { model, report } = context;
  for (const section of model.sections) {
    // The section switches itself off; what matters is whether the chart around it is rendered.
    if (!/^networkpolicy$/i.test(sectionKey(section) ?? '') || section.parent?.disabled) continue;
    const enabled = scalarPair(section, 'enabled');
    if (!enabled || !isFalse(enabled.value)) continue;
    const path = formatPath([...section.path, 'enabled']);
    report({
      message: `${path} is false: the chart creates no NetworkPolicy, so any pod in the cluster can connect to these pods. Enable it and allow the clients that need access, unless other policies restrict the traffic.`,
      range: scalarRange(model, section.yaml, enabled.value),
      fixes: replaceScalarFix(model, section.yaml, enabled.value, 'true', 'Set enabled: true'),
    });
  }
}
