import { testRule } from '../../helpers/ruleTester';

const pod = (specLines: string, eol = '\n') =>
  ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', ...specLines.split('\n'), '  containers:', '    - name: app', '      image: nginx:1.27', ''].join(eol);

const daemonSet = (specLines: string) =>
  ['apiVersion: apps/v1', 'kind: DaemonSet', 'metadata:', '  name: agent', 'spec:', '  template:', '    spec:', ...specLines.split('\n'), '      containers: [{name: agent, image: example/agent:2.1}]', ''].join('\n');

const cronJob = (hostIPC: string) =>
  `apiVersion: batch/v1\r\nkind: CronJob\r\nmetadata: {name: backup}\r\nspec:\r\n  jobTemplate:\r\n    spec:\r\n      template:\r\n        spec: {hostIPC: ${hostIPC}, containers: [{name: dump, image: postgres:16}]}\r\n`;

const NETWORK = "Pod web shares the node's network namespace (hostNetwork: true): it sees all of the node's interfaces and reaches services that listen only on the node's localhost. Set hostNetwork: false.";

testRule('kubernetes/host-namespaces', 'kubernetes', {
  valid: [
    { name: 'no host namespaces', code: pod('  restartPolicy: Always') },
    { name: 'all set to false', code: pod('  hostNetwork: false\n  hostPID: false\n  hostIPC: false') },
    { name: 'the string "true" is not a boolean', code: pod('  hostNetwork: "true"') },
    { name: 'not a pod spec', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  hostNetwork: "true"\nspec:\n  hostNetwork: true\n' },
    { name: 'suppressed by a Trivy comment', code: daemonSet('      # trivy:ignore:KSV-0010\n      hostPID: true') },
    {
      name: 'suppressed by a Checkov annotation on the object',
      code: daemonSet('      hostPID: true').replace('  name: agent', '  name: agent\n  annotations:\n    checkov.io/skip1: CKV_K8S_17=reads other processes'),
    },
  ],
  invalid: [
    {
      name: 'hostNetwork in a Pod, comment kept by the fix',
      code: pod('  hostNetwork: true # for the CNI'),
      findings: [
        {
          message: NETWORK,
          range: [5, 15, 5, 19],
          fixes: [{ title: 'Set hostNetwork: false', kind: 'suggestion', output: pod('  hostNetwork: false # for the CNI') }],
        },
      ],
    },
    {
      name: 'all three in a DaemonSet template',
      code: daemonSet('      hostPID: true\n      hostIPC: true\n      hostNetwork: true'),
      findings: [
        {
          message: 'DaemonSet agent shares the node\'s process namespace (hostPID: true): it sees every process on the node, their environment and command lines, and can signal them. Set hostPID: false.',
          range: [7, 15, 7, 19],
          fixes: [{ title: 'Set hostPID: false', kind: 'suggestion', output: daemonSet('      hostPID: false\n      hostIPC: true\n      hostNetwork: true') }],
        },
        {
          message: "DaemonSet agent shares the node's IPC namespace (hostIPC: true): it reads and writes the node's shared memory. Set hostIPC: false.",
          range: [8, 15, 8, 19],
          fixes: [{ title: 'Set hostIPC: false', kind: 'suggestion', output: daemonSet('      hostPID: true\n      hostIPC: false\n      hostNetwork: true') }],
        },
        {
          message: NETWORK.replace('Pod web', 'DaemonSet agent'),
          range: [9, 19, 9, 23],
          fixes: [{ title: 'Set hostNetwork: false', kind: 'suggestion', output: daemonSet('      hostPID: true\n      hostIPC: true\n      hostNetwork: false') }],
        },
      ],
    },
    {
      name: 'YAML 1.1 yes in a flow-style CronJob pod spec, CRLF',
      code: cronJob('yes'),
      findings: [
        {
          message: "CronJob backup shares the node's IPC namespace (hostIPC: true): it reads and writes the node's shared memory. Set hostIPC: false.",
          range: [7, 24, 7, 27],
          fixes: [{ title: 'Set hostIPC: false', kind: 'suggestion', output: cronJob('false') }],
        },
      ],
    },
    {
      name: 'each object of a List and of a multi-document file',
      code: `apiVersion: v1\nkind: List\nitems:\n  - ${pod('  hostNetwork: true').trimEnd().split('\n').join('\n    ')}\n---\n${pod('  hostNetwork: true')}`,
      findings: [
        {
          message: NETWORK,
          range: [8, 19, 8, 23],
          fixes: [
            {
              title: 'Set hostNetwork: false',
              kind: 'suggestion',
              output: `apiVersion: v1\nkind: List\nitems:\n  - ${pod('  hostNetwork: false').trimEnd().split('\n').join('\n    ')}\n---\n${pod('  hostNetwork: true')}`,
            },
          ],
        },
        {
          message: NETWORK,
          range: [18, 15, 18, 19],
          fixes: [
            {
              title: 'Set hostNetwork: false',
              kind: 'suggestion',
              output: `apiVersion: v1\nkind: List\nitems:\n  - ${pod('  hostNetwork: true').trimEnd().split('\n').join('\n    ')}\n---\n${pod('  hostNetwork: false')}`,
            },
          ],
        },
      ],
    },
    {
      name: 'an anchored value that an alias repeats, and the alias, offer no fix',
      code: pod('  hostPID: &shared true\n  hostIPC: *shared'),
      findings: [
        {
          message: 'Pod web shares the node\'s process namespace (hostPID: true): it sees every process on the node, their environment and command lines, and can signal them. Set hostPID: false.',
          range: [5, 19, 5, 23],
        },
        {
          message: "Pod web shares the node's IPC namespace (hostIPC: true): it reads and writes the node's shared memory. Set hostIPC: false.",
          range: [6, 11, 6, 18],
        },
      ],
    },
  ],
});
