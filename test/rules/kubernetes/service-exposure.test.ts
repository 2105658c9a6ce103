import { testRule } from '../../helpers/ruleTester';

const service = (spec: string, metadata = '  name: admin', eol = '\n') =>
  ['apiVersion: v1', 'kind: Service', 'metadata:', ...metadata.split('\n'), 'spec:', '  selector: {app: admin}', '  ports: [{port: 80}]', ...spec.split('\n'), ''].join(eol);

const NODE_PORT = (name: string) =>
  `Service ${name} is type NodePort: its port is open on every node, for anyone who can reach one. Make sure that is intended; a ClusterIP Service behind an Ingress or Gateway is usually what is wanted.`;
const LOAD_BALANCER = (name: string) =>
  `Service ${name} is type LoadBalancer: it gets an external address, usually reachable from the internet. Make sure that is intended; otherwise use an internal load balancer, loadBalancerSourceRanges, or a ClusterIP Service behind an Ingress.`;

testRule('kubernetes/service-exposure', 'kubernetes', {
  valid: [
    { name: 'ClusterIP by default', code: service('') },
    { name: 'explicit ClusterIP and headless', code: service('  type: ClusterIP\n  clusterIP: None') },
    { name: 'a load balancer limited to source ranges', code: service('  type: LoadBalancer\n  loadBalancerSourceRanges: [10.0.0.0/8]') },
    {
      name: 'internal load balancers on AWS, GKE and Azure',
      code: [
        service('  type: LoadBalancer', '  name: a\n  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-scheme: internal'),
        service('  type: LoadBalancer', '  name: g\n  annotations: {networking.gke.io/load-balancer-type: "Internal"}'),
        service('  type: LoadBalancer', '  name: z\n  annotations:\n    service.beta.kubernetes.io/azure-load-balancer-internal: "true"'),
      ].join('---\n'),
    },
    { name: 'not a core Service', code: 'apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata: {name: k}\nspec:\n  type: NodePort\n' },
    { name: 'suppressed above the type', code: service('  # ballast-ignore kubernetes/service-exposure -- public web site\n  type: LoadBalancer') },
  ],
  invalid: [
    {
      name: 'NodePort: reported on the type',
      code: service('  type: NodePort # for the lab'),
      findings: [{ message: NODE_PORT('admin'), range: [7, 8, 7, 16] }],
    },
    {
      name: 'LoadBalancer with empty source ranges, annotations that do not make it internal, CRLF',
      code: service('  type: "LoadBalancer"\n  loadBalancerSourceRanges: []', '  name: admin\n  annotations:\n    networking.gke.io/load-balancer-type: External', '\r\n'),
      findings: [{ message: LOAD_BALANCER('admin'), range: [9, 8, 9, 22] }],
    },
    {
      name: 'in a List, flow style',
      code: 'apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: Service, metadata: {name: db}, spec: {type: NodePort, ports: [{port: 5432}]}}\n',
      findings: [{ message: NODE_PORT('db'), range: [3, 69, 3, 77] }],
    },
  ],
});
