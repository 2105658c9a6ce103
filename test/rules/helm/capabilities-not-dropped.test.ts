import { testRule } from '../../helpers/ruleTester';

const chart = { name: 'web', appVersion: '1.16.0' };
const ADD_BACK = 'then add back only NET_BIND_SERVICE if the container needs a port below 1024.';
const NOT_DROPPED = (path: string) =>
  `${path} does not drop ALL capabilities, so the container keeps the runtime's default set (CHOWN, DAC_OVERRIDE, SETUID, …). Set capabilities.drop: [ALL], ${ADD_BACK}`;
const SOME_DROPPED = (path: string) =>
  `${path}.capabilities.drop does not list ALL, so the container keeps the rest of the runtime's default set (CHOWN, DAC_OVERRIDE, SETUID, …). Add ALL to the list, ${ADD_BACK}`;
const ADD_ALL = 'Add ALL to capabilities.drop';

testRule('helm/capabilities-not-dropped', 'helm-values', {
  valid: [
    {
      name: "helm create's example, uncommented",
      code: 'securityContext:\n  capabilities:\n    drop:\n    - ALL\n  readOnlyRootFilesystem: true\n  runAsNonRoot: true\n  runAsUser: 1000\n',
      chart,
    },
    { name: 'flow style, ALL with others', code: 'controller:\n  containerSecurityContext: {capabilities: {drop: [NET_RAW, ALL], add: [NET_BIND_SERVICE]}}\n', chart },
    { name: 'empty contexts are helm/empty-security-context business', code: 'image:\n  repository: nginx\nsecurityContext: {}\ncontainerSecurityContext:\n  enabled: true\n', chart },
    { name: 'a pod-level context', code: 'podSecurityContext:\n  fsGroup: 2000\n  runAsUser: 1000\n', chart },
    { name: 'securityContext with pod-only keys is the pod', code: 'securityContext:\n  runAsUser: 1000\n  fsGroup: 1000\n', chart },
    {
      name: 'securityContext next to containerSecurityContext is the pod (grafana)',
      code: 'securityContext:\n  runAsNonRoot: true\n  runAsUser: 472\ncontainerSecurityContext:\n  allowPrivilegeEscalation: false\n  capabilities:\n    drop: [ALL]\n',
      chart,
    },
    {
      name: "bitnami's volumePermissions, disabled",
      code: 'volumePermissions:\n  enabled: false\n  image:\n    repository: bitnami/os-shell\n  containerSecurityContext:\n    seLinuxOptions: {}\n    runAsUser: 0\n',
      chart,
    },
    { name: 'a bitnami context switched off', code: 'primary:\n  containerSecurityContext:\n    enabled: false\n    runAsUser: 1001\n', chart },
    { name: 'a merge key may bring the drop list in', code: 'base: &base\n  capabilities:\n    drop: [ALL]\nsecurityContext:\n  <<: *base\n  runAsUser: 1000\n', chart },
    { name: 'an aliased drop list is not followed', code: 'dropAll: &dropAll [ALL]\nsecurityContext:\n  capabilities:\n    drop: *dropAll\n', chart },
    {
      name: 'suppressed',
      code: '# ballast-ignore helm/capabilities-not-dropped -- needs CHOWN at start-up\nsecurityContext:\n  runAsUser: 0\n',
      chart,
    },
  ],
  invalid: [
    {
      name: 'no capabilities at all: on the context key',
      code: 'securityContext:\n  runAsNonRoot: true\n  runAsUser: 1000 # the app user\n',
      chart,
      findings: [
        {
          message: NOT_DROPPED('securityContext'),
          range: [0, 0, 0, 15],
          fixes: [
            {
              title: ADD_ALL,
              kind: 'suggestion',
              output: 'securityContext:\n  runAsNonRoot: true\n  runAsUser: 1000 # the app user\n  capabilities:\n    drop: [ALL]\n',
            },
          ],
        },
      ],
    },
    {
      name: 'capabilities without drop: on the capabilities key',
      code: 'securityContext:\n  capabilities:\n    add: [NET_BIND_SERVICE]\n',
      chart,
      findings: [
        {
          message: NOT_DROPPED('securityContext'),
          range: [1, 2, 1, 14],
          fixes: [{ title: ADD_ALL, kind: 'suggestion', output: 'securityContext:\n  capabilities:\n    add: [NET_BIND_SERVICE]\n    drop: [ALL]\n' }],
        },
      ],
    },
    {
      name: 'a block drop list without ALL: appended, comment kept',
      code: 'securityContext:\n  capabilities:\n    drop:\n      - NET_RAW # raw sockets\n  runAsUser: 1000\n',
      chart,
      findings: [
        {
          message: SOME_DROPPED('securityContext'),
          range: [2, 4, 2, 8],
          fixes: [{ title: ADD_ALL, kind: 'suggestion', output: 'securityContext:\n  capabilities:\n    drop:\n      - NET_RAW # raw sockets\n      - ALL\n  runAsUser: 1000\n' }],
        },
      ],
    },
    {
      name: 'lowercase all in flow style, in a component section',
      code: 'controller:\n  containerSecurityContext: {runAsUser: 1000, capabilities: {drop: [all]}}\n',
      chart,
      findings: [
        {
          message:
            'controller.containerSecurityContext.capabilities.drop lists all, but capability names are compared exactly and the restricted Pod Security Standard only accepts ALL. Write it as ALL.',
          range: [1, 68, 1, 71],
          fixes: [{ title: 'Write ALL', kind: 'suggestion', output: 'controller:\n  containerSecurityContext: {runAsUser: 1000, capabilities: {drop: [ALL]}}\n' }],
        },
      ],
    },
    {
      name: 'a bitnami context with an empty drop list: on the []',
      code: 'primary:\n  containerSecurityContext:\n    enabled: true\n    runAsUser: 1001\n    capabilities:\n      drop: []\n',
      chart,
      findings: [
        {
          message: NOT_DROPPED('primary.containerSecurityContext'),
          range: [5, 12, 5, 14],
          fixes: [{ title: ADD_ALL, kind: 'suggestion', output: 'primary:\n  containerSecurityContext:\n    enabled: true\n    runAsUser: 1001\n    capabilities:\n      drop: [ALL]\n' }],
        },
      ],
    },
    {
      name: 'drop with no value: on the drop key',
      code: 'securityContext:\n  capabilities:\n    drop:\n  runAsUser: 1000\n',
      chart,
      findings: [
        {
          message: NOT_DROPPED('securityContext'),
          range: [2, 4, 2, 8],
          fixes: [{ title: ADD_ALL, kind: 'suggestion', output: 'securityContext:\n  capabilities:\n    drop: [ALL]\n  runAsUser: 1000\n' }],
        },
      ],
    },
    {
      name: 'a flow context gets a flow entry',
      code: 'securityContext: {runAsNonRoot: true}\n',
      chart,
      findings: [
        {
          message: NOT_DROPPED('securityContext'),
          range: [0, 0, 0, 15],
          fixes: [{ title: ADD_ALL, kind: 'suggestion', output: 'securityContext: {runAsNonRoot: true, capabilities: {drop: [ALL]}}\n' }],
        },
      ],
    },
    {
      name: 'capabilities: null inside a flow mapping: no fix',
      code: 'securityContext: {runAsNonRoot: true, capabilities: null}\n',
      chart,
      findings: [{ message: NOT_DROPPED('securityContext'), range: [0, 38, 0, 50] }],
    },
    {
      name: 'an init container in a list, CRLF',
      code: 'initContainers:\r\n  - name: migrate\r\n    image: example/migrate:2.1\r\n    securityContext:\r\n      readOnlyRootFilesystem: true\r\n',
      chart,
      findings: [
        {
          message: NOT_DROPPED('initContainers[0].securityContext'),
          range: [3, 4, 3, 19],
          fixes: [
            {
              title: ADD_ALL,
              kind: 'suggestion',
              output: 'initContainers:\r\n  - name: migrate\r\n    image: example/migrate:2.1\r\n    securityContext:\r\n      readOnlyRootFilesystem: true\r\n      capabilities:\r\n        drop: [ALL]\r\n',
            },
          ],
        },
      ],
    },
    {
      name: 'an anchored context that an alias repeats: no fix',
      code: 'securityContext: &sc\n  runAsUser: 1000\nworker:\n  securityContext: *sc\n',
      chart,
      findings: [{ message: NOT_DROPPED('securityContext'), range: [0, 0, 0, 15] }],
    },
  ],
});
