import { isAlias, isMap } from 'yaml';
import { aliasOnPath, isRepeatedByAlias } from '../../engine/kubernetes/anchors';
import { objectRef, rangeOfNode } from '../../engine/kubernetes/model';
import { containerLabel } from '../../engine/kubernetes/podSecurity';
import { YamlEditor } from '../../engine/kubernetes/yamlEdits';
import { pairOf, resolve, scalarAt, seqAt } from '../../engine/kubernetes/yamlNodes';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/host-port-zero',
  target: 'kubernetes',
  title: 'hostPort: 0 written out',
  defaultSeverity: 'info',
  description: `\`hostPort: 0\` means no host port: Kubernetes treats it exactly as if the field were absent, and
the Pod Security Standards allow it. Written out, it still reads as a host port to people and to
tools that only look for the key, and invites someone to fill in a number. Removing it changes
nothing, so "Fix all" removes it.

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
          hostPort: 0
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
    { title: 'Kubernetes API reference: ContainerPort (hostPort: "If specified, ... Most containers do not need this")', url: 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#ports' },
    { title: 'Pod Security Standards: Host Ports (baseline; undefined and 0 allowed)', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline' },
  ],
  fix: 'safe',
  equivalents: {},
};

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    const document = object.yaml.document;
    for (const spec of object.podSpecs) {
      for (const container of spec.containers) {
        const portsVia = aliasOnPath(container.node, ['ports']);
        for (const item of seqAt(container.node, 'ports', document)?.items ?? []) {
          const port = resolve(item, document);
          if (!isMap(port) || scalarAt(port, 'hostPort', document)?.value !== 0) continue;
          const via = portsVia ?? (isAlias(item) ? item : aliasOnPath(port, ['hostPort']));
          const editor = new YamlEditor(model, object.yaml);
          const edit = via || isRepeatedByAlias(document, port) ? undefined : (editor.remove(port, 'hostPort') ?? editor.removeLeadingKey(port, 'hostPort'));
          const hostPort = pairOf(port, 'hostPort')!;
          report({
            message: `${containerLabel(container)} writes out hostPort: 0, which means no host port at all. Remove it, so no one reads it as one.`,
            range: rangeOfNode(model, object.yaml, via ?? (hostPort.key as never))!,
            fixes: edit ? [{ title: 'Remove hostPort: 0', kind: 'safe', edits: [edit] }] : [],
            object: objectRef(object, container),
          });
        }
      }
    }
  }
}
