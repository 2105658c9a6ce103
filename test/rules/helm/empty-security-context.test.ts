import { testRule } from '../../helpers/ruleTester';

const chart = { name: 'web', appVersion: '1.16.0' };
const POD_DEFAULTS = "the pods run with Kubernetes' defaults: as the image's user (often root) and without a seccomp profile.";
const CONTAINER_DEFAULTS =
  "the container runs with Kubernetes' defaults: as the image's user (often root), able to gain privileges, with the runtime's default capabilities and without a seccomp profile.";
const POD_SETTINGS = 'runAsNonRoot: true and seccompProfile.type: RuntimeDefault';
const CONTAINER_SETTINGS = 'allowPrivilegeEscalation: false, capabilities.drop: [ALL], runAsNonRoot: true and seccompProfile.type: RuntimeDefault';
const EMPTY_POD = (path: string) => `${path} is empty, so ${POD_DEFAULTS} Set ${POD_SETTINGS}.`;
const EMPTY_CONTAINER = (path: string) => `${path} is empty, so ${CONTAINER_DEFAULTS} Set ${CONTAINER_SETTINGS}.`;
const FILL = 'Fill in a restricted security context';

/** The parts of `helm create`'s values.yaml around its security contexts. */
const HELM_CREATE = `replicaCount: 1

image:
  repository: nginx
  # This sets the pull policy for images.
  pullPolicy: IfNotPresent
  # Overrides the image tag whose default is the chart appVersion.
  tag: ""

podAnnotations: {}
podLabels: {}

podSecurityContext: {}
  # fsGroup: 2000

securityContext: {}
  # capabilities:
  #   drop:
  #   - ALL
  # readOnlyRootFilesystem: true
  # runAsNonRoot: true
  # runAsUser: 1000

service:
  type: ClusterIP
  port: 80
`;

const HELM_CREATE_POD_FILLED = HELM_CREATE.replace(
  'podSecurityContext: {}\n',
  'podSecurityContext:\n  runAsNonRoot: true\n  seccompProfile:\n    type: RuntimeDefault\n',
);
const HELM_CREATE_CONTAINER_FILLED = HELM_CREATE.replace(
  'securityContext: {}\n  # capabilities:',
  'securityContext:\n  allowPrivilegeEscalation: false\n  capabilities:\n    drop: [ALL]\n  runAsNonRoot: true\n  seccompProfile:\n    type: RuntimeDefault\n  # capabilities:',
);

testRule('helm/empty-security-context', 'helm-values', {
  valid: [
    { name: 'an override file: {} merges into the default context and changes nothing', code: 'image:\n  repository: nginx\n  tag: "1.27"\nsecurityContext: {}\npodSecurityContext: {}\n', overrides: true },
    {
      name: 'filled contexts',
      code: 'image:\n  repository: nginx\npodSecurityContext:\n  fsGroup: 2000\nsecurityContext:\n  capabilities:\n    drop: [ALL]\n  runAsNonRoot: true\n',
      chart,
    },
    { name: 'a section that runs nothing: ingress', code: 'image:\n  repository: nginx\ningress:\n  enabled: true\n  securityContext: {}\n', chart },
    { name: 'no image and only one context: nothing tells it runs a pod', code: 'global:\n  podSecurityContext: {}\n', chart },
    { name: 'a disabled component', code: 'metrics:\n  enabled: false\n  image:\n    repository: exporter\n  securityContext: {}\n', chart },
    {
      name: "bitnami's volumePermissions, disabled",
      code: 'volumePermissions:\n  enabled: false\n  image:\n    registry: docker.io\n    repository: bitnami/os-shell\n    tag: 12-debian-12\n  resourcesPreset: "nano"\n  containerSecurityContext:\n    seLinuxOptions: {}\n    runAsUser: 0\n',
      chart,
    },
    { name: 'an alias is not followed', code: 'empty: &empty {}\nimage:\n  repository: nginx\nsecurityContext: *empty\n', chart },
    {
      name: 'suppressed',
      code: 'image:\n  repository: nginx\n# ballast-ignore helm/empty-security-context -- the platform injects one\npodSecurityContext: {}\n',
      chart,
    },
  ],
  invalid: [
    {
      name: "helm create's values: both contexts filled below the key, the commented examples kept",
      code: HELM_CREATE,
      chart,
      findings: [
        { message: EMPTY_POD('podSecurityContext'), range: [12, 20, 12, 22], fixes: [{ title: FILL, kind: 'suggestion', output: HELM_CREATE_POD_FILLED }] },
        { message: EMPTY_CONTAINER('securityContext'), range: [15, 17, 15, 19], fixes: [{ title: FILL, kind: 'suggestion', output: HELM_CREATE_CONTAINER_FILLED }] },
      ],
    },
    {
      name: 'CRLF, a comment after {}',
      code: 'image:\r\n  repository: nginx\r\npodSecurityContext: {} # set by the platform\r\n',
      chart,
      findings: [
        {
          message: EMPTY_POD('podSecurityContext'),
          range: [2, 20, 2, 22],
          fixes: [
            {
              title: FILL,
              kind: 'suggestion',
              output: 'image:\r\n  repository: nginx\r\npodSecurityContext: # set by the platform\r\n  runAsNonRoot: true\r\n  seccompProfile:\r\n    type: RuntimeDefault\r\n',
            },
          ],
        },
      ],
    },
    {
      name: 'bitnami contexts switched off, in a component sharing the top-level image',
      code: 'image:\n  registry: docker.io\n  repository: bitnami/postgresql\n  tag: 17.2.0\nprimary:\n  podSecurityContext:\n    enabled: false\n    fsGroup: 1001\n  containerSecurityContext:\n    enabled: false\n',
      chart,
      findings: [
        {
          message: `primary.podSecurityContext.enabled is false, so the chart renders no security context and ${POD_DEFAULTS} Set it to true.`,
          range: [6, 13, 6, 18],
          fixes: [
            {
              title: 'Set enabled: true',
              kind: 'suggestion',
              output: 'image:\n  registry: docker.io\n  repository: bitnami/postgresql\n  tag: 17.2.0\nprimary:\n  podSecurityContext:\n    enabled: true\n    fsGroup: 1001\n  containerSecurityContext:\n    enabled: false\n',
            },
          ],
        },
        {
          message: `primary.containerSecurityContext.enabled is false, so the chart renders no security context and ${CONTAINER_DEFAULTS} Set it to true, with ${CONTAINER_SETTINGS}.`,
          range: [9, 13, 9, 18],
          fixes: [
            {
              title: FILL,
              kind: 'suggestion',
              output:
                'image:\n  registry: docker.io\n  repository: bitnami/postgresql\n  tag: 17.2.0\nprimary:\n  podSecurityContext:\n    enabled: false\n    fsGroup: 1001\n  containerSecurityContext:\n    enabled: true\n    allowPrivilegeEscalation: false\n    capabilities:\n      drop: [ALL]\n    runAsNonRoot: true\n    seccompProfile:\n      type: RuntimeDefault\n',
            },
          ],
        },
      ],
    },
    {
      name: 'a flow context switched off',
      code: 'image: nginx:1.27\npodSecurityContext: {enabled: false}\n',
      chart,
      findings: [
        {
          message: `podSecurityContext.enabled is false, so the chart renders no security context and ${POD_DEFAULTS} Set it to true, with ${POD_SETTINGS}.`,
          range: [1, 30, 1, 35],
          fixes: [{ title: FILL, kind: 'suggestion', output: 'image: nginx:1.27\npodSecurityContext: {enabled: true, runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}\n' }],
        },
      ],
    },
    {
      name: 'only enabled: true renders an empty context',
      code: 'image:\n  repository: bitnami/redis\ncontainerSecurityContext:\n  enabled: true\n',
      chart,
      findings: [
        {
          message: `containerSecurityContext sets only enabled, so the chart renders an empty security context and ${CONTAINER_DEFAULTS} Set ${CONTAINER_SETTINGS}.`,
          range: [2, 0, 2, 24],
          fixes: [
            {
              title: FILL,
              kind: 'suggestion',
              output:
                'image:\n  repository: bitnami/redis\ncontainerSecurityContext:\n  enabled: true\n  allowPrivilegeEscalation: false\n  capabilities:\n    drop: [ALL]\n  runAsNonRoot: true\n  seccompProfile:\n    type: RuntimeDefault\n',
            },
          ],
        },
      ],
    },
    {
      name: 'no value, and null, in a component section',
      code: 'controller:\n  image: {repository: nginx, tag: "1.27"}\n  securityContext:\n  podSecurityContext: null\n',
      chart,
      findings: [
        {
          message: EMPTY_CONTAINER('controller.securityContext'),
          range: [2, 2, 2, 17],
          fixes: [
            {
              title: FILL,
              kind: 'suggestion',
              output:
                'controller:\n  image: {repository: nginx, tag: "1.27"}\n  securityContext:\n    allowPrivilegeEscalation: false\n    capabilities:\n      drop: [ALL]\n    runAsNonRoot: true\n    seccompProfile:\n      type: RuntimeDefault\n  podSecurityContext: null\n',
            },
          ],
        },
        {
          message: EMPTY_POD('controller.podSecurityContext'),
          range: [3, 22, 3, 26],
          fixes: [
            {
              title: FILL,
              kind: 'suggestion',
              output: 'controller:\n  image: {repository: nginx, tag: "1.27"}\n  securityContext:\n  podSecurityContext:\n    runAsNonRoot: true\n    seccompProfile:\n      type: RuntimeDefault\n',
            },
          ],
        },
      ],
    },
    {
      name: 'a list item',
      code: 'sidecars:\n  - name: proxy\n    image: envoyproxy/envoy:v1.31.2\n    securityContext: {}\n',
      chart,
      findings: [
        {
          message: EMPTY_CONTAINER('sidecars[0].securityContext'),
          range: [3, 21, 3, 23],
          fixes: [
            {
              title: FILL,
              kind: 'suggestion',
              output:
                'sidecars:\n  - name: proxy\n    image: envoyproxy/envoy:v1.31.2\n    securityContext:\n      allowPrivilegeEscalation: false\n      capabilities:\n        drop: [ALL]\n      runAsNonRoot: true\n      seccompProfile:\n        type: RuntimeDefault\n',
            },
          ],
        },
      ],
    },
    {
      name: 'flow style stays flow',
      code: 'controller: {image: {repository: nginx, tag: "1.27"}, securityContext: {}}\n',
      chart,
      findings: [
        {
          message: EMPTY_CONTAINER('controller.securityContext'),
          range: [0, 71, 0, 73],
          fixes: [
            {
              title: FILL,
              kind: 'suggestion',
              output:
                'controller: {image: {repository: nginx, tag: "1.27"}, securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}, runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}}\n',
            },
          ],
        },
      ],
    },
    {
      name: 'securityContext next to containerSecurityContext is the pod (grafana)',
      code: 'image:\n  repository: grafana/grafana\nsecurityContext: {}\ncontainerSecurityContext:\n  capabilities:\n    drop: [ALL]\n',
      chart,
      findings: [
        {
          message: EMPTY_POD('securityContext'),
          range: [2, 17, 2, 19],
          fixes: [
            {
              title: FILL,
              kind: 'suggestion',
              output: 'image:\n  repository: grafana/grafana\nsecurityContext:\n  runAsNonRoot: true\n  seccompProfile:\n    type: RuntimeDefault\ncontainerSecurityContext:\n  capabilities:\n    drop: [ALL]\n',
            },
          ],
        },
      ],
    },
    {
      name: 'no image, but both a pod and a container context: a pod all the same',
      code: 'worker:\n  podSecurityContext: {}\n  containerSecurityContext:\n    runAsUser: 1001\n',
      chart,
      findings: [
        {
          message: EMPTY_POD('worker.podSecurityContext'),
          range: [1, 22, 1, 24],
          fixes: [
            {
              title: FILL,
              kind: 'suggestion',
              output: 'worker:\n  podSecurityContext:\n    runAsNonRoot: true\n    seccompProfile:\n      type: RuntimeDefault\n  containerSecurityContext:\n    runAsUser: 1001\n',
            },
          ],
        },
      ],
    },
    {
      name: 'an anchored {} that an alias repeats: no fix',
      code: 'image:\n  repository: nginx\nsecurityContext: &sc {}\ninit:\n  securityContext: *sc\n',
      chart,
      findings: [{ message: EMPTY_CONTAINER('securityContext'), range: [2, 21, 2, 23] }],
    },
  ],
});
