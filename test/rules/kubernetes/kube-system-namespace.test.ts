import { testRule } from '../../helpers/ruleTester';

const MESSAGE = (object: string) =>
  `${object} runs in kube-system, next to the cluster's own components and their powerful service accounts: whoever may manage it there may reach them too. Give it a namespace of its own.`;

const deployment = (namespace: string, eol = '\n') =>
  ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: reporting', `  namespace: ${namespace}`, 'spec:', '  template:', '    spec:', '      containers: [{name: app, image: example/app:1.0}]', ''].join(eol);

testRule('kubernetes/kube-system-namespace', 'kubernetes', {
  valid: [
    { name: 'a namespace of its own', code: deployment('reporting') },
    { name: 'objects without a pod spec may live there', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: coredns-custom, namespace: kube-system}\ndata: {}\n' },
    { name: 'suppressed above the namespace', code: deployment('kube-system').replace('  namespace:', '  # ballast-ignore kubernetes/kube-system-namespace -- cluster add-on\n  namespace:') },
  ],
  invalid: [
    {
      name: 'a Deployment: reported on the namespace',
      code: deployment('kube-system # for now'),
      findings: [{ message: MESSAGE('Deployment reporting'), range: [4, 13, 4, 24] }],
    },
    {
      name: 'quoted, CRLF',
      code: deployment('"kube-system"', '\r\n'),
      findings: [{ message: MESSAGE('Deployment reporting'), range: [4, 13, 4, 26] }],
    },
    {
      name: 'a CronJob and a flow-style Pod in a List',
      code: [
        'apiVersion: batch/v1',
        'kind: CronJob',
        'metadata: {name: cleanup, namespace: kube-system}',
        'spec: {jobTemplate: {spec: {template: {spec: {containers: [{name: c}]}}}}}',
        '---',
        'apiVersion: v1',
        'kind: List',
        'items:',
        '- {apiVersion: v1, kind: Pod, metadata: {name: debug, namespace: kube-system}, spec: {containers: [{name: c}]}}',
        '',
      ].join('\n'),
      findings: [
        { message: MESSAGE('CronJob cleanup'), range: [2, 37, 2, 48] },
        { message: MESSAGE('Pod debug'), range: [8, 65, 8, 76] },
      ],
    },
  ],
});
