import { testRule } from '../../helpers/ruleTester';

const ingress = (spec: string, metadata = '  name: shop', apiVersion = 'networking.k8s.io/v1', eol = '\n') =>
  [
    `apiVersion: ${apiVersion}`,
    'kind: Ingress',
    'metadata:',
    ...metadata.split('\n'),
    'spec:',
    ...spec.split('\n'),
    '  rules:',
    '    - host: shop.example.com',
    '      http:',
    '        paths: [{path: /, pathType: Prefix, backend: {service: {name: shop, port: {number: 80}}}}]',
    '',
  ].join(eol);

const MESSAGE = (name: string) =>
  `Ingress ${name} has no TLS: its hosts are served over plain HTTP, where passwords and cookies can be read and changed on the way. Add spec.tls with the hosts and the Secret holding their certificate.`;

testRule('kubernetes/ingress-without-tls', 'kubernetes', {
  valid: [
    { name: 'spec.tls with a certificate Secret', code: ingress('  tls:\n    - hosts: [shop.example.com]\n      secretName: shop-tls') },
    { name: 'a certificate attached by the AWS Load Balancer Controller', code: ingress('  ingressClassName: alb', '  name: shop\n  annotations:\n    alb.ingress.kubernetes.io/certificate-arn: arn:aws:acm:eu-west-1:123456789012:certificate/abc') },
    { name: 'a GKE managed certificate', code: ingress('  defaultBackend: {service: {name: shop, port: {number: 80}}}', '  name: shop\n  annotations: {networking.gke.io/managed-certificates: shop-cert}') },
    { name: 'not an Ingress of the Kubernetes API', code: 'apiVersion: traefik.io/v1alpha1\nkind: Ingress\nmetadata: {name: x}\nspec: {}\n' },
    { name: 'suppressed above the kind', code: ingress('  ingressClassName: nginx').replace('kind: Ingress', '# ballast-ignore kubernetes/ingress-without-tls -- TLS ends at the CDN\nkind: Ingress') },
  ],
  invalid: [
    {
      name: 'no tls: reported on the kind',
      code: ingress('  ingressClassName: nginx'),
      findings: [{ message: MESSAGE('shop'), range: [1, 6, 1, 13] }],
    },
    {
      name: 'an empty tls list: reported on it; an empty annotation attaches nothing; CRLF',
      code: ingress('  tls: []', '  name: shop\n  annotations:\n    alb.ingress.kubernetes.io/certificate-arn: ""', 'networking.k8s.io/v1', '\r\n'),
      findings: [{ message: MESSAGE('shop'), range: [7, 2, 7, 5] }],
    },
    {
      name: 'the old extensions/v1beta1 API, in a List',
      code: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: extensions/v1beta1\n    kind: Ingress\n    metadata: {name: legacy}\n    spec: {backend: {serviceName: shop, servicePort: 80}}\n',
      findings: [{ message: MESSAGE('legacy'), range: [4, 10, 4, 17] }],
    },
  ],
});
