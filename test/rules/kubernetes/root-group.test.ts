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
const containerGroup = (name: string) =>
  `Container ${name} sets runAsGroup: 0, so its processes run in the root group and can use every file whose group is root. Use a non-zero group ID.`;
const podGroup = (object: string) =>
  `${object} sets runAsGroup: 0 for its pod, so containers that set no group of their own run in the root group and can use every file whose group is root. Use a non-zero group ID.`;
const fsGroup = (object: string) => `${object} sets fsGroup: 0, so its volumes are handed to the root group and every container runs in it. Use a non-zero group ID.`;
const supplemental = (object: string) =>
  `${object} lists group 0 in supplementalGroups, so every container runs in the root group as well and can use every file whose group is root. Remove it.`;
const USE_GROUP = 'Use group 10001 instead of root';
const REMOVE = 'Remove group 0 from supplementalGroups';

testRule('kubernetes/root-group', 'kubernetes', {
  valid: [
    { name: 'non-zero groups', code: pod('  securityContext:\n    runAsGroup: 10001\n    fsGroup: 10001\n    supplementalGroups: [10002]', '') },
    { name: 'a pod-level group 0 that every container overrides', code: pod('  securityContext: {runAsGroup: 0}', '      securityContext: {runAsGroup: 3000}') },
    { name: 'no security context', code: pod('', '') },
    { name: 'suppressed', code: pod('  securityContext:\n    # ballast-ignore kubernetes/root-group -- legacy volume permissions\n    fsGroup: 0', '') },
  ],
  invalid: [
    {
      name: 'pod level: runAsGroup, fsGroup and supplementalGroups, CRLF',
      code: pod('  securityContext:\n    runAsGroup: 0 # root group\n    fsGroup: 0\n    supplementalGroups:\n      - 0\n      - 2000', '', '\r\n'),
      findings: [
        {
          message: podGroup('Pod web'),
          range: [6, 16, 6, 17],
          fixes: [{ title: USE_GROUP, kind: 'suggestion', output: pod('  securityContext:\n    runAsGroup: 10001 # root group\n    fsGroup: 0\n    supplementalGroups:\n      - 0\n      - 2000', '', '\r\n') }],
        },
        {
          message: fsGroup('Pod web'),
          range: [7, 13, 7, 14],
          fixes: [{ title: USE_GROUP, kind: 'suggestion', output: pod('  securityContext:\n    runAsGroup: 0 # root group\n    fsGroup: 10001\n    supplementalGroups:\n      - 0\n      - 2000', '', '\r\n') }],
        },
        {
          message: supplemental('Pod web'),
          range: [9, 8, 9, 9],
          fixes: [{ title: REMOVE, kind: 'suggestion', output: pod('  securityContext:\n    runAsGroup: 0 # root group\n    fsGroup: 0\n    supplementalGroups:\n      - 2000', '', '\r\n') }],
        },
      ],
    },
    {
      name: 'container level, flow style, in a Deployment',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      containers: [{name: app, image: "a:1", securityContext: {runAsUser: 10001, runAsGroup: 0}}]\n',
      findings: [
        {
          message: containerGroup('app'),
          range: [6, 93, 6, 94],
          fixes: [
            {
              title: USE_GROUP,
              kind: 'suggestion',
              output: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      containers: [{name: app, image: "a:1", securityContext: {runAsUser: 10001, runAsGroup: 10001}}]\n',
            },
          ],
        },
      ],
    },
    {
      name: 'a pod-level group that only some containers override; the only supplemental group, in a CronJob',
      code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          securityContext: {runAsGroup: 0, supplementalGroups: [0]}\n          initContainers: [{name: init, image: "i:1"}]\n          containers: [{name: job, image: "j:1", securityContext: {runAsGroup: 3000}}]\n',
      findings: [
        {
          message: podGroup('CronJob c'),
          range: [8, 40, 8, 41],
          fixes: [
            {
              title: USE_GROUP,
              kind: 'suggestion',
              output: 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          securityContext: {runAsGroup: 10001, supplementalGroups: [0]}\n          initContainers: [{name: init, image: "i:1"}]\n          containers: [{name: job, image: "j:1", securityContext: {runAsGroup: 3000}}]\n',
            },
          ],
        },
        {
          message: supplemental('CronJob c'),
          range: [8, 64, 8, 65],
          fixes: [
            {
              title: REMOVE,
              kind: 'suggestion',
              output: 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          securityContext: {runAsGroup: 0, supplementalGroups: []}\n          initContainers: [{name: init, image: "i:1"}]\n          containers: [{name: job, image: "j:1", securityContext: {runAsGroup: 3000}}]\n',
            },
          ],
        },
      ],
    },
    {
      name: 'groups shared through anchors, in a List: on the alias, no fix',
      code: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: a}\n    spec:\n      securityContext: {supplementalGroups: &groups [0]}\n      containers: [{name: a, image: "a:1"}]\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: b}\n    spec:\n      securityContext: {supplementalGroups: *groups}\n      containers: [{name: b, image: "b:1"}]\n',
      findings: [
        { message: supplemental('Pod a'), range: [7, 53, 7, 54] },
        { message: supplemental('Pod b'), range: [13, 44, 13, 51] },
      ],
    },
  ],
});
