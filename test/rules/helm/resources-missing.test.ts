import { testRule } from '../../helpers/ruleTester';

const chart = { name: 'web', appVersion: '1.16.0' };
const ALL = 'the scheduler reserves no CPU or memory for the container, and nothing stops it taking memory from the other pods on its node.';
const setAll = (path: string) => `Set ${path}.requests.cpu, ${path}.requests.memory and ${path}.limits.memory.`;
const ADD_ALL = 'Add CPU request, memory request and memory limit (placeholder values)';
const HELM_CREATE_COMMENTS = [
  '  # We usually recommend not to specify default resources and to leave this as a conscious',
  '  # choice for the user. This also increases chances charts run on environments with little',
  '  # resources, such as Minikube.',
  '  # limits:',
  '  #   cpu: 100m',
  '  #   memory: 128Mi',
].join('\n');

testRule('helm/resources-missing', 'helm-values', {
  valid: [
    { name: 'an override file: what it leaves out or leaves {} keeps the chart defaults', code: 'image:\n  tag: "2.0"\nresources: {}\nworker:\n  image: {repository: worker, tag: "1.0"}\n', overrides: true },
    {
      name: 'requests and a memory limit',
      code: 'image:\n  repository: nginx\n  tag: "1.27.3"\nresources:\n  requests:\n    cpu: 250m\n    memory: 256Mi\n  limits:\n    memory: 256Mi\n',
      chart,
    },
    { name: 'limits only: Kubernetes requests the limits', code: 'image:\n  repository: nginx\nresources:\n  limits: {cpu: 500m, memory: 256Mi}\n', chart },
    { name: 'a bitnami resourcesPreset', code: 'image:\n  repository: bitnami/nginx\nresourcesPreset: "nano"\nresources: {}\n', chart },
    {
      name: 'one image, components with their own resources (bitnami postgresql)',
      code: [
        'image:',
        '  registry: docker.io',
        '  repository: bitnami/postgresql',
        '  tag: 17.2.0-debian-12-r8',
        'primary:',
        '  resourcesPreset: "nano"',
        '  resources: {}',
        '  persistence:',
        '    size: 8Gi',
        'readReplicas:',
        '  resourcesPreset: "small"',
        '  resources: {}',
        '',
      ].join('\n'),
      chart,
    },
    { name: 'a disabled component', code: 'metrics:\n  enabled: false\n  image:\n    repository: exporter\n    tag: "0.15.0"\n  resources: {}\n', chart },
    { name: 'resources from an alias', code: 'defaults: &resources\n  limits: {memory: 256Mi}\nimage:\n  repository: nginx\nresources: *resources\n', chart },
    { name: 'resources from a template string', code: 'image:\n  repository: nginx\nresources: "{{ .Values.global.resources }}"\n', chart },
    { name: 'no image in the file: nothing names a container', code: 'serviceMonitor:\n  resources: {}\n', chart },
    { name: 'a partial values file that overrides a tag only', code: '# ci/smoke-values.yaml\nimage:\n  tag: latest\ncontroller:\n  image: {tag: "1.2"}\n', chart },
    {
      name: "an RBAC rule's resources are no container's",
      code: 'image:\n  repository: nginx\nresources:\n  requests: {cpu: 100m, memory: 128Mi}\n  limits: {memory: 128Mi}\nrbac:\n  rules:\n    - apiGroups: [""]\n      resources: ["configmaps"]\n      verbs: ["get"]\n',
      chart,
    },
    { name: 'a storage request is no container', code: 'image:\n  repository: nginx\nresources:\n  requests: {cpu: 100m, memory: 128Mi}\n  limits: {memory: 128Mi}\nprimary:\n  persistence:\n    resources:\n      requests:\n        storage: 8Gi\n', chart },
    {
      name: 'suppressed',
      code: 'image:\n  repository: nginx\n# ballast-ignore helm/resources-missing -- sized per environment in values-prod.yaml\nresources: {}\n',
      chart,
    },
  ],
  invalid: [
    {
      name: "helm create's resources: {}, its commented-out example kept",
      code: `image:\n  repository: nginx\n  tag: ""\nresources: {}\n${HELM_CREATE_COMMENTS}\nnodeSelector: {}\n`,
      chart,
      findings: [
        {
          message: `resources is empty: ${ALL} ${setAll('resources')}`,
          range: [3, 11, 3, 13],
          fixes: [
            {
              title: ADD_ALL,
              kind: 'suggestion',
              output: `image:\n  repository: nginx\n  tag: ""\nresources:\n  requests:\n    cpu: 100m\n    memory: 128Mi\n  limits:\n    memory: 256Mi\n${HELM_CREATE_COMMENTS}\nnodeSelector: {}\n`,
            },
          ],
        },
      ],
    },
    {
      name: 'CRLF, a comment after {} stays on the key line',
      code: 'image:\r\n  repository: nginx\r\nresources: {} # set per environment\r\nnodeSelector: {}\r\n',
      chart,
      findings: [
        {
          message: `resources is empty: ${ALL} ${setAll('resources')}`,
          range: [2, 11, 2, 13],
          fixes: [
            {
              title: ADD_ALL,
              kind: 'suggestion',
              output: 'image:\r\n  repository: nginx\r\nresources: # set per environment\r\n  requests:\r\n    cpu: 100m\r\n    memory: 128Mi\r\n  limits:\r\n    memory: 256Mi\r\nnodeSelector: {}\r\n',
            },
          ],
        },
      ],
    },
    {
      name: 'flow style',
      code: 'controller: {image: {repository: nginx, tag: "1.27"}, resources: {}}\n',
      chart,
      findings: [
        {
          message: `controller.resources is empty: ${ALL} ${setAll('controller.resources')}`,
          range: [0, 65, 0, 67],
          fixes: [
            {
              title: ADD_ALL,
              kind: 'suggestion',
              output: 'controller: {image: {repository: nginx, tag: "1.27"}, resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 256Mi}}}\n',
            },
          ],
        },
      ],
    },
    {
      name: 'a component at depth with no resources: on its image key',
      code: 'controller:\n  admissionWebhooks:\n    patch:\n      image:\n        registry: registry.k8s.io\n        image: ingress-nginx/kube-webhook-certgen\n        tag: v1.4.4\n      priorityClassName: ""\n',
      chart,
      findings: [
        {
          message: `controller.admissionWebhooks.patch.resources is not set: ${ALL} ${setAll('controller.admissionWebhooks.patch.resources')}`,
          range: [3, 6, 3, 11],
          fixes: [
            {
              title: ADD_ALL,
              kind: 'suggestion',
              output:
                'controller:\n  admissionWebhooks:\n    patch:\n      image:\n        registry: registry.k8s.io\n        image: ingress-nginx/kube-webhook-certgen\n        tag: v1.4.4\n      priorityClassName: ""\n      resources:\n        requests:\n          cpu: 100m\n          memory: 128Mi\n        limits:\n          memory: 256Mi\n',
            },
          ],
        },
      ],
    },
    {
      name: "an RBAC rule's resources do not hide the container's",
      code: 'image:\n  repository: nginx\nrbac:\n  rules:\n    - apiGroups: [""]\n      resources: ["configmaps"]\n',
      chart,
      findings: [
        {
          message: `resources is not set: ${ALL} ${setAll('resources')}`,
          range: [0, 0, 0, 5],
          fixes: [
            {
              title: ADD_ALL,
              kind: 'suggestion',
              output: 'image:\n  repository: nginx\nrbac:\n  rules:\n    - apiGroups: [""]\n      resources: ["configmaps"]\nresources:\n  requests:\n    cpu: 100m\n    memory: 128Mi\n  limits:\n    memory: 256Mi\n',
            },
          ],
        },
      ],
    },
    {
      name: 'a bitnami component with resourcesPreset none and a memory request only',
      code: 'image:\n  repository: bitnami/postgresql\nreadReplicas:\n  resourcesPreset: none\n  resources:\n    requests:\n      memory: 512Mi\n',
      chart,
      findings: [
        {
          message:
            'readReplicas.resources has no CPU request or memory limit: the scheduler reserves no CPU for the container, and nothing stops it taking memory from the other pods on its node. Set readReplicas.resources.requests.cpu and readReplicas.resources.limits.memory (or choose a resourcesPreset other than none).',
          range: [4, 2, 4, 11],
          fixes: [
            {
              title: 'Add CPU request and memory limit (placeholder values)',
              kind: 'suggestion',
              output: 'image:\n  repository: bitnami/postgresql\nreadReplicas:\n  resourcesPreset: none\n  resources:\n    requests:\n      memory: 512Mi\n      cpu: 100m\n    limits:\n      memory: 512Mi\n',
            },
          ],
        },
      ],
    },
    {
      name: 'a CPU limit only',
      code: 'image:\n  repository: nginx\nresources:\n  limits:\n    cpu: 500m\n',
      chart,
      findings: [
        {
          message:
            'resources has no memory request or memory limit: the scheduler reserves no memory for the container, and nothing stops it taking memory from the other pods on its node. Set resources.requests.memory and resources.limits.memory.',
          range: [2, 0, 2, 9],
          fixes: [
            {
              title: 'Add memory request and memory limit (placeholder values)',
              kind: 'suggestion',
              output: 'image:\n  repository: nginx\nresources:\n  limits:\n    cpu: 500m\n    memory: 256Mi\n  requests:\n    memory: 128Mi\n',
            },
          ],
        },
      ],
    },
    {
      name: 'a sidecar in a list, and resources left null',
      code: 'sidecars:\n  - name: proxy\n    image: envoyproxy/envoy:v1.31.2\nworker:\n  image: {repository: worker}\n  resources: null\njobs:\n  image: {repository: jobs}\n  resources:\n',
      chart,
      findings: [
        {
          message: `sidecars[0].resources is not set: ${ALL} ${setAll('sidecars[0].resources')}`,
          range: [2, 4, 2, 9],
          fixes: [
            {
              title: ADD_ALL,
              kind: 'suggestion',
              output:
                'sidecars:\n  - name: proxy\n    image: envoyproxy/envoy:v1.31.2\n    resources:\n      requests:\n        cpu: 100m\n        memory: 128Mi\n      limits:\n        memory: 256Mi\nworker:\n  image: {repository: worker}\n  resources: null\njobs:\n  image: {repository: jobs}\n  resources:\n',
            },
          ],
        },
        {
          message: `worker.resources is empty: ${ALL} ${setAll('worker.resources')}`,
          range: [5, 13, 5, 17],
          fixes: [
            {
              title: ADD_ALL,
              kind: 'suggestion',
              output:
                'sidecars:\n  - name: proxy\n    image: envoyproxy/envoy:v1.31.2\nworker:\n  image: {repository: worker}\n  resources:\n    requests:\n      cpu: 100m\n      memory: 128Mi\n    limits:\n      memory: 256Mi\njobs:\n  image: {repository: jobs}\n  resources:\n',
            },
          ],
        },
        {
          message: `jobs.resources is empty: ${ALL} ${setAll('jobs.resources')}`,
          range: [8, 2, 8, 11],
          fixes: [
            {
              title: ADD_ALL,
              kind: 'suggestion',
              output:
                'sidecars:\n  - name: proxy\n    image: envoyproxy/envoy:v1.31.2\nworker:\n  image: {repository: worker}\n  resources: null\njobs:\n  image: {repository: jobs}\n  resources:\n    requests:\n      cpu: 100m\n      memory: 128Mi\n    limits:\n      memory: 256Mi\n',
            },
          ],
        },
      ],
    },
    {
      name: 'resources an alias repeats: no fix',
      code: 'controller:\n  image: {repository: nginx}\n  resources: &resources {}\nworker:\n  image: {repository: nginx}\n  resources: *resources\n',
      chart,
      findings: [{ message: `controller.resources is empty: ${ALL} ${setAll('controller.resources')}`, range: [2, 24, 2, 26] }],
    },
  ],
});
