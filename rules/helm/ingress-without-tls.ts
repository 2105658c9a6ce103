import { isMap, isScalar, isSeq, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { activeSections } from '../../engine/helm/sections';
import { formatPath, isFalse, isTrue, scalarText, sectionKey, type HelmValuesModel, type ValuesSection } from '../../engine/helm/values';
import { rangeOfNode } from '../../engine/kubernetes/model';
import { pairOf } from '../../engine/kubernetes/yamlNodes';
import type { HelmRuleContext } from '../../engine/rule';
import type { Range, RuleMeta } from '../../engine/types';
import { CERTIFICATE_ANNOTATIONS, meta as manifestRule } from '../kubernetes/ingress-without-tls';

export const meta: RuleMeta = {
  id: 'helm/ingress-without-tls',
  target: 'helm',
  title: 'Chart Ingress enabled without TLS',
  defaultSeverity: 'warning',
  description: `An Ingress without TLS serves its hosts over plain HTTP: passwords, session cookies and tokens
cross the network readable, and anyone on the path can change the responses.

Ballast reports an Ingress section of the values (a key \`ingress\` or ending in \`Ingress\`, at any
depth: \`ingress\`, \`server.ingress\`, \`apiIngress\`; not inside \`networkPolicy\`) with \`enabled: true\`
whose \`tls\` is missing, null, empty (\`tls: []\` as \`helm create\` writes it), \`false\` (the bitnami
switch) or a mapping with \`enabled: false\`. It is left alone when TLS comes another way:
\`extraTls\` entries, a host with \`tls: true\`, or an annotation that attaches a certificate outside
the Ingress's \`tls\` (an AWS Load Balancer Controller \`alb.ingress.kubernetes.io/certificate-arn\`, a
GKE managed or pre-shared certificate).

Add \`tls\` entries naming the hosts and the Secret that holds their certificate; cert-manager can
issue and renew it (\`cert-manager.io/cluster-issuer\` annotation). With bitnami charts, set
\`tls: true\` and give the certificate: a cert-manager annotation, \`ingress.secrets\`, or
\`ingress.selfSigned\`. There is no automatic fix: \`tls: true\` alone points the Ingress at a Secret
that nothing creates.

Bad:
\`\`\`yaml
ingress:
  enabled: true
  hosts:
    - host: shop.example.com
      paths:
        - path: /
          pathType: Prefix
  tls: []
\`\`\`

Good:
\`\`\`yaml
ingress:
  enabled: true
  annotations:
    cert-manager.io/cluster-issuer: letsencrypt
  hosts:
    - host: shop.example.com
      paths:
        - path: /
          pathType: Prefix
  tls:
    - secretName: shop-tls
      hosts:
        - shop.example.com
\`\`\``,
  references: [
    { title: 'Kubernetes docs: Ingress, TLS', url: 'https://kubernetes.io/docs/concepts/services-networking/ingress/#tls' },
    { title: 'cert-manager: Securing Ingress resources', url: 'https://cert-manager.io/docs/usage/ingress/' },
    { title: 'OWASP Transport Layer Security Cheat Sheet', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Transport_Layer_Security_Cheat_Sheet.html' },
  ],
  fix: 'none',
  equivalents: manifestRule.equivalents,
};

const PLAIN_HTTP = 'the Ingress serves its hosts over plain HTTP, where passwords and cookies can be read and changed on the way';

export function check(context: HelmRuleContext): void {
  const { model, report } = context;
  for (const section of activeSections(model)) {
    if (!isIngressSection(section)) continue;
    const enabled = pairOf(section.node, 'enabled')?.value;
    if (!isTrue(enabled) || hasTlsElsewhere(section)) continue;
    const finding = missingTls(model, section, enabled as Node);
    if (finding) report(finding);
  }
}

/**
 * `ingress`, `server.ingress`, `apiIngress`; not inside a NetworkPolicy's values, where `ingress`
 * means the traffic coming in.
 */
function isIngressSection(section: ValuesSection): boolean {
  const key = sectionKey(section);
  return key !== undefined && /^ingress$|Ingress$/.test(key) && !section.path.some((part) => typeof part === 'string' && /networkpolic/i.test(part));
}

/** TLS given some other way than `tls`: `extraTls`, a host's own `tls: true`, a certificate annotation. */
function hasTlsElsewhere(section: ValuesSection): boolean {
  const extra = pairOf(section.node, 'extraTls')?.value;
  if (isSeq(extra) && (extra as YAMLSeq).items.length > 0) return true;
  const hosts = pairOf(section.node, 'hosts')?.value;
  if (isSeq(hosts) && (hosts as YAMLSeq).items.some((host) => isMap(host) && isTrue(pairOf(host as YAMLMap, 'tls')?.value))) return true;
  const annotations = pairOf(section.node, 'annotations')?.value;
  return isMap(annotations) && CERTIFICATE_ANNOTATIONS.some((key) => (scalarText(pairOf(annotations as YAMLMap, key)?.value) ?? '').trim() !== '');
}

function missingTls(model: HelmValuesModel, section: ValuesSection, enabled: Node): { message: string; range: Range } | undefined {
  const ingress = formatPath(section.path);
  const path = `${ingress}.tls`;
  const range = (node: Node) => rangeOfNode(model, section.yaml, node)!;
  const addEntries = `Add ${path} entries with the hosts and the Secret holding their certificate; cert-manager can issue it.`;
  const pair = pairOf(section.node, 'tls');
  if (!pair) return { message: `${ingress}.enabled is true and ${path} is not set, so ${PLAIN_HTTP}. ${addEntries}`, range: range(enabled) };
  const value = pair.value as Node | null;
  const written = value && value.range && value.range[0] < value.range[1] ? value : undefined;
  if (!value || (isScalar(value) && value.value === null) || (isMap(value) && (value as YAMLMap).items.length === 0) || (isSeq(value) && (value as YAMLSeq).items.length === 0)) {
    return { message: `${path} is empty, so ${PLAIN_HTTP}. ${addEntries}`, range: range(written ?? (pair.key as Node)) };
  }
  if (isFalse(value)) {
    return {
      message: `${path} is false, so ${PLAIN_HTTP}. Set it to true and provide the certificate: a cert-manager annotation, ${ingress}.secrets or ${ingress}.selfSigned.`,
      range: range(value),
    };
  }
  const switchedOff = isMap(value) ? pairOf(value as YAMLMap, 'enabled')?.value : undefined;
  if (isFalse(switchedOff)) {
    return { message: `${path}.enabled is false, so ${PLAIN_HTTP}. Enable it, with a certificate for the hosts.`, range: range(switchedOff as Node) };
  }
  return undefined;
}
