import { testRule } from '../../helpers/ruleTester';

const pod = (podLines: string, containerLines: string, eol = '\n') =>
  ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: builder', 'spec:', ...podLines.split('\n'), '  containers:', '    - name: buildkit', '      image: moby/buildkit:v0.16.0-rootless', ...containerLines.split('\n'), ''].join(eol);

const message = (name: string, written: string) =>
  `Container ${name} sets procMount: ${written}, which lifts the runtime's masks on /proc; a user namespace (hostUsers: false) makes that acceptable at the baseline level, but the restricted Pod Security Standard still forbids it. Set procMount: Default, or remove it.`;
const FIX = 'Set procMount: Default';

const cronJob = (value: string) =>
  `apiVersion: batch/v1\r\nkind: CronJob\r\nmetadata: {name: build}\r\nspec:\r\n  jobTemplate:\r\n    spec:\r\n      template:\r\n        spec:\r\n          hostUsers: no\r\n          initContainers: [{name: init, image: busybox:1.36, securityContext: {procMount: ${value}}}]\r\n          containers: [{name: job, image: busybox:1.36}]\r\n`;

testRule('kubernetes/proc-mount-restricted', 'kubernetes', {
  valid: [
    { name: 'Default in a user namespace', code: pod('  hostUsers: false', '      securityContext:\n        procMount: Default') },
    { name: 'unset in a user namespace', code: pod('  hostUsers: false', '      securityContext: {}') },
    { name: 'Unmasked outside a user namespace is for the baseline rule to report', code: pod('  hostUsers: true', '      securityContext:\n        procMount: Unmasked') },
    { name: 'Unmasked with hostUsers unset is the baseline rule’s too', code: pod('  restartPolicy: Never', '      securityContext:\n        procMount: Unmasked') },
    { name: 'suppressed above the key', code: pod('  hostUsers: false', '      securityContext:\n        # ballast-ignore kubernetes/proc-mount-restricted -- nested containers\n        procMount: Unmasked') },
  ],
  invalid: [
    {
      name: 'Unmasked in a user-namespaced Pod, with a comment kept',
      code: pod('  hostUsers: false', '      securityContext:\n        procMount: Unmasked # nested runc'),
      findings: [
        {
          message: message('buildkit', 'Unmasked'),
          range: [10, 19, 10, 27],
          fixes: [{ title: FIX, kind: 'suggestion', output: pod('  hostUsers: false', '      securityContext:\n        procMount: Default # nested runc') }],
        },
      ],
    },
    {
      name: 'YAML 1.1 no for hostUsers, flow style, CRLF, a CronJob init container',
      code: cronJob('Unmasked'),
      findings: [{ message: message('init', 'Unmasked'), range: [9, 90, 9, 98], fixes: [{ title: FIX, kind: 'suggestion', output: cronJob('Default') }] }],
    },
    {
      name: 'any value but Default, as pod-security-admission compares it',
      code: pod('  hostUsers: false', '      securityContext:\n        procMount: "unmasked"'),
      findings: [
        {
          message: message('buildkit', '"unmasked"'),
          range: [10, 19, 10, 29],
          fixes: [{ title: FIX, kind: 'suggestion', output: pod('  hostUsers: false', '      securityContext:\n        procMount: Default') }],
        },
      ],
    },
  ],
});
