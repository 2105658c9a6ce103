import { testRule } from '../../helpers/ruleTester';

const pod = (containerLines: string, eol = '\n') =>
  ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27', ...containerLines.split('\n'), ''].join(eol);

const message = (container: string, handler: string, action: string, host: string) =>
  `Container ${container} sends its ${handler} (${action}) to host ${host}: the kubelet connects from the node, so it can reach addresses the pod itself cannot. Remove host to target the pod's own IP, and set a Host header through httpHeaders if one is needed.`;

testRule('kubernetes/probe-host', 'kubernetes', {
  valid: [
    { name: 'probes against the pod', code: pod('      livenessProbe:\n        httpGet: {path: /healthz, port: 80}\n      readinessProbe:\n        tcpSocket: {port: 80}\n      startupProbe:\n        exec: {command: [cat, /ready]}') },
    { name: 'an empty host', code: pod('      readinessProbe:\n        httpGet: {host: "", path: /healthz, port: 80}\n      lifecycle:\n        preStop:\n          httpGet: {host: ~, path: /drain, port: 80}') },
    { name: 'a Host header is not a host', code: pod('      readinessProbe:\n        httpGet:\n          path: /healthz\n          port: 80\n          httpHeaders: [{name: Host, value: www.example.com}]') },
    { name: 'suppressed above the key', code: pod('      readinessProbe:\n        httpGet:\n          # ballast-ignore kubernetes/probe-host -- checks the node-local cache\n          host: 127.0.0.1\n          port: 80') },
  ],
  invalid: [
    {
      name: 'an httpGet readiness probe to the metadata endpoint, line removed',
      code: pod('      readinessProbe:\n        httpGet:\n          host: 169.254.169.254 # cloud metadata\n          path: /healthz\n          port: 80'),
      findings: [
        {
          message: message('web', 'readiness probe', 'httpGet', '169.254.169.254'),
          range: [10, 16, 10, 31],
          fixes: [{ title: 'Remove host', kind: 'suggestion', output: pod('      readinessProbe:\n        httpGet:\n          path: /healthz\n          port: 80') }],
        },
      ],
    },
    {
      name: 'tcpSocket liveness and startup probes and both lifecycle hooks, flow style, CRLF',
      code: pod(
        '      livenessProbe: {tcpSocket: {host: db.internal, port: 5432}}\n      startupProbe: {tcpSocket: {port: 5432, host: "10.0.0.5"}}\n      lifecycle:\n        postStart: {httpGet: {host: localhost, port: 10250, path: /pods}}\n        preStop: {tcpSocket: {host: node, port: 22}}',
        '\r\n',
      ),
      findings: [
        {
          message: message('web', 'liveness probe', 'tcpSocket', 'db.internal'),
          range: [8, 40, 8, 51],
          fixes: [
            {
              title: 'Remove host',
              kind: 'suggestion',
              output: pod('      livenessProbe: {tcpSocket: {port: 5432}}\n      startupProbe: {tcpSocket: {port: 5432, host: "10.0.0.5"}}\n      lifecycle:\n        postStart: {httpGet: {host: localhost, port: 10250, path: /pods}}\n        preStop: {tcpSocket: {host: node, port: 22}}', '\r\n'),
            },
          ],
        },
        {
          message: message('web', 'startup probe', 'tcpSocket', '10.0.0.5'),
          range: [9, 51, 9, 61],
          fixes: [
            {
              title: 'Remove host',
              kind: 'suggestion',
              output: pod('      livenessProbe: {tcpSocket: {host: db.internal, port: 5432}}\n      startupProbe: {tcpSocket: {port: 5432}}\n      lifecycle:\n        postStart: {httpGet: {host: localhost, port: 10250, path: /pods}}\n        preStop: {tcpSocket: {host: node, port: 22}}', '\r\n'),
            },
          ],
        },
        {
          message: message('web', 'postStart hook', 'httpGet', 'localhost'),
          range: [11, 36, 11, 45],
          fixes: [
            {
              title: 'Remove host',
              kind: 'suggestion',
              output: pod('      livenessProbe: {tcpSocket: {host: db.internal, port: 5432}}\n      startupProbe: {tcpSocket: {port: 5432, host: "10.0.0.5"}}\n      lifecycle:\n        postStart: {httpGet: {port: 10250, path: /pods}}\n        preStop: {tcpSocket: {host: node, port: 22}}', '\r\n'),
            },
          ],
        },
        {
          message: message('web', 'preStop hook', 'tcpSocket', 'node'),
          range: [12, 36, 12, 40],
          fixes: [
            {
              title: 'Remove host',
              kind: 'suggestion',
              output: pod('      livenessProbe: {tcpSocket: {host: db.internal, port: 5432}}\n      startupProbe: {tcpSocket: {port: 5432, host: "10.0.0.5"}}\n      lifecycle:\n        postStart: {httpGet: {host: localhost, port: 10250, path: /pods}}\n        preStop: {tcpSocket: {port: 22}}', '\r\n'),
            },
          ],
        },
      ],
    },
    {
      name: 'in an init container of a CronJob, and a probe shared through an anchor',
      code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: sync}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          initContainers:\n            - name: wait\n              startupProbe: &up\n                httpGet: {host: api.internal, port: 443, scheme: HTTPS}\n          containers:\n            - name: sync\n              startupProbe: *up\n',
      findings: [
        { message: message('wait', 'startup probe', 'httpGet', 'api.internal'), range: [11, 32, 11, 44] },
        { message: message('sync', 'startup probe', 'httpGet', 'api.internal'), range: [14, 28, 14, 31] },
      ],
    },
  ],
});
