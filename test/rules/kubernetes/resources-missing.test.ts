import { testRule } from '../../helpers/ruleTester';

/** A Deployment whose one container has `body` after its name and image (indented 10). */
const deployment = (body: string, eol = '\n') =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: app',
    '          image: nginx:1.27',
    ...(body === '' ? [] : body.split('\n')),
    '',
  ].join(eol);

const ALL_MISSING =
  'Container app has no CPU request, memory request or memory limit: the scheduler reserves no CPU or memory for it, and nothing stops it taking memory from the other pods on its node. Set resources.requests.cpu, resources.requests.memory and resources.limits.memory.';
const ADD_ALL = 'Add CPU request, memory request and memory limit (placeholder values)';
const FULL_BLOCK = '          resources:\n            requests:\n              cpu: 100m\n              memory: 128Mi\n            limits:\n              memory: 256Mi';

testRule('kubernetes/resources-missing', 'kubernetes', {
  valid: [
    { name: 'requests and a memory limit', code: deployment('          resources:\n            requests: {cpu: 250m, memory: 256Mi}\n            limits: {memory: 256Mi}') },
    { name: 'limits alone: Kubernetes requests the limit', code: deployment('          resources:\n            limits:\n              cpu: "1"\n              memory: 1Gi') },
    { name: 'pod-level resources count for every container', code: deployment('          resources: {requests: {cpu: 100m}}').replace('      containers:', '      resources:\n        requests: {memory: 1Gi}\n        limits: {memory: 1Gi}\n      containers:') },
    {
      name: 'ephemeral containers cannot have resources',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: []\n  ephemeralContainers:\n    - name: debugger\n      image: busybox:1.36\n',
    },
    { name: 'suppressed above the container', code: deployment('').replace('        - name: app', '        # ballast-ignore kubernetes/resources-missing -- sized by a LimitRange\n        - name: app') },
  ],
  invalid: [
    {
      name: 'no resources at all: on the name, a block with every entry',
      code: deployment(''),
      findings: [{ message: ALL_MISSING, range: [8, 16, 8, 19], fixes: [{ title: ADD_ALL, kind: 'suggestion', output: deployment(FULL_BLOCK) }] }],
    },
    {
      name: 'CRLF, and an empty resources key: on the key, nested under it',
      code: deployment('          resources:', '\r\n'),
      findings: [{ message: ALL_MISSING, range: [10, 10, 10, 19], fixes: [{ title: ADD_ALL, kind: 'suggestion', output: deployment(FULL_BLOCK, '\r\n') }] }],
    },
    {
      name: 'only the memory limit missing: the memory request is its placeholder, comments kept',
      code: deployment('          resources: # sized from load tests\n            requests:\n              cpu: 500m\n              memory: 1Gi # p99\n          ports: [{containerPort: 80}]'),
      findings: [
        {
          message:
            'Container app has no memory limit: nothing stops it taking memory from the other pods on its node. Set resources.limits.memory.',
          range: [10, 10, 10, 19],
          fixes: [
            {
              title: 'Add memory limit (placeholder values)',
              kind: 'suggestion',
              output: deployment(
                '          resources: # sized from load tests\n            requests:\n              cpu: 500m\n              memory: 1Gi # p99\n            limits:\n              memory: 1Gi\n          ports: [{containerPort: 80}]',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a CPU limit alone: its request is the limit, memory is missing',
      code: deployment('          resources:\n            limits:\n              cpu: "2"'),
      findings: [
        {
          message:
            'Container app has no memory request or memory limit: the scheduler reserves no memory for it, and nothing stops it taking memory from the other pods on its node. Set resources.requests.memory and resources.limits.memory.',
          range: [10, 10, 10, 19],
          fixes: [
            {
              title: 'Add memory request and memory limit (placeholder values)',
              kind: 'suggestion',
              output: deployment('          resources:\n            limits:\n              cpu: "2"\n              memory: 256Mi\n            requests:\n              memory: 128Mi'),
            },
          ],
        },
      ],
    },
    {
      name: 'flow style, in a CronJob init container; the regular container is fine',
      code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: nightly}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          initContainers: [{name: migrate, image: "m:1", resources: {limits: {memory: 64Mi}}}]\n          containers: [{name: job, image: "j:1", resources: {limits: {cpu: 1, memory: 1Gi}}}]\n',
      findings: [
        {
          message: 'Container migrate has no CPU request: the scheduler reserves no CPU for it. Set resources.requests.cpu.',
          range: [8, 57, 8, 66],
          fixes: [
            {
              title: 'Add CPU request (placeholder values)',
              kind: 'suggestion',
              output:
                'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: nightly}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          initContainers: [{name: migrate, image: "m:1", resources: {limits: {memory: 64Mi}, requests: {cpu: 100m}}}]\n          containers: [{name: job, image: "j:1", resources: {limits: {cpu: 1, memory: 1Gi}}}]\n',
            },
          ],
        },
      ],
    },
    {
      name: 'resources through an alias: found, but no fix that would change the other container',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: a:1\n      resources: &small\n        requests: {cpu: 10m, memory: 16Mi}\n    - name: b\n      image: b:1\n      resources: *small\n',
      findings: [
        { message: 'Container a has no memory limit: nothing stops it taking memory from the other pods on its node. Set resources.limits.memory.', range: [7, 6, 7, 15] },
        { message: 'Container b has no memory limit: nothing stops it taking memory from the other pods on its node. Set resources.limits.memory.', range: [11, 6, 11, 15] },
      ],
    },
    {
      name: 'a List, second document, two containers',
      code: 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\n---\napiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: p}\n    spec:\n      containers:\n        - name: a\n          image: a:1\n          resources: {requests: {cpu: 1m, memory: 1Mi}, limits: {memory: 1Mi}}\n        - name: b\n          image: b:1\n',
      findings: [
        {
          message: ALL_MISSING.replace('Container app', 'Container b'),
          range: [15, 16, 15, 17],
          fixes: [
            {
              title: ADD_ALL,
              kind: 'suggestion',
              output:
                'apiVersion: v1\nkind: Service\nmetadata: {name: s}\n---\napiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: p}\n    spec:\n      containers:\n        - name: a\n          image: a:1\n          resources: {requests: {cpu: 1m, memory: 1Mi}, limits: {memory: 1Mi}}\n        - name: b\n          image: b:1\n          resources:\n            requests:\n              cpu: 100m\n              memory: 128Mi\n            limits:\n              memory: 256Mi\n',
            },
          ],
        },
      ],
    },
  ],
});
