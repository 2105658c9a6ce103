import { testRule } from '../../helpers/ruleTester';

const pod = (podLines: string, containerLines = '', eol = '\n') =>
  ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: agent', 'spec:', '  hostNetwork: true', ...(podLines ? podLines.split('\n') : []), '  containers:', '    - name: agent', '      image: example/agent:2.1-windows', ...(containerLines ? containerLines.split('\n') : []), ''].join(eol);

const message = (owner: string) =>
  `${owner} runs as a Windows HostProcess container (windowsOptions.hostProcess: true): it runs on the node itself, with the node's network and file system, and may run as SYSTEM. Set hostProcess: false.`;

testRule('kubernetes/windows-host-process', 'kubernetes', {
  valid: [
    { name: 'no Windows options', code: pod('') },
    { name: 'hostProcess: false', code: pod('  securityContext:\n    windowsOptions: {hostProcess: false, runAsUserName: ContainerUser}') },
    { name: 'the string "true" is not a boolean', code: pod('', '      securityContext:\n        windowsOptions:\n          hostProcess: "true"') },
    { name: 'suppressed by a Trivy comment', code: pod('  securityContext:\n    windowsOptions:\n      # trivy:ignore:KSV-0103\n      hostProcess: true') },
  ],
  invalid: [
    {
      name: 'on the pod, comment kept',
      code: pod('  securityContext:\n    windowsOptions:\n      hostProcess: true # node agent\n      runAsUserName: "NT AUTHORITY\\\\SYSTEM"'),
      findings: [
        {
          message: message('Pod agent'),
          range: [8, 19, 8, 23],
          fixes: [{ title: 'Set hostProcess: false', kind: 'suggestion', output: pod('  securityContext:\n    windowsOptions:\n      hostProcess: false # node agent\n      runAsUserName: "NT AUTHORITY\\\\SYSTEM"') }],
        },
      ],
    },
    {
      name: 'on a container in flow style and an init container, CRLF',
      code: pod('  initContainers: [{name: setup, securityContext: {windowsOptions: {hostProcess: True}}}]', '      securityContext: {windowsOptions: {hostProcess: true}}', '\r\n'),
      findings: [
        {
          message: message('Container setup'),
          range: [6, 81, 6, 85],
          fixes: [
            {
              title: 'Set hostProcess: false',
              kind: 'suggestion',
              output: pod('  initContainers: [{name: setup, securityContext: {windowsOptions: {hostProcess: false}}}]', '      securityContext: {windowsOptions: {hostProcess: true}}', '\r\n'),
            },
          ],
        },
        {
          message: message('Container agent'),
          range: [10, 54, 10, 58],
          fixes: [
            {
              title: 'Set hostProcess: false',
              kind: 'suggestion',
              output: pod('  initContainers: [{name: setup, securityContext: {windowsOptions: {hostProcess: True}}}]', '      securityContext: {windowsOptions: {hostProcess: false}}', '\r\n'),
            },
          ],
        },
      ],
    },
    {
      name: 'in a DaemonSet whose containers share options through an anchor: no fix',
      code: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: node-exporter}\nspec:\n  template:\n    spec:\n      hostNetwork: true\n      containers:\n        - name: exporter\n          securityContext:\n            windowsOptions: &host\n              hostProcess: true\n        - name: logger\n          securityContext:\n            windowsOptions: *host\n',
      findings: [
        { message: message('Container exporter'), range: [11, 27, 11, 31] },
        { message: message('Container logger'), range: [14, 28, 14, 33] },
      ],
    },
  ],
});
