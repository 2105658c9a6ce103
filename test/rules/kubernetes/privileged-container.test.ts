import { testRule } from '../../helpers/ruleTester';

const pod = (securityContext: string, eol = '\n') =>
  ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: app', '      image: nginx:1.27', ...securityContext.split('\n'), ''].join(eol);

const cronJob = (value: string) =>
  `apiVersion: batch/v1\r\nkind: CronJob\r\nmetadata: {name: n}\r\nspec:\r\n  jobTemplate:\r\n    spec:\r\n      template:\r\n        spec:\r\n          initContainers: [{name: init, securityContext: {privileged: ${value}, runAsUser: 0}}]\r\n`;

testRule('kubernetes/privileged-container', 'kubernetes', {
  valid: [
    { name: 'no security context', code: pod('') },
    { name: 'privileged: false', code: pod('      securityContext:\n        privileged: false') },
    { name: 'the string "true" is not a boolean', code: pod('      securityContext:\n        privileged: "true"') },
    { name: 'not a manifest', code: 'securityContext:\n  privileged: true\n' },
    { name: 'suppressed above the key', code: pod('      securityContext:\n        # ballast-ignore kubernetes/privileged-container -- node agent\n        privileged: true') },
    { name: 'suppressed above the container', code: pod('      securityContext:\n        privileged: true').replace('    - name: app', '    # ballast-ignore kubernetes/privileged-container\n    - name: app') },
  ],
  invalid: [
    {
      name: 'block style',
      code: pod('      securityContext:\n        privileged: true # needs /dev'),
      findings: [
        {
          message: 'Container app is privileged: root in it is root on the node. Set privileged: false and add only the capabilities it needs.',
          range: [9, 20, 9, 24],
          fixes: [{ title: 'Set privileged: false', kind: 'suggestion', output: pod('      securityContext:\n        privileged: false # needs /dev') }],
        },
      ],
    },
    {
      name: 'YAML 1.1 yes, as Kubernetes reads it; flow style, CRLF, in a CronJob init container',
      code: cronJob('yes'),
      findings: [
        {
          message: 'Container init is privileged: root in it is root on the node. Set privileged: false and add only the capabilities it needs.',
          range: [8, 70, 8, 73],
          fixes: [{ title: 'Set privileged: false', kind: 'suggestion', output: cronJob('false') }],
        },
      ],
    },
    {
      name: 'flow style in a Deployment',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      containers: [{name: app, securityContext: {privileged: true}}]\n',
      findings: [
        {
          message: 'Container app is privileged: root in it is root on the node. Set privileged: false and add only the capabilities it needs.',
          range: [6, 61, 6, 65],
          fixes: [
            {
              title: 'Set privileged: false',
              kind: 'suggestion',
              output: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      containers: [{name: app, securityContext: {privileged: false}}]\n',
            },
          ],
        },
      ],
    },
  ],
});
