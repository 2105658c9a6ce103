import { renderedValue, replaceScalarFix, valuePairs } from '../../engine/helm/sections';
import { formatPath, isFalse, sectionKey, type ValuesSection } from '../../engine/helm/values';
import { scalarRange } from '../../engine/kubernetes/scalarRanges';
import { pairOf } from '../../engine/kubernetes/yamlNodes';
import type { HelmRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';
import { meta as manifestRule } from '../kubernetes/automount-service-account-token';

export const meta: RuleMeta = {
  id: 'helm/automount-service-account-token',
  target: 'helm',
  title: 'Chart mounts the service account token automatically',
  defaultSeverity: 'info',
  description: `Unless told otherwise, Kubernetes mounts a token for the pod's service account into every
container. Most applications never call the Kubernetes API, but anyone who gets code running in the
container can: with whatever the account is allowed, and often more than anyone remembers granting.

Ballast reports, at any depth of the values, \`serviceAccount.automount: true\` (as \`helm create\`
writes it) and \`automountServiceAccountToken: true\` (on the pods, or in a \`serviceAccount\` section
as bitnami charts write it), except in sections the chart does not render (\`enabled: false\` on
them or around them). A \`serviceAccount\` section with \`create: false\` is left alone: the chart
creates no ServiceAccount for the setting to go on. Values that leave the setting out are not
reported, since what the chart then does depends on its templates.

The suggestion sets \`false\`: check first that nothing in the pods talks to the API (operators,
controllers and CI runners do).

Bad:
\`\`\`yaml
serviceAccount:
  create: true
  automount: true
\`\`\`

Good:
\`\`\`yaml
serviceAccount:
  create: true
  automount: false
\`\`\``,
  references: [
    { title: 'Kubernetes: Configure Service Accounts for Pods, opt out of API credential automounting', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting' },
    { title: 'CIS Kubernetes Benchmark 5.1.6: Ensure that Service Account Tokens are only mounted where necessary', url: 'https://www.cisecurity.org/benchmark/kubernetes' },
    { title: 'Kubernetes: Service account security best practices', url: 'https://kubernetes.io/docs/concepts/security/service-accounts/' },
  ],
  fix: 'suggestion',
  equivalents: manifestRule.equivalents,
};

const FIELD = 'automountServiceAccountToken';

/** `serviceAccount`, `controller.serviceAccount`, `workerServiceAccount`: the chart's ServiceAccount. */
function isServiceAccountSection(section: ValuesSection): boolean {
  return /serviceaccount$/i.test(sectionKey(section) ?? '');
}

export function check(context: HelmRuleContext): void {
  const { model, report } = context;
  const pairs = [...valuePairs(model, FIELD), ...valuePairs(model, 'automount').filter(({ section }) => isServiceAccountSection(section))];
  for (const { section, key, value } of pairs) {
    if (renderedValue(value) !== true) continue;
    const onAccount = isServiceAccountSection(section);
    // The chart creates no ServiceAccount: the setting goes nowhere.
    if (onAccount && isFalse(pairOf(section.node, 'create')?.value)) continue;
    const path = formatPath([...section.path, String(key.value)]);
    report({
      message: onAccount
        ? `${path} is true: every pod running as the chart's service account gets its token unless the pod opts out, and code running there can call the Kubernetes API with it. Set it to false and let the pods that call the API opt in.`
        : `${path} is true: the service account token is mounted into the pods' containers, where code running there can call the Kubernetes API with it. Set it to false unless the pods use the API.`,
      range: scalarRange(model, section.yaml, value),
      fixes: replaceScalarFix(model, section.yaml, value, 'false', `Set ${String(key.value)}: false`),
    });
  }
}
