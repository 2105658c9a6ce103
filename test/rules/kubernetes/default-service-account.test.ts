import { testRule } from '../../helpers/ruleTester';

const deployment = (specLines: string, eol = '\n') =>
  ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  template:', '    spec:', ...(specLines === '' ? [] : specLines.split('\n')), '      containers:', '        - name: app', '          image: nginx:1.27', ''].join(eol);
const message = (object: string) =>
  `${object} runs as its namespace's default service account, which every pod without its own shares: what one is granted, all get. Create a ServiceAccount for it and set serviceAccountName.`;

testRule('kubernetes/default-service-account', 'kubernetes', {
  valid: [
    { name: 'its own service account', code: deployment('      serviceAccountName: web') },
    { name: 'its own, through the deprecated field', code: deployment('      serviceAccount: web') },
    { name: 'no token mounted: the account cannot be used', code: deployment('      automountServiceAccountToken: false') },
    {
      name: 'the default ServiceAccount of the same file mounts no token',
      code: `apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: default}\nautomountServiceAccountToken: false\n---\n${deployment('')}`,
    },
    { name: 'not a workload', code: 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80}]}\n' },
  ],
  invalid: [
    {
      name: 'no service account named: on kind',
      code: deployment(''),
      findings: [{ message: message('Deployment web'), range: [1, 6, 1, 16] }],
    },
    {
      name: 'serviceAccountName: default, CRLF',
      code: deployment('      serviceAccountName: default # for now', '\r\n'),
      findings: [{ message: message('Deployment web'), range: [7, 26, 7, 33] }],
    },
    {
      name: 'an empty serviceAccountName names nothing',
      code: deployment('      serviceAccountName: ""'),
      findings: [{ message: message('Deployment web'), range: [7, 26, 7, 28] }],
    },
    {
      name: 'the deprecated field naming default',
      code: deployment("      serviceAccount: 'default'"),
      findings: [{ message: message('Deployment web'), range: [7, 22, 7, 31] }],
    },
    {
      name: 'the pod says true although the default ServiceAccount says false',
      code: `apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: default}\nautomountServiceAccountToken: false\n---\n${deployment('      automountServiceAccountToken: true')}`,
      findings: [{ message: message('Deployment web'), range: [6, 6, 6, 16] }],
    },
    {
      name: 'through an alias: on the alias',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {account: &sa default}}\nspec:\n  serviceAccountName: *sa\n  containers: [{name: a, image: "a:1"}]\n',
      findings: [{ message: message('Pod p'), range: [4, 22, 4, 25] }],
    },
    {
      name: 'a CronJob in a List, flow style',
      code: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: batch/v1\n    kind: CronJob\n    metadata: {name: nightly}\n    spec: {jobTemplate: {spec: {template: {spec: {containers: [{name: j, image: "j:1"}]}}}}}\n',
      findings: [{ message: message('CronJob nightly'), range: [4, 10, 4, 17] }],
    },
  ],
});
