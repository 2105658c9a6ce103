import { testRule } from '../../helpers/ruleTester';

const clusterRole = (rules: string, eol = '\n') => ['apiVersion: rbac.authorization.k8s.io/v1', 'kind: ClusterRole', 'metadata:', '  name: team-admin', 'rules:', ...rules.split('\n'), ''].join(eol);

const MESSAGE = (object: string, verb: string, allows: string) =>
  `${object} allows ${verb}: its subjects can ${allows}. Remove it unless this role manages RBAC or authentication, and then limit it with resourceNames.`;
const ESCALATE = 'write roles with permissions they do not hold themselves, cluster-admin included';
const BIND = 'bind any role, cluster-admin included, to anyone, themselves included';
const IMPERSONATE = 'act as other users, groups or service accounts, with all their permissions';

testRule('kubernetes/rbac-privilege-escalation-verbs', 'kubernetes', {
  valid: [
    { name: 'managing bindings without bind or escalate', code: clusterRole('  - apiGroups: ["rbac.authorization.k8s.io"]\n    resources: ["rolebindings"]\n    verbs: ["get", "list", "create", "update"]') },
    { name: 'a wildcard verb is kubernetes/rbac-wildcard\'s', code: clusterRole('  - apiGroups: ["rbac.authorization.k8s.io"]\n    resources: ["roles"]\n    verbs: ["*"]') },
    { name: 'suppressed above the rule', code: clusterRole('  # ballast-ignore kubernetes/rbac-privilege-escalation-verbs -- the auth proxy\n  - apiGroups: [""]\n    resources: ["users", "groups"]\n    verbs: ["impersonate"]') },
  ],
  invalid: [
    {
      name: 'bind and escalate: each on its verb',
      code: clusterRole('  - apiGroups: ["rbac.authorization.k8s.io"]\n    resources: ["roles", "rolebindings"]\n    verbs: ["get", "bind", "escalate"] # for the team leads'),
      findings: [
        { message: MESSAGE('ClusterRole team-admin', 'bind', BIND), range: [7, 19, 7, 25] },
        { message: MESSAGE('ClusterRole team-admin', 'escalate', ESCALATE), range: [7, 27, 7, 37] },
      ],
    },
    {
      name: 'impersonate in a block list of a Role, CRLF, after another document',
      code: `apiVersion: v1\r\nkind: ServiceAccount\r\nmetadata: {name: proxy, namespace: auth}\r\n---\r\n${[
        'apiVersion: rbac.authorization.k8s.io/v1',
        'kind: Role',
        'metadata: {name: proxy, namespace: auth}',
        'rules:',
        '- apiGroups: [""]',
        '  resources: [serviceaccounts]',
        '  verbs:',
        '  - impersonate',
        '',
      ].join('\r\n')}`,
      findings: [{ message: MESSAGE('Role proxy', 'impersonate', IMPERSONATE), range: [11, 4, 11, 15] }],
    },
  ],
});
