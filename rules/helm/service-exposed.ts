import { isMap, isSeq, type YAMLMap, type YAMLSeq } from 'yaml';
import { activeSections } from '../../engine/helm/sections';
import { formatPath, scalarPair, scalarText, type ValuesSection } from '../../engine/helm/values';
import { scalarRange } from '../../engine/kubernetes/scalarRanges';
import { pairOf } from '../../engine/kubernetes/yamlNodes';
import type { HelmRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';
import { INTERNAL_LOAD_BALANCER, meta as manifestRule } from '../kubernetes/service-exposure';

export const meta: RuleMeta = {
  id: 'helm/service-exposed',
  target: 'helm',
  title: 'Chart Service exposed outside the cluster',
  defaultSeverity: 'info',
  description: `A Service of \`type: NodePort\` opens its port on every node of the cluster, for anyone who can
reach a node; \`type: LoadBalancer\` asks the cloud for an external address, usually on the internet
(and opens node ports too). Whatever answers there (an admin page, a metrics endpoint, a database)
is then one firewall mistake away from the world. That can be the intent, so this is information:
check that it is.

Ballast reports \`type: NodePort\` and \`type: LoadBalancer\` in the values' Service sections: a key
\`service\` or ending in \`Service\` at any depth (\`service.type\`, \`controller.service.type\`,
\`metricsService.type\`) and the items of a \`services\` list, except in sections the chart does not
render (\`enabled: false\` on them or around them). As for manifests, load balancers restricted by
\`loadBalancerSourceRanges\` and those that the section's \`annotations\` make internal (the
\`service.beta.kubernetes.io/aws-load-balancer-internal\`,
\`service.beta.kubernetes.io/aws-load-balancer-scheme: internal\`,
\`networking.gke.io/load-balancer-type: Internal\`,
\`service.beta.kubernetes.io/azure-load-balancer-internal\` and
\`service.beta.kubernetes.io/oci-load-balancer-internal\` annotations) are left alone.

Prefer \`ClusterIP\` behind an Ingress or Gateway, which adds TLS, host routing and one place to put
authentication. There is no automatic fix: changing the type changes who can connect.

Bad:
\`\`\`yaml
service:
  type: LoadBalancer
  port: 80
\`\`\`

Good:
\`\`\`yaml
service:
  type: ClusterIP
  port: 80
\`\`\``,
  references: [
    { title: 'Kubernetes docs: Service type', url: 'https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types' },
    { title: 'Kubernetes docs: Create an external load balancer (source ranges)', url: 'https://kubernetes.io/docs/tasks/access-application-cluster/create-external-load-balancer/' },
  ],
  fix: 'none',
  equivalents: manifestRule.equivalents,
};

/** A Service's values: `service`, `controller.service`, `metricsService`, or an item of `extraServices`. */
function isServiceSection(section: ValuesSection): boolean {
  const last = section.path.at(-1);
  const list = section.path.at(-2);
  if (typeof last === 'string') return /service$/i.test(last);
  return typeof last === 'number' && typeof list === 'string' && /services$/i.test(list);
}

export function check(context: HelmRuleContext): void {
  const { model, report } = context;
  for (const section of activeSections(model)) {
    if (!isServiceSection(section)) continue;
    const type = scalarPair(section, 'type')?.value;
    if (!type) continue;
    const path = formatPath([...section.path, 'type']);
    if (type.value === 'NodePort') {
      report({
        message: `${path} is NodePort: the Service's port is open on every node, for anyone who can reach one. Make sure that is intended; a ClusterIP Service behind an Ingress or Gateway is usually what is wanted.`,
        range: scalarRange(model, section.yaml, type),
      });
    } else if (type.value === 'LoadBalancer') {
      if (isRestricted(section)) continue;
      report({
        message: `${path} is LoadBalancer: the Service gets an external address, usually reachable from the internet. Make sure that is intended; otherwise use an internal load balancer, loadBalancerSourceRanges, or a ClusterIP Service behind an Ingress.`,
        range: scalarRange(model, section.yaml, type),
      });
    }
  }
}

/** A load balancer with source ranges, or made internal by the section's annotations. */
function isRestricted(section: ValuesSection): boolean {
  const ranges = pairOf(section.node, 'loadBalancerSourceRanges')?.value;
  if (isSeq(ranges) && (ranges as YAMLSeq).items.length > 0) return true;
  const annotations = pairOf(section.node, 'annotations')?.value;
  if (!isMap(annotations)) return false;
  return INTERNAL_LOAD_BALANCER.some(([key, on]) => on.test(scalarText(pairOf(annotations as YAMLMap, key)?.value) ?? ''));
}
