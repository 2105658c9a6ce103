import { testRule } from '../../helpers/ruleTester';

const chart = { name: 'web', appVersion: '1.16.0' };
const noAppVersion = { name: 'web', appVersion: undefined };
const MESSAGE_LATEST = (path: string) =>
  `${path}.tag is latest: each node pulls whatever was pushed last, so pods of one release can run different code. Pin a version tag or a digest.`;

testRule('helm/image-tag-latest', 'helm-values', {
  valid: [
    { name: 'a version tag', code: 'image:\n  repository: nginx\n  tag: "1.27.3"\n', chart },
    { name: 'an empty tag falls back to appVersion', code: 'image:\n  repository: nginx\n  # Overrides the image tag whose default is the chart appVersion.\n  tag: ""\n', chart },
    { name: 'latest pinned by digest', code: 'image:\n  repository: nginx\n  tag: latest\n  digest: sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31\n', chart },
    { name: 'an empty tag outside any chart: nothing to tell', code: 'image:\n  repository: nginx\n  tag: ""\n' },
    { name: 'a disabled component', code: 'metrics:\n  enabled: false\n  image:\n    repository: exporter\n    tag: latest\n', chart },
    { name: 'a string reference with a tag', code: 'sidecar:\n  image: busybox:1.36\n', chart },
    { name: 'a key named image that is no image', code: 'image: {}\nbanner:\n  image: "{{ .Values.x }}"\n', chart: noAppVersion },
    { name: 'an override file that leaves the tag out keeps the default tag', code: 'image:\n  repository: mirror.example.com/nginx\n', chart: noAppVersion, overrides: true },
    { name: 'suppressed', code: 'image:\n  repository: nginx\n  # ballast-ignore helm/image-tag-latest -- dev chart\n  tag: latest\n', chart },
  ],
  invalid: [
    {
      name: 'latest, pinned to appVersion by the suggestion',
      code: 'image:\n  repository: nginx\n  pullPolicy: IfNotPresent\n  tag: latest # the newest\n',
      chart,
      findings: [
        {
          message: MESSAGE_LATEST('image'),
          range: [3, 7, 3, 13],
          fixes: [
            {
              title: "Pin the tag to the chart's appVersion 1.16.0",
              kind: 'suggestion',
              output: 'image:\n  repository: nginx\n  pullPolicy: IfNotPresent\n  tag: "1.16.0" # the newest\n',
            },
          ],
        },
      ],
    },
    {
      name: 'a bitnami-style component image, no appVersion to offer',
      code: 'controller:\n  image:\n    registry: docker.io\n    repository: bitnami/nginx\n    tag: "latest"\n    digest: ""\n',
      chart: noAppVersion,
      findings: [{ message: MESSAGE_LATEST('controller.image'), range: [4, 9, 4, 17] }],
    },
    {
      name: 'an empty tag with no appVersion in Chart.yaml',
      code: 'image:\n  repository: nginx\n  tag: ""\n',
      chart: noAppVersion,
      findings: [
        {
          message: 'image.tag is empty and Chart.yaml has no appVersion to fall back on, so the image resolves to latest. Pin a version tag here, or set appVersion in Chart.yaml.',
          range: [2, 7, 2, 9],
        },
      ],
    },
    {
      name: 'no tag at all with no appVersion: on the repository',
      code: 'primary:\n  image: {repository: postgres}\n',
      chart: noAppVersion,
      findings: [
        {
          message: 'primary.image.tag is not set and Chart.yaml has no appVersion to fall back on, so the image resolves to latest. Pin a version tag here, or set appVersion in Chart.yaml.',
          range: [1, 22, 1, 30],
        },
      ],
    },
    {
      name: 'string references: latest and no tag',
      code: 'sidecar:\n  image: busybox:latest\ninit:\n  image: "alpine"\n',
      chart,
      findings: [
        { message: 'sidecar.image busybox:latest uses latest: each node pulls whatever was pushed last. Pin a version tag or a digest.', range: [1, 17, 1, 23] },
        { message: 'init.image alpine has no tag, which means latest: each node pulls whatever was pushed last. Pin a version tag or a digest.', range: [3, 9, 3, 17] },
      ],
    },
    {
      name: 'inside a list of extra containers',
      code: 'sidecars:\n  - name: proxy\n    image:\n      repository: envoy\n      tag: latest\n',
      chart: noAppVersion,
      findings: [{ message: MESSAGE_LATEST('sidecars[0].image'), range: [4, 11, 4, 17] }],
    },
  ],
});
