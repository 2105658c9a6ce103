import { testRule } from '../../helpers/ruleTester';

const chart = { name: 'web', appVersion: '1.16.0' };
const CONTAINER = (path: string, written = 'false') =>
  `${path} is ${written}: the container runs as root whenever its image's user is root. Set it to true.`;
const POD = (path: string, written = 'false') =>
  `${path} is ${written}: containers that set nothing of their own run as root whenever their image's user is root, and the restricted Pod Security Standard rejects the pod outright. Set it to true.`;
const FIX = 'Set runAsNonRoot: true';

testRule('helm/run-as-non-root', 'helm-values', {
  valid: [
    { name: 'set to true', code: 'podSecurityContext:\n  runAsNonRoot: true\nsecurityContext:\n  runAsNonRoot: true\n', chart },
    { name: 'left out', code: 'podSecurityContext: {}\nsecurityContext: {}\n', chart },
    {
      name: 'bitnami: a context switched off by its own enabled: false',
      code: 'primary:\n  containerSecurityContext:\n    enabled: false\n    runAsNonRoot: false\n',
      chart,
    },
    {
      name: 'bitnami: a disabled volumePermissions section',
      code: 'volumePermissions:\n  enabled: false\n  containerSecurityContext:\n    runAsUser: 0\n    runAsNonRoot: false\n',
      chart,
    },
    { name: 'a user namespace: hostUsers: false', code: 'hostUsers: false\npodSecurityContext:\n  runAsNonRoot: false\n', chart },
    { name: 'a quoted "true"', code: 'securityContext:\n  runAsNonRoot: "true"\n' },
    {
      name: 'suppressed',
      code: 'securityContext:\n  # ballast-ignore helm/run-as-non-root -- image needs root, tracked in #42\n  runAsNonRoot: false\n',
      chart,
    },
  ],
  invalid: [
    {
      name: 'helm create style: pod and container level, comment kept',
      code: 'podSecurityContext:\n  fsGroup: 2000\n  runAsNonRoot: false # for now\n\nsecurityContext:\n  readOnlyRootFilesystem: true\n  runAsNonRoot: false\n',
      chart,
      findings: [
        {
          message: POD('podSecurityContext.runAsNonRoot'),
          range: [2, 16, 2, 21],
          fixes: [
            {
              title: FIX,
              kind: 'suggestion',
              output: 'podSecurityContext:\n  fsGroup: 2000\n  runAsNonRoot: true # for now\n\nsecurityContext:\n  readOnlyRootFilesystem: true\n  runAsNonRoot: false\n',
            },
          ],
        },
        {
          message: CONTAINER('securityContext.runAsNonRoot'),
          range: [6, 16, 6, 21],
          fixes: [
            {
              title: FIX,
              kind: 'suggestion',
              output: 'podSecurityContext:\n  fsGroup: 2000\n  runAsNonRoot: false # for now\n\nsecurityContext:\n  readOnlyRootFilesystem: true\n  runAsNonRoot: true\n',
            },
          ],
        },
      ],
    },
    {
      name: 'a bitnami component section at depth',
      code: 'readReplicas:\n  containerSecurityContext:\n    enabled: true\n    runAsUser: 1001\n    runAsNonRoot: false\n',
      chart,
      findings: [
        {
          message: CONTAINER('readReplicas.containerSecurityContext.runAsNonRoot'),
          range: [4, 18, 4, 23],
          fixes: [
            { title: FIX, kind: 'suggestion', output: 'readReplicas:\n  containerSecurityContext:\n    enabled: true\n    runAsUser: 1001\n    runAsNonRoot: true\n' },
          ],
        },
      ],
    },
    {
      name: 'flow style, pod level',
      code: 'master: {podSecurityContext: {enabled: true, fsGroup: 1001, runAsNonRoot: no}}\n',
      findings: [
        {
          message: POD('master.podSecurityContext.runAsNonRoot', 'no'),
          range: [0, 74, 0, 76],
          fixes: [{ title: FIX, kind: 'suggestion', output: 'master: {podSecurityContext: {enabled: true, fsGroup: 1001, runAsNonRoot: true}}\n' }],
        },
      ],
    },
    {
      name: 'a list item',
      code: 'sidecars:\n  - name: proxy\n    securityContext:\n      runAsNonRoot: false\n',
      chart,
      findings: [
        {
          message: CONTAINER('sidecars[0].securityContext.runAsNonRoot'),
          range: [3, 20, 3, 25],
          fixes: [{ title: FIX, kind: 'suggestion', output: 'sidecars:\n  - name: proxy\n    securityContext:\n      runAsNonRoot: true\n' }],
        },
      ],
    },
    {
      name: 'CRLF line endings and a quoted "false"',
      code: 'securityContext:\r\n  runAsNonRoot: "false"\r\n  runAsUser: 1000\r\n',
      chart,
      findings: [
        {
          message: CONTAINER('securityContext.runAsNonRoot', '"false"'),
          range: [1, 16, 1, 23],
          fixes: [{ title: FIX, kind: 'suggestion', output: 'securityContext:\r\n  runAsNonRoot: true\r\n  runAsUser: 1000\r\n' }],
        },
      ],
    },
    {
      name: 'hostUsers: false of another component does not exempt this one',
      code: 'agent:\n  hostUsers: false\nserver:\n  runAsNonRoot: false\n',
      findings: [
        {
          message: CONTAINER('server.runAsNonRoot'),
          range: [3, 16, 3, 21],
          fixes: [{ title: FIX, kind: 'suggestion', output: 'agent:\n  hostUsers: false\nserver:\n  runAsNonRoot: true\n' }],
        },
      ],
    },
  ],
});
