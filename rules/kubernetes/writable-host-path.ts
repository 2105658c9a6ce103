import type { Node } from 'yaml';
import { describeObject } from '../../engine/kubernetes/describe';
import { objectRef, rangeOfNode } from '../../engine/kubernetes/model';
import { hostPathVolumes, mountsOf } from '../../engine/kubernetes/volumes';
import { YamlEditor } from '../../engine/kubernetes/yamlEdits';
import { pairOf } from '../../engine/kubernetes/yamlNodes';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { Fix, RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/writable-host-path',
  target: 'kubernetes',
  title: 'hostPath volume mounted writable',
  defaultSeverity: 'warning',
  description: `What a container writes to a \`hostPath\` mount lands on the node, outside anything Kubernetes
cleans up or isolates: a compromised container can plant files that the node, its agents or other
pods on it later read or run (a cron entry, a binary, a kubelet plugin, a config file), fill the
node's disk, or leave data for the next pod scheduled there.

Ballast reports every \`volumeMounts\` entry of a container (init and ephemeral containers included)
that mounts a \`hostPath\` volume without \`readOnly: true\`. Which paths are dangerous to mount at
all is \`kubernetes/sensitive-host-path\`'s concern; this rule is about writing.

The suggestion sets \`readOnly: true\` on the mount. It is a suggestion, not a safe fix: a container
that does write there (a log collector's position file, a CSI driver) fails until it writes
somewhere else, such as an \`emptyDir\`.

Bad:
\`\`\`yaml
apiVersion: v1
kind: Pod
metadata:
  name: log-reader
spec:
  containers:
    - name: reader
      image: example/log-reader:1.0.3
      volumeMounts:
        - name: logs
          mountPath: /var/log/host
  volumes:
    - name: logs
      hostPath:
        path: /var/log
\`\`\`

Good:
\`\`\`yaml
apiVersion: v1
kind: Pod
metadata:
  name: log-reader
spec:
  containers:
    - name: reader
      image: example/log-reader:1.0.3
      volumeMounts:
        - name: logs
          mountPath: /var/log/host
          readOnly: true
  volumes:
    - name: logs
      hostPath:
        path: /var/log
\`\`\``,
  references: [
    { title: 'Kubernetes docs: Volumes, hostPath ("mount them as read-only")', url: 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath' },
    { title: 'NSA/CISA Kubernetes Hardening Guide: Pod security', url: 'https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF' },
  ],
  fix: 'suggestion',
  equivalents: { 'kube-linter': ['writable-host-mount'] },
};

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    const editor = new YamlEditor(model, object.yaml);
    for (const spec of object.podSpecs) {
      for (const volume of hostPathVolumes(spec)) {
        if (volume.name === undefined) continue;
        for (const mount of mountsOf(spec, volume.name)) {
          if (mount.readOnly) continue;
          const readOnly = pairOf(mount.node, 'readOnly');
          const edit = editor.set(mount.node, ['readOnly'], 'true');
          const fixes: Fix[] = edit ? [{ title: `Mount ${volume.path} read-only`, kind: 'suggestion', edits: [edit] }] : [];
          report({
            message: `Container ${mount.container.name ?? '(unnamed)'} (${describeObject(object)}) mounts hostPath volume ${volume.name} (the node's ${volume.path}) writable: what it writes lands on the node, for the node and other pods to read. Add readOnly: true unless it must write there.`,
            // An explicit `readOnly: false` is the thing to change; otherwise the mount's name.
            range: rangeOfNode(model, object.yaml, (readOnly?.value as Node | null | undefined) ?? mount.nameNode)!,
            fixes,
            object: objectRef(object, mount.container),
          });
        }
      }
    }
  }
}
