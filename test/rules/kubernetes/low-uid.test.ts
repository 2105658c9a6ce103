import { testRule } from '../../helpers/ruleTester';

const pod = (podLines: string, containerLines: string, eol = '\n') =>
  [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: web',
    'spec:',
    ...(podLines === '' ? [] : podLines.split('\n')),
    '  containers:',
    '    - name: app',
    '      image: nginx:1.27',
    ...(containerLines === '' ? [] : containerLines.split('\n')),
    '',
  ].join(eol);
const container = (name: string, uid: number) =>
  `Container ${name} runs as UID ${uid}, below 10000: such UIDs often belong to users and services of the node, so a process that gets out of the container acts as one of them. Use a UID of 10000 or more.`;
const podLevel = (object: string, uid: number) =>
  `${object} sets runAsUser: ${uid} for its pod, below 10000: such UIDs often belong to users and services of the node, so a process that gets out of a container acts as one of them. Use a UID of 10000 or more.`;
const FIX = 'Run as UID 10001';

testRule('kubernetes/low-uid', 'kubernetes', {
  valid: [
    { name: 'a high UID on the pod', code: pod('  securityContext:\n    runAsUser: 10000', '') },
    { name: 'a high UID on the container', code: pod('', '      securityContext: {runAsUser: 65532}') },
    { name: 'UID 0 is another rule\'s', code: pod('', '      securityContext: {runAsUser: 0}') },
    { name: 'a low pod UID that every container overrides', code: pod('  securityContext:\n    runAsUser: 1000', '      securityContext: {runAsUser: 10001}') },
    { name: 'in a user namespace', code: pod('  hostUsers: false\n  securityContext:\n    runAsUser: 1000', '') },
    { name: 'a string is for the API server to reject', code: pod('', '      securityContext: {runAsUser: "1000"}') },
  ],
  invalid: [
    {
      name: 'on the pod, comment kept',
      code: pod('  securityContext:\n    runAsUser: 1000 # the image user', ''),
      findings: [
        {
          message: podLevel('Pod web', 1000),
          range: [6, 15, 6, 19],
          fixes: [{ title: FIX, kind: 'suggestion', output: pod('  securityContext:\n    runAsUser: 10001 # the image user', '') }],
        },
      ],
    },
    {
      name: 'on a container, flow style, CRLF',
      code: pod('', '      securityContext: {runAsUser: 101, runAsNonRoot: true}', '\r\n'),
      findings: [
        {
          message: container('app', 101),
          range: [8, 35, 8, 38],
          fixes: [{ title: FIX, kind: 'suggestion', output: pod('', '      securityContext: {runAsUser: 10001, runAsNonRoot: true}', '\r\n') }],
        },
      ],
    },
    {
      name: 'both levels in a CronJob: the pod one still applies to the init container',
      code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          securityContext: {runAsUser: 999}\n          initContainers: [{name: init, image: "i:1"}]\n          containers: [{name: job, image: "j:1", securityContext: {runAsUser: 33}}]\n',
      findings: [
        {
          message: podLevel('CronJob c', 999),
          range: [8, 39, 8, 42],
          fixes: [
            {
              title: FIX,
              kind: 'suggestion',
              output: 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          securityContext: {runAsUser: 10001}\n          initContainers: [{name: init, image: "i:1"}]\n          containers: [{name: job, image: "j:1", securityContext: {runAsUser: 33}}]\n',
            },
          ],
        },
        {
          message: container('job', 33),
          range: [10, 78, 10, 80],
          fixes: [
            {
              title: FIX,
              kind: 'suggestion',
              output: 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          securityContext: {runAsUser: 999}\n          initContainers: [{name: init, image: "i:1"}]\n          containers: [{name: job, image: "j:1", securityContext: {runAsUser: 10001}}]\n',
            },
          ],
        },
      ],
    },
    {
      name: 'a UID shared through an anchor, in a List: on the anchor and the alias, no fix',
      code: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: p}\n    spec:\n      containers:\n        - {name: a, image: "a:1", securityContext: {runAsUser: &uid 1001}}\n        - {name: b, image: "b:1", securityContext: {runAsUser: *uid}}\n',
      findings: [
        { message: container('a', 1001), range: [8, 68, 8, 72] },
        { message: container('b', 1001), range: [9, 63, 9, 67] },
      ],
    },
  ],
});
