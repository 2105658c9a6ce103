import { testRule } from '../../helpers/ruleTester';

const chart = { name: 'web', appVersion: '1.16.0' };
const MESSAGE = (path: string, written = 'false') =>
  `${path} is ${written}: code running in the container can change its binaries and keep tools on its disk. Set it to true and mount an emptyDir where it must write.`;
const FIX = 'Set readOnlyRootFilesystem: true';

testRule('helm/read-only-root-filesystem', 'helm-values', {
  valid: [
    { name: 'set to true', code: 'securityContext:\n  readOnlyRootFilesystem: true\n', chart },
    { name: 'left out: the empty-context rule covers it', code: 'securityContext: {}\n  # readOnlyRootFilesystem: true\n', chart },
    {
      name: 'bitnami: a context switched off by its own enabled: false',
      code: 'containerSecurityContext:\n  enabled: false\n  readOnlyRootFilesystem: false\n',
      chart,
    },
    {
      name: 'a disabled component',
      code: 'metrics:\n  enabled: false\n  containerSecurityContext:\n    enabled: true\n    readOnlyRootFilesystem: false\n',
      chart,
    },
    { name: 'a quoted "true"', code: 'securityContext:\n  readOnlyRootFilesystem: "true"\n' },
    { name: 'a similar key', code: 'persistence:\n  readOnly: false\n' },
    {
      name: 'suppressed',
      code: 'securityContext:\n  # ballast-ignore helm/read-only-root-filesystem -- writes its cache next to the binary\n  readOnlyRootFilesystem: false\n',
      chart,
    },
  ],
  invalid: [
    {
      name: 'block style, comment kept by the fix',
      code: 'securityContext:\n  # The app writes to /tmp.\n  readOnlyRootFilesystem: false # see extraVolumes\n  runAsNonRoot: true\n',
      chart,
      findings: [
        {
          message: MESSAGE('securityContext.readOnlyRootFilesystem'),
          range: [2, 26, 2, 31],
          fixes: [
            {
              title: FIX,
              kind: 'suggestion',
              output: 'securityContext:\n  # The app writes to /tmp.\n  readOnlyRootFilesystem: true # see extraVolumes\n  runAsNonRoot: true\n',
            },
          ],
        },
      ],
    },
    {
      name: 'a bitnami component section at depth',
      code: 'primary:\n  containerSecurityContext:\n    enabled: true\n    readOnlyRootFilesystem: false\n    seccompProfile:\n      type: "RuntimeDefault"\n',
      chart,
      findings: [
        {
          message: MESSAGE('primary.containerSecurityContext.readOnlyRootFilesystem'),
          range: [3, 28, 3, 33],
          fixes: [
            {
              title: FIX,
              kind: 'suggestion',
              output: 'primary:\n  containerSecurityContext:\n    enabled: true\n    readOnlyRootFilesystem: true\n    seccompProfile:\n      type: "RuntimeDefault"\n',
            },
          ],
        },
      ],
    },
    {
      name: 'flow style',
      code: 'controller: {containerSecurityContext: {runAsUser: 101, readOnlyRootFilesystem: false}}\n',
      findings: [
        {
          message: MESSAGE('controller.containerSecurityContext.readOnlyRootFilesystem'),
          range: [0, 80, 0, 85],
          fixes: [{ title: FIX, kind: 'suggestion', output: 'controller: {containerSecurityContext: {runAsUser: 101, readOnlyRootFilesystem: true}}\n' }],
        },
      ],
    },
    {
      name: 'a list item, written off',
      code: 'sidecars:\n  - name: proxy\n    securityContext:\n      readOnlyRootFilesystem: off\n',
      chart,
      findings: [
        {
          message: MESSAGE('sidecars[0].securityContext.readOnlyRootFilesystem', 'off'),
          range: [3, 30, 3, 33],
          fixes: [{ title: FIX, kind: 'suggestion', output: 'sidecars:\n  - name: proxy\n    securityContext:\n      readOnlyRootFilesystem: true\n' }],
        },
      ],
    },
    {
      name: 'CRLF line endings and a quoted "false"',
      code: 'securityContext:\r\n  readOnlyRootFilesystem: "false"\r\n',
      chart,
      findings: [
        {
          message: MESSAGE('securityContext.readOnlyRootFilesystem', '"false"'),
          range: [1, 26, 1, 33],
          fixes: [{ title: FIX, kind: 'suggestion', output: 'securityContext:\r\n  readOnlyRootFilesystem: true\r\n' }],
        },
      ],
    },
  ],
});
