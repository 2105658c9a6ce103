import { testRule } from '../../helpers/ruleTester';

const pod = (containerLines: string) =>
  ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: app', '      image: nginx:1.27', ...containerLines.split('\n'), ''].join('\n');

const containerMessage = (name: string) => `Container ${name} sets runAsUser: 0, so it runs as root. Run it as a non-zero UID: the restricted Pod Security Standard forbids UID 0.`;
const podMessage = (label: string) =>
  `${label} sets runAsUser: 0 for its pod, so containers that name no user of their own run as root. Run as a non-zero UID: the restricted Pod Security Standard forbids UID 0 at pod level too.`;
const FIX = 'Run as UID 10001 instead of root';

const deployment = (podUser: string, initUser: string) =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    '  template:',
    '    spec:',
    '      securityContext:',
    `        runAsUser: ${podUser}`,
    '        fsGroup: 2000',
    '      initContainers:',
    `        - {name: migrate, image: flyway:10, securityContext: {runAsUser: ${initUser}}}`,
    '      containers:',
    '        - name: app',
    '          image: nginx:1.27',
    '          securityContext: {runAsUser: 10001}',
    '',
  ].join('\n');

const cronJob = (user: string) =>
  `apiVersion: batch/v1\r\nkind: CronJob\r\nmetadata: {name: nightly}\r\nspec:\r\n  jobTemplate:\r\n    spec:\r\n      template:\r\n        spec:\r\n          ephemeralContainers: [{name: debug, image: busybox:1.36, securityContext: {runAsUser: ${user}}}]\r\n          containers: [{name: job, image: busybox:1.36}]\r\n`;

testRule('kubernetes/run-as-root-user', 'kubernetes', {
  valid: [
    { name: 'a non-zero UID', code: pod('      securityContext:\n        runAsUser: 10001') },
    { name: 'no UID at all: the image decides (kubernetes/run-as-non-root is about that)', code: pod('      securityContext: {}') },
    { name: 'the string "0" is not a number', code: pod('      securityContext:\n        runAsUser: "0"') },
    { name: 'a pod in a user namespace is exempt', code: pod('      securityContext:\n        runAsUser: 0').replace('spec:\n', 'spec:\n  hostUsers: false\n') },
    { name: 'suppressed above the key', code: pod('      securityContext:\n        # ballast-ignore kubernetes/run-as-root-user -- migrates the host\n        runAsUser: 0') },
  ],
  invalid: [
    {
      name: 'on a container, with a comment kept by the fix',
      code: pod('      securityContext:\n        runAsUser: 0 # root for apt'),
      findings: [
        {
          message: containerMessage('app'),
          range: [9, 19, 9, 20],
          fixes: [{ title: FIX, kind: 'suggestion', output: pod('      securityContext:\n        runAsUser: 10001 # root for apt') }],
        },
      ],
    },
    {
      name: 'on the pod template of a Deployment and on a flow-style init container',
      code: deployment('0', '0'),
      findings: [
        { message: podMessage('Deployment web'), range: [8, 19, 8, 20], fixes: [{ title: FIX, kind: 'suggestion', output: deployment('10001', '0') }] },
        { message: containerMessage('migrate'), range: [11, 73, 11, 74], fixes: [{ title: FIX, kind: 'suggestion', output: deployment('0', '10001') }] },
      ],
    },
    {
      name: 'an ephemeral container of a CronJob, CRLF',
      code: cronJob('0'),
      findings: [{ message: containerMessage('debug'), range: [8, 96, 8, 97], fixes: [{ title: FIX, kind: 'suggestion', output: cronJob('10001') }] }],
    },
    {
      name: 'through an alias: found at the alias, not fixed through it',
      code: pod('      securityContext:\n        runAsUser: *root').replace('kind: Pod\n', 'kind: Pod\nx-defaults: {uid: &root 0}\n'),
      findings: [{ message: containerMessage('app'), range: [10, 19, 10, 24] }],
    },
  ],
});
