import { testRule } from '../../helpers/ruleTester';

const clusterRole = (rules: string, eol = '\n') => ['apiVersion: rbac.authorization.k8s.io/v1', 'kind: ClusterRole', 'metadata:', '  name: metrics', 'rules:', ...rules.split('\n'), ''].join(eol);

const MESSAGE = (verbs: string, resource = 'nodes/proxy') =>
  `ClusterRole metrics grants ${verbs} on ${resource}: the kubelet API of every node, which runs commands in any pod there without admission control. Grant nodes/metrics or nodes/stats if it only reads metrics.`;

testRule('kubernetes/rbac-node-proxy', 'kubernetes', {
  valid: [
    { name: 'metrics and stats', code: clusterRole('  - apiGroups: [""]\n    resources: ["nodes", "nodes/metrics", "nodes/stats"]\n    verbs: ["get", "list", "watch"]') },
    { name: 'another API group', code: clusterRole('  - apiGroups: ["metrics.k8s.io"]\n    resources: ["nodes/proxy"]\n    verbs: ["get"]') },
    { name: 'suppressed above the rule', code: clusterRole('  # ballast-ignore kubernetes/rbac-node-proxy -- Prometheus cAdvisor scraping\n  - apiGroups: [""]\n    resources: ["nodes/proxy"]\n    verbs: ["get"]') },
  ],
  invalid: [
    {
      name: 'get on nodes/proxy: reported on it',
      code: clusterRole('  - apiGroups: [""]\n    resources: ["nodes", "nodes/proxy"]\n    verbs: ["get", "list", "watch"]'),
      findings: [{ message: MESSAGE('get, list, watch'), range: [6, 25, 6, 38] }],
    },
    {
      name: 'the proxy subresource of everything, flow style, CRLF',
      code: clusterRole('  - {apiGroups: ["*"], resources: ["*/proxy"], verbs: [create]}', '\r\n'),
      findings: [{ message: MESSAGE('create', '*/proxy'), range: [5, 35, 5, 44] }],
    },
  ],
});
