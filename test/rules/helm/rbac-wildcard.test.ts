import { testRule } from '../../helpers/ruleTester';

const VERBS = (path: string) => `${path} allows every verb (*), including escalate, bind and impersonate where they apply and any added later. List the verbs it needs.`;
const RESOURCES = (path: string) => `${path} grants every resource (*) of its API groups, Secrets and resources that CRDs add later included. List the resources it needs.`;
const GROUPS = (path: string) => `${path} covers every API group (*), including those that operators installed later add. List the groups it needs.`;

testRule('helm/rbac-wildcard', 'helm-values', {
  valid: [
    { name: 'bitnami defaults', code: 'rbac:\n  create: false\n  rules: []\n' },
    { name: 'rbac.create false: no role is created', code: 'rbac:\n  create: false\n  rules:\n    - apiGroups: ["*"]\n      resources: ["*"]\n      verbs: ["*"]\n' },
    { name: 'listed verbs and resources', code: 'rbac:\n  create: true\n  rules:\n    - apiGroups: [""]\n      resources: [pods, pods/log]\n      verbs: [get, list, watch]\n' },
    { name: 'a subresource wildcard and nonResourceURLs', code: 'rbac:\n  create: true\n  rules:\n    - apiGroups: [apps]\n      resources: ["*/scale"]\n      verbs: [get]\n    - nonResourceURLs: ["*"]\n      verbs: [get]\n' },
    { name: 'a disabled component', code: 'operator:\n  enabled: false\n  rbac:\n    create: true\n    rules:\n      - apiGroups: ["*"]\n        resources: ["*"]\n        verbs: ["*"]\n' },
    {
      name: 'lookalikes: webhook rules, alert rules, ingress rules',
      code:
        'admissionWebhook:\n  create: true\n  rules:\n    - operations: ["*"]\n      apiGroups: ["*"]\n      resources: ["*"]\n' +
        'prometheusRule:\n  create: true\n  rules:\n    - alert: Down\n      expr: up == 0\n' +
        'ingress:\n  rules:\n    - host: "*"\n',
    },
    { name: 'a rules list that no role uses', code: 'firewall:\n  rules:\n    - resources: ["*"]\n      verbs: ["*"]\n' },
    { name: 'suppressed', code: 'rbac:\n  create: true\n  rules:\n    - apiGroups: [""]\n      resources: [pods]\n      # ballast-ignore helm/rbac-wildcard -- operator\n      verbs: ["*"]\n' },
  ],
  invalid: [
    {
      name: 'block style, bitnami rbac.rules',
      code: 'rbac:\n  create: true\n  rules:\n    - apiGroups:\n        - ""\n      resources:\n        - pods\n      verbs:\n        - "*" # all of them\n',
      findings: [{ message: VERBS('rbac.rules[0]'), range: [8, 10, 8, 13] }],
    },
    {
      name: 'flow style, two wildcards',
      code: 'rbac: {create: true, rules: [{apiGroups: ["*"], resources: ["*"], verbs: [get]}]}\n',
      findings: [
        { message: GROUPS('rbac.rules[0]'), range: [0, 42, 0, 45] },
        { message: RESOURCES('rbac.rules[0]'), range: [0, 60, 0, 63] },
      ],
    },
    {
      name: 'extra rules of a cluster role in a component, no create, CRLF, second item',
      code: 'controller:\r\n  clusterRole:\r\n    extraRules:\r\n      - apiGroups: [apps]\r\n        resources: [deployments]\r\n        verbs: [get]\r\n      - apiGroups: [apps]\r\n        resources: [\'*\']\r\n        verbs: [list]\r\n',
      findings: [{ message: RESOURCES('controller.clusterRole.extraRules[1]'), range: [7, 20, 7, 23] }],
    },
    {
      name: 'a section that creates the role though its name does not say so',
      code: 'operator:\n  create: true\n  permissions:\n    rules:\n      - apiGroups: [""]\n        resources: [secrets]\n        verbs: [get, "*"]\n',
      findings: [{ message: VERBS('operator.permissions.rules[0]'), range: [6, 21, 6, 24] }],
    },
    {
      name: 'an enabled rbac section',
      code: 'rbac:\n  enabled: true\n  rules:\n    - apiGroups: ["*"]\n      resources: [configmaps]\n      verbs: [get]\n',
      findings: [{ message: GROUPS('rbac.rules[0]'), range: [3, 18, 3, 21] }],
    },
  ],
});
