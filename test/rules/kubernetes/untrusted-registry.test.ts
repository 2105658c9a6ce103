import { testRule } from '../../helpers/ruleTester';

const trusting = (...trustedRegistries: string[]) => ({ trustedRegistries });
const pod = (image: string, eol = '\n') =>
  ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: app', `      image: ${image}`, ''].join(eol);
const message = (name: string, image: string, trusted: string) =>
  `Container ${name} uses image ${image}, which is not from a trusted registry (ballast.trustedRegistries: ${trusted}). Use an image from a trusted registry, or add its registry to the setting.`;

testRule('kubernetes/untrusted-registry', 'kubernetes', {
  valid: [
    { name: 'silent while the setting is empty', code: pod('evil.example.com/app:1') },
    { name: 'a trusted host', code: pod('ghcr.io/acme/app:1'), settings: trusting('ghcr.io') },
    { name: 'a trusted host and path prefix, case-insensitively', code: pod('GHCR.io/My-Org/team/app:1'), settings: trusting('ghcr.io/my-org') },
    { name: 'a glob for every ECR registry', code: pod('123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1'), settings: trusting('*.dkr.ecr.*.amazonaws.com') },
    { name: 'Docker Hub official images live under docker.io/library', code: pod('nginx:1.27'), settings: trusting('docker.io/library') },
    { name: 'a registry left as a pipeline placeholder', code: pod('${REGISTRY}/app:1'), settings: trusting('ghcr.io') },
    { name: 'no image yet', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: app}]\n', settings: trusting('ghcr.io') },
  ],
  invalid: [
    {
      name: 'a Docker Hub image: the whole value, with where it comes from',
      code: pod('nginx:1.27'),
      settings: trusting('registry.example.com'),
      findings: [{ message: message('app', 'nginx:1.27 on docker.io', 'registry.example.com'), range: [7, 13, 7, 23] }],
    },
    {
      name: 'a written registry: only the registry, quoted, CRLF',
      code: pod('"quay.io/prometheus/prometheus:v2.53.0"', '\r\n'),
      settings: trusting('ghcr.io', 'docker.io'),
      findings: [{ message: message('app', 'quay.io/prometheus/prometheus:v2.53.0', 'ghcr.io, docker.io'), range: [7, 14, 7, 21] }],
    },
    {
      name: 'a path prefix matches whole segments; init and ephemeral containers of a Deployment in flow style',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      initContainers: [{name: init, image: ghcr.io/my-org-fork/init:1}]\n      containers: [{name: app, image: ghcr.io/my-org/app:1}]\n      ephemeralContainers: [{name: debug, image: localhost:5000/tools:1}]\n',
      settings: trusting('ghcr.io/my-org'),
      findings: [
        { message: message('init', 'ghcr.io/my-org-fork/init:1', 'ghcr.io/my-org'), range: [6, 43, 6, 50] },
        { message: message('debug', 'localhost:5000/tools:1', 'ghcr.io/my-org'), range: [8, 49, 8, 63] },
      ],
    },
    {
      name: 'a CronJob in a List, after another document',
      code: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: jobs}\n---\napiVersion: v1\nkind: List\nitems:\n  - apiVersion: batch/v1\n    kind: CronJob\n    metadata: {name: nightly}\n    spec:\n      jobTemplate:\n        spec:\n          template:\n            spec:\n              containers:\n                - name: job\n                  image: bitnami/kubectl:1.31\n',
      settings: trusting('registry.example.com'),
      findings: [{ message: message('job', 'bitnami/kubectl:1.31 on docker.io', 'registry.example.com'), range: [17, 25, 17, 45] }],
    },
  ],
});
