import { testRule } from '../../helpers/ruleTester';

const pod = (containerLines: string, eol = '\n') =>
  ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: app', '      image: nginx:1.27', ...(containerLines === '' ? [] : containerLines.split('\n')), ''].join(eol);
const notSet = (name: string) =>
  `Container ${name} has a writable root filesystem (readOnlyRootFilesystem is not set), so code running in it can change its binaries and keep tools on its disk. Set readOnlyRootFilesystem: true and mount an emptyDir where it must write.`;
const setTo = (name: string, value: string) =>
  `Container ${name} sets readOnlyRootFilesystem: ${value}, so code running in it can change its binaries and keep tools on its disk. Set it to true and mount an emptyDir where it must write.`;
const FIX = 'Set readOnlyRootFilesystem: true';

testRule('kubernetes/read-only-root-filesystem', 'kubernetes', {
  valid: [
    { name: 'true', code: pod('      securityContext:\n        readOnlyRootFilesystem: true') },
    { name: 'YAML 1.1 on', code: pod('      securityContext: {readOnlyRootFilesystem: on}') },
    { name: 'Windows pods have no such field', code: pod('').replace('spec:\n', 'spec:\n  os: {name: windows}\n') },
    {
      name: 'ephemeral containers are not checked',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: "a:1", securityContext: {readOnlyRootFilesystem: true}}]\n  ephemeralContainers: [{name: debug, image: "busybox:1.36"}]\n',
    },
    { name: 'suppressed above the container', code: pod('').replace('    - name: app', '    # ballast-ignore kubernetes/read-only-root-filesystem -- writes its cache to /var/lib\n    - name: app') },
  ],
  invalid: [
    {
      name: 'not set: on the name; securityContext created',
      code: pod(''),
      findings: [{ message: notSet('app'), range: [6, 12, 6, 15], fixes: [{ title: FIX, kind: 'suggestion', output: pod('      securityContext:\n        readOnlyRootFilesystem: true') }] }],
    },
    {
      name: 'false: on the value, merged into the mapping, comment kept, CRLF',
      code: pod('      securityContext:\n        runAsNonRoot: true\n        readOnlyRootFilesystem: false # needs /var/cache', '\r\n'),
      findings: [
        {
          message: setTo('app', 'false'),
          range: [10, 32, 10, 37],
          fixes: [{ title: FIX, kind: 'suggestion', output: pod('      securityContext:\n        runAsNonRoot: true\n        readOnlyRootFilesystem: true # needs /var/cache', '\r\n') }],
        },
      ],
    },
    {
      name: 'an existing securityContext without the key: added to it',
      code: pod('      securityContext:\n        allowPrivilegeEscalation: false\n      ports: [{containerPort: 80}]'),
      findings: [
        {
          message: notSet('app'),
          range: [6, 12, 6, 15],
          fixes: [{ title: FIX, kind: 'suggestion', output: pod('      securityContext:\n        allowPrivilegeEscalation: false\n        readOnlyRootFilesystem: true\n      ports: [{containerPort: 80}]') }],
        },
      ],
    },
    {
      name: 'a CronJob init container in flow style, in a List',
      code: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: batch/v1\n    kind: CronJob\n    metadata: {name: c}\n    spec: {jobTemplate: {spec: {template: {spec: {initContainers: [{name: init, image: "i:1"}], containers: [{name: job, image: "j:1", securityContext: {readOnlyRootFilesystem: true}}]}}}}}\n',
      findings: [
        {
          message: notSet('init'),
          range: [6, 74, 6, 78],
          fixes: [
            {
              title: FIX,
              kind: 'suggestion',
              output:
                'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: batch/v1\n    kind: CronJob\n    metadata: {name: c}\n    spec: {jobTemplate: {spec: {template: {spec: {initContainers: [{name: init, image: "i:1", securityContext: {readOnlyRootFilesystem: true}}], containers: [{name: job, image: "j:1", securityContext: {readOnlyRootFilesystem: true}}]}}}}}\n',
            },
          ],
        },
      ],
    },
    {
      name: 'a securityContext shared through an anchor: found on both, fixed on neither',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: a:1\n      securityContext: &sc\n        readOnlyRootFilesystem: false\n    - name: b\n      image: b:1\n      securityContext: *sc\n',
      findings: [
        { message: setTo('a', 'false'), range: [8, 32, 8, 37] },
        { message: setTo('b', 'false'), range: [11, 23, 11, 26] },
      ],
    },
  ],
});
