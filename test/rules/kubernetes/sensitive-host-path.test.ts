import { testRule } from '../../helpers/ruleTester';

/** A DaemonSet with one hostPath volume `host` at `path` (written as given). */
const daemonSet = (path: string, eol = '\n') =>
  [
    'apiVersion: apps/v1',
    'kind: DaemonSet',
    'metadata:',
    '  name: agent',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: agent',
    '          image: example/agent:3.1.0',
    '          volumeMounts: [{name: host, mountPath: /host, readOnly: true}]',
    '      volumes:',
    '        - name: host',
    '          hostPath:',
    `            path: ${path}`,
    '',
  ].join(eol);

const TAKEOVER = 'a container that has it can take over the node. Remove the volume, or mount a narrower path that holds only what the container needs.';
const finding = (what: string, range: [number, number, number, number]) => ({ message: `Volume host of DaemonSet agent mounts the node's ${what}: ${TAKEOVER}`, range });

testRule('kubernetes/sensitive-host-path', 'kubernetes', {
  valid: [
    { name: 'an application directory', code: daemonSet('/var/lib/agent') },
    { name: 'logs', code: daemonSet('/var/log') },
    { name: 'time zone and CA certificates', code: daemonSet('/etc/localtime') + daemonSet('/etc/ssl/certs/').replace('apiVersion', '---\napiVersion') },
    { name: 'a path that only looks like a sensitive one', code: daemonSet('/etcd-backup') },
    { name: 'a relative path (rejected by Kubernetes) is not guessed at', code: daemonSet('etc') },
    { name: 'not a hostPath volume', code: daemonSet('/etc').replace('hostPath:', 'nfs:') },
    { name: 'suppressed above the volume', code: daemonSet('/proc').replace('        - name: host\n', '        # ballast-ignore kubernetes/sensitive-host-path -- node exporter\n        - name: host\n') },
  ],
  invalid: [
    {
      name: 'the Docker socket',
      code: daemonSet('/var/run/docker.sock'),
      findings: [finding('/var/run/docker.sock (the Docker socket, which starts containers as root on request)', [14, 18, 14, 38])],
    },
    {
      name: 'the root file system, quoted, CRLF',
      code: daemonSet('"/"', '\r\n'),
      findings: [finding('/ (its whole file system)', [14, 18, 14, 21])],
    },
    {
      name: 'a path inside a sensitive directory, written untidily',
      code: daemonSet('/etc//kubernetes/./pki/ # control plane certificates'),
      findings: [finding('/etc/kubernetes/pki, inside /etc (the node\'s configuration and credentials)', [14, 18, 14, 41])],
    },
    {
      name: 'a directory that holds a sensitive one',
      code: daemonSet('/var/lib'),
      findings: [finding("/var/lib, which holds /var/lib/kubelet (the kubelet's data, with every pod's Secrets and service account tokens)", [14, 18, 14, 26])],
    },
    {
      name: "containerd's directory, in a CronJob and a flow-style Pod of a List",
      code: [
        'apiVersion: batch/v1',
        'kind: CronJob',
        'metadata: {name: prune}',
        'spec:',
        '  jobTemplate:',
        '    spec:',
        '      template:',
        '        spec:',
        '          containers: [{name: prune}]',
        '          volumes: [{name: sock, hostPath: {path: /run/containerd/containerd.sock, type: Socket}}]',
        '---',
        'apiVersion: v1',
        'kind: List',
        'items:',
        '- {apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {containers: [{name: c}], volumes: [{name: kernel, hostPath: {path: /sys/kernel}}]}}',
        '',
      ].join('\n'),
      findings: [
        {
          message: `Volume sock of CronJob prune mounts the node's /run/containerd/containerd.sock, inside /run/containerd (containerd's socket, which starts containers as root on request): ${TAKEOVER}`,
          range: [9, 50, 9, 81],
        },
        {
          message: `Volume kernel of Pod p mounts the node's /sys/kernel, inside /sys (the kernel's and devices' settings): ${TAKEOVER}`,
          range: [14, 125, 14, 136],
        },
      ],
    },
    {
      name: 'a path shared through an anchor is reported for each volume that uses it',
      code: [
        'apiVersion: v1',
        'kind: Pod',
        'metadata: {name: p}',
        'spec:',
        '  containers: [{name: c}]',
        '  volumes:',
        '    - {name: a, hostPath: {path: &root /root}}',
        '    - {name: b, hostPath: {path: *root}}',
        '',
      ].join('\n'),
      findings: [
        { message: `Volume a of Pod p mounts the node's /root (root's home, with its keys and credentials): ${TAKEOVER}`, range: [6, 39, 6, 44] },
        { message: `Volume b of Pod p mounts the node's /root (root's home, with its keys and credentials): ${TAKEOVER}`, range: [6, 39, 6, 44] },
      ],
    },
  ],
});
