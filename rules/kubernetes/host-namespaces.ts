import type { Node } from 'yaml';
import { isRepeatedByAlias } from '../../engine/kubernetes/anchors';
import { objectRef, rangeOfNode } from '../../engine/kubernetes/model';
import { podLabel } from '../../engine/kubernetes/podSecurity';
import { YamlEditor } from '../../engine/kubernetes/yamlEdits';
import { pairOf, scalarAt } from '../../engine/kubernetes/yamlNodes';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/host-namespaces',
  target: 'kubernetes',
  title: "Pod shares the node's network, process or IPC namespace",
  defaultSeverity: 'error',
  description: `\`hostNetwork\`, \`hostPID\` and \`hostIPC\` put every container of the pod in one of the node's own
namespaces. With \`hostNetwork\` the pod sees all of the node's interfaces and can reach services
that listen only on the node's localhost (the kubelet's, for one); with \`hostPID\` it sees every
process on the node, their environment and command lines, and can signal them; with \`hostIPC\` it
reads and writes the node's shared memory. The Pod Security Standards forbid all three from the
baseline level up.

Bad:
\`\`\`yaml
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    spec:
      hostPID: true
      containers:
        - name: agent
          image: example/agent:2.1
\`\`\`

Good:
\`\`\`yaml
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    spec:
      containers:
        - name: agent
          image: example/agent:2.1
\`\`\``,
  references: [
    { title: 'Pod Security Standards: Host Namespaces (baseline)', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline' },
    { title: 'CIS Kubernetes Benchmark 5.2.3-5.2.5: Minimize the admission of containers sharing the host PID, IPC and network namespaces', url: 'https://www.cisecurity.org/benchmark/kubernetes' },
    { title: 'NSA/CISA Kubernetes Hardening Guide: Pod security', url: 'https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF' },
  ],
  fix: 'suggestion',
  equivalents: {
    trivy: ['KSV-0008', 'KSV-0009', 'KSV-0010'],
    checkov: ['CKV_K8S_17', 'CKV_K8S_18', 'CKV_K8S_19'],
    'kube-linter': ['host-ipc', 'host-network', 'host-pid'],
    polaris: ['hostIPCSet', 'hostNetworkSet', 'hostPIDSet'],
    pss: ['baseline:hostNamespaces'],
  },
};

/** What sharing each namespace gives the pod, for the message. */
export const HOST_NAMESPACES: readonly { field: string; namespace: string; consequence: string }[] = [
  { field: 'hostNetwork', namespace: 'network', consequence: "it sees all of the node's interfaces and reaches services that listen only on the node's localhost" },
  { field: 'hostPID', namespace: 'process', consequence: 'it sees every process on the node, their environment and command lines, and can signal them' },
  { field: 'hostIPC', namespace: 'IPC', consequence: "it reads and writes the node's shared memory" },
];

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    const document = object.yaml.document;
    for (const spec of object.podSpecs) {
      for (const { field, namespace, consequence } of HOST_NAMESPACES) {
        if (scalarAt(spec.node, field, document)?.value !== true) continue;
        const value = pairOf(spec.node, field)!.value as Node;
        const edit = isRepeatedByAlias(document, value) ? undefined : new YamlEditor(model, object.yaml).set(spec.node, [field], 'false');
        report({
          message: `${podLabel(spec)} shares the node's ${namespace} namespace (${field}: true): ${consequence}. Set ${field}: false.`,
          range: rangeOfNode(model, object.yaml, value)!,
          fixes: edit ? [{ title: `Set ${field}: false`, kind: 'suggestion', edits: [edit] }] : [],
          object: objectRef(object),
        });
      }
    }
  }
}
