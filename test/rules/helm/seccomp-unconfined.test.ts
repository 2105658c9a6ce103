import { testRule } from '../../helpers/ruleTester';

const chart = { name: 'web', appVersion: '1.16.0' };
const OPEN = (who: string) => `every system call of the node's kernel is open to ${who}, including the ones many container escapes rely on.`;
const UNCONFINED = (path: string, who: string) =>
  `${path} is Unconfined, which turns seccomp filtering off: ${OPEN(who)} Set RuntimeDefault, or Localhost with a profile of your own.`;
const POD = "the pod's containers";
const SET = 'Set seccompProfile type: RuntimeDefault';

testRule('helm/seccomp-unconfined', 'helm-values', {
  valid: [
    { name: 'RuntimeDefault', code: 'podSecurityContext:\n  seccompProfile:\n    type: RuntimeDefault\n', chart },
    { name: 'Localhost', code: 'containerSecurityContext:\n  seccompProfile: {type: Localhost, localhostProfile: profiles/audit.json}\n', chart },
    {
      name: 'a bitnami context switched off',
      code: 'primary:\n  podSecurityContext:\n    enabled: false\n    seccompProfile:\n      type: Unconfined\n',
      chart,
    },
    { name: 'a disabled component', code: 'metrics:\n  enabled: false\n  containerSecurityContext:\n    seccompProfile:\n      type: Unconfined\n', chart },
    { name: 'Unconfined under appArmorProfile is not seccomp', code: 'securityContext:\n  appArmorProfile:\n    type: Unconfined\n', chart },
    { name: 'a type of something else', code: 'service:\n  type: Unconfined\n', chart },
    { name: 'the annotation set to runtime/default', code: 'podAnnotations:\n  seccomp.security.alpha.kubernetes.io/pod: runtime/default\n', chart },
    {
      name: 'suppressed',
      code: 'podSecurityContext:\n  seccompProfile:\n    # ballast-ignore helm/seccomp-unconfined -- strace sidecar for debugging\n    type: Unconfined\n',
      chart,
    },
  ],
  invalid: [
    {
      name: 'pod level, block style, comment kept',
      code: 'podSecurityContext:\n  seccompProfile:\n    type: Unconfined # for now\n',
      chart,
      findings: [
        {
          message: UNCONFINED('podSecurityContext.seccompProfile.type', POD),
          range: [2, 10, 2, 20],
          fixes: [{ title: SET, kind: 'suggestion', output: 'podSecurityContext:\n  seccompProfile:\n    type: RuntimeDefault # for now\n' }],
        },
      ],
    },
    {
      name: 'container level, flow style and quoted, in a component section',
      code: 'controller:\n  containerSecurityContext: {seccompProfile: {type: "Unconfined"}}\n',
      chart,
      findings: [
        {
          message: UNCONFINED('controller.containerSecurityContext.seccompProfile.type', 'the container'),
          range: [1, 52, 1, 64],
          fixes: [{ title: SET, kind: 'suggestion', output: 'controller:\n  containerSecurityContext: {seccompProfile: {type: RuntimeDefault}}\n' }],
        },
      ],
    },
    {
      name: 'a list item, CRLF',
      code: 'sidecars:\r\n  - name: debug\r\n    image: busybox:1.36\r\n    securityContext:\r\n      seccompProfile:\r\n        type: Unconfined\r\n',
      chart,
      findings: [
        {
          message: UNCONFINED('sidecars[0].securityContext.seccompProfile.type', 'the container'),
          range: [5, 14, 5, 24],
          fixes: [
            {
              title: SET,
              kind: 'suggestion',
              output: 'sidecars:\r\n  - name: debug\r\n    image: busybox:1.36\r\n    securityContext:\r\n      seccompProfile:\r\n        type: RuntimeDefault\r\n',
            },
          ],
        },
      ],
    },
    {
      name: 'a seccompProfile value of its own',
      code: 'worker:\n  seccompProfile:\n    type: Unconfined\n',
      chart,
      findings: [
        {
          message: UNCONFINED('worker.seccompProfile.type', 'the container'),
          range: [2, 10, 2, 20],
          fixes: [{ title: SET, kind: 'suggestion', output: 'worker:\n  seccompProfile:\n    type: RuntimeDefault\n' }],
        },
      ],
    },
    {
      name: 'the older annotations',
      code: 'podAnnotations:\n  seccomp.security.alpha.kubernetes.io/pod: unconfined\n  container.seccomp.security.alpha.kubernetes.io/app: "unconfined"\n',
      chart,
      findings: [
        {
          message: `podAnnotations sets seccomp.security.alpha.kubernetes.io/pod: unconfined, which turns seccomp filtering off: ${OPEN(POD)} Set it to runtime/default, or better, seccompProfile.type: RuntimeDefault in the security context.`,
          range: [1, 44, 1, 54],
          fixes: [
            {
              title: 'Set the annotation to runtime/default',
              kind: 'suggestion',
              output: 'podAnnotations:\n  seccomp.security.alpha.kubernetes.io/pod: runtime/default\n  container.seccomp.security.alpha.kubernetes.io/app: "unconfined"\n',
            },
          ],
        },
        {
          message: `podAnnotations sets container.seccomp.security.alpha.kubernetes.io/app: unconfined, which turns seccomp filtering off: ${OPEN('the container')} Set it to runtime/default, or better, seccompProfile.type: RuntimeDefault in the security context.`,
          range: [2, 54, 2, 66],
          fixes: [
            {
              title: 'Set the annotation to runtime/default',
              kind: 'suggestion',
              output: 'podAnnotations:\n  seccomp.security.alpha.kubernetes.io/pod: unconfined\n  container.seccomp.security.alpha.kubernetes.io/app: runtime/default\n',
            },
          ],
        },
      ],
    },
    {
      name: 'an anchored profile that an alias repeats: no fix',
      code: 'podSecurityContext:\n  seccompProfile: &profile\n    type: Unconfined\nworker:\n  podSecurityContext:\n    seccompProfile: *profile\n',
      chart,
      findings: [{ message: UNCONFINED('podSecurityContext.seccompProfile.type', POD), range: [2, 10, 2, 20] }],
    },
  ],
});
