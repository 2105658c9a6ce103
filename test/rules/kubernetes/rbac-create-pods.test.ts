import { testRule } from '../../helpers/ruleTester';

const clusterRole = (rules: string, eol = '\n') => ['apiVersion: rbac.authorization.k8s.io/v1', 'kind: ClusterRole', 'metadata:', '  name: dashboard', 'rules:', ...rules.split('\n'), ''].join(eol);

const MESSAGE = (object: string, grant: string) =>
  `${object} can create pods (${grant}): whoever holds it picks the image, the service account and the mounted Secrets, and where Pod Security allows it, runs privileged pods on the nodes. Make sure the namespaces it is bound in enforce a restrictive Pod Security level.`;

testRule('kubernetes/rbac-create-pods', 'kubernetes', {
  valid: [
    { name: 'reading workloads', code: clusterRole('  - apiGroups: ["", "apps"]\n    resources: ["pods", "deployments"]\n    verbs: ["get", "list", "watch"]') },
    { name: 'deployments outside the groups that serve them', code: clusterRole('  - apiGroups: [""]\n    resources: ["deployments"]\n    verbs: ["create"]') },
    { name: 'other resources', code: clusterRole('  - apiGroups: [""]\n    resources: ["configmaps", "pods/eviction"]\n    verbs: ["create"]') },
    { name: 'suppressed above the rule', code: clusterRole('  # ballast-ignore kubernetes/rbac-create-pods -- the CI runner\n  - apiGroups: [""]\n    resources: ["pods"]\n    verbs: ["create"]') },
  ],
  invalid: [
    {
      name: 'create on deployments: reported on the resource',
      code: clusterRole('  - apiGroups: ["apps"]\n    resources: ["deployments"]\n    verbs: ["get", "list", "create", "update"]'),
      findings: [{ message: MESSAGE('ClusterRole dashboard', 'create on deployments'), range: [6, 16, 6, 29] }],
    },
    {
      name: 'several in one rule: once, on the first written, naming them all; CRLF',
      code: clusterRole('- apiGroups: ["", "batch"]\n  resources:\n  - configmaps\n  - jobs\n  - pods\n  verbs: [create, delete]', '\r\n'),
      findings: [{ message: MESSAGE('ClusterRole dashboard', 'create on jobs, pods'), range: [8, 4, 8, 8] }],
    },
    {
      name: 'every verb on cronjobs of a Role in a List',
      code: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: rbac.authorization.k8s.io/v1\n  kind: Role\n  metadata: {name: scheduler, namespace: jobs}\n  rules: [{apiGroups: [batch], resources: [cronjobs], verbs: ["*"]}]\n',
      findings: [{ message: MESSAGE('Role scheduler', '* on cronjobs'), range: [6, 43, 6, 51] }],
    },
  ],
});
