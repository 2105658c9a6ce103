import { describeObject } from '../../engine/kubernetes/describe';
import { objectRef, rangeOfNode } from '../../engine/kubernetes/model';
import { mapAt, pairOf, seqAt } from '../../engine/kubernetes/yamlNodes';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/service-external-ips',
  target: 'kubernetes',
  title: 'Service sets externalIPs',
  defaultSeverity: 'warning',
  description: `\`spec.externalIPs\` tells every node to accept traffic for the listed addresses and send it to the
Service. Kubernetes does not check that the addresses belong to the Service's owner: whoever may
create or update a Service can list any IP, including a public one or another Service's, and so
intercept traffic meant for it (CVE-2020-8554, which Kubernetes will not fix in the API). Most
clusters should reject the field with the \`DenyServiceExternalIPs\` admission plugin or a policy.

Use a \`LoadBalancer\` Service, an Ingress or a Gateway to receive outside traffic. There is no
automatic fix: removing the addresses changes how the Service is reached.

Bad:
\`\`\`yaml
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
  externalIPs:
    - 203.0.113.10
\`\`\`

Good:
\`\`\`yaml
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
\`\`\``,
  references: [
    { title: 'CVE-2020-8554: Man in the middle using LoadBalancer or ExternalIPs (kubernetes/kubernetes#97076)', url: 'https://github.com/kubernetes/kubernetes/issues/97076' },
    { title: 'Kubernetes docs: External IPs', url: 'https://kubernetes.io/docs/concepts/services-networking/service/#external-ips' },
    { title: 'Kubernetes docs: DenyServiceExternalIPs admission plugin', url: 'https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#denyserviceexternalips' },
  ],
  fix: 'none',
  equivalents: { trivy: ['KSV-0108'] },
};

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    if (object.kind !== 'Service' || object.apiVersion !== 'v1') continue;
    const document = object.yaml.document;
    const spec = mapAt(object.node, 'spec', document);
    const addresses = seqAt(spec, 'externalIPs', document);
    if (!addresses || addresses.items.length === 0) continue;
    report({
      message: `${describeObject(object)} sets externalIPs: nodes send traffic for those addresses to it, and anyone who may create Services can claim any address this way (CVE-2020-8554). Receive outside traffic through a LoadBalancer, Ingress or Gateway instead.`,
      range: rangeOfNode(model, object.yaml, pairOf(spec, 'externalIPs')!.key)!,
      object: objectRef(object),
    });
  }
}
