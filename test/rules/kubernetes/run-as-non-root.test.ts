import { testRule } from '../../helpers/ruleTester';

/** A Pod with `podLines` at the top of its spec and `containerLines` in its container `app`. */
const pod = (podLines: string, containerLines: string, eol = '\n') =>
  [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: web',
    'spec:',
    ...(podLines ? podLines.split('\n') : []),
    '  containers:',
    '    - name: app',
    '      image: nginx:1.27',
    ...(containerLines ? containerLines.split('\n') : []),
    '',
  ].join(eol);

const missing = (name: string) =>
  `Container ${name} does not set runAsNonRoot: true, nor does its pod, so it runs as root whenever its image's user is root. Set securityContext.runAsNonRoot: true.`;
const setsFalse = (name: string, written: string, overriding = false) =>
  `Container ${name} sets runAsNonRoot: ${written}${overriding ? ", overriding its pod's true" : ''}, so it runs as root whenever its image's user is root. Set it to true.`;
const podSetsFalse = (label: string, written: string) =>
  `${label} sets runAsNonRoot: ${written} for its pod, which lets containers without their own setting run as root and which the restricted Pod Security Standard rejects outright. Set it to true.`;

const SET = 'Set runAsNonRoot: true';
const SET_POD = 'Set runAsNonRoot: true on the pod';
const HARDEN = 'Harden this container (restricted profile)';

const deployment = (podValue: string, sideValue: string) =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    '  template:',
    '    spec:',
    '      securityContext:',
    `        runAsNonRoot: ${podValue} # legacy`,
    '      initContainers:',
    '        - name: chown',
    '          image: busybox:1.36',
    '      containers:',
    '        - name: app',
    '          image: nginx:1.27',
    '          securityContext:',
    '            runAsNonRoot: true',
    '        - name: side',
    '          image: envoy:1.31',
    `          securityContext: {${sideValue}}`,
    '',
  ].join('\n');

const cronJob = (securityContext: string) =>
  `apiVersion: batch/v1\r\nkind: CronJob\r\nmetadata: {name: nightly}\r\nspec:\r\n  jobTemplate:\r\n    spec:\r\n      template:\r\n        spec:\r\n          containers: [{name: job, image: busybox:1.36${securityContext}}]\r\n`;

testRule('kubernetes/run-as-non-root', 'kubernetes', {
  valid: [
    { name: 'set on the container', code: pod('', '      securityContext:\n        runAsNonRoot: true') },
    { name: 'set on the pod and inherited by every container', code: pod('  securityContext:\n    runAsNonRoot: true\n  initContainers: [{name: init, image: busybox:1.36}]', '') },
    { name: 'YAML 1.1 on, as Kubernetes reads it', code: pod('', '      securityContext: {runAsNonRoot: on}') },
    { name: 'a pod in a user namespace is exempt, even with false', code: pod('  hostUsers: false\n  securityContext: {runAsNonRoot: false}', '') },
    { name: 'not a manifest', code: 'securityContext:\n  runAsNonRoot: false\n' },
    { name: 'suppressed above the container', code: pod('', '').replace('    - name: app', '    # ballast-ignore kubernetes/run-as-non-root -- image needs root\n    - name: app') },
  ],
  invalid: [
    {
      name: 'set nowhere: the fix sets it on the container',
      code: pod('', ''),
      findings: [
        {
          message: missing('app'),
          range: [6, 12, 6, 15],
          fixes: [
            { title: SET, kind: 'suggestion', output: pod('', '      securityContext:\n        runAsNonRoot: true') },
            {
              title: HARDEN,
              kind: 'suggestion',
              output: pod('', '      securityContext:\n        allowPrivilegeEscalation: false\n        runAsNonRoot: true\n        seccompProfile:\n          type: RuntimeDefault\n        capabilities:\n          drop: [ALL]'),
            },
          ],
        },
      ],
    },
    {
      name: "a container's false overrides the pod's true",
      code: pod('  securityContext:\n    runAsNonRoot: true', '      securityContext:\n        runAsNonRoot: false # tmp\n        allowPrivilegeEscalation: false'),
      findings: [
        {
          message: setsFalse('app', 'false', true),
          range: [11, 22, 11, 27],
          fixes: [
            { title: SET, kind: 'suggestion', output: pod('  securityContext:\n    runAsNonRoot: true', '      securityContext:\n        runAsNonRoot: true # tmp\n        allowPrivilegeEscalation: false') },
            {
              title: HARDEN,
              kind: 'suggestion',
              output: pod(
                '  securityContext:\n    runAsNonRoot: true',
                '      securityContext:\n        runAsNonRoot: true # tmp\n        allowPrivilegeEscalation: false\n        seccompProfile:\n          type: RuntimeDefault\n        capabilities:\n          drop: [ALL]',
              ),
            },
          ],
        },
      ],
    },
    {
      name: "the pod's false is one finding, containers inheriting it are not; a container's own false is its own",
      code: deployment('false', 'runAsNonRoot: false'),
      findings: [
        {
          message: podSetsFalse('Deployment web', 'false'),
          range: [8, 22, 8, 27],
          fixes: [{ title: SET_POD, kind: 'suggestion', output: deployment('true', 'runAsNonRoot: false') }],
        },
        {
          message: setsFalse('side', 'false'),
          range: [19, 42, 19, 47],
          fixes: [
            { title: SET, kind: 'suggestion', output: deployment('false', 'runAsNonRoot: true') },
            {
              title: HARDEN,
              kind: 'suggestion',
              output: deployment('false', 'runAsNonRoot: true, allowPrivilegeEscalation: false, seccompProfile: {type: RuntimeDefault}, capabilities: {drop: [ALL]}'),
            },
          ],
        },
      ],
    },
    {
      name: "the pod's false is rejected even when every container sets true",
      code: deployment('no', 'runAsNonRoot: true').replace('        - name: chown\n          image: busybox:1.36\n', '        - name: chown\n          image: busybox:1.36\n          securityContext: {runAsNonRoot: true}\n'),
      findings: [
        {
          message: podSetsFalse('Deployment web', 'no'),
          range: [8, 22, 8, 24],
          fixes: [
            {
              title: SET_POD,
              kind: 'suggestion',
              output: deployment('true', 'runAsNonRoot: true').replace('        - name: chown\n          image: busybox:1.36\n', '        - name: chown\n          image: busybox:1.36\n          securityContext: {runAsNonRoot: true}\n'),
            },
          ],
        },
      ],
    },
    {
      name: 'flow style and CRLF in a CronJob',
      code: cronJob(''),
      findings: [
        {
          message: missing('job'),
          range: [8, 30, 8, 33],
          fixes: [
            { title: SET, kind: 'suggestion', output: cronJob(', securityContext: {runAsNonRoot: true}') },
            {
              title: HARDEN,
              kind: 'suggestion',
              output: cronJob(', securityContext: {allowPrivilegeEscalation: false, runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}, capabilities: {drop: [ALL]}}'),
            },
          ],
        },
      ],
    },
    {
      name: "a pod securityContext shared through an anchor: found at the alias, not fixed there",
      code: `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: a}\n    spec:\n      securityContext: &relaxed {runAsNonRoot: false}\n      containers: [{name: app, image: nginx:1.27}]\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: b}\n    spec:\n      securityContext: *relaxed\n      containers: [{name: app, image: nginx:1.27, securityContext: {runAsNonRoot: true}}]\n`,
      findings: [
        { message: podSetsFalse('Pod a', 'false'), range: [7, 47, 7, 52] },
        { message: podSetsFalse('Pod b', 'false'), range: [13, 23, 13, 31] },
      ],
    },
  ],
});
