import type { Document, YAMLMap } from 'yaml';
import { describeObject } from '../../engine/kubernetes/describe';
import { objectRef, rangeOfNode } from '../../engine/kubernetes/model';
import { mapAt, scalarAt, seqAt, stringAt } from '../../engine/kubernetes/yamlNodes';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/service-exposure',
  target: 'kubernetes',
  title: 'Service exposed outside the cluster',
  defaultSeverity: 'info',
  description: `A Service of \`type: NodePort\` opens its port on every node of the cluster, for anyone who can
reach a node; \`type: LoadBalancer\` asks the cloud for an external address, usually on the internet
(and opens node ports too). Whatever answers there (an admin page, a metrics endpoint, a database)
is then one firewall mistake away from the world. That can be the intent, so this is information:
check that it is.

Load balancers that are not public are left alone: those restricted by \`loadBalancerSourceRanges\`
and internal ones (the \`service.beta.kubernetes.io/aws-load-balancer-internal\`,
\`service.beta.kubernetes.io/aws-load-balancer-scheme: internal\`,
\`networking.gke.io/load-balancer-type: Internal\`,
\`service.beta.kubernetes.io/azure-load-balancer-internal\` and
\`service.beta.kubernetes.io/oci-load-balancer-internal\` annotations).

Prefer a \`ClusterIP\` Service behind an Ingress or Gateway, which adds TLS, host routing and one
place to put authentication. There is no automatic fix: changing the type changes who can connect.

Bad:
\`\`\`yaml
apiVersion: v1
kind: Service
metadata:
  name: admin
spec:
  type: LoadBalancer
  selector:
    app: admin
  ports:
    - port: 80
      targetPort: 8080
\`\`\`

Good:
\`\`\`yaml
apiVersion: v1
kind: Service
metadata:
  name: admin
spec:
  selector:
    app: admin
  ports:
    - port: 80
      targetPort: 8080
\`\`\``,
  references: [
    { title: 'Kubernetes docs: Service type', url: 'https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types' },
    { title: 'Kubernetes docs: Create an external load balancer (source ranges)', url: 'https://kubernetes.io/docs/tasks/access-application-cluster/create-external-load-balancer/' },
    { title: 'NSA/CISA Kubernetes Hardening Guide: Network separation and hardening', url: 'https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF' },
  ],
  fix: 'none',
  equivalents: {
    'kube-linter': ['exposed-services'],
    'kube-score': ['service-type'],
  },
};

/** Annotations (and the values that turn them on) that make a cloud load balancer internal. */
export const INTERNAL_LOAD_BALANCER: ReadonlyArray<[string, RegExp]> = [
  ['service.beta.kubernetes.io/aws-load-balancer-internal', /^(true|0\.0\.0\.0\/0)$/i],
  ['service.beta.kubernetes.io/aws-load-balancer-scheme', /^internal$/i],
  ['networking.gke.io/load-balancer-type', /^internal$/i],
  ['cloud.google.com/load-balancer-type', /^internal$/i],
  ['service.beta.kubernetes.io/azure-load-balancer-internal', /^true$/i],
  ['service.beta.kubernetes.io/oci-load-balancer-internal', /^true$/i],
];

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    if (object.kind !== 'Service' || object.apiVersion !== 'v1') continue;
    const document = object.yaml.document;
    const spec = mapAt(object.node, 'spec', document);
    const type = scalarAt(spec, 'type', document);
    const name = describeObject(object);
    if (type?.value === 'NodePort') {
      report({
        message: `${name} is type NodePort: its port is open on every node, for anyone who can reach one. Make sure that is intended; a ClusterIP Service behind an Ingress or Gateway is usually what is wanted.`,
        range: rangeOfNode(model, object.yaml, type)!,
        object: objectRef(object),
      });
    } else if (type?.value === 'LoadBalancer') {
      if ((seqAt(spec, 'loadBalancerSourceRanges', document)?.items.length ?? 0) > 0 || isInternal(object.metadata, document)) continue;
      report({
        message: `${name} is type LoadBalancer: it gets an external address, usually reachable from the internet. Make sure that is intended; otherwise use an internal load balancer, loadBalancerSourceRanges, or a ClusterIP Service behind an Ingress.`,
        range: rangeOfNode(model, object.yaml, type)!,
        object: objectRef(object),
      });
    }
  }
}

function isInternal(metadata: YAMLMap | undefined, document: Document.Parsed): boolean {
  const annotations = mapAt(metadata, 'annotations', document);
  return INTERNAL_LOAD_BALANCER.some(([key, on]) => on.test(stringAt(annotations, key, document) ?? ''));
}
