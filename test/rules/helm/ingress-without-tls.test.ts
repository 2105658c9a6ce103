import { testRule } from '../../helpers/ruleTester';

const PLAIN_HTTP = 'the Ingress serves its hosts over plain HTTP, where passwords and cookies can be read and changed on the way';
const ADD = (path: string) => `Add ${path} entries with the hosts and the Secret holding their certificate; cert-manager can issue it.`;
const EMPTY = (path: string) => `${path} is empty, so ${PLAIN_HTTP}. ${ADD(path)}`;
const NOT_SET = (ingress: string) => `${ingress}.enabled is true and ${ingress}.tls is not set, so ${PLAIN_HTTP}. ${ADD(`${ingress}.tls`)}`;

const HELM_CREATE = (enabled: string) =>
  `ingress:\n  enabled: ${enabled}\n  className: ""\n  annotations: {}\n    # kubernetes.io/ingress.class: nginx\n  hosts:\n    - host: chart-example.local\n      paths:\n        - path: /\n          pathType: ImplementationSpecific\n  tls: []\n  #  - secretName: chart-example-tls\n  #    hosts:\n  #      - chart-example.local\n`;

testRule('helm/ingress-without-tls', 'helm-values', {
  valid: [
    { name: 'helm create defaults: the Ingress is disabled', code: HELM_CREATE('false') },
    { name: 'tls entries', code: 'ingress:\n  enabled: true\n  tls:\n    - secretName: web-tls\n      hosts: [web.example.com]\n' },
    { name: 'bitnami tls: true with a self-signed certificate', code: 'ingress:\n  enabled: true\n  hostname: app.local\n  tls: true\n  selfSigned: true\n' },
    { name: 'bitnami extraTls', code: 'ingress:\n  enabled: true\n  tls: false\n  extraTls:\n    - hosts: [app.local]\n      secretName: app.local-tls\n' },
    { name: 'a host with its own tls', code: 'ingress:\n  enabled: true\n  hosts:\n    - name: app.local\n      tls: true\n      tlsSecret: app.local-tls\n' },
    { name: 'an ALB certificate annotation', code: 'ingress:\n  enabled: true\n  annotations:\n    alb.ingress.kubernetes.io/certificate-arn: arn:aws:acm:eu-west-1:123456789012:certificate/abc\n  tls: []\n' },
    { name: 'a disabled component around it', code: 'server:\n  enabled: false\n  ingress:\n    enabled: true\n    tls: []\n' },
    { name: 'a tls mapping that is enabled', code: 'ingress:\n  enabled: true\n  tls:\n    enabled: true\n    secretName: web-tls\n' },
    {
      name: 'lookalikes: no enabled switch, a NetworkPolicy ingress, other keys',
      code: 'ingress:\n  tls: []\nnetworkPolicy:\n  ingress:\n    enabled: true\ningressController:\n  enabled: true\ningressClassResource:\n  enabled: true\n',
    },
    { name: 'suppressed', code: 'ingress:\n  enabled: true\n  # ballast-ignore helm/ingress-without-tls -- TLS ends at the load balancer\n  tls: []\n' },
  ],
  invalid: [
    {
      name: 'helm create values with the Ingress enabled',
      code: HELM_CREATE('true'),
      findings: [{ message: EMPTY('ingress.tls'), range: [10, 7, 10, 9] }],
    },
    {
      name: "bitnami's tls: false",
      code: 'ingress:\n  enabled: true\n  hostname: app.local\n  tls: false\n  selfSigned: false\n  extraTls: []\n',
      findings: [
        {
          message: `ingress.tls is false, so ${PLAIN_HTTP}. Set it to true and provide the certificate: a cert-manager annotation, ingress.secrets or ingress.selfSigned.`,
          range: [3, 7, 3, 12],
        },
      ],
    },
    {
      name: 'flow style, tls not set: on enabled',
      code: 'ingress: {enabled: true, hosts: [{host: a.example.com}]}\n',
      findings: [{ message: NOT_SET('ingress'), range: [0, 19, 0, 23] }],
    },
    {
      name: 'a component at depth with tls: null, CRLF',
      code: 'server:\r\n  ingress:\r\n    enabled: true\r\n    tls:\r\n',
      findings: [{ message: EMPTY('server.ingress.tls'), range: [3, 4, 3, 7] }],
    },
    {
      name: 'an Ingress of a list item, tls switched off',
      code: 'components:\n  - name: api\n    apiIngress:\n      enabled: true\n      tls:\n        enabled: false\n',
      findings: [{ message: `components[0].apiIngress.tls.enabled is false, so ${PLAIN_HTTP}. Enable it, with a certificate for the hosts.`, range: [5, 17, 5, 22] }],
    },
    {
      name: 'a cert-manager annotation does not replace tls entries',
      code: 'ingress:\n  enabled: true\n  annotations:\n    cert-manager.io/cluster-issuer: letsencrypt\n  tls: {}\n',
      findings: [{ message: EMPTY('ingress.tls'), range: [4, 7, 4, 9] }],
    },
  ],
});
