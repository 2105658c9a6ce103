import { testRule } from '../../helpers/ruleTester';

const ON_ACCOUNT = (path: string) =>
  `${path} is true: every pod running as the chart's service account gets its token unless the pod opts out, and code running there can call the Kubernetes API with it. Set it to false and let the pods that call the API opt in.`;
const ON_PODS = (path: string) =>
  `${path} is true: the service account token is mounted into the pods' containers, where code running there can call the Kubernetes API with it. Set it to false unless the pods use the API.`;

const HELM_CREATE = (automount: string) =>
  `serviceAccount:\n  # Specifies whether a service account should be created\n  create: true\n  # Automatically mount a ServiceAccount's API credentials?\n  automount: ${automount}\n  annotations: {}\n  name: ""\n`;

testRule('helm/automount-service-account-token', 'helm-values', {
  valid: [
    { name: 'helm create with automount false', code: HELM_CREATE('false') },
    { name: 'bitnami defaults', code: 'automountServiceAccountToken: false\nserviceAccount:\n  create: true\n  name: ""\n  automountServiceAccountToken: false\n' },
    { name: 'no ServiceAccount created: the setting goes nowhere', code: 'serviceAccount:\n  create: false\n  automount: true\n  name: existing\n' },
    { name: 'a disabled component', code: 'metrics:\n  enabled: false\n  serviceAccount:\n    automount: true\n  automountServiceAccountToken: true\n' },
    { name: 'not set at all', code: 'serviceAccount:\n  create: true\n' },
    {
      name: 'lookalikes: automount outside a service account, other keys',
      code: 'persistence:\n  automount: true\nautomountServiceAccountTokens: true\nserviceAccountName: automount\nserviceAccount:\n  automountToken: true\n',
    },
    { name: 'suppressed', code: 'serviceAccount:\n  # ballast-ignore helm/automount-service-account-token -- operator\n  automount: true\n' },
  ],
  invalid: [
    {
      name: 'helm create values, comments kept',
      code: HELM_CREATE('true'),
      findings: [
        {
          message: ON_ACCOUNT('serviceAccount.automount'),
          range: [4, 13, 4, 17],
          fixes: [{ title: 'Set automount: false', kind: 'suggestion', output: HELM_CREATE('false') }],
        },
      ],
    },
    {
      name: 'bitnami-style component: on the pods and on the ServiceAccount',
      code: 'primary:\n  automountServiceAccountToken: true\n  serviceAccount:\n    create: true\n    automountServiceAccountToken: true\n',
      findings: [
        {
          message: ON_PODS('primary.automountServiceAccountToken'),
          range: [1, 32, 1, 36],
          fixes: [
            {
              title: 'Set automountServiceAccountToken: false',
              kind: 'suggestion',
              output: 'primary:\n  automountServiceAccountToken: false\n  serviceAccount:\n    create: true\n    automountServiceAccountToken: true\n',
            },
          ],
        },
        {
          message: ON_ACCOUNT('primary.serviceAccount.automountServiceAccountToken'),
          range: [4, 34, 4, 38],
          fixes: [
            {
              title: 'Set automountServiceAccountToken: false',
              kind: 'suggestion',
              output: 'primary:\n  automountServiceAccountToken: true\n  serviceAccount:\n    create: true\n    automountServiceAccountToken: false\n',
            },
          ],
        },
      ],
    },
    {
      name: 'flow style',
      code: 'serviceAccount: {create: true, automount: true}\n',
      findings: [
        {
          message: ON_ACCOUNT('serviceAccount.automount'),
          range: [0, 42, 0, 46],
          fixes: [{ title: 'Set automount: false', kind: 'suggestion', output: 'serviceAccount: {create: true, automount: false}\n' }],
        },
      ],
    },
    {
      name: 'a component at depth without create, CRLF',
      code: 'controller:\r\n  serviceAccount:\r\n    automount: true\r\n',
      findings: [
        {
          message: ON_ACCOUNT('controller.serviceAccount.automount'),
          range: [2, 15, 2, 19],
          fixes: [{ title: 'Set automount: false', kind: 'suggestion', output: 'controller:\r\n  serviceAccount:\r\n    automount: false\r\n' }],
        },
      ],
    },
    {
      name: 'a quoted "true": the template drops the quotes',
      code: 'serviceAccount:\n  automount: "true"\n',
      findings: [
        {
          message: ON_ACCOUNT('serviceAccount.automount'),
          range: [1, 13, 1, 19],
          fixes: [{ title: 'Set automount: false', kind: 'suggestion', output: 'serviceAccount:\n  automount: false\n' }],
        },
      ],
    },
    {
      name: 'a list item',
      code: 'jobs:\n  - name: migrate\n    automountServiceAccountToken: true\n',
      findings: [
        {
          message: ON_PODS('jobs[0].automountServiceAccountToken'),
          range: [2, 34, 2, 38],
          fixes: [{ title: 'Set automountServiceAccountToken: false', kind: 'suggestion', output: 'jobs:\n  - name: migrate\n    automountServiceAccountToken: false\n' }],
        },
      ],
    },
  ],
});
