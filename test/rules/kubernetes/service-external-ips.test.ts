import { testRule } from '../../helpers/ruleTester';

const service = (spec: string, eol = '\n') =>
  ['apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', '  selector: {app: web}', '  ports: [{port: 80}]', ...spec.split('\n'), ''].join(eol);

const MESSAGE = (name: string) =>
  `Service ${name} sets externalIPs: nodes send traffic for those addresses to it, and anyone who may create Services can claim any address this way (CVE-2020-8554). Receive outside traffic through a LoadBalancer, Ingress or Gateway instead.`;

testRule('kubernetes/service-external-ips', 'kubernetes', {
  valid: [
    { name: 'no externalIPs', code: service('  type: LoadBalancer') },
    { name: 'an empty list', code: service('  externalIPs: []') },
    { name: 'suppressed above the key', code: service('  # ballast-ignore kubernetes/service-external-ips -- bare-metal ingress address\n  externalIPs:\n    - 203.0.113.10') },
  ],
  invalid: [
    {
      name: 'block list: reported on the key',
      code: service('  externalIPs: # the office\n    - 203.0.113.10'),
      findings: [{ message: MESSAGE('web'), range: [7, 2, 7, 13] }],
    },
    {
      name: 'flow style after another document, CRLF',
      code: `apiVersion: v1\r\nkind: Namespace\r\nmetadata: {name: web}\r\n---\r\n${service('  externalIPs: [198.51.100.7]', '\r\n')}`,
      findings: [{ message: MESSAGE('web'), range: [11, 2, 11, 13] }],
    },
  ],
});
