import { testRule } from '../../helpers/ruleTester';

const MESSAGE = (path: string) =>
  `${path} is false: the chart creates no NetworkPolicy, so any pod in the cluster can connect to these pods. Enable it and allow the clients that need access, unless other policies restrict the traffic.`;
const FIX = 'Set enabled: true';

testRule('helm/network-policy-disabled', 'helm-values', {
  valid: [
    { name: 'bitnami defaults', code: 'networkPolicy:\n  enabled: true\n  allowExternal: true\n  allowExternalEgress: true\n  extraIngress: []\n' },
    { name: 'no networkPolicy section', code: 'service:\n  type: ClusterIP\n' },
    { name: 'inside a disabled component', code: 'metrics:\n  enabled: false\n  networkPolicy:\n    enabled: false\n' },
    {
      name: 'lookalikes: other switches, a quoted "false" (a non-empty string, which templates read as true)',
      code: 'networkPolicyEnabled: false\nnetworkPolicy:\n  enabled: "false"\n  allowExternal: false\n  egress:\n    enabled: false\ningress:\n  enabled: false\n',
    },
    { name: 'suppressed', code: 'networkPolicy:\n  # ballast-ignore helm/network-policy-disabled -- Cilium policies managed by the platform team\n  enabled: false\n' },
  ],
  invalid: [
    {
      name: 'block style, comment kept',
      code: 'networkPolicy:\n  enabled: false # our CNI does not enforce them\n  allowExternal: true\n',
      findings: [
        {
          message: MESSAGE('networkPolicy.enabled'),
          range: [1, 11, 1, 16],
          fixes: [{ title: FIX, kind: 'suggestion', output: 'networkPolicy:\n  enabled: true # our CNI does not enforce them\n  allowExternal: true\n' }],
        },
      ],
    },
    {
      name: 'flow style in a component section',
      code: 'primary:\n  networkPolicy: {enabled: false, allowExternal: true}\n',
      findings: [
        {
          message: MESSAGE('primary.networkPolicy.enabled'),
          range: [1, 27, 1, 32],
          fixes: [{ title: FIX, kind: 'suggestion', output: 'primary:\n  networkPolicy: {enabled: true, allowExternal: true}\n' }],
        },
      ],
    },
    {
      name: 'deeper, CRLF, any case of the key',
      code: 'controller:\r\n  admission:\r\n    networkpolicy:\r\n      enabled: false\r\n',
      findings: [
        {
          message: MESSAGE('controller.admission.networkpolicy.enabled'),
          range: [3, 15, 3, 20],
          fixes: [{ title: FIX, kind: 'suggestion', output: 'controller:\r\n  admission:\r\n    networkpolicy:\r\n      enabled: true\r\n' }],
        },
      ],
    },
    {
      name: 'in a list item, an enabled parent',
      code: 'components:\n  - name: api\n    enabled: true\n    networkPolicy:\n      enabled: false\n',
      findings: [
        {
          message: MESSAGE('components[0].networkPolicy.enabled'),
          range: [4, 15, 4, 20],
          fixes: [{ title: FIX, kind: 'suggestion', output: 'components:\n  - name: api\n    enabled: true\n    networkPolicy:\n      enabled: true\n' }],
        },
      ],
    },
    {
      name: 'an anchored value repeated by an alias: no fix',
      code: 'primary:\n  networkPolicy:\n    enabled: &off false\nreadReplicas:\n  networkPolicy:\n    enabled: *off\n',
      findings: [{ message: MESSAGE('primary.networkPolicy.enabled'), range: [2, 18, 2, 23] }],
    },
  ],
});
