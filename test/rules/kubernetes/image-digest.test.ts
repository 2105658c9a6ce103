import { testRule } from '../../helpers/ruleTester';

const on = { rules: { 'kubernetes/image-digest': 'warning' as const } };
const DIGEST = 'sha256:0f4d5b7f3a3c2d1e0b9a8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f';
const pod = (image: string, eol = '\n') =>
  ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: app', `      image: ${image}`, ''].join(eol);
const message = (name: string, image: string) =>
  `Container ${name} uses image ${image}, which is not pinned by digest: the tag can be moved to other content. Pin it as ${image}@sha256:<digest> so every node runs the same image.`;

testRule('kubernetes/image-digest', 'kubernetes', {
  valid: [
    { name: 'off by default', code: pod('nginx:1.27.3') },
    { name: 'a digest', code: pod(`nginx@${DIGEST}`), settings: on },
    { name: 'a tag and a digest, quoted', code: pod(`"ghcr.io/acme/app:2.0@${DIGEST}"`), settings: on },
    { name: 'no image yet', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: app}]\n', settings: on },
  ],
  invalid: [
    {
      name: 'a version tag: the whole value',
      code: pod('nginx:1.27.3 # stable'),
      settings: on,
      findings: [{ message: message('app', 'nginx:1.27.3'), range: [7, 13, 7, 25] }],
    },
    {
      name: 'init and ephemeral containers of a Deployment and a CronJob, flow style, CRLF',
      code: 'apiVersion: apps/v1\r\nkind: Deployment\r\nmetadata: {name: d}\r\nspec:\r\n  template:\r\n    spec:\r\n      initContainers: [{name: init, image: busybox}]\r\n      containers: [{name: app, image: "app@' + DIGEST + '"}]\r\n---\r\napiVersion: batch/v1\r\nkind: CronJob\r\nmetadata: {name: c}\r\nspec:\r\n  jobTemplate:\r\n    spec:\r\n      template:\r\n        spec:\r\n          containers:\r\n            - name: job\r\n              image: localhost:5000/job:3\r\n',
      settings: on,
      findings: [
        { message: message('init', 'busybox'), range: [6, 43, 6, 50] },
        { message: message('job', 'localhost:5000/job:3'), range: [19, 21, 19, 41] },
      ],
    },
    {
      name: 'through an alias: on the alias',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - {name: a, image: &img "app:1"}\n  ephemeralContainers:\n    - {name: debug, image: *img}\n',
      settings: on,
      findings: [
        { message: message('a', 'app:1'), range: [5, 28, 5, 35] },
        { message: message('debug', 'app:1'), range: [7, 27, 7, 31] },
      ],
    },
  ],
});
