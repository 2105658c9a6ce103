import { isAlias, isMap, type Node } from 'yaml';
import { aliasOnPath, isRepeatedByAlias } from '../../engine/kubernetes/anchors';
import { objectRef, rangeOfNode } from '../../engine/kubernetes/model';
import { containerLabel } from '../../engine/kubernetes/podSecurity';
import { YamlEditor } from '../../engine/kubernetes/yamlEdits';
import { pairOf, resolve, scalarAt, seqAt } from '../../engine/kubernetes/yamlNodes';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/host-port',
  target: 'kubernetes',
  title: "Container port opened on the node's own addresses (hostPort)",
  defaultSeverity: 'error',
  description: `A \`hostPort\` forwards a port of the node's own network addresses to the container. Clients then
reach the pod around its Service, often around network policies too, and only one pod per node can
hold the port, which quietly limits scheduling. The Pod Security Standards forbid host ports from the
baseline level up (\`hostPort: 0\`, which means none, is allowed). Expose the port through a Service
instead: a NodePort or LoadBalancer one if it must be reached from outside the cluster.

Bad:
\`\`\`yaml
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - containerPort: 80
          hostPort: 8080
\`\`\`

Good:
\`\`\`yaml
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - containerPort: 80
\`\`\``,
  references: [
    { title: 'Pod Security Standards: Host Ports (baseline)', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline' },
    { title: 'Kubernetes configuration best practices: don\'t specify a hostPort unless necessary', url: 'https://kubernetes.io/docs/concepts/configuration/overview/#services' },
    { title: 'CIS Kubernetes Benchmark 5.2.13: Minimize the admission of containers which use HostPorts', url: 'https://www.cisecurity.org/benchmark/kubernetes' },
  ],
  fix: 'suggestion',
  equivalents: {
    trivy: ['KSV-0024'],
    checkov: ['CKV_K8S_26'],
    polaris: ['hostPortSet'],
    pss: ['baseline:hostPorts'],
  },
};

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    const document = object.yaml.document;
    for (const spec of object.podSpecs) {
      for (const container of spec.containers) {
        const ports = seqAt(container.node, 'ports', document);
        const portsVia = aliasOnPath(container.node, ['ports']);
        for (const item of ports?.items ?? []) {
          const port = resolve(item, document);
          if (!isMap(port)) continue;
          const hostPort = scalarAt(port, 'hostPort', document)?.value;
          // 0 means no host port, as pod-security-admission reads it.
          if (typeof hostPort !== 'number' || hostPort === 0) continue;
          // Through an alias the finding points at it: that is what this container's text shows.
          const via = portsVia ?? (isAlias(item) ? item : aliasOnPath(port, ['hostPort']));
          const editor = new YamlEditor(model, object.yaml);
          const edit = via || isRepeatedByAlias(document, port) ? undefined : (editor.remove(port, 'hostPort') ?? editor.removeLeadingKey(port, 'hostPort'));
          report({
            message: `${containerLabel(container)} opens port ${hostPort} on the node's own addresses (hostPort): clients reach it around its Service and often around network policies, and only one such pod fits on a node. Remove hostPort and expose the port through a Service.`,
            range: rangeOfNode(model, object.yaml, via ?? (pairOf(port, 'hostPort')!.value as Node))!,
            fixes: edit ? [{ title: 'Remove hostPort', kind: 'suggestion', edits: [edit] }] : [],
            object: objectRef(object, container),
          });
        }
      }
    }
  }
}
