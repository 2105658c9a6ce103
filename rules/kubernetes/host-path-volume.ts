import { isScalar, type Node } from 'yaml';
import { objectRef, rangeOfNode } from '../../engine/kubernetes/model';
import { podLabel } from '../../engine/kubernetes/podSecurity';
import { mapsIn, pairOf, resolve, seqAt, stringAt } from '../../engine/kubernetes/yamlNodes';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/host-path-volume',
  target: 'kubernetes',
  title: 'Volume mounts a directory of the node (hostPath)',
  defaultSeverity: 'error',
  description: `A \`hostPath\` volume hands the pod a file or directory of the node it runs on. Whatever the pod
can write there, the node sees: container runtime sockets, kubelet credentials, system binaries and
configuration are all one path away, and even a read-only mount can leak secrets of other pods. The
Pod Security Standards forbid hostPath volumes from the baseline level up; configuration, secrets
and scratch space have their own volume types, and storage belongs in a PersistentVolumeClaim.

Bad:
\`\`\`yaml
apiVersion: v1
kind: Pod
metadata:
  name: logs
spec:
  containers:
    - name: shipper
      image: example/shipper:3.0
      volumeMounts: [{name: varlog, mountPath: /var/log}]
  volumes:
    - name: varlog
      hostPath:
        path: /var/log
\`\`\`

Good:
\`\`\`yaml
apiVersion: v1
kind: Pod
metadata:
  name: logs
spec:
  containers:
    - name: shipper
      image: example/shipper:3.0
      volumeMounts: [{name: data, mountPath: /data}]
  volumes:
    - name: data
      persistentVolumeClaim:
        claimName: shipper-data
\`\`\``,
  references: [
    { title: 'Pod Security Standards: HostPath Volumes (baseline)', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline' },
    { title: 'Kubernetes documentation: hostPath volumes and their risks', url: 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath' },
    { title: 'CIS Kubernetes Benchmark 5.2.12: Minimize the admission of HostPath volumes', url: 'https://www.cisecurity.org/benchmark/kubernetes' },
  ],
  fix: 'none',
  equivalents: {
    trivy: ['KSV-0023'],
    pss: ['baseline:hostPathVolumes'],
  },
};

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    const document = object.yaml.document;
    for (const spec of object.podSpecs) {
      for (const volume of mapsIn(seqAt(spec.node, 'volumes', document), document)) {
        const pair = pairOf(volume, 'hostPath');
        // `hostPath: null` is no hostPath at all, as pod-security-admission reads it.
        const value = resolve(pair?.value, document);
        if (!pair || value === undefined || (isScalar(value) && value.value === null)) continue;
        const path = stringAt(value as never, 'path', document);
        const name = stringAt(volume, 'name', document) ?? '(unnamed)';
        report({
          message: `Volume ${name} of ${podLabel(spec)} mounts ${path ? `${path} of the node` : 'a directory of the node'} (hostPath): whatever the pod writes there, the node sees, and its runtime sockets and credentials are a path away. Use a configMap, secret, emptyDir or persistentVolumeClaim volume instead.`,
          range: rangeOfNode(model, object.yaml, pair.key as Node)!,
          object: objectRef(object),
        });
      }
    }
  }
}
