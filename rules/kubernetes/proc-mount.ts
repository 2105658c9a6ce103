import { isScalar, type Node } from 'yaml';
import { aliasOnPath, isRepeatedByAlias } from '../../engine/kubernetes/anchors';
import { objectRef, rangeOfNode } from '../../engine/kubernetes/model';
import { containerLabel } from '../../engine/kubernetes/podSecurity';
import { YamlEditor } from '../../engine/kubernetes/yamlEdits';
import { mapAt, pairOf, resolve, scalarAt } from '../../engine/kubernetes/yamlNodes';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/proc-mount',
  target: 'kubernetes',
  title: 'Container mounts /proc without the runtime masks',
  defaultSeverity: 'error',
  description: `Container runtimes hide or make read-only the parts of \`/proc\` that reveal or control the node:
kernel memory and keys, timers, \`sysrq-trigger\`, \`/proc/sys\`. \`procMount: Unmasked\` (or any value
but \`Default\`) takes those masks away. The baseline Pod Security Standard forbids it, except, since
policy version 1.35, in pods that run in a user namespace (\`hostUsers: false\`), where root in the
container is an unprivileged user on the node; the restricted procMount rule reports those.

Bad:
\`\`\`yaml
apiVersion: v1
kind: Pod
metadata:
  name: builder
spec:
  containers:
    - name: buildkit
      image: moby/buildkit:v0.16.0
      securityContext:
        procMount: Unmasked
\`\`\`

Good:
\`\`\`yaml
apiVersion: v1
kind: Pod
metadata:
  name: builder
spec:
  containers:
    - name: buildkit
      image: moby/buildkit:v0.16.0
      securityContext:
        procMount: Default
\`\`\``,
  references: [
    { title: 'Pod Security Standards: /proc Mount Type (baseline)', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline' },
    { title: 'pod-security-admission: the baseline procMount check', url: 'https://github.com/kubernetes/kubernetes/blob/master/staging/src/k8s.io/pod-security-admission/policy/check_procMount_baseline.go' },
    { title: 'Kubernetes documentation: user namespaces and Pod Security Standards', url: 'https://kubernetes.io/docs/concepts/workloads/pods/user-namespaces/' },
  ],
  fix: 'suggestion',
  equivalents: {
    trivy: ['KSV-0027'],
    'kube-linter': ['unsafe-proc-mount'],
    pss: ['baseline:procMount'],
  },
};

const KEY_PATH = ['securityContext', 'procMount'];

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    const document = object.yaml.document;
    for (const spec of object.podSpecs) {
      // Since policy 1.35 the baseline lets pods in a user namespace choose their /proc mount.
      if (scalarAt(spec.node, 'hostUsers', document)?.value === false) continue;
      for (const container of spec.containers) {
        const securityContext = mapAt(container.node, 'securityContext', document);
        const written = pairOf(securityContext, 'procMount')?.value;
        const value = resolve(written, document);
        // `procMount: null` sets nothing.
        if (!isScalar(value) || value.value === null || value.value === 'Default') continue;
        const via = aliasOnPath(container.node, KEY_PATH);
        const edit = via || isRepeatedByAlias(document, securityContext) ? undefined : new YamlEditor(model, object.yaml).set(securityContext!, ['procMount'], 'Default');
        report({
          message: `${containerLabel(container)} mounts /proc without the runtime's masks (procMount: ${String(value.value)}): the node's kernel memory, keys and /proc/sys become visible, some of them writable. Set procMount: Default, or remove it.`,
          range: rangeOfNode(model, object.yaml, via ?? (written as Node))!,
          fixes: edit ? [{ title: 'Set procMount: Default', kind: 'suggestion', edits: [edit] }] : [],
          object: objectRef(object, container),
        });
      }
    }
  }
}
