import { testRule } from '../../helpers/ruleTester';

const chart = { name: 'web', appVersion: '1.16.0' };
const NET_ADMIN = "it lets the container reconfigure the pod's network and firewall.";
const message = (path: string, name: string, consequence: string) => `${path} lists ${name}, beyond the runtime's default set: ${consequence} Remove it from the list.`;

testRule('helm/capabilities-added', 'helm-values', {
  valid: [
    {
      name: 'NET_BIND_SERVICE after dropping ALL',
      code: 'securityContext:\n  capabilities:\n    drop:\n      - ALL\n    add:\n      - NET_BIND_SERVICE\n',
      chart,
    },
    { name: 'the default set, allowed at baseline', code: 'containerSecurityContext:\n  capabilities: {drop: [ALL], add: [CHOWN, SETUID, SETGID]}\n', chart },
    { name: 'an empty add list', code: 'securityContext:\n  capabilities:\n    add: []\n', chart },
    {
      name: "bitnami's volumePermissions, disabled",
      code: 'volumePermissions:\n  enabled: false\n  containerSecurityContext:\n    runAsUser: 0\n    capabilities:\n      add: [SYS_ADMIN]\n',
      chart,
    },
    {
      name: 'a bitnami context switched off: the chart renders none of it',
      code: 'containerSecurityContext:\n  enabled: false\n  capabilities:\n    add: [NET_ADMIN]\n',
      chart,
    },
    { name: 'a capabilities key outside any security context', code: 'networkPolicy:\n  capabilities:\n    add: [NET_ADMIN]\n', chart },
    { name: 'an alias is not followed', code: 'caps: &caps [NET_ADMIN]\nsecurityContext:\n  capabilities:\n    add: *caps\n', chart },
    {
      name: 'suppressed',
      code: 'securityContext:\n  capabilities:\n    add:\n      # ballast-ignore helm/capabilities-added -- the VPN sidecar needs it\n      - NET_ADMIN\n',
      chart,
    },
  ],
  invalid: [
    {
      name: 'block list: removes the item, keeps the comments of the others',
      code: 'securityContext:\n  capabilities:\n    drop:\n      - ALL\n    add:\n      - NET_BIND_SERVICE # port 80\n      - SYS_ADMIN\n      - SETUID # gosu\n',
      chart,
      findings: [
        {
          message: message('securityContext.capabilities.add', 'SYS_ADMIN', 'it allows mounting filesystems and many other ways out to the node.'),
          range: [6, 8, 6, 17],
          fixes: [
            {
              title: 'Remove SYS_ADMIN from capabilities.add',
              kind: 'suggestion',
              output: 'securityContext:\n  capabilities:\n    drop:\n      - ALL\n    add:\n      - NET_BIND_SERVICE # port 80\n      - SETUID # gosu\n',
            },
          ],
        },
      ],
    },
    {
      name: 'a name of the default set in other letters',
      code: 'securityContext:\n  capabilities:\n    add: [cap_chown, net_bind_service]\n',
      chart,
      findings: [
        {
          message: 'securityContext.capabilities.add lists cap_chown: pod security admission accepts only the exact name CHOWN. Write it as CHOWN.',
          range: [2, 10, 2, 19],
          fixes: [{ title: 'Write CHOWN', kind: 'suggestion', output: 'securityContext:\n  capabilities:\n    add: [CHOWN, net_bind_service]\n' }],
        },
        {
          message: 'securityContext.capabilities.add lists net_bind_service: pod security admission accepts only the exact name NET_BIND_SERVICE. Write it as NET_BIND_SERVICE.',
          range: [2, 21, 2, 37],
          fixes: [{ title: 'Write NET_BIND_SERVICE', kind: 'suggestion', output: 'securityContext:\n  capabilities:\n    add: [cap_chown, NET_BIND_SERVICE]\n' }],
        },
      ],
    },
    {
      name: 'flow style in a component section',
      code: 'controller:\n  containerSecurityContext: {capabilities: {add: [NET_ADMIN, NET_RAW]}}\n',
      chart,
      findings: [
        {
          message: message('controller.containerSecurityContext.capabilities.add', 'NET_ADMIN', NET_ADMIN),
          range: [1, 50, 1, 59],
          fixes: [{ title: 'Remove NET_ADMIN from capabilities.add', kind: 'suggestion', output: 'controller:\n  containerSecurityContext: {capabilities: {add: [NET_RAW]}}\n' }],
        },
        {
          message: message('controller.containerSecurityContext.capabilities.add', 'NET_RAW', 'raw sockets let the container spoof and sniff traffic on the pod network.'),
          range: [1, 61, 1, 68],
          fixes: [{ title: 'Remove NET_RAW from capabilities.add', kind: 'suggestion', output: 'controller:\n  containerSecurityContext: {capabilities: {add: [NET_ADMIN]}}\n' }],
        },
      ],
    },
    {
      name: 'a list item, CRLF: the last item leaves an empty list',
      code: 'sidecars:\r\n  - name: vpn\r\n    image: example/vpn:1.4\r\n    securityContext:\r\n      capabilities:\r\n        add: # the tunnel\r\n          - NET_ADMIN\r\n',
      chart,
      findings: [
        {
          message: message('sidecars[0].securityContext.capabilities.add', 'NET_ADMIN', NET_ADMIN),
          range: [6, 12, 6, 21],
          fixes: [
            {
              title: 'Remove NET_ADMIN from capabilities.add',
              kind: 'suggestion',
              output: 'sidecars:\r\n  - name: vpn\r\n    image: example/vpn:1.4\r\n    securityContext:\r\n      capabilities:\r\n        add: [] # the tunnel\r\n',
            },
          ],
        },
      ],
    },
    {
      name: 'a capability the consequences table does not name, in a bitnami context switched on',
      code: 'primary:\n  containerSecurityContext:\n    enabled: true\n    capabilities:\n      add: ["SYS_TIME"]\n',
      chart,
      findings: [
        {
          message: message('primary.containerSecurityContext.capabilities.add', 'SYS_TIME', 'every added capability widens what root in the container can do to the node.'),
          range: [4, 12, 4, 22],
          fixes: [{ title: 'Remove SYS_TIME from capabilities.add', kind: 'suggestion', output: 'primary:\n  containerSecurityContext:\n    enabled: true\n    capabilities:\n      add: []\n' }],
        },
      ],
    },
    {
      name: 'an anchored list that an alias repeats: no fix',
      code: 'securityContext:\n  capabilities:\n    add: &caps [SYS_PTRACE]\ndebug:\n  capabilities:\n    add: *caps\n',
      chart,
      findings: [
        {
          message: message('securityContext.capabilities.add', 'SYS_PTRACE', "it lets the container read and change other processes' memory."),
          range: [2, 16, 2, 26],
        },
      ],
    },
  ],
});
