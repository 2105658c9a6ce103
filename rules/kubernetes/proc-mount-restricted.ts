import { isScalar } from 'yaml';
import { aliasOnPath } from '../../engine/kubernetes/anchors';
import { ownsSecurityContext } from '../../engine/kubernetes/hardening';
import { objectRef, rangeOfNode } from '../../engine/kubernetes/model';
import { containerLabel } from '../../engine/kubernetes/podSecurity';
import { containerSecurityContext, runsInUserNamespace, writtenAs, writtenValue } from '../../engine/kubernetes/restricted';
import { YamlEditor } from '../../engine/kubernetes/yamlEdits';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/proc-mount-restricted',
  target: 'kubernetes',
  title: 'Unmasked /proc in a user-namespaced pod',
  defaultSeverity: 'warning',
  description: `Container runtimes mask and make read-only the parts of \`/proc\` that reveal or control the node:
kernel memory and keys, timers, \`sysrq-trigger\`, \`/proc/sys\`. \`procMount: Unmasked\` takes those
masks away. The baseline Pod Security Standard forbids it, except, since policy version 1.35, in
pods that run in a user namespace (\`hostUsers: false\`), where root in the container is an
unprivileged user on the node; the restricted standard forbids it there too. This rule reports
exactly that remainder: any \`procMount\` other than \`Default\` in a pod with \`hostUsers: false\`.
Outside user namespaces \`kubernetes/proc-mount\` reports it.

Bad:
\`\`\`yaml
apiVersion: v1
kind: Pod
metadata:
  name: builder
spec:
  hostUsers: false
  containers:
    - name: buildkit
      image: moby/buildkit:v0.16.0-rootless
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
  hostUsers: false
  containers:
    - name: buildkit
      image: moby/buildkit:v0.16.0-rootless
\`\`\``,
  references: [
    { title: 'Pod Security Standards: /proc Mount Type', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline' },
    { title: 'pod-security-admission: the restricted procMount check', url: 'https://github.com/kubernetes/kubernetes/blob/master/staging/src/k8s.io/pod-security-admission/policy/check_procMount_restricted.go' },
    { title: 'Use a User Namespace With a Pod', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/user-namespaces/' },
  ],
  fix: 'suggestion',
  equivalents: {
    'kube-linter': ['unsafe-proc-mount'],
    pss: ['restricted:procMount_restricted'],
  },
};

const KEY_PATH = ['securityContext', 'procMount'];

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    const document = object.yaml.document;
    for (const spec of object.podSpecs) {
      if (!runsInUserNamespace(spec)) continue;
      for (const container of spec.containers) {
        const value = writtenValue(containerSecurityContext(container), 'procMount', document);
        if (!value || (isScalar(value) && value.value === 'Default')) continue;
        const edit = ownsSecurityContext(container) ? new YamlEditor(model, object.yaml).set(container.node, KEY_PATH, 'Default') : undefined;
        report({
          message: `${containerLabel(container)} sets procMount: ${writtenAs(object.yaml, value)}, which lifts the runtime's masks on /proc; a user namespace (hostUsers: false) makes that acceptable at the baseline level, but the restricted Pod Security Standard still forbids it. Set procMount: Default, or remove it.`,
          range: rangeOfNode(model, object.yaml, aliasOnPath(container.node, KEY_PATH) ?? value)!,
          fixes: edit ? [{ title: 'Set procMount: Default', kind: 'suggestion', edits: [edit] }] : [],
          object: objectRef(object, container),
        });
      }
    }
  }
}
