import { testRule } from '../../helpers/ruleTester';

const chart = { name: 'web', appVersion: '1.16.0' };
const MESSAGE = (path: string, written = 'true') =>
  `${path} is ${written}: setuid binaries in the container can gain privileges its process never had. Set it to false.`;
const FIX = 'Set allowPrivilegeEscalation: false';

testRule('helm/allow-privilege-escalation', 'helm-values', {
  valid: [
    { name: 'set to false', code: 'securityContext:\n  allowPrivilegeEscalation: false\n', chart },
    { name: 'left out: the empty-context rule covers it', code: 'podSecurityContext: {}\nsecurityContext: {}\n', chart },
    {
      name: 'bitnami: a context switched off by its own enabled: false',
      code: 'containerSecurityContext:\n  enabled: false\n  allowPrivilegeEscalation: true\n',
      chart,
    },
    {
      name: 'a disabled component',
      code: 'metrics:\n  enabled: false\n  containerSecurityContext:\n    enabled: true\n    allowPrivilegeEscalation: true\n',
      chart,
    },
    { name: 'a quoted "false"', code: 'securityContext:\n  allowPrivilegeEscalation: "false"\n' },
    { name: 'commented out', code: 'securityContext: {}\n  # allowPrivilegeEscalation: true\n' },
    {
      name: 'suppressed',
      code: 'securityContext:\n  # ballast-ignore helm/allow-privilege-escalation -- runs sudo by design\n  allowPrivilegeEscalation: true\n',
      chart,
    },
  ],
  invalid: [
    {
      name: 'block style, comment kept by the fix',
      code: 'securityContext:\n  runAsNonRoot: true\n  allowPrivilegeEscalation: true # TODO\n',
      chart,
      findings: [
        {
          message: MESSAGE('securityContext.allowPrivilegeEscalation'),
          range: [2, 28, 2, 32],
          fixes: [{ title: FIX, kind: 'suggestion', output: 'securityContext:\n  runAsNonRoot: true\n  allowPrivilegeEscalation: false # TODO\n' }],
        },
      ],
    },
    {
      name: 'a bitnami component section at depth',
      code: 'primary:\n  containerSecurityContext:\n    enabled: true\n    runAsUser: 1001\n    allowPrivilegeEscalation: true\n    capabilities:\n      drop: ["ALL"]\n',
      chart,
      findings: [
        {
          message: MESSAGE('primary.containerSecurityContext.allowPrivilegeEscalation'),
          range: [4, 30, 4, 34],
          fixes: [
            {
              title: FIX,
              kind: 'suggestion',
              output: 'primary:\n  containerSecurityContext:\n    enabled: true\n    runAsUser: 1001\n    allowPrivilegeEscalation: false\n    capabilities:\n      drop: ["ALL"]\n',
            },
          ],
        },
      ],
    },
    {
      name: 'flow style',
      code: 'controller: {containerSecurityContext: {allowPrivilegeEscalation: true}}\n',
      findings: [
        {
          message: MESSAGE('controller.containerSecurityContext.allowPrivilegeEscalation'),
          range: [0, 66, 0, 70],
          fixes: [{ title: FIX, kind: 'suggestion', output: 'controller: {containerSecurityContext: {allowPrivilegeEscalation: false}}\n' }],
        },
      ],
    },
    {
      name: 'a list item',
      code: 'initContainers:\n  - name: setup\n    image: busybox:1.36\n  - name: migrate\n    securityContext: {allowPrivilegeEscalation: yes}\n',
      chart,
      findings: [
        {
          message: MESSAGE('initContainers[1].securityContext.allowPrivilegeEscalation', 'yes'),
          range: [4, 48, 4, 51],
          fixes: [
            {
              title: FIX,
              kind: 'suggestion',
              output: 'initContainers:\n  - name: setup\n    image: busybox:1.36\n  - name: migrate\n    securityContext: {allowPrivilegeEscalation: false}\n',
            },
          ],
        },
      ],
    },
    {
      name: 'CRLF line endings and a quoted "true"',
      code: 'worker:\r\n  securityContext:\r\n    allowPrivilegeEscalation: "true"\r\n',
      chart,
      findings: [
        {
          message: MESSAGE('worker.securityContext.allowPrivilegeEscalation', '"true"'),
          range: [2, 30, 2, 36],
          fixes: [{ title: FIX, kind: 'suggestion', output: 'worker:\r\n  securityContext:\r\n    allowPrivilegeEscalation: false\r\n' }],
        },
      ],
    },
    {
      name: 'no fix next to privileged: true, which the API server would reject',
      code: 'securityContext:\n  privileged: true\n  allowPrivilegeEscalation: true\n',
      findings: [{ message: MESSAGE('securityContext.allowPrivilegeEscalation'), range: [2, 28, 2, 32] }],
    },
    {
      name: 'no fix next to an added CAP_SYS_ADMIN',
      code: 'securityContext:\n  capabilities:\n    add: [CAP_SYS_ADMIN]\n  allowPrivilegeEscalation: true\n',
      findings: [{ message: MESSAGE('securityContext.allowPrivilegeEscalation'), range: [3, 28, 3, 32] }],
    },
  ],
});
