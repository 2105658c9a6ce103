import { testRule } from '../../helpers/ruleTester';

const NODE_PORT = (path: string) =>
  `${path} is NodePort: the Service's port is open on every node, for anyone who can reach one. Make sure that is intended; a ClusterIP Service behind an Ingress or Gateway is usually what is wanted.`;
const LOAD_BALANCER = (path: string) =>
  `${path} is LoadBalancer: the Service gets an external address, usually reachable from the internet. Make sure that is intended; otherwise use an internal load balancer, loadBalancerSourceRanges, or a ClusterIP Service behind an Ingress.`;

testRule('helm/service-exposed', 'helm-values', {
  valid: [
    { name: 'helm create defaults', code: 'service:\n  type: ClusterIP\n  port: 80\n' },
    { name: 'a load balancer with source ranges', code: 'service:\n  type: LoadBalancer\n  loadBalancerSourceRanges:\n    - 10.0.0.0/8\n' },
    {
      name: 'internal load balancers by annotation',
      code:
        'controller:\n  service:\n    type: LoadBalancer\n    annotations:\n      service.beta.kubernetes.io/aws-load-balancer-scheme: internal\n' +
        'api:\n  service:\n    type: LoadBalancer\n    annotations:\n      service.beta.kubernetes.io/azure-load-balancer-internal: true\n',
    },
    { name: 'a disabled component', code: 'metrics:\n  enabled: false\n  service:\n    type: NodePort\n' },
    { name: 'a disabled Service', code: 'controller:\n  service:\n    enabled: false\n    type: LoadBalancer\n' },
    {
      name: 'lookalikes: types outside a Service, node ports on a ClusterIP',
      code: 'persistence:\n  type: NodePort\nserviceMonitor:\n  type: LoadBalancer\nservice:\n  type: ClusterIP\n  nodePorts:\n    http: 30080\n  ports:\n    - type: NodePort\n',
    },
    { name: 'a templated type', code: 'service:\n  type: "{{ .Values.global.serviceType }}"\n' },
    { name: 'suppressed', code: 'service:\n  # ballast-ignore helm/service-exposed -- public web site\n  type: LoadBalancer\n' },
  ],
  invalid: [
    {
      name: 'helm create values with NodePort',
      code: 'service:\n  type: NodePort # for the demo\n  port: 80\n',
      findings: [{ message: NODE_PORT('service.type'), range: [1, 8, 1, 16] }],
    },
    {
      name: 'ingress-nginx style controller Service, empty source ranges',
      code: 'controller:\n  service:\n    enabled: true\n    annotations: {}\n    type: "LoadBalancer"\n    loadBalancerSourceRanges: []\n',
      findings: [{ message: LOAD_BALANCER('controller.service.type'), range: [4, 10, 4, 24] }],
    },
    {
      name: 'flow style, an annotation that says not internal',
      code: 'service: {type: LoadBalancer, annotations: {service.beta.kubernetes.io/aws-load-balancer-internal: "false"}}\n',
      findings: [{ message: LOAD_BALANCER('service.type'), range: [0, 16, 0, 28] }],
    },
    {
      name: 'a component Service at depth, CRLF',
      code: 'primary:\r\n  metricsService:\r\n    type: NodePort\r\n    port: 9187\r\n',
      findings: [{ message: NODE_PORT('primary.metricsService.type'), range: [2, 10, 2, 18] }],
    },
    {
      name: 'an item of a list of extra Services',
      code: 'extraServices:\n  - name: admin\n    type: ClusterIP\n  - name: public\n    type: LoadBalancer\n',
      findings: [{ message: LOAD_BALANCER('extraServices[1].type'), range: [4, 10, 4, 22] }],
    },
  ],
});
