import { testRule } from '../../helpers/ruleTester';

const clusterRole = (rules: string, eol = '\n') => ['apiVersion: rbac.authorization.k8s.io/v1', 'kind: ClusterRole', 'metadata:', '  name: deployer', 'rules:', ...rules.split('\n'), ''].join(eol);

const VERBS = (object: string) => `${object} allows every verb (*), including escalate, bind and impersonate where they apply and any added later. List the verbs it needs.`;
const RESOURCES = (object: string) => `${object} grants every resource (*) of its API groups, Secrets and resources that CRDs add later included. List the resources it needs.`;
const GROUPS = (object: string) => `${object} covers every API group (*), including those that operators installed later add. List the groups it needs.`;

testRule('kubernetes/rbac-wildcard', 'kubernetes', {
  valid: [
    { name: 'everything listed', code: clusterRole('  - apiGroups: ["apps"]\n    resources: ["deployments", "deployments/scale"]\n    verbs: ["get", "list", "watch", "patch"]') },
    { name: 'a subresource of every resource and non-resource URLs', code: clusterRole('  - apiGroups: ["apps"]\n    resources: ["*/scale"]\n    verbs: ["get"]\n  - nonResourceURLs: ["*"]\n    verbs: ["get"]') },
    { name: 'not an RBAC object', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: rules}\nrules:\n  - verbs: ["*"]\n' },
    { name: 'suppressed above the rule', code: clusterRole('  # ballast-ignore kubernetes/rbac-wildcard -- the namespace operator\n  - apiGroups: ["*"]\n    resources: ["*"]\n    verbs: ["*"]') },
  ],
  invalid: [
    {
      name: 'flow lists: each wildcard on its own',
      code: clusterRole('  - apiGroups: ["apps"]\n    resources: ["*"] # everything in apps\n    verbs: ["get", "*"]'),
      findings: [
        { message: RESOURCES('ClusterRole deployer'), range: [6, 16, 6, 19] },
        { message: VERBS('ClusterRole deployer'), range: [7, 19, 7, 22] },
      ],
    },
    {
      name: 'block lists in a Role, quoted both ways, CRLF',
      code: [
        'apiVersion: rbac.authorization.k8s.io/v1',
        'kind: Role',
        'metadata: {name: ops, namespace: shop}',
        'rules:',
        '- apiGroups:',
        "  - '*'",
        '  resources:',
        '  - pods',
        '  verbs:',
        '  - "*"',
        '',
      ].join('\r\n'),
      findings: [
        { message: GROUPS('Role ops'), range: [5, 4, 5, 7] },
        { message: VERBS('Role ops'), range: [9, 4, 9, 7] },
      ],
    },
    {
      name: 'an anchored list used by two rules, in a List after another document',
      code: [
        'apiVersion: v1',
        'kind: ServiceAccount',
        'metadata: {name: deployer}',
        '---',
        'apiVersion: v1',
        'kind: List',
        'items:',
        '  - apiVersion: rbac.authorization.k8s.io/v1',
        '    kind: ClusterRole',
        '    metadata: {name: all}',
        '    rules:',
        '      - {apiGroups: [""], resources: [pods], verbs: &every ["*"]}',
        '      - {apiGroups: [apps], resources: [deployments], verbs: *every}',
        '',
      ].join('\n'),
      findings: [
        { message: VERBS('ClusterRole all'), range: [11, 60, 11, 63] },
        { message: VERBS('ClusterRole all'), range: [11, 60, 11, 63] },
      ],
    },
  ],
});
