import { testRule } from '../../helpers/ruleTester';

const deployment = (specLines: string, eol = '\n') =>
  ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  template:', '    spec:', ...specLines.split('\n'), ''].join(eol);
const CONTAINERS = '      containers:\n        - name: app\n          image: nginx:1.27';
const podMissing = (object: string) =>
  `${object} mounts a service account token into its containers (automountServiceAccountToken is not false): code running there can call the Kubernetes API with it. Set automountServiceAccountToken: false unless the pod uses the API.`;
const podTrue = (object: string, value = 'true') =>
  `${object} sets automountServiceAccountToken: ${value}: code running in its containers can call the Kubernetes API with the mounted token. Set it to false unless the pod uses the API.`;
const accountMissing = (object: string) =>
  `${object} does not set automountServiceAccountToken: false, so every pod running as it gets its token unless the pod opts out. Set it to false and let the pods that call the API opt in.`;
const SET_FALSE = 'Set automountServiceAccountToken: false';

testRule('kubernetes/automount-service-account-token', 'kubernetes', {
  valid: [
    { name: 'false on the pod spec', code: deployment(`      automountServiceAccountToken: false\n${CONTAINERS}`) },
    { name: 'YAML 1.1 no, as Kubernetes reads it', code: deployment(`      automountServiceAccountToken: no\n${CONTAINERS}`) },
    {
      name: 'left out, and the ServiceAccount of the same file says false',
      code: `apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: web, namespace: shop}\nautomountServiceAccountToken: false\n---\n${deployment(`      serviceAccountName: web\n${CONTAINERS}`).replace('  name: web\n', '  name: web\n  namespace: shop\n')}`,
    },
    { name: 'not a workload', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n' },
    { name: 'suppressed above kind', code: deployment(CONTAINERS).replace('kind:', '# ballast-ignore kubernetes/automount-service-account-token -- runs kubectl\nkind:') },
  ],
  invalid: [
    {
      name: 'left out: on kind, false added at the end of the pod spec',
      code: deployment(`${CONTAINERS}\n      volumes: []`),
      findings: [
        {
          message: podMissing('Deployment web'),
          range: [1, 6, 1, 16],
          fixes: [{ title: SET_FALSE, kind: 'suggestion', output: deployment(`${CONTAINERS}\n      volumes: []\n      automountServiceAccountToken: false`) }],
        },
      ],
    },
    {
      name: 'true: on the value, comment kept, CRLF',
      code: deployment(`      automountServiceAccountToken: true # for the sidecar\n${CONTAINERS}`, '\r\n'),
      findings: [
        {
          message: podTrue('Deployment web'),
          range: [7, 36, 7, 40],
          fixes: [{ title: SET_FALSE, kind: 'suggestion', output: deployment(`      automountServiceAccountToken: false # for the sidecar\n${CONTAINERS}`, '\r\n') }],
        },
      ],
    },
    {
      name: 'a ServiceAccount that does not say false, and a pod of the same file that uses it',
      code: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: builder\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: build}\nspec:\n  serviceAccountName: builder\n  containers: [{name: b, image: "b:1"}]\n',
      findings: [
        {
          message: accountMissing('ServiceAccount builder'),
          range: [1, 6, 1, 20],
          fixes: [
            {
              title: SET_FALSE,
              kind: 'suggestion',
              output: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: builder\nautomountServiceAccountToken: false\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: build}\nspec:\n  serviceAccountName: builder\n  containers: [{name: b, image: "b:1"}]\n',
            },
          ],
        },
        {
          message: podMissing('Pod build'),
          range: [6, 6, 6, 9],
          fixes: [
            {
              title: SET_FALSE,
              kind: 'suggestion',
              output: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: builder\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: build}\nspec:\n  serviceAccountName: builder\n  containers: [{name: b, image: "b:1"}]\n  automountServiceAccountToken: false\n',
            },
          ],
        },
      ],
    },
    {
      name: 'the pod overrides a ServiceAccount that says false',
      code: 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: default}\nautomountServiceAccountToken: false\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {automountServiceAccountToken: yes, containers: [{name: a, image: "a:1"}]}\n',
      findings: [
        {
          message: podTrue('Pod p'),
          range: [8, 37, 8, 40],
          fixes: [
            {
              title: SET_FALSE,
              kind: 'suggestion',
              output: 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: default}\nautomountServiceAccountToken: false\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {automountServiceAccountToken: false, containers: [{name: a, image: "a:1"}]}\n',
            },
          ],
        },
      ],
    },
    {
      name: 'a CronJob in a List, flow style',
      code: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: batch/v1\n    kind: CronJob\n    metadata: {name: nightly}\n    spec: {jobTemplate: {spec: {template: {spec: {containers: [{name: j, image: "j:1"}]}}}}}\n',
      findings: [
        {
          message: podMissing('CronJob nightly'),
          range: [4, 10, 4, 17],
          fixes: [
            {
              title: SET_FALSE,
              kind: 'suggestion',
              output: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: batch/v1\n    kind: CronJob\n    metadata: {name: nightly}\n    spec: {jobTemplate: {spec: {template: {spec: {containers: [{name: j, image: "j:1"}], automountServiceAccountToken: false}}}}}\n',
            },
          ],
        },
      ],
    },
  ],
});
