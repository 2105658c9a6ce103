import { testRule } from '../../helpers/ruleTester';

const role = (kind: string, metadata: string, rules: string, eol = '\n') =>
  ['apiVersion: rbac.authorization.k8s.io/v1', `kind: ${kind}`, `metadata: ${metadata}`, 'rules:', ...rules.split('\n'), ''].join(eol);

const MESSAGE = (object: string, scope: string, verbs: string) =>
  `${object} can read every Secret${scope} (${verbs} on secrets): service account tokens and credentials of more powerful subjects included. Mount the Secrets a workload needs, or name them with resourceNames.`;

testRule('kubernetes/rbac-secrets-access', 'kubernetes', {
  valid: [
    { name: 'named Secrets only', code: role('Role', '{name: app, namespace: shop}', '  - apiGroups: [""]\n    resources: ["secrets"]\n    resourceNames: ["shop-db"]\n    verbs: ["get", "watch"]') },
    { name: 'writing without reading', code: role('ClusterRole', '{name: issuer}', '  - apiGroups: [""]\n    resources: ["secrets"]\n    verbs: ["create", "update"]') },
    { name: 'secrets of another API group', code: role('ClusterRole', '{name: vault}', '  - apiGroups: ["secrets-store.csi.x-k8s.io"]\n    resources: ["secrets"]\n    verbs: ["get"]') },
    { name: 'ConfigMaps', code: role('ClusterRole', '{name: cfg}', '  - apiGroups: [""]\n    resources: ["configmaps"]\n    verbs: ["get", "list"]') },
    { name: 'suppressed above the rule', code: role('ClusterRole', '{name: eso}', '  # ballast-ignore kubernetes/rbac-secrets-access -- External Secrets syncs them\n  - apiGroups: [""]\n    resources: ["secrets"]\n    verbs: ["get"]') },
  ],
  invalid: [
    {
      name: 'a ClusterRole: reported on secrets, naming the verbs',
      code: role('ClusterRole', '{name: config-reader}', '  - apiGroups: [""]\n    resources: ["configmaps", "secrets"] # both\n    verbs: ["get", "list", "watch", "update"]'),
      findings: [{ message: MESSAGE('ClusterRole config-reader', '', 'get, list, watch'), range: [5, 30, 5, 39] }],
    },
    {
      name: 'a Role with every verb and every group, block lists, CRLF',
      code: role('Role', '{name: ops, namespace: shop}', '- apiGroups:\n  - "*"\n  resources:\n  - secrets\n  verbs:\n  - "*"', '\r\n'),
      findings: [{ message: MESSAGE('Role ops', ' in namespace shop', '*'), range: [7, 4, 7, 11] }],
    },
    {
      name: 'a Role without a namespace, in a List',
      code: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: rbac.authorization.k8s.io/v1\n  kind: Role\n  metadata: {name: lister}\n  rules: [{apiGroups: [""], resources: [secrets], verbs: [list]}]\n',
      findings: [{ message: MESSAGE('Role lister', ' in its namespace', 'list'), range: [6, 40, 6, 47] }],
    },
  ],
});
