import { testRule } from '../../helpers/ruleTester';

const clusterRole = (rules: string, eol = '\n') => ['apiVersion: rbac.authorization.k8s.io/v1', 'kind: ClusterRole', 'metadata:', '  name: support', 'rules:', ...rules.split('\n'), ''].join(eol);

const EXEC = (verbs: string, resource = 'pods/exec') =>
  `ClusterRole support lets its subjects run commands in running pods (${verbs} on ${resource}): they act inside the containers, with their Secrets and service account tokens. Grant it to the people who debug, not to workloads.`;
const ATTACH = (verbs: string, resource = 'pods/attach') =>
  `ClusterRole support lets its subjects attach to the processes of running pods (${verbs} on ${resource}): they act inside the containers, with their Secrets and service account tokens. Grant it to the people who debug, not to workloads.`;

testRule('kubernetes/rbac-pod-exec', 'kubernetes', {
  valid: [
    { name: 'logs and pods only', code: clusterRole('  - apiGroups: [""]\n    resources: ["pods", "pods/log"]\n    verbs: ["get", "list"]') },
    { name: 'a verb that opens no session', code: clusterRole('  - apiGroups: [""]\n    resources: ["pods/exec"]\n    verbs: ["list"]') },
    { name: 'another API group', code: clusterRole('  - apiGroups: ["example.com"]\n    resources: ["pods/exec"]\n    verbs: ["create"]') },
    { name: 'suppressed above the rule', code: clusterRole('  # ballast-ignore kubernetes/rbac-pod-exec -- on-call engineers\n  - apiGroups: [""]\n    resources: ["pods/exec"]\n    verbs: ["create"]') },
  ],
  invalid: [
    {
      name: 'create on pods/exec: reported on it',
      code: clusterRole('  - apiGroups: [""]\n    resources: ["pods", "pods/log", "pods/exec"]\n    verbs: ["get", "list", "create"]'),
      findings: [{ message: EXEC('get, create'), range: [6, 36, 6, 47] }],
    },
    {
      name: 'exec and attach in one rule, every verb, block lists, CRLF',
      code: clusterRole('- apiGroups: [""]\n  resources:\n  - pods/attach\n  - pods/exec\n  verbs: ["*"]', '\r\n'),
      findings: [
        { message: ATTACH('*'), range: [7, 4, 7, 15] },
        { message: EXEC('*'), range: [8, 4, 8, 13] },
      ],
    },
    {
      name: 'the subresource of every resource, get only (WebSockets)',
      code: clusterRole('  - {apiGroups: [""], resources: ["*/attach"], verbs: [get]}'),
      findings: [{ message: ATTACH('get', '*/attach'), range: [5, 34, 5, 44] }],
    },
  ],
});
