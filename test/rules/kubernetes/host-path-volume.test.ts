import { testRule } from '../../helpers/ruleTester';

const pod = (volumeLines: string) =>
  ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: logs', 'spec:', '  containers:', '    - name: shipper', '      image: example/shipper:3.0', '  volumes:', ...volumeLines.split('\n'), ''].join('\n');

const daemonSet = (volumes: string) =>
  `apiVersion: apps/v1\r\nkind: DaemonSet\r\nmetadata: {name: agent}\r\nspec:\r\n  template:\r\n    spec:\r\n      containers: [{name: agent, image: example/agent:2.1}]\r\n      volumes: ${volumes}\r\n`;

const why = "whatever the pod writes there, the node sees, and its runtime sockets and credentials are a path away. Use a configMap, secret, emptyDir or persistentVolumeClaim volume instead.";

testRule('kubernetes/host-path-volume', 'kubernetes', {
  valid: [
    { name: 'other volume types', code: pod('    - name: cache\n      emptyDir: {}\n    - name: config\n      configMap: {name: shipper}') },
    { name: 'hostPath: null is no hostPath', code: pod('    - name: cache\n      hostPath:\n      emptyDir: {}') },
    { name: 'a volume merely named hostPath', code: pod('    - name: hostPath\n      emptyDir: {}') },
    { name: 'suppressed above the volume', code: pod('    # ballast-ignore kubernetes/host-path-volume -- log shipper reads node logs\n    - name: varlog\n      hostPath: {path: /var/log}') },
    { name: 'suppressed by a Trivy comment above the key', code: pod('    - name: varlog\n      # trivy:ignore:KSV-0023\n      hostPath: {path: /var/log}') },
  ],
  invalid: [
    {
      name: 'a hostPath volume in a Pod, on its key',
      code: pod('    - name: cache\n      emptyDir: {}\n    - name: varlog\n      hostPath: # node logs\n        path: /var/log\n        type: Directory'),
      findings: [{ message: `Volume varlog of Pod logs mounts /var/log of the node (hostPath): ${why}`, range: [12, 6, 12, 14] }],
    },
    {
      name: 'flow style in a DaemonSet, CRLF, and a hostPath without a path',
      code: daemonSet('[{name: sock, hostPath: {path: /var/run/docker.sock, type: Socket}}, {name: root, hostPath: {}}]'),
      findings: [
        { message: `Volume sock of DaemonSet agent mounts /var/run/docker.sock of the node (hostPath): ${why}`, range: [7, 29, 7, 37] },
        { message: `Volume root of DaemonSet agent mounts a directory of the node (hostPath): ${why}`, range: [7, 97, 7, 105] },
      ],
    },
    {
      name: 'in a CronJob of a List, and in the next document',
      code: [
        'apiVersion: v1',
        'kind: List',
        'items:',
        '  - apiVersion: batch/v1',
        '    kind: CronJob',
        '    metadata: {name: rotate}',
        '    spec:',
        '      jobTemplate:',
        '        spec:',
        '          template:',
        '            spec:',
        '              containers: [{name: rotate, image: example/rotate:1.0}]',
        '              volumes: [{name: logs, hostPath: {path: /var/log/app}}]',
        '---',
        pod('    - name: etc\n      hostPath: {path: /etc}'),
      ].join('\n'),
      findings: [
        { message: `Volume logs of CronJob rotate mounts /var/log/app of the node (hostPath): ${why}`, range: [12, 37, 12, 45] },
        { message: `Volume etc of Pod logs mounts /etc of the node (hostPath): ${why}`, range: [24, 6, 24, 14] },
      ],
    },
  ],
});
