import { testRule } from '../../helpers/ruleTester';

const chart = { name: 'web', appVersion: '1.16.0' };
const MESSAGE = (path: string, written = 'true') =>
  `${path} is ${written}: a privileged container has every capability and device of the node, so root in it is root on the node. Set it to false and add only the capabilities the container needs.`;
const FIX = 'Set privileged: false';

testRule('helm/privileged', 'helm-values', {
  valid: [
    { name: 'privileged: false', code: 'securityContext:\n  privileged: false\n', chart },
    { name: 'helm create: commented-out examples', code: 'securityContext: {}\n  # capabilities:\n  #   drop:\n  #   - ALL\n  # privileged: true\n', chart },
    {
      name: 'bitnami: a context switched off by its own enabled: false is not rendered',
      code: 'containerSecurityContext:\n  enabled: false\n  privileged: true\n',
      chart,
    },
    {
      name: 'bitnami: a disabled volumePermissions section',
      code: 'volumePermissions:\n  enabled: false\n  containerSecurityContext:\n    runAsUser: 0\n    privileged: true\n',
      chart,
    },
    { name: 'a quoted "false"', code: 'securityContext:\n  privileged: "false"\n' },
    { name: 'a key that only mentions privileged', code: 'privilegedMode: true\nsecurityContext:\n  nonPrivileged: true\n' },
    { name: 'an alias is checked where its anchor is written', code: 'base: &off false\nsecurityContext:\n  privileged: *off\n' },
    {
      name: 'suppressed',
      code: 'securityContext:\n  # ballast-ignore helm/privileged -- CNI plugin needs it\n  privileged: true\n',
      chart,
    },
  ],
  invalid: [
    {
      name: 'helm create style, comment kept by the fix',
      code: 'securityContext:\n  privileged: true # needed?\n  runAsUser: 1000\n',
      chart,
      findings: [
        {
          message: MESSAGE('securityContext.privileged'),
          range: [1, 14, 1, 18],
          fixes: [{ title: FIX, kind: 'suggestion', output: 'securityContext:\n  privileged: false # needed?\n  runAsUser: 1000\n' }],
        },
      ],
    },
    {
      name: 'a bitnami component section at depth, enabled: true',
      code: 'controller:\n  containerSecurityContext:\n    enabled: true\n    runAsUser: 1001\n    privileged: true\n',
      chart,
      findings: [
        {
          message: MESSAGE('controller.containerSecurityContext.privileged'),
          range: [4, 16, 4, 20],
          fixes: [{ title: FIX, kind: 'suggestion', output: 'controller:\n  containerSecurityContext:\n    enabled: true\n    runAsUser: 1001\n    privileged: false\n' }],
        },
      ],
    },
    {
      name: 'flow style',
      code: 'primary: {securityContext: {privileged: true, runAsUser: 1001}}\n',
      findings: [
        {
          message: MESSAGE('primary.securityContext.privileged'),
          range: [0, 40, 0, 44],
          fixes: [{ title: FIX, kind: 'suggestion', output: 'primary: {securityContext: {privileged: false, runAsUser: 1001}}\n' }],
        },
      ],
    },
    {
      name: 'a list item',
      code: 'sidecars:\n  - name: proxy\n    image: envoy:1.31\n    securityContext:\n      privileged: true\n',
      chart,
      findings: [
        {
          message: MESSAGE('sidecars[0].securityContext.privileged'),
          range: [4, 18, 4, 22],
          fixes: [{ title: FIX, kind: 'suggestion', output: 'sidecars:\n  - name: proxy\n    image: envoy:1.31\n    securityContext:\n      privileged: false\n' }],
        },
      ],
    },
    {
      name: 'CRLF line endings',
      code: 'daemonset:\r\n  securityContext:\r\n    privileged: true\r\n  hostNetwork: false\r\n',
      chart,
      findings: [
        {
          message: MESSAGE('daemonset.securityContext.privileged'),
          range: [2, 16, 2, 20],
          fixes: [{ title: FIX, kind: 'suggestion', output: 'daemonset:\r\n  securityContext:\r\n    privileged: false\r\n  hostNetwork: false\r\n' }],
        },
      ],
    },
    {
      name: 'YAML 1.1 yes and a quoted "true", as written',
      code: 'agent:\n  securityContext:\n    privileged: yes\nworker:\n  securityContext:\n    privileged: "true"\n',
      findings: [
        {
          message: MESSAGE('agent.securityContext.privileged', 'yes'),
          range: [2, 16, 2, 19],
          fixes: [{ title: FIX, kind: 'suggestion', output: 'agent:\n  securityContext:\n    privileged: false\nworker:\n  securityContext:\n    privileged: "true"\n' }],
        },
        {
          message: MESSAGE('worker.securityContext.privileged', '"true"'),
          range: [5, 16, 5, 22],
          fixes: [{ title: FIX, kind: 'suggestion', output: 'agent:\n  securityContext:\n    privileged: yes\nworker:\n  securityContext:\n    privileged: false\n' }],
        },
      ],
    },
    {
      name: 'a chart-level toggle, reported where it is written',
      code: 'dind:\n  enabled: true\n  privileged: true\n',
      findings: [
        {
          message: MESSAGE('dind.privileged'),
          range: [2, 14, 2, 18],
          fixes: [{ title: FIX, kind: 'suggestion', output: 'dind:\n  enabled: true\n  privileged: false\n' }],
        },
      ],
    },
    {
      name: 'an anchored value other places repeat: no fix',
      code: 'securityContext:\n  privileged: &on true\nworker:\n  securityContext:\n    privileged: *on\n',
      findings: [{ message: MESSAGE('securityContext.privileged'), range: [1, 18, 1, 22] }],
    },
  ],
});
