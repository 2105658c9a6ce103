import { describeObject } from '../../engine/kubernetes/describe';
import { objectAnchor, objectRef, rangeOfNode } from '../../engine/kubernetes/model';
import { mapAt, pairOf, seqAt, stringAt } from '../../engine/kubernetes/yamlNodes';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/ingress-without-tls',
  target: 'kubernetes',
  title: 'Ingress without TLS',
  defaultSeverity: 'warning',
  description: `An Ingress without \`spec.tls\` serves its hosts over plain HTTP: passwords, session cookies and
tokens cross the network readable, and anyone on the path can change the responses.

Ballast reports an Ingress whose \`spec.tls\` is missing or empty, unless the certificate is attached
another way that Kubernetes does not see: an AWS Load Balancer Controller certificate
(\`alb.ingress.kubernetes.io/certificate-arn\`), a GKE managed or pre-shared certificate
(\`networking.gke.io/managed-certificates\`, \`ingress.gcp.kubernetes.io/pre-shared-cert\`).

Add \`spec.tls\` naming the hosts and the Secret that holds their certificate; cert-manager can
issue and renew it (\`cert-manager.io/cluster-issuer\` annotation). There is no automatic fix: the
certificate Secret has to exist.

Bad:
\`\`\`yaml
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: shop
                port:
                  number: 80
\`\`\`

Good:
\`\`\`yaml
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  annotations:
    cert-manager.io/cluster-issuer: letsencrypt
spec:
  tls:
    - hosts: [shop.example.com]
      secretName: shop-tls
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: shop
                port:
                  number: 80
\`\`\``,
  references: [
    { title: 'Kubernetes docs: Ingress, TLS', url: 'https://kubernetes.io/docs/concepts/services-networking/ingress/#tls' },
    { title: 'OWASP Transport Layer Security Cheat Sheet', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Transport_Layer_Security_Cheat_Sheet.html' },
  ],
  fix: 'none',
  equivalents: { polaris: ['tlsSettingsMissing'] },
};

/** Annotations that attach a certificate outside `spec.tls`. */
export const CERTIFICATE_ANNOTATIONS = ['alb.ingress.kubernetes.io/certificate-arn', 'networking.gke.io/managed-certificates', 'ingress.gcp.kubernetes.io/pre-shared-cert'];

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    if (object.kind !== 'Ingress' || !/^(networking\.k8s\.io|extensions)\//.test(object.apiVersion)) continue;
    const document = object.yaml.document;
    const annotations = mapAt(object.metadata, 'annotations', document);
    if (CERTIFICATE_ANNOTATIONS.some((key) => (stringAt(annotations, key, document) ?? '').trim() !== '')) continue;
    const spec = mapAt(object.node, 'spec', document);
    const tls = seqAt(spec, 'tls', document);
    if (tls && tls.items.length > 0) continue;
    const tlsPair = pairOf(spec, 'tls');
    report({
      message: `${describeObject(object)} has no TLS: its hosts are served over plain HTTP, where passwords and cookies can be read and changed on the way. Add spec.tls with the hosts and the Secret holding their certificate.`,
      // An empty `tls:` is the place to fill in; a missing one belongs to the object.
      range: tlsPair ? rangeOfNode(model, object.yaml, tlsPair.key)! : objectAnchor(model, object),
      object: objectRef(object),
    });
  }
}
