import { testRule } from '../../helpers/ruleTester';

const deployment = (portLines: string, eol = '\n') =>
  ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  template:', '    spec:', '      containers:', '        - name: web', '          image: nginx:1.27', '          ports:', ...portLines.split('\n'), ''].join(eol);

const message = (container: string, port: number) =>
  `Container ${container} opens port ${port} on the node's own addresses (hostPort): clients reach it around its Service and often around network policies, and only one such pod fits on a node. Remove hostPort and expose the port through a Service.`;

testRule('kubernetes/host-port', 'kubernetes', {
  valid: [
    { name: 'container ports only', code: deployment('            - containerPort: 80\n            - containerPort: 443') },
    { name: 'hostPort: 0 means none', code: deployment('            - containerPort: 80\n              hostPort: 0') },
    { name: 'suppressed by a Checkov annotation', code: deployment('            - containerPort: 80\n              hostPort: 80').replace('  name: web', '  name: web\n  annotations: {checkov.io/skip1: CKV_K8S_26=ingress controller}') },
  ],
  invalid: [
    {
      name: 'a host port after the container port, comment removed with its line',
      code: deployment('            - containerPort: 80\n              hostPort: 8080 # for the load balancer\n              protocol: TCP'),
      findings: [
        {
          message: message('web', 8080),
          range: [12, 24, 12, 28],
          fixes: [{ title: 'Remove hostPort', kind: 'suggestion', output: deployment('            - containerPort: 80\n              protocol: TCP') }],
        },
      ],
    },
    {
      name: 'a host port as the first key of the item, CRLF',
      code: deployment('            - hostPort: 443\n              containerPort: 8443', '\r\n'),
      findings: [
        {
          message: message('web', 443),
          range: [11, 24, 11, 27],
          fixes: [{ title: 'Remove hostPort', kind: 'suggestion', output: deployment('            - containerPort: 8443', '\r\n') }],
        },
      ],
    },
    {
      name: 'flow style, in an init container and a regular one of a Job',
      code: 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: migrate}\nspec:\n  template:\n    spec:\n      initContainers: [{name: wait, ports: [{hostPort: 5432, containerPort: 5432}]}]\n      containers: [{name: run, ports: [{containerPort: 80, hostPort: 80}]}]\n',
      findings: [
        {
          message: message('wait', 5432),
          range: [6, 55, 6, 59],
          fixes: [
            {
              title: 'Remove hostPort',
              kind: 'suggestion',
              output: 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: migrate}\nspec:\n  template:\n    spec:\n      initContainers: [{name: wait, ports: [{containerPort: 5432}]}]\n      containers: [{name: run, ports: [{containerPort: 80, hostPort: 80}]}]\n',
            },
          ],
        },
        {
          message: message('run', 80),
          range: [7, 69, 7, 71],
          fixes: [
            {
              title: 'Remove hostPort',
              kind: 'suggestion',
              output: 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: migrate}\nspec:\n  template:\n    spec:\n      initContainers: [{name: wait, ports: [{hostPort: 5432, containerPort: 5432}]}]\n      containers: [{name: run, ports: [{containerPort: 80}]}]\n',
            },
          ],
        },
      ],
    },
    {
      name: 'a port shared through an anchor offers no fix',
      code: deployment('            - &http {containerPort: 80, hostPort: 80}\n        - name: twin\n          image: nginx:1.27\n          ports: [*http]'),
      findings: [
        { message: message('web', 80), range: [11, 50, 11, 52] },
        { message: message('twin', 80), range: [14, 18, 14, 23] },
      ],
    },
  ],
});
