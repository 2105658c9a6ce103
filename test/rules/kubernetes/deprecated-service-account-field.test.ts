import { testRule } from '../../helpers/ruleTester';

const pod = (specLines: string, eol = '\n') =>
  ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', ...specLines.split('\n'), '  containers:', '    - name: app', '      image: nginx:1.27', ''].join(eol);
const RENAME = 'Rename serviceAccount to serviceAccountName';
const REMOVE = 'Remove the deprecated serviceAccount field';

testRule('kubernetes/deprecated-service-account-field', 'kubernetes', {
  valid: [
    { name: 'serviceAccountName', code: pod('  serviceAccountName: web') },
    { name: 'a serviceAccount key outside a pod spec', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  serviceAccount: web\n' },
  ],
  invalid: [
    {
      name: 'alone: renamed, a safe fix, comment kept, CRLF',
      code: pod('  serviceAccount: builder # CI', '\r\n'),
      findings: [
        {
          message: 'Pod web names its service account with the deprecated serviceAccount field. Rename it to serviceAccountName.',
          range: [5, 2, 5, 16],
          fixes: [{ title: RENAME, kind: 'safe', output: pod('  serviceAccountName: builder # CI', '\r\n') }],
        },
      ],
    },
    {
      name: 'a quoted key in flow style, in a Deployment',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec: {"serviceAccount": deployer, containers: [{name: a, image: "a:1"}]}\n',
      findings: [
        {
          message: 'Deployment d names its service account with the deprecated serviceAccount field. Rename it to serviceAccountName.',
          range: [5, 11, 5, 27],
          fixes: [
            {
              title: RENAME,
              kind: 'safe',
              output: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec: {"serviceAccountName": deployer, containers: [{name: a, image: "a:1"}]}\n',
            },
          ],
        },
      ],
    },
    {
      name: 'repeating serviceAccountName: removed, a safe fix',
      code: pod('  serviceAccountName: web\n  serviceAccount: web'),
      findings: [
        {
          message: 'Pod web repeats serviceAccountName in the deprecated serviceAccount field. Remove serviceAccount.',
          range: [6, 2, 6, 16],
          fixes: [{ title: REMOVE, kind: 'safe', output: pod('  serviceAccountName: web') }],
        },
      ],
    },
    {
      name: 'contradicting serviceAccountName: removal is only a suggestion; a CronJob in a List',
      code: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: batch/v1\n    kind: CronJob\n    metadata: {name: nightly}\n    spec:\n      jobTemplate:\n        spec:\n          template:\n            spec:\n              serviceAccount: admin\n              serviceAccountName: reporter\n              containers: [{name: j, image: "j:1"}]\n',
      findings: [
        {
          message:
            'CronJob nightly sets the deprecated serviceAccount field to admin, but Kubernetes runs it as serviceAccountName (reporter) and ignores serviceAccount. Remove serviceAccount, or move its account to serviceAccountName.',
          range: [11, 14, 11, 28],
          fixes: [
            {
              title: REMOVE,
              kind: 'suggestion',
              output: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: batch/v1\n    kind: CronJob\n    metadata: {name: nightly}\n    spec:\n      jobTemplate:\n        spec:\n          template:\n            spec:\n              serviceAccountName: reporter\n              containers: [{name: j, image: "j:1"}]\n',
            },
          ],
        },
      ],
    },
    {
      name: 'next to an empty serviceAccountName: no fix',
      code: pod('  serviceAccountName: ""\n  serviceAccount: web'),
      findings: [
        {
          message: 'Pod web names its service account with the deprecated serviceAccount field, next to an empty serviceAccountName. Put the account in serviceAccountName and remove serviceAccount.',
          range: [6, 2, 6, 16],
        },
      ],
    },
  ],
});
