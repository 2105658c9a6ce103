import { testRule } from '../../helpers/ruleTester';

const pod = (image: string, eol = '\n') =>
  ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: app', `      image: ${image}`, ''].join(eol);

const untagged = (name: string, image: string) =>
  `Container ${name} uses image ${image} without a tag, which means latest: each node runs whatever was pushed last. Pin a version tag or a digest.`;
const latest = (name: string, image: string) =>
  `Container ${name} uses image ${image}: latest is whatever was pushed last, so each node may run something different. Pin a version tag or a digest.`;

testRule('kubernetes/image-tag-latest', 'kubernetes', {
  valid: [
    { name: 'a version tag', code: pod('nginx:1.27.3') },
    { name: 'a registry with a port and a tag', code: pod('localhost:5000/team/app:2.1') },
    { name: 'pinned by digest', code: pod('nginx@sha256:0f4d5b7f3a3c2d1e0b9a8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f') },
    { name: 'latest, but pinned by digest', code: pod('nginx:latest@sha256:0f4d5b7f3a3c2d1e0b9a8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f') },
    { name: 'no image yet', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n    - name: app\n' },
    { name: 'an empty image', code: pod('""') },
    { name: 'not a manifest', code: 'containers:\n  - name: app\n    image: nginx\n' },
    { name: 'suppressed above the key', code: pod('nginx').replace('      image:', '      # ballast-ignore kubernetes/image-tag-latest -- local kind cluster\n      image:') },
  ],
  invalid: [
    {
      name: 'untagged: the whole value',
      code: pod('nginx # the web server'),
      findings: [{ message: untagged('app', 'nginx'), range: [7, 13, 7, 18] }],
    },
    {
      name: 'latest, quoted: only the tag',
      code: pod('"docker.io/library/nginx:latest"'),
      findings: [{ message: latest('app', 'docker.io/library/nginx:latest'), range: [7, 38, 7, 44] }],
    },
    {
      name: 'a registry port is not a tag',
      code: pod("'localhost:5000/team/app'", '\r\n'),
      findings: [{ message: untagged('app', 'localhost:5000/team/app'), range: [7, 13, 7, 38] }],
    },
    {
      name: 'a CronJob init container in flow style, CRLF',
      code: 'apiVersion: batch/v1\r\nkind: CronJob\r\nmetadata: {name: nightly}\r\nspec:\r\n  jobTemplate:\r\n    spec:\r\n      template:\r\n        spec:\r\n          initContainers: [{name: migrate, image: "ghcr.io/acme/migrate:latest"}]\r\n          containers: [{name: job, image: ghcr.io/acme/job:1.4}]\r\n',
      findings: [{ message: latest('migrate', 'ghcr.io/acme/migrate:latest'), range: [8, 72, 8, 78] }],
    },
    {
      name: 'an ephemeral container in the second document of a file',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - {name: app, image: "app:1"}\n  ephemeralContainers:\n    - name: debugger\n      image: busybox\n',
      findings: [{ message: untagged('debugger', 'busybox'), range: [12, 13, 12, 20] }],
    },
    {
      name: 'items of a List',
      code: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: apps/v1\n    kind: Deployment\n    metadata: {name: a}\n    spec:\n      template:\n        spec:\n          containers:\n            - name: app\n              image: redis:latest\n',
      findings: [{ message: latest('app', 'redis:latest'), range: [11, 27, 11, 33] }],
    },
    {
      name: 'through an alias: the alias, where the second container uses it',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: &img nginx:latest\n    - name: b\n      image: *img\n',
      findings: [
        { message: latest('a', 'nginx:latest'), range: [6, 24, 6, 30] },
        { message: latest('b', 'nginx:latest'), range: [8, 13, 8, 17] },
      ],
    },
    {
      name: 'a double-quoted value with an escape: the whole value',
      code: pod('"nginx\\x3alatest"'),
      findings: [{ message: latest('app', 'nginx:latest'), range: [7, 13, 7, 30] }],
    },
  ],
});
