import { testRule } from '../../helpers/ruleTester';

const binding = (kind: string, metadata: string, roleRef: string, subjects: string, eol = '\n') =>
  ['apiVersion: rbac.authorization.k8s.io/v1', `kind: ${kind}`, `metadata: ${metadata}`, `roleRef: ${roleRef}`, 'subjects:', ...subjects.split('\n'), ''].join(eol);

const ANONYMOUS = 'anyone who can reach the API server, without credentials';
const AUTHENTICATED = 'every identity the API server accepts, every service account of every namespace included';
const MESSAGE = (object: string, role: string, subject: string, who: string) =>
  `${object} grants ${role} to ${subject}: ${who}. Bind it to the users, groups or service accounts that need it.`;

const VIEW = '{apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}';

testRule('kubernetes/rbac-anonymous-binding', 'kubernetes', {
  valid: [
    { name: 'named subjects', code: binding('ClusterRoleBinding', '{name: viewers}', VIEW, '  - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: platform-team}') },
    {
      name: 'the bindings Kubernetes creates',
      code: [
        binding('ClusterRoleBinding', '{name: "system:public-info-viewer"}', '{kind: ClusterRole, name: "system:public-info-viewer"}', '  - {kind: Group, name: "system:authenticated"}\n  - {kind: Group, name: "system:unauthenticated"}'),
        binding('ClusterRoleBinding', '{name: "system:basic-user"}', '{kind: ClusterRole, name: "system:basic-user"}', '  - {kind: Group, name: "system:authenticated"}'),
      ].join('---\n'),
    },
    { name: 'suppressed above the subject', code: binding('ClusterRoleBinding', '{name: health}', '{kind: ClusterRole, name: health-reader}', '  # ballast-ignore kubernetes/rbac-anonymous-binding -- load balancer health checks\n  - {kind: Group, name: "system:unauthenticated"}') },
  ],
  invalid: [
    {
      name: 'all authenticated users: reported on the subject name',
      code: binding('ClusterRoleBinding', '{name: viewers}', VIEW, '  - apiGroup: rbac.authorization.k8s.io\n    kind: Group\n    name: system:authenticated # everyone in the company'),
      findings: [{ message: MESSAGE('ClusterRoleBinding viewers', 'ClusterRole view', 'system:authenticated', AUTHENTICATED), range: [7, 10, 7, 30] }],
    },
    {
      name: 'anonymous and unauthenticated in a RoleBinding, CRLF',
      code: binding('RoleBinding', '{name: public, namespace: site}', '{kind: Role, name: reader}', '  - {kind: User, name: "system:anonymous"}\r\n  - {kind: Group, name: "system:unauthenticated"}', '\r\n'),
      findings: [
        { message: MESSAGE('RoleBinding public', 'Role reader', 'system:anonymous', ANONYMOUS), range: [5, 23, 5, 41] },
        { message: MESSAGE('RoleBinding public', 'Role reader', 'system:unauthenticated', ANONYMOUS), range: [6, 24, 6, 48] },
      ],
    },
    {
      name: 'a namespace Role that borrows a default role name is not a default, in a List',
      code: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: rbac.authorization.k8s.io/v1\n  kind: RoleBinding\n  metadata: {name: b, namespace: n}\n  roleRef: {kind: Role, name: "system:basic-user"}\n  subjects: [{kind: Group, name: "system:authenticated"}]\n',
      findings: [{ message: MESSAGE('RoleBinding b', 'Role system:basic-user', 'system:authenticated', AUTHENTICATED), range: [7, 33, 7, 55] }],
    },
  ],
});
