import { testRule } from '../../helpers/ruleTester';

const pod = (podLines: string, containerLines: string, eol = '\n') =>
  ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: builder', 'spec:', ...(podLines ? podLines.split('\n') : []), '  containers:', '    - name: buildkit', '      image: moby/buildkit:v0.16.0', ...containerLines.split('\n'), ''].join(eol);

const message = (container: string, value: string) =>
  `Container ${container} mounts /proc without the runtime's masks (procMount: ${value}): the node's kernel memory, keys and /proc/sys become visible, some of them writable. Set procMount: Default, or remove it.`;

testRule('kubernetes/proc-mount', 'kubernetes', {
  valid: [
    { name: 'no procMount', code: pod('', '      securityContext: {runAsNonRoot: true}') },
    { name: 'procMount: Default', code: pod('', '      securityContext:\n        procMount: Default') },
    { name: 'procMount: null sets nothing', code: pod('', '      securityContext:\n        procMount:') },
    { name: 'a pod in a user namespace may unmask /proc (policy 1.35)', code: pod('  hostUsers: false', '      securityContext:\n        procMount: Unmasked') },
    { name: 'suppressed by a kube-linter annotation', code: pod('', '      securityContext:\n        procMount: Unmasked').replace('  name: builder', '  name: builder\n  annotations:\n    ignore-check.kube-linter.io/unsafe-proc-mount: rootless buildkit') },
  ],
  invalid: [
    {
      name: 'Unmasked on a container, comment kept',
      code: pod('', '      securityContext:\n        procMount: Unmasked # rootless build'),
      findings: [{ message: message('buildkit', 'Unmasked'), range: [9, 19, 9, 27], fixes: [{ title: 'Set procMount: Default', kind: 'suggestion', output: pod('', '      securityContext:\n        procMount: Default # rootless build') }] }],
    },
    {
      name: 'hostUsers: true gives no exemption; flow style in an init container, CRLF',
      code: pod('  hostUsers: true\n  initContainers: [{name: init, securityContext: {procMount: Unmasked}}]', '      securityContext: {procMount: "Default"}', '\r\n'),
      findings: [
        {
          message: message('init', 'Unmasked'),
          range: [6, 61, 6, 69],
          fixes: [{ title: 'Set procMount: Default', kind: 'suggestion', output: pod('  hostUsers: true\n  initContainers: [{name: init, securityContext: {procMount: Default}}]', '      securityContext: {procMount: "Default"}', '\r\n') }],
        },
      ],
    },
    {
      name: 'an unknown value, in a Job template',
      code: 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: build}\nspec:\n  template:\n    spec:\n      containers:\n        - name: build\n          securityContext:\n            procMount: unmasked\n',
      findings: [
        {
          message: message('build', 'unmasked'),
          range: [9, 23, 9, 31],
          fixes: [{ title: 'Set procMount: Default', kind: 'suggestion', output: 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: build}\nspec:\n  template:\n    spec:\n      containers:\n        - name: build\n          securityContext:\n            procMount: Default\n' }],
        },
      ],
    },
    {
      name: 'a security context shared through an anchor offers no fix',
      code: pod('', '      securityContext: &open\n        procMount: Unmasked\n    - name: helper\n      securityContext: *open'),
      findings: [
        { message: message('buildkit', 'Unmasked'), range: [9, 19, 9, 27] },
        { message: message('helper', 'Unmasked'), range: [11, 23, 11, 28] },
      ],
    },
  ],
});
