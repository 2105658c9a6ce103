import { testRule } from '../../helpers/ruleTester';

const deployment = (containerLines: string, eol = '\n') =>
  ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: vpn', 'spec:', '  template:', '    spec:', '      containers:', '        - name: vpn', '          image: example/vpn:1.4', ...containerLines.split('\n'), ''].join(eol);

const cronJob = (add: string) =>
  `apiVersion: batch/v1\r\nkind: CronJob\r\nmetadata: {name: ping}\r\nspec:\r\n  jobTemplate:\r\n    spec:\r\n      template:\r\n        spec:\r\n          initContainers: [{name: probe, securityContext: {capabilities: {add: [${add}]}}}]\r\n          containers: [{name: main, image: busybox:1.36}]\r\n`;

const REMOVE = 'Remove it from securityContext.capabilities.add.';

testRule('kubernetes/capabilities-baseline', 'kubernetes', {
  valid: [
    { name: 'no capabilities', code: deployment('          securityContext: {runAsNonRoot: true}') },
    { name: 'only capabilities from the default set', code: deployment('          securityContext:\n            capabilities:\n              drop: [ALL]\n              add: [NET_BIND_SERVICE, CHOWN, SETUID, SETGID, KILL]') },
    { name: 'dropping is not adding', code: deployment('          securityContext:\n            capabilities:\n              drop: [NET_RAW, SYS_ADMIN]') },
    { name: 'an empty add list', code: deployment('          securityContext:\n            capabilities:\n              add: []') },
    { name: 'pods have no capabilities of their own', code: deployment('          securityContext: {}').replace('      containers:', '      securityContext:\n        capabilities: {add: [SYS_ADMIN]}\n      containers:') },
    { name: 'suppressed above the item', code: deployment('          securityContext:\n            capabilities:\n              add:\n                # ballast-ignore kubernetes/capabilities-baseline -- needs the tun device\n                - NET_ADMIN') },
  ],
  invalid: [
    {
      name: 'block list in a Deployment: each offending item, removed with its line',
      code: deployment('          securityContext:\n            capabilities:\n              add:\n                - NET_ADMIN # tun device\n                - NET_BIND_SERVICE\n                - SYS_TIME'),
      findings: [
        {
          message: `Container vpn adds the capability NET_ADMIN, beyond the runtime's default set: it lets the container reconfigure the pod's network and firewall. ${REMOVE}`,
          range: [13, 18, 13, 27],
          fixes: [
            {
              title: 'Remove NET_ADMIN from capabilities.add',
              kind: 'suggestion',
              output: deployment('          securityContext:\n            capabilities:\n              add:\n                - NET_BIND_SERVICE\n                - SYS_TIME'),
            },
          ],
        },
        {
          message: `Container vpn adds the capability SYS_TIME, beyond the runtime's default set: every added capability widens what root in the container can do to the node. ${REMOVE}`,
          range: [15, 18, 15, 26],
          fixes: [
            {
              title: 'Remove SYS_TIME from capabilities.add',
              kind: 'suggestion',
              output: deployment('          securityContext:\n            capabilities:\n              add:\n                - NET_ADMIN # tun device\n                - NET_BIND_SERVICE'),
            },
          ],
        },
      ],
    },
    {
      name: 'NET_RAW in a flow-style CronJob init container, CRLF: the list becomes []',
      code: cronJob('NET_RAW'),
      findings: [
        {
          message: `Container probe adds the capability NET_RAW, beyond the runtime's default set: raw sockets let the container spoof and sniff traffic on the pod network. ${REMOVE}`,
          range: [8, 80, 8, 87],
          fixes: [{ title: 'Remove NET_RAW from capabilities.add', kind: 'suggestion', output: cronJob('') }],
        },
      ],
    },
    {
      name: 'ALL in an ephemeral container, the only item of a block list',
      code: deployment('          securityContext:\n            capabilities:\n              add: # debugging\n              - ALL', '\r\n').replace('      containers:', '      ephemeralContainers:\r\n        - name: debug\r\n          image: busybox:1.36\r\n          securityContext: {capabilities: {add: ["ALL"]}}\r\n      containers:'),
      findings: [
        {
          message: `Container debug adds the capability ALL, beyond the runtime's default set: it grants every capability, as good as privileged. ${REMOVE}`,
          range: [10, 49, 10, 54],
          fixes: [
            {
              title: 'Remove ALL from capabilities.add',
              kind: 'suggestion',
              output: deployment('          securityContext:\n            capabilities:\n              add: # debugging\n              - ALL', '\r\n').replace('      containers:', '      ephemeralContainers:\r\n        - name: debug\r\n          image: busybox:1.36\r\n          securityContext: {capabilities: {add: []}}\r\n      containers:'),
            },
          ],
        },
        {
          message: `Container vpn adds the capability ALL, beyond the runtime's default set: it grants every capability, as good as privileged. ${REMOVE}`,
          range: [17, 16, 17, 19],
          fixes: [
            {
              title: 'Remove ALL from capabilities.add',
              kind: 'suggestion',
              output: deployment('          securityContext:\n            capabilities:\n              add: [] # debugging', '\r\n').replace('      containers:', '      ephemeralContainers:\r\n        - name: debug\r\n          image: busybox:1.36\r\n          securityContext: {capabilities: {add: ["ALL"]}}\r\n      containers:'),
            },
          ],
        },
      ],
    },
    {
      name: 'a default capability spelled another way is rewritten, not removed',
      code: deployment('          securityContext:\n            capabilities:\n              add: [chown, CAP_KILL]'),
      findings: [
        {
          message: 'Container vpn adds chown: pod security admission accepts only the exact name CHOWN. Write it as CHOWN.',
          range: [12, 20, 12, 25],
          fixes: [{ title: 'Write CHOWN', kind: 'suggestion', output: deployment('          securityContext:\n            capabilities:\n              add: [CHOWN, CAP_KILL]') }],
        },
        {
          message: 'Container vpn adds CAP_KILL: pod security admission accepts only the exact name KILL. Write it as KILL.',
          range: [12, 27, 12, 35],
          fixes: [{ title: 'Write KILL', kind: 'suggestion', output: deployment('          securityContext:\n            capabilities:\n              add: [chown, KILL]') }],
        },
      ],
    },
    {
      name: 'a list shared through an anchor: each container is told, at its own text, and no fix edits the anchor',
      code: deployment('          securityContext:\n            capabilities:\n              add: &caps [SYS_PTRACE]\n        - name: sidecar\n          image: example/sidecar:1.0\n          securityContext: {capabilities: {add: *caps}}'),
      findings: [
        {
          message: `Container vpn adds the capability SYS_PTRACE, beyond the runtime's default set: it lets the container read and change other processes' memory. ${REMOVE}`,
          range: [12, 26, 12, 36],
        },
        {
          message: `Container sidecar adds the capability SYS_PTRACE, beyond the runtime's default set: it lets the container read and change other processes' memory. ${REMOVE}`,
          range: [15, 48, 15, 53],
        },
      ],
    },
  ],
});
