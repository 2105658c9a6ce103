import { testRule } from '../../helpers/ruleTester';

const NETWORK = (path: string) =>
  `${path} is true: each pod shares the node's network namespace, so it sees all of the node's interfaces and reaches services that listen only on the node's localhost. Set it to false unless the chart needs it.`;
const PID = (path: string) =>
  `${path} is true: each pod shares the node's process namespace, so it sees every process on the node, their environment and command lines, and can signal them. Set it to false unless the chart needs it.`;
const IPC = (path: string) => `${path} is true: each pod shares the node's IPC namespace, so it reads and writes the node's shared memory. Set it to false unless the chart needs it.`;

testRule('helm/host-namespaces', 'helm-values', {
  valid: [
    { name: 'all false', code: 'hostNetwork: false\nhostPID: false\nhostIPC: false\n' },
    { name: 'not set', code: 'controller:\n  replicaCount: 1\n' },
    { name: 'a disabled component', code: 'nodeAgent:\n  enabled: false\n  hostPID: true\n  hostNetwork: true\n' },
    { name: 'inside a disabled section, deeper', code: 'metrics:\n  enabled: false\n  exporter:\n    hostNetwork: true\n' },
    { name: 'lookalikes: strings, other keys, a port', code: 'hostNetwork: "true-ish"\nuseHostNetwork: true\nhostPort: 80\nhostPIDs: true\ndns:\n  hostNetworkPolicy: true\n' },
    { name: 'a mapping, not a boolean', code: 'hostNetwork:\n  enabled: true\n' },
    { name: 'suppressed', code: 'controller:\n  # ballast-ignore helm/host-namespaces -- CNI plugin\n  hostNetwork: true\n' },
  ],
  invalid: [
    {
      name: 'top level hostNetwork, comment kept',
      code: 'replicaCount: 1\nhostNetwork: true # needed?\n',
      findings: [
        {
          message: NETWORK('hostNetwork'),
          range: [1, 13, 1, 17],
          fixes: [{ title: 'Set hostNetwork: false', kind: 'suggestion', output: 'replicaCount: 1\nhostNetwork: false # needed?\n' }],
        },
      ],
    },
    {
      name: 'all three in a component section at depth, CRLF',
      code: 'controller:\r\n  daemonset:\r\n    hostPID: true\r\n    hostIPC: true\r\n    hostNetwork: true\r\n',
      findings: [
        {
          message: PID('controller.daemonset.hostPID'),
          range: [2, 13, 2, 17],
          fixes: [{ title: 'Set hostPID: false', kind: 'suggestion', output: 'controller:\r\n  daemonset:\r\n    hostPID: false\r\n    hostIPC: true\r\n    hostNetwork: true\r\n' }],
        },
        {
          message: IPC('controller.daemonset.hostIPC'),
          range: [3, 13, 3, 17],
          fixes: [{ title: 'Set hostIPC: false', kind: 'suggestion', output: 'controller:\r\n  daemonset:\r\n    hostPID: true\r\n    hostIPC: false\r\n    hostNetwork: true\r\n' }],
        },
        {
          message: NETWORK('controller.daemonset.hostNetwork'),
          range: [4, 17, 4, 21],
          fixes: [{ title: 'Set hostNetwork: false', kind: 'suggestion', output: 'controller:\r\n  daemonset:\r\n    hostPID: true\r\n    hostIPC: true\r\n    hostNetwork: false\r\n' }],
        },
      ],
    },
    {
      name: 'flow style',
      code: 'agent: {hostNetwork: true, dnsPolicy: ClusterFirstWithHostNet}\n',
      findings: [
        {
          message: NETWORK('agent.hostNetwork'),
          range: [0, 21, 0, 25],
          fixes: [{ title: 'Set hostNetwork: false', kind: 'suggestion', output: 'agent: {hostNetwork: false, dnsPolicy: ClusterFirstWithHostNet}\n' }],
        },
      ],
    },
    {
      name: 'in a list item',
      code: 'jobs:\n  - name: debug\n    hostPID: true\n',
      findings: [
        {
          message: PID('jobs[0].hostPID'),
          range: [2, 13, 2, 17],
          fixes: [{ title: 'Set hostPID: false', kind: 'suggestion', output: 'jobs:\n  - name: debug\n    hostPID: false\n' }],
        },
      ],
    },
    {
      name: 'an enabled component is rendered',
      code: 'nodeAgent:\n  enabled: true\n  hostPID: True\n',
      findings: [
        {
          message: PID('nodeAgent.hostPID'),
          range: [2, 11, 2, 15],
          fixes: [{ title: 'Set hostPID: false', kind: 'suggestion', output: 'nodeAgent:\n  enabled: true\n  hostPID: false\n' }],
        },
      ],
    },
    {
      name: 'spelt as a string or a YAML 1.1 boolean: templates drop the quotes',
      code: 'exporter:\n  hostPID: "true"\n  hostIPC: yes\n',
      findings: [
        {
          message: PID('exporter.hostPID'),
          range: [1, 11, 1, 17],
          fixes: [{ title: 'Set hostPID: false', kind: 'suggestion', output: 'exporter:\n  hostPID: false\n  hostIPC: yes\n' }],
        },
        {
          message: IPC('exporter.hostIPC'),
          range: [2, 11, 2, 14],
          fixes: [{ title: 'Set hostIPC: false', kind: 'suggestion', output: 'exporter:\n  hostPID: "true"\n  hostIPC: false\n' }],
        },
      ],
    },
    {
      name: 'an anchored value repeated by an alias: no fix',
      code: 'primary:\n  hostNetwork: &host true\nreplica:\n  hostNetwork: *host\n',
      findings: [{ message: NETWORK('primary.hostNetwork'), range: [1, 21, 1, 25] }],
    },
  ],
});
