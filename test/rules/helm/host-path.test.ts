import { testRule } from '../../helpers/ruleTester';

const PLAIN = (path: string, hostPath: string) =>
  `${path} mounts ${hostPath} of the node with a hostPath volume: whatever the pod writes there, the node sees, and its runtime sockets and credentials are a path away. Use a configMap, secret, emptyDir or persistentVolumeClaim volume instead.`;
const SENSITIVE = (path: string, what: string) =>
  `${path} mounts the node's ${what} with a hostPath volume: a container that has it can take over the node. Remove the volume, or mount a narrower path that holds only what the container needs.`;
const DOCKER_SOCKET = '/var/run/docker.sock (the Docker socket, which starts containers as root on request)';

testRule('helm/host-path', 'helm-values', {
  valid: [
    { name: 'empty, null and {} hostPath values', code: 'persistence:\n  hostPath: ""\nbackup:\n  hostPath:\nlogs:\n  hostPath: {}\n' },
    { name: 'a volume source with an empty path', code: 'extraVolumes:\n  - name: x\n    hostPath:\n      path: ""\n' },
    { name: 'persistence disabled', code: 'persistence:\n  enabled: false\n  hostPath: /data\n' },
    { name: 'a disabled component holding the volume', code: 'logShipper:\n  enabled: false\n  extraVolumes:\n    - name: varlog\n      hostPath:\n        path: /var/log\n' },
    { name: 'a hostPath section switched off', code: 'storage:\n  hostPath:\n    enabled: false\n    path: /mnt/data\n' },
    {
      name: 'lookalikes: other keys, mount paths, a boolean',
      code: 'extraVolumeMounts:\n  - name: docker\n    mountPath: /var/run/docker.sock\nhostPathType: Directory\nhostPaths: [/data]\nuseHostPath: /data\nlocal:\n  hostPath: false\n',
    },
    { name: 'helm create defaults', code: 'volumes: []\n# - name: foo\n#   hostPath:\n#     path: /var/run/docker.sock\nvolumeMounts: []\n' },
    { name: 'suppressed', code: 'extraVolumes:\n  - name: varlog\n    hostPath:\n      # ballast-ignore helm/host-path -- log shipper\n      path: /var/log\n' },
  ],
  invalid: [
    {
      name: 'a persistence hostPath string',
      code: 'persistence:\n  enabled: true\n  hostPath: /data # on the node\n',
      findings: [{ message: PLAIN('persistence.hostPath', '/data'), range: [2, 12, 2, 17] }],
    },
    {
      name: 'the Docker socket in a list of extra volumes',
      code: 'extraVolumes:\n  - name: docker\n    hostPath:\n      path: /var/run/docker.sock\n      type: Socket\n',
      findings: [{ message: SENSITIVE('extraVolumes[0].hostPath.path', DOCKER_SOCKET), range: [3, 12, 3, 32] }],
    },
    {
      name: 'flow style',
      code: 'extraVolumes: [{name: tmp, emptyDir: {}}, {name: docker, hostPath: {path: "/var/run/docker.sock"}}]\n',
      findings: [{ message: SENSITIVE('extraVolumes[1].hostPath.path', DOCKER_SOCKET), range: [0, 74, 0, 96] }],
    },
    {
      name: 'a component section at depth, CRLF',
      code: 'controller:\r\n  extraVolumes:\r\n    - name: logs\r\n      hostPath:\r\n        path: /var/log\r\n        type: Directory\r\n',
      findings: [{ message: PLAIN('controller.extraVolumes[0].hostPath.path', '/var/log'), range: [4, 14, 4, 22] }],
    },
    {
      name: 'a sensitive string path, inside /etc',
      code: 'agent:\n  enabled: true\n  hostPath: "/etc/kubernetes"\n',
      findings: [{ message: SENSITIVE('agent.hostPath', "/etc/kubernetes, inside /etc (the node's configuration and credentials)"), range: [2, 12, 2, 29] }],
    },
    {
      name: 'an enabled hostPath section',
      code: 'storage:\n  hostPath:\n    enabled: true\n    path: /mnt/disks/ssd0\n',
      findings: [{ message: PLAIN('storage.hostPath.path', '/mnt/disks/ssd0'), range: [3, 10, 3, 25] }],
    },
  ],
});
