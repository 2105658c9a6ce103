import { testRule } from '../../helpers/ruleTester';

const chart = { name: 'web', appVersion: '1.16.0' };
const CONTAINER = (path: string, written = '0') =>
  `${path} is ${written}: the container runs as root, whatever user its image names. Use a non-zero UID: the restricted Pod Security Standard forbids UID 0.`;
const POD = (path: string, written = '0') =>
  `${path} is ${written}: containers that name no user of their own run as root. Use a non-zero UID: the restricted Pod Security Standard forbids UID 0 for the pod too.`;
const FIX = 'Run as UID 10001 instead of root';

testRule('helm/run-as-root-user', 'helm-values', {
  valid: [
    { name: 'a non-root UID', code: 'podSecurityContext:\n  runAsUser: 1001\nsecurityContext:\n  runAsUser: 10001\n', chart },
    {
      name: 'bitnami: a disabled volumePermissions section',
      code: 'volumePermissions:\n  enabled: false\n  image:\n    repository: bitnami/os-shell\n  containerSecurityContext:\n    runAsUser: 0\n',
      chart,
    },
    {
      name: 'bitnami: a context switched off by its own enabled: false',
      code: 'containerSecurityContext:\n  enabled: false\n  runAsUser: 0\n',
      chart,
    },
    { name: 'group 0 is another rule', code: 'securityContext:\n  runAsUser: 1001\n  runAsGroup: 0\n', chart },
    { name: 'a user namespace: hostUsers: false around it', code: 'controller:\n  hostUsers: false\n  containerSecurityContext:\n    runAsUser: 0\n', chart },
    { name: 'a quoted UID that is not 0', code: 'securityContext:\n  runAsUser: "1000"\n' },
    { name: 'commented out', code: 'securityContext: {}\n  # runAsUser: 0\n' },
    {
      name: 'suppressed',
      code: 'securityContext:\n  # ballast-ignore helm/run-as-root-user -- legacy image\n  runAsUser: 0\n',
      chart,
    },
  ],
  invalid: [
    {
      name: 'helm create style: pod and container level, comment kept',
      code: 'podSecurityContext:\n  runAsUser: 0 # root\n  fsGroup: 2000\n\nsecurityContext:\n  runAsUser: 0\n',
      chart,
      findings: [
        {
          message: POD('podSecurityContext.runAsUser'),
          range: [1, 13, 1, 14],
          fixes: [{ title: FIX, kind: 'suggestion', output: 'podSecurityContext:\n  runAsUser: 10001 # root\n  fsGroup: 2000\n\nsecurityContext:\n  runAsUser: 0\n' }],
        },
        {
          message: CONTAINER('securityContext.runAsUser'),
          range: [5, 13, 5, 14],
          fixes: [{ title: FIX, kind: 'suggestion', output: 'podSecurityContext:\n  runAsUser: 0 # root\n  fsGroup: 2000\n\nsecurityContext:\n  runAsUser: 10001\n' }],
        },
      ],
    },
    {
      name: 'bitnami volumePermissions switched on: its init container runs as root',
      code: 'volumePermissions:\n  enabled: true\n  containerSecurityContext:\n    seLinuxOptions: {}\n    runAsUser: 0\n',
      chart,
      findings: [
        {
          message: CONTAINER('volumePermissions.containerSecurityContext.runAsUser'),
          range: [4, 15, 4, 16],
          fixes: [
            { title: FIX, kind: 'suggestion', output: 'volumePermissions:\n  enabled: true\n  containerSecurityContext:\n    seLinuxOptions: {}\n    runAsUser: 10001\n' },
          ],
        },
      ],
    },
    {
      name: 'flow style in a component section',
      code: 'defaultBackend: {enabled: true, podSecurityContext: {runAsUser: 0, fsGroup: 1001}}\n',
      findings: [
        {
          message: POD('defaultBackend.podSecurityContext.runAsUser'),
          range: [0, 64, 0, 65],
          fixes: [{ title: FIX, kind: 'suggestion', output: 'defaultBackend: {enabled: true, podSecurityContext: {runAsUser: 10001, fsGroup: 1001}}\n' }],
        },
      ],
    },
    {
      name: 'a list item',
      code: 'sidecars:\n  - name: proxy\n    image: envoy:1.31\n    securityContext:\n      runAsUser: 0\n',
      chart,
      findings: [
        {
          message: CONTAINER('sidecars[0].securityContext.runAsUser'),
          range: [4, 17, 4, 18],
          fixes: [{ title: FIX, kind: 'suggestion', output: 'sidecars:\n  - name: proxy\n    image: envoy:1.31\n    securityContext:\n      runAsUser: 10001\n' }],
        },
      ],
    },
    {
      name: 'CRLF line endings and a quoted "0"',
      code: 'replica:\r\n  containerSecurityContext:\r\n    enabled: true\r\n    runAsUser: "0"\r\n',
      chart,
      findings: [
        {
          message: CONTAINER('replica.containerSecurityContext.runAsUser', '"0"'),
          range: [3, 15, 3, 18],
          fixes: [{ title: FIX, kind: 'suggestion', output: 'replica:\r\n  containerSecurityContext:\r\n    enabled: true\r\n    runAsUser: 10001\r\n' }],
        },
      ],
    },
    {
      name: 'a chart-level setting outside any security context',
      code: 'controller:\n  runAsUser: 0\n  fsGroup: 1000\n',
      findings: [
        {
          message: CONTAINER('controller.runAsUser'),
          range: [1, 13, 1, 14],
          fixes: [{ title: FIX, kind: 'suggestion', output: 'controller:\n  runAsUser: 10001\n  fsGroup: 1000\n' }],
        },
      ],
    },
  ],
});
