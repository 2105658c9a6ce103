import { testRule } from '../../helpers/ruleTester';

const binding = (kind: string, metadata: string, roleRef: string, subjects = '  - {kind: ServiceAccount, name: ci, namespace: ci}', eol = '\n') =>
  ['apiVersion: rbac.authorization.k8s.io/v1', `kind: ${kind}`, `metadata: ${metadata}`, 'roleRef:', ...roleRef.split('\n'), 'subjects:', ...subjects.split('\n'), ''].join(eol);

const CLUSTER = (object: string) =>
  `${object} grants cluster-admin: full control of every resource in every namespace, Secrets, nodes and RBAC included. Bind a role with only the permissions its subjects need.`;
const NAMESPACE = (object: string, where: string) =>
  `${object} grants cluster-admin: full control of everything in ${where}, Secrets and RBAC included. Bind a role with only the permissions its subjects need.`;

const CLUSTER_ADMIN = '  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: cluster-admin';

testRule('kubernetes/rbac-cluster-admin-binding', 'kubernetes', {
  valid: [
    { name: 'a narrower role', code: binding('ClusterRoleBinding', '{name: ci}', '  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: edit') },
    { name: 'a namespace Role that happens to be called cluster-admin', code: binding('RoleBinding', '{name: ci, namespace: shop}', '  kind: Role\n  name: cluster-admin') },
    { name: 'the binding Kubernetes creates for system:masters', code: binding('ClusterRoleBinding', '{name: cluster-admin}', CLUSTER_ADMIN, '  - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: "system:masters"}') },
    { name: 'the role itself is not a binding', code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: cluster-admin}\nrules: []\n' },
    { name: 'suppressed above roleRef', code: binding('ClusterRoleBinding', '{name: argocd}', CLUSTER_ADMIN).replace('roleRef:', '# ballast-ignore kubernetes/rbac-cluster-admin-binding -- Argo CD manages the cluster\nroleRef:') },
  ],
  invalid: [
    {
      name: 'a ClusterRoleBinding: reported on the role name',
      code: binding('ClusterRoleBinding', '{name: ci}', `${CLUSTER_ADMIN} # temporary`),
      findings: [{ message: CLUSTER('ClusterRoleBinding ci'), range: [6, 8, 6, 21] }],
    },
    {
      name: 'a RoleBinding in a namespace, flow style, CRLF',
      code: binding('RoleBinding', '{name: ci, namespace: shop}', '  {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "cluster-admin"}', undefined, '\r\n').replace('roleRef:\r\n  {', 'roleRef: {'),
      findings: [{ message: NAMESPACE('RoleBinding ci', 'namespace shop'), range: [3, 72, 3, 87] }],
    },
    {
      name: 'a RoleBinding without a namespace, in a List',
      code: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: rbac.authorization.k8s.io/v1\n    kind: RoleBinding\n    metadata: {name: dev}\n    roleRef: {kind: ClusterRole, name: cluster-admin}\n    subjects: [{kind: Group, name: developers}]\n',
      findings: [{ message: NAMESPACE('RoleBinding dev', 'its namespace'), range: [6, 39, 6, 52] }],
    },
  ],
});
