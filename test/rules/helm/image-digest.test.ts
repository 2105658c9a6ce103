import { testRule } from '../../helpers/ruleTester';

const on = { rules: { 'helm/image-digest': 'warning' as const } };
const chart = { name: 'web', appVersion: '1.16.0' };
const DIGEST = 'sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31';
const WHY = 'the tag can be moved to other content, and every node resolves it again when it pulls.';

testRule('helm/image-digest', 'helm-values', {
  valid: [
    { name: 'off by default', code: 'image:\n  repository: nginx\n  tag: "1.27.3"\n', chart },
    { name: 'a bitnami digest', code: `image:\n  registry: docker.io\n  repository: bitnami/nginx\n  tag: 1.27.3\n  digest: "${DIGEST}"\n`, chart, settings: on },
    { name: 'a digest after the tag', code: `image:\n  repository: nginx\n  tag: "1.27.3@${DIGEST}"\n`, chart, settings: on },
    { name: 'a string reference with a digest', code: `sidecar:\n  image: ghcr.io/acme/proxy:2.0@${DIGEST}\n`, chart, settings: on },
    { name: 'flow style with a digest', code: `worker: {image: {repository: nginx, digest: '${DIGEST}'}}\n`, chart, settings: on },
    { name: 'a disabled component', code: 'metrics:\n  enabled: false\n  image:\n    repository: exporter\n    tag: "0.15.0"\n', chart, settings: on },
    { name: 'a key named image that is no image', code: 'image: {}\nbanner:\n  image: "{{ .Values.x }}"\n', chart, settings: on },
    { name: 'suppressed', code: 'image:\n  repository: nginx\n  # ballast-ignore helm/image-digest -- internal mirror, immutable tags\n  tag: "1.27.3"\n', chart, settings: on },
  ],
  invalid: [
    {
      name: 'bitnami with an empty digest: on the tag',
      code: 'image:\n  registry: docker.io\n  repository: bitnami/nginx\n  tag: 1.27.3-debian-12-r3\n  digest: ""\n  pullPolicy: IfNotPresent\n',
      chart,
      settings: on,
      findings: [
        {
          message: `image docker.io/bitnami/nginx:1.27.3-debian-12-r3 is not pinned by digest: ${WHY} Set image.digest to the image's sha256 digest so every node runs the same image.`,
          range: [3, 7, 3, 26],
        },
      ],
    },
    {
      name: 'helm create style with no digest key, CRLF',
      code: 'image:\r\n  repository: nginx\r\n  pullPolicy: IfNotPresent\r\n  tag: "1.27.3"\r\n',
      chart,
      settings: on,
      findings: [
        {
          message: `image nginx:1.27.3 is not pinned by digest: ${WHY} Add the digest to the tag (image.tag: "1.27.3@sha256:<digest>"), or set image.digest if the chart's templates read it.`,
          range: [3, 7, 3, 15],
        },
      ],
    },
    {
      name: "an empty tag: the appVersion in the advice, on the tag",
      code: 'image:\n  repository: nginx\n  tag: ""\n',
      chart,
      settings: on,
      findings: [
        {
          message: `image nginx is not pinned by digest: ${WHY} Add the digest to the tag (image.tag: "1.16.0@sha256:<digest>"), or set image.digest if the chart's templates read it.`,
          range: [2, 7, 2, 9],
        },
      ],
    },
    {
      name: 'flow style with no tag: on the repository',
      code: 'primary: {image: {repository: postgres, digest: ""}}\n',
      settings: on,
      findings: [
        {
          message: `primary.image postgres is not pinned by digest: ${WHY} Set primary.image.digest to the image's sha256 digest so every node runs the same image.`,
          range: [0, 30, 0, 38],
        },
      ],
    },
    {
      name: 'only a tag key with nothing in it: on the image key',
      code: 'worker:\n  image:\n    tag:\n',
      settings: on,
      findings: [
        {
          message: `worker.image (no repository) is not pinned by digest: ${WHY} Add the digest to the tag (worker.image.tag: "<version>@sha256:<digest>"), or set worker.image.digest if the chart's templates read it.`,
          range: [1, 2, 1, 7],
        },
      ],
    },
    {
      name: 'a component at depth and string references in a list',
      code: 'controller:\n  admissionWebhooks:\n    patch:\n      image:\n        registry: registry.k8s.io\n        image: ingress-nginx/kube-webhook-certgen\n        tag: v1.4.4\nsidecars:\n  - name: proxy\n    image: "envoyproxy/envoy:v1.31.2"\n  - name: shell\n    image: busybox\n',
      chart,
      settings: on,
      findings: [
        {
          message: `controller.admissionWebhooks.patch.image registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.4.4 is not pinned by digest: ${WHY} Add the digest to the tag (controller.admissionWebhooks.patch.image.tag: "v1.4.4@sha256:<digest>"), or set controller.admissionWebhooks.patch.image.digest if the chart's templates read it.`,
          range: [6, 13, 6, 19],
        },
        {
          message: `sidecars[0].image envoyproxy/envoy:v1.31.2 is not pinned by digest: ${WHY} Pin it as envoyproxy/envoy:v1.31.2@sha256:<digest> so every node runs the same image.`,
          range: [9, 11, 9, 37],
        },
        {
          message: `sidecars[1].image busybox is not pinned by digest: ${WHY} Pin it as busybox@sha256:<digest> so every node runs the same image.`,
          range: [11, 11, 11, 18],
        },
      ],
    },
  ],
});
