import { testRule } from '../../helpers/ruleTester';

const pod = (podLines: string, containerLines = '', eol = '\n') =>
  ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: agent', 'spec:', ...(podLines ? podLines.split('\n') : []), '  containers:', '    - name: agent', '      image: example/agent:2.1', ...(containerLines ? containerLines.split('\n') : []), ''].join(eol);

const TYPE_END = 'only container_t, container_init_t, container_kvm_t and container_engine_t keep a container apart from the node. Remove seLinuxOptions.type so the runtime\'s default type applies.';

testRule('kubernetes/selinux-options', 'kubernetes', {
  valid: [
    { name: 'no SELinux options', code: pod('') },
    {
      name: 'every allowed type, a level, and empty user and role',
      code: pod('  securityContext:\n    seLinuxOptions: {type: container_init_t, level: "s0:c1,c2", user: "", role: ""}\n  initContainers: [{name: a, securityContext: {seLinuxOptions: {type: container_kvm_t}}}]', '      securityContext:\n        seLinuxOptions:\n          type: container_engine_t\n    - name: b\n      securityContext: {seLinuxOptions: {type: container_t, user: ~}}'),
    },
    { name: 'seLinuxOptions: null sets nothing', code: pod('', '      securityContext:\n        seLinuxOptions:') },
    { name: 'suppressed by a Trivy comment', code: pod('  securityContext:\n    seLinuxOptions:\n      # trivy:ignore:KSV-0025\n      type: spc_t') },
  ],
  invalid: [
    {
      name: 'spc_t on the pod, the line removed',
      code: pod('  securityContext:\n    seLinuxOptions:\n      level: "s0:c1,c2"\n      type: spc_t # needs the host'),
      findings: [
        {
          message: `Pod agent runs with the SELinux type spc_t, which SELinux does not confine at all: ${TYPE_END}`,
          range: [8, 12, 8, 17],
          fixes: [{ title: 'Remove seLinuxOptions.type', kind: 'suggestion', output: pod('  securityContext:\n    seLinuxOptions:\n      level: "s0:c1,c2"') }],
        },
      ],
    },
    {
      name: 'user and role on a container in flow style, CRLF',
      code: pod('', '      securityContext: {seLinuxOptions: {user: system_u, role: system_r, type: container_t}}', '\r\n'),
      findings: [
        {
          message: 'Container agent sets the SELinux user system_u: a custom user can lift the policy that keeps containers apart from the node. Remove seLinuxOptions.user.',
          range: [8, 47, 8, 55],
          fixes: [{ title: 'Remove seLinuxOptions.user', kind: 'suggestion', output: pod('', '      securityContext: {seLinuxOptions: {role: system_r, type: container_t}}', '\r\n') }],
        },
        {
          message: 'Container agent sets the SELinux role system_r: a custom role can lift the policy that keeps containers apart from the node. Remove seLinuxOptions.role.',
          range: [8, 63, 8, 71],
          fixes: [{ title: 'Remove seLinuxOptions.role', kind: 'suggestion', output: pod('', '      securityContext: {seLinuxOptions: {user: system_u, type: container_t}}', '\r\n') }],
        },
      ],
    },
    {
      name: 'another type on an ephemeral container of a DaemonSet',
      code: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: node-agent}\nspec:\n  template:\n    spec:\n      containers: [{name: main, image: example/agent:2.1}]\n      ephemeralContainers:\n        - name: debug\n          securityContext:\n            seLinuxOptions:\n              type: "container_logreader_t"\n',
      findings: [
        {
          message: `Container debug runs with the SELinux type container_logreader_t: ${TYPE_END}`,
          range: [11, 20, 11, 43],
          fixes: [
            {
              title: 'Remove seLinuxOptions.type',
              kind: 'suggestion',
              output: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: node-agent}\nspec:\n  template:\n    spec:\n      containers: [{name: main, image: example/agent:2.1}]\n      ephemeralContainers:\n        - name: debug\n          securityContext:\n            seLinuxOptions:\n',
            },
          ],
        },
      ],
    },
    {
      name: 'options shared through an anchor offer no fix',
      code: pod('  securityContext:\n    seLinuxOptions: &privileged {type: spc_t}', '      securityContext: {seLinuxOptions: *privileged}'),
      findings: [
        { message: `Pod agent runs with the SELinux type spc_t, which SELinux does not confine at all: ${TYPE_END}`, range: [6, 39, 6, 44] },
        { message: `Container agent runs with the SELinux type spc_t, which SELinux does not confine at all: ${TYPE_END}`, range: [10, 40, 10, 51] },
      ],
    },
  ],
});
