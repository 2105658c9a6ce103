import { testRule } from '../../helpers/ruleTester';

const chart = { name: 'web', appVersion: '1.16.0' };
const noAppVersion = { name: 'web', appVersion: undefined };
const WHY = 'a node that already holds an image under that name runs it without asking the registry, however stale or wherever it came from.';
const DIGEST = 'sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31';

testRule('helm/image-pull-policy', 'helm-values', {
  valid: [
    { name: "a version tag with IfNotPresent (helm create's default)", code: 'image:\n  repository: nginx\n  pullPolicy: IfNotPresent\n  tag: "1.27.3"\n', chart },
    {
      name: 'an empty tag falls back to appVersion',
      code: 'image:\n  repository: nginx\n  pullPolicy: IfNotPresent\n  # Overrides the image tag whose default is the chart appVersion.\n  tag: ""\n',
      chart,
    },
    { name: 'an empty tag outside any chart: nothing to tell', code: 'image:\n  repository: nginx\n  pullPolicy: IfNotPresent\n  tag: ""\n' },
    { name: 'latest pulled Always', code: 'image:\n  repository: nginx\n  pullPolicy: Always\n  tag: latest\n', chart },
    { name: 'latest with no pullPolicy: Kubernetes defaults it to Always', code: 'image:\n  repository: nginx\n  tag: latest\n', chart },
    { name: 'latest with an empty pullPolicy', code: 'image:\n  repository: nginx\n  pullPolicy: ""\n  tag: latest\n', chart },
    { name: 'latest pinned by digest', code: `image:\n  registry: docker.io\n  repository: bitnami/nginx\n  tag: latest\n  digest: "${DIGEST}"\n  pullPolicy: IfNotPresent\n`, chart },
    { name: 'a digest after the tag', code: `image:\n  repository: nginx\n  tag: "latest@${DIGEST}"\n  pullPolicy: IfNotPresent\n`, chart },
    { name: 'a string reference pinned by digest', code: `sidecar:\n  image: busybox@${DIGEST}\n  imagePullPolicy: Never\n`, chart },
    { name: 'a string reference with a version tag', code: 'sidecar:\n  image: busybox:1.36\n  imagePullPolicy: IfNotPresent\n', chart },
    { name: 'a templated policy', code: 'image:\n  repository: nginx\n  tag: latest\n  pullPolicy: "{{ .Values.global.pullPolicy }}"\n', chart },
    { name: 'a disabled component', code: 'metrics:\n  enabled: false\n  image:\n    repository: exporter\n    tag: latest\n    pullPolicy: IfNotPresent\n', chart },
    {
      name: 'suppressed',
      code: 'image:\n  repository: nginx\n  tag: latest\n  # ballast-ignore helm/image-pull-policy -- CI builds push a fresh tag per commit\n  pullPolicy: IfNotPresent\n',
      chart,
    },
  ],
  invalid: [
    {
      name: 'latest with IfNotPresent, comment kept by the suggestion',
      code: 'image:\n  repository: nginx\n  # This sets the pull policy for images.\n  pullPolicy: IfNotPresent # or Always\n  tag: latest\n',
      chart,
      findings: [
        {
          message: `image.pullPolicy is IfNotPresent but image.tag is latest: ${WHY} Set pullPolicy: Always, or pin a version tag or a digest.`,
          range: [3, 14, 3, 26],
          fixes: [
            {
              title: 'Set pullPolicy: Always',
              kind: 'suggestion',
              output: 'image:\n  repository: nginx\n  # This sets the pull policy for images.\n  pullPolicy: Always # or Always\n  tag: latest\n',
            },
          ],
        },
      ],
    },
    {
      name: 'CRLF line endings',
      code: 'image:\r\n  repository: nginx\r\n  tag: latest\r\n  pullPolicy: Never\r\n',
      chart,
      findings: [
        {
          message: `image.pullPolicy is Never but image.tag is latest: ${WHY} Set pullPolicy: Always, or pin a version tag or a digest.`,
          range: [3, 14, 3, 19],
          fixes: [{ title: 'Set pullPolicy: Always', kind: 'suggestion', output: 'image:\r\n  repository: nginx\r\n  tag: latest\r\n  pullPolicy: Always\r\n' }],
        },
      ],
    },
    {
      name: 'flow style, quotes kept',
      code: 'worker:\n  image: {repository: nginx, tag: "latest", pullPolicy: "IfNotPresent"}\n',
      chart,
      findings: [
        {
          message: `worker.image.pullPolicy is IfNotPresent but worker.image.tag is latest: ${WHY} Set pullPolicy: Always, or pin a version tag or a digest.`,
          range: [1, 56, 1, 70],
          fixes: [{ title: 'Set pullPolicy: Always', kind: 'suggestion', output: 'worker:\n  image: {repository: nginx, tag: "latest", pullPolicy: "Always"}\n' }],
        },
      ],
    },
    {
      name: 'a component at depth with an empty tag and no appVersion',
      code: 'controller:\n  admissionWebhooks:\n    patch:\n      image:\n        registry: registry.k8s.io\n        image: ingress-nginx/kube-webhook-certgen\n        tag: ""\n        pullPolicy: IfNotPresent\n',
      chart: noAppVersion,
      findings: [
        {
          message: `controller.admissionWebhooks.patch.image.pullPolicy is IfNotPresent but controller.admissionWebhooks.patch.image.tag is empty and Chart.yaml has no appVersion, which means latest: ${WHY} Set pullPolicy: Always, or pin a version tag or a digest.`,
          range: [7, 20, 7, 32],
          fixes: [
            {
              title: 'Set pullPolicy: Always',
              kind: 'suggestion',
              output: 'controller:\n  admissionWebhooks:\n    patch:\n      image:\n        registry: registry.k8s.io\n        image: ingress-nginx/kube-webhook-certgen\n        tag: ""\n        pullPolicy: Always\n',
            },
          ],
        },
      ],
    },
    {
      name: 'a string reference without a tag in a list of sidecars',
      code: 'sidecars:\n  - name: proxy\n    image: envoyproxy/envoy\n    imagePullPolicy: IfNotPresent\n',
      chart,
      findings: [
        {
          message: `sidecars[0].imagePullPolicy is IfNotPresent but sidecars[0].image envoyproxy/envoy has no tag, which means latest: ${WHY} Set imagePullPolicy: Always, or pin a version tag or a digest.`,
          range: [3, 21, 3, 33],
          fixes: [{ title: 'Set imagePullPolicy: Always', kind: 'suggestion', output: 'sidecars:\n  - name: proxy\n    image: envoyproxy/envoy\n    imagePullPolicy: Always\n' }],
        },
      ],
    },
    {
      name: 'a string reference with latest',
      code: "init:\n  image: 'busybox:latest'\n  pullPolicy: 'Never'\n",
      chart,
      findings: [
        {
          message: `init.pullPolicy is Never but init.image busybox:latest uses latest: ${WHY} Set pullPolicy: Always, or pin a version tag or a digest.`,
          range: [2, 14, 2, 21],
          fixes: [{ title: 'Set pullPolicy: Always', kind: 'suggestion', output: "init:\n  image: 'busybox:latest'\n  pullPolicy: 'Always'\n" }],
        },
      ],
    },
    {
      name: 'an image an alias repeats: no fix',
      code: 'image: &image\n  repository: nginx\n  tag: latest\n  pullPolicy: IfNotPresent\nworker:\n  image: *image\n',
      chart,
      findings: [{ message: `image.pullPolicy is IfNotPresent but image.tag is latest: ${WHY} Set pullPolicy: Always, or pin a version tag or a digest.`, range: [3, 14, 3, 26] }],
    },
  ],
});
