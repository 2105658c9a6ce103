import { testRule } from '../../helpers/ruleTester';

const pod = (podLines: string, containerLines: string) =>
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
  ].join('\n');

const message = (name: string) =>
  `Container ${name} sets no seccomp profile, nor does its pod, so it runs Unconfined, with every system call of the kernel open to it, unless its node defaults to RuntimeDefault. Set securityContext.seccompProfile.type: RuntimeDefault.`;
const SET = 'Set seccompProfile.type: RuntimeDefault';
const HARDEN = 'Harden this container (restricted profile)';

const cronJob = (initSecurityContext: string) =>
  `apiVersion: batch/v1\r\nkind: CronJob\r\nmetadata: {name: nightly}\r\nspec:\r\n  jobTemplate:\r\n    spec:\r\n      template:\r\n        spec:\r\n          initContainers: [{name: init, image: busybox:1.36${initSecurityContext}}]\r\n          containers: [{name: job, image: busybox:1.36, securityContext: {seccompProfile: {type: Localhost, localhostProfile: job.json}}}]\r\n`;

testRule('kubernetes/seccomp-profile-missing', 'kubernetes', {
  valid: [
    { name: 'RuntimeDefault on the container', code: pod('', '      securityContext:\n        seccompProfile:\n          type: RuntimeDefault') },
    { name: 'Localhost on the pod, inherited', code: pod('  securityContext:\n    seccompProfile: {type: Localhost, localhostProfile: profiles/app.json}', '') },
    { name: 'Unconfined is for the baseline rule to report', code: pod('', '      securityContext:\n        seccompProfile:\n          type: Unconfined') },
    { name: 'a container inheriting an Unconfined pod profile: the baseline rule reports the pod', code: pod('  securityContext:\n    seccompProfile: {type: Unconfined}', '') },
    { name: 'a Windows pod is exempt', code: pod('  os:\n    name: windows', '') },
    { name: 'suppressed above the container', code: pod('', '').replace('    - name: app', '    # ballast-ignore kubernetes/seccomp-profile-missing -- node default is RuntimeDefault\n    - name: app') },
  ],
  invalid: [
    {
      name: 'nothing set; a null profile counts as none',
      code: pod('  securityContext:\n    seccompProfile: null', '      securityContext:\n        runAsNonRoot: true # non-root image\n        seccompProfile:'),
      findings: [
        {
          message: message('app'),
          range: [8, 12, 8, 15],
          fixes: [
            {
              title: SET,
              kind: 'suggestion',
              output: pod('  securityContext:\n    seccompProfile: null', '      securityContext:\n        runAsNonRoot: true # non-root image\n        seccompProfile:\n          type: RuntimeDefault'),
            },
            {
              title: HARDEN,
              kind: 'suggestion',
              output: pod(
                '  securityContext:\n    seccompProfile: null',
                '      securityContext:\n        runAsNonRoot: true # non-root image\n        seccompProfile:\n          type: RuntimeDefault\n        allowPrivilegeEscalation: false\n        capabilities:\n          drop: [ALL]',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a CronJob init container, flow style, CRLF; its job container has its own profile',
      code: cronJob(''),
      findings: [
        {
          message: message('init'),
          range: [8, 34, 8, 38],
          fixes: [
            { title: SET, kind: 'suggestion', output: cronJob(', securityContext: {seccompProfile: {type: RuntimeDefault}}') },
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
      name: 'a Deployment after another document; an ephemeral container',
      code: 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: web}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers: []\n      ephemeralContainers:\n        - name: debug\n          image: busybox:1.36\n          securityContext: {}\n',
      findings: [
        {
          message: message('debug'),
          range: [12, 16, 12, 21],
          fixes: [
            {
              title: SET,
              kind: 'suggestion',
              output:
                'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: web}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers: []\n      ephemeralContainers:\n        - name: debug\n          image: busybox:1.36\n          securityContext: {seccompProfile: {type: RuntimeDefault}}\n',
            },
            {
              title: HARDEN,
              kind: 'suggestion',
              output:
                'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: web}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers: []\n      ephemeralContainers:\n        - name: debug\n          image: busybox:1.36\n          securityContext: {allowPrivilegeEscalation: false, runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}, capabilities: {drop: [ALL]}}\n',
            },
          ],
        },
      ],
    },
    {
      name: 'a container that is an alias of another: found in both, fixed in neither',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  initContainers:\n    - &base {name: app, image: nginx:1.27}\n  containers:\n    - *base\n',
      findings: [
        { message: message('app'), range: [5, 19, 5, 22] },
        { message: message('app'), range: [5, 19, 5, 22] },
      ],
    },
  ],
});
