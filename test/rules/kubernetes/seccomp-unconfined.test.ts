import { testRule } from '../../helpers/ruleTester';

const pod = (podLines: string, containerLines = '', eol = '\n') =>
  ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', ...(podLines ? podLines.split('\n') : []), '  containers:', '    - name: app', '      image: nginx:1.27', ...(containerLines ? containerLines.split('\n') : []), ''].join(eol);

const statefulSet = (annotationLines: string) =>
  ['apiVersion: apps/v1', 'kind: StatefulSet', 'metadata:', '  name: db', 'spec:', '  template:', '    metadata:', '      annotations:', ...annotationLines.split('\n'), '    spec:', '      initContainers: [{name: init, image: busybox:1.36}]', '      containers: [{name: db, image: postgres:16}]', ''].join('\n');

const UNCONFINED = "every system call of the node's kernel is open to it, including the ones many container escapes rely on.";
const SET_TYPE = 'Set type: RuntimeDefault, or Localhost with a profile of your own.';
const SET_ANNOTATION = 'Set the annotation to runtime/default, or better, securityContext.seccompProfile.type: RuntimeDefault.';

testRule('kubernetes/seccomp-unconfined', 'kubernetes', {
  valid: [
    { name: 'no seccomp settings', code: pod('') },
    { name: 'RuntimeDefault on the pod, Localhost on the container', code: pod('  securityContext:\n    seccompProfile: {type: RuntimeDefault}', '      securityContext:\n        seccompProfile:\n          type: Localhost\n          localhostProfile: profiles/web.json') },
    { name: 'seccompProfile: null sets nothing', code: pod('  securityContext:\n    seccompProfile: ~') },
    {
      name: 'allowed annotation values, an empty one, and one for a container that does not exist',
      code: statefulSet('        seccomp.security.alpha.kubernetes.io/pod: docker/default\n        container.seccomp.security.alpha.kubernetes.io/db: localhost/db.json\n        container.seccomp.security.alpha.kubernetes.io/init: ""\n        container.seccomp.security.alpha.kubernetes.io/gone: unconfined'),
    },
    { name: 'suppressed above the key', code: pod('  securityContext:\n    seccompProfile:\n      # ballast-ignore kubernetes/seccomp-unconfined -- strace in a lab\n      type: Unconfined') },
  ],
  invalid: [
    {
      name: 'Unconfined on the pod, comment kept',
      code: pod('  securityContext:\n    seccompProfile:\n      type: Unconfined # profiling'),
      findings: [
        {
          message: `Pod web turns seccomp filtering off (seccompProfile.type: Unconfined): ${UNCONFINED} ${SET_TYPE}`,
          range: [7, 12, 7, 22],
          fixes: [{ title: 'Set seccompProfile type: RuntimeDefault', kind: 'suggestion', output: pod('  securityContext:\n    seccompProfile:\n      type: RuntimeDefault # profiling') }],
        },
      ],
    },
    {
      name: 'on a container in flow style, CRLF, and a profile without a type',
      code: pod('', '      securityContext: {seccompProfile: {type: Unconfined}}\n    - name: sidecar\n      securityContext: {seccompProfile: {localhostProfile: x.json}}', '\r\n'),
      findings: [
        {
          message: `Container app turns seccomp filtering off (seccompProfile.type: Unconfined): ${UNCONFINED} ${SET_TYPE}`,
          range: [8, 47, 8, 57],
          fixes: [
            {
              title: 'Set seccompProfile type: RuntimeDefault',
              kind: 'suggestion',
              output: pod('', '      securityContext: {seccompProfile: {type: RuntimeDefault}}\n    - name: sidecar\n      securityContext: {seccompProfile: {localhostProfile: x.json}}', '\r\n'),
            },
          ],
        },
        {
          message: `Container sidecar sets a seccompProfile without a type, which Kubernetes rejects. ${SET_TYPE}`,
          range: [10, 24, 10, 38],
          fixes: [
            {
              title: 'Set seccompProfile type: RuntimeDefault',
              kind: 'suggestion',
              output: pod('', '      securityContext: {seccompProfile: {type: Unconfined}}\n    - name: sidecar\n      securityContext: {seccompProfile: {localhostProfile: x.json, type: RuntimeDefault}}', '\r\n'),
            },
          ],
        },
      ],
    },
    {
      name: 'the old annotations on a pod template: for the pod and for a container',
      code: statefulSet('        seccomp.security.alpha.kubernetes.io/pod: unconfined # legacy\n        container.seccomp.security.alpha.kubernetes.io/init: "docker/unconfined"'),
      findings: [
        {
          message: `StatefulSet db turns seccomp filtering off (annotation seccomp.security.alpha.kubernetes.io/pod: unconfined): ${UNCONFINED} ${SET_ANNOTATION}`,
          range: [8, 50, 8, 60],
          fixes: [
            {
              title: 'Set the annotation to runtime/default',
              kind: 'suggestion',
              output: statefulSet('        seccomp.security.alpha.kubernetes.io/pod: runtime/default # legacy\n        container.seccomp.security.alpha.kubernetes.io/init: "docker/unconfined"'),
            },
          ],
        },
        {
          message: `Container init asks for the seccomp profile docker/unconfined (annotation container.seccomp.security.alpha.kubernetes.io/init), which the Pod Security Standards reject: only runtime/default, docker/default and localhost/<profile> are allowed. ${SET_ANNOTATION}`,
          range: [9, 61, 9, 80],
          fixes: [
            {
              title: 'Set the annotation to runtime/default',
              kind: 'suggestion',
              output: statefulSet('        seccomp.security.alpha.kubernetes.io/pod: unconfined # legacy\n        container.seccomp.security.alpha.kubernetes.io/init: runtime/default'),
            },
          ],
        },
      ],
    },
    {
      name: 'a profile anchored on the pod and repeated on a container offers no fix; the next document is fixed on its own',
      code: `${pod('  securityContext:\n    seccompProfile: &open {type: Unconfined}', '      securityContext: {seccompProfile: *open}')}---\n${pod('', '      securityContext:\n        seccompProfile: {type: unconfined}')}`,
      findings: [
        { message: `Pod web turns seccomp filtering off (seccompProfile.type: Unconfined): ${UNCONFINED} ${SET_TYPE}`, range: [6, 33, 6, 43] },
        { message: `Container app turns seccomp filtering off (seccompProfile.type: Unconfined): ${UNCONFINED} ${SET_TYPE}`, range: [10, 40, 10, 45] },
        {
          message: `Container app sets seccompProfile.type: unconfined, which the Pod Security Standards reject: only RuntimeDefault and Localhost are allowed. ${SET_TYPE}`,
          range: [21, 31, 21, 41],
          fixes: [
            {
              title: 'Set seccompProfile type: RuntimeDefault',
              kind: 'suggestion',
              output: `${pod('  securityContext:\n    seccompProfile: &open {type: Unconfined}', '      securityContext: {seccompProfile: *open}')}---\n${pod('', '      securityContext:\n        seccompProfile: {type: RuntimeDefault}')}`,
            },
          ],
        },
      ],
    },
  ],
});
