import { testRule } from '../../helpers/ruleTester';

const pod = (lines: string, eol = '\n') =>
  ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: app', ...lines.split('\n'), ''].join(eol);
const message = (name: string, image: string, policy: string) =>
  `Container ${name} runs ${image} with ${policy}: a node that already holds an image under that tag runs it without asking the registry, however stale or wherever it came from. Set imagePullPolicy: Always, or pin the image by digest.`;
const DEFAULT = 'the default imagePullPolicy, IfNotPresent';
const SET_ALWAYS = 'Set imagePullPolicy: Always';
const DIGEST = 'sha256:0f4d5b7f3a3c2d1e0b9a8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f';

testRule('kubernetes/image-pull-policy', 'kubernetes', {
  valid: [
    { name: 'a version tag pulled Always', code: pod('      image: nginx:1.27\n      imagePullPolicy: Always') },
    { name: 'untagged defaults to Always', code: pod('      image: nginx') },
    { name: 'latest defaults to Always', code: pod('      image: nginx:latest') },
    { name: 'pinned by digest, IfNotPresent is fine', code: pod(`      image: nginx:1.27@${DIGEST}\n      imagePullPolicy: IfNotPresent`) },
    { name: 'a value the API server rejects is left to it', code: pod('      image: nginx:1.27\n      imagePullPolicy: Sometimes') },
    { name: 'no image yet', code: pod('      imagePullPolicy: Never') },
    { name: 'suppressed', code: pod('      image: nginx:1.27\n      # ballast-ignore kubernetes/image-pull-policy -- images are preloaded on air-gapped nodes\n      imagePullPolicy: Never') },
  ],
  invalid: [
    {
      name: 'a version tag with the default policy: on the name, added after the last key',
      code: pod('      image: nginx:1.27\n      ports:\n        - containerPort: 80'),
      findings: [
        {
          message: message('app', 'nginx:1.27', DEFAULT),
          range: [6, 12, 6, 15],
          fixes: [{ title: SET_ALWAYS, kind: 'suggestion', output: pod('      image: nginx:1.27\n      ports:\n        - containerPort: 80\n      imagePullPolicy: Always') }],
        },
      ],
    },
    {
      name: 'IfNotPresent written: on the value, comment kept, CRLF',
      code: pod('      image: ghcr.io/acme/api:2.4\n      imagePullPolicy: IfNotPresent # faster restarts', '\r\n'),
      findings: [
        {
          message: message('app', 'ghcr.io/acme/api:2.4', 'imagePullPolicy IfNotPresent'),
          range: [8, 23, 8, 35],
          fixes: [{ title: SET_ALWAYS, kind: 'suggestion', output: pod('      image: ghcr.io/acme/api:2.4\n      imagePullPolicy: Always # faster restarts', '\r\n') }],
        },
      ],
    },
    {
      name: 'latest with Never, quoted',
      code: pod('      image: nginx:latest\n      imagePullPolicy: "Never"'),
      findings: [
        {
          message: message('app', 'nginx:latest', 'imagePullPolicy Never'),
          range: [8, 23, 8, 30],
          fixes: [{ title: SET_ALWAYS, kind: 'suggestion', output: pod('      image: nginx:latest\n      imagePullPolicy: Always') }],
        },
      ],
    },
    {
      name: 'flow style in a CronJob init container; an ephemeral container of a Pod in the next document',
      code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          initContainers: [{name: init, image: "busybox:1.36"}]\n          containers: [{name: job, image: job}]\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: []\n  ephemeralContainers:\n    - {name: debug, image: "busybox:1.36", imagePullPolicy: IfNotPresent}\n',
      findings: [
        {
          message: message('init', 'busybox:1.36', DEFAULT),
          range: [8, 34, 8, 38],
          fixes: [
            {
              title: SET_ALWAYS,
              kind: 'suggestion',
              output: 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          initContainers: [{name: init, image: "busybox:1.36", imagePullPolicy: Always}]\n          containers: [{name: job, image: job}]\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: []\n  ephemeralContainers:\n    - {name: debug, image: "busybox:1.36", imagePullPolicy: IfNotPresent}\n',
            },
          ],
        },
        {
          message: message('debug', 'busybox:1.36', 'imagePullPolicy IfNotPresent'),
          range: [17, 60, 17, 72],
          fixes: [
            {
              title: SET_ALWAYS,
              kind: 'suggestion',
              output: 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          initContainers: [{name: init, image: "busybox:1.36"}]\n          containers: [{name: job, image: job}]\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: []\n  ephemeralContainers:\n    - {name: debug, image: "busybox:1.36", imagePullPolicy: Always}\n',
            },
          ],
        },
      ],
    },
    {
      name: 'a policy shared through an alias: found on the anchor and on the alias, no fix',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: a:1\n      imagePullPolicy: &pull IfNotPresent\n    - name: b\n      image: b:1\n      imagePullPolicy: *pull\n',
      findings: [
        { message: message('a', 'a:1', 'imagePullPolicy IfNotPresent'), range: [7, 29, 7, 41] },
        { message: message('b', 'b:1', 'imagePullPolicy IfNotPresent'), range: [10, 23, 10, 28] },
      ],
    },
  ],
});
