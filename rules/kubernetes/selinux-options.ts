import { isScalar, type Node } from 'yaml';
import { aliasOnPath, isRepeatedByAlias } from '../../engine/kubernetes/anchors';
import { objectRef, rangeOfNode } from '../../engine/kubernetes/model';
import { scopeLabel, securityContextScopes } from '../../engine/kubernetes/podSecurity';
import { YamlEditor } from '../../engine/kubernetes/yamlEdits';
import { mapAt, pairOf, resolve } from '../../engine/kubernetes/yamlNodes';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/selinux-options',
  target: 'kubernetes',
  title: 'SELinux type, user or role outside what containers may use',
  defaultSeverity: 'error',
  description: `On SELinux nodes, the container runtime labels every container process with the \`container_t\`
type (or a close relative), and the policy keeps that type away from the node's files and
processes. \`seLinuxOptions\` can name another type, such as \`spc_t\` ("super privileged container"),
which that policy does not confine, or a custom SELinux user or role. The Pod Security Standards
allow, from the baseline level up, only the types \`container_t\`, \`container_init_t\`,
\`container_kvm_t\` and \`container_engine_t\`, and no user or role, on the pod and on every container.
The level (MCS categories) may be set.

Bad:
\`\`\`yaml
apiVersion: v1
kind: Pod
metadata:
  name: agent
spec:
  securityContext:
    seLinuxOptions:
      type: spc_t
  containers:
    - name: agent
      image: example/agent:2.1
\`\`\`

Good:
\`\`\`yaml
apiVersion: v1
kind: Pod
metadata:
  name: agent
spec:
  securityContext:
    seLinuxOptions:
      level: "s0:c123,c456"
  containers:
    - name: agent
      image: example/agent:2.1
\`\`\``,
  references: [
    { title: 'Pod Security Standards: SELinux (baseline)', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline' },
    { title: 'Kubernetes documentation: Assign SELinux labels to a container', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#assign-selinux-labels-to-a-container' },
    { title: 'pod-security-admission: the seLinuxOptions check', url: 'https://github.com/kubernetes/kubernetes/blob/master/staging/src/k8s.io/pod-security-admission/policy/check_seLinuxOptions.go' },
  ],
  fix: 'suggestion',
  equivalents: {
    trivy: ['KSV-0025'],
    pss: ['baseline:seLinuxOptions'],
  },
};

/** pod-security-admission's allowed types since policy 1.31 (container_engine_t came then). */
const ALLOWED_TYPES = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t']);

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    const document = object.yaml.document;
    for (const spec of object.podSpecs) {
      for (const scope of securityContextScopes(spec)) {
        const options = mapAt(scope.securityContext, 'seLinuxOptions', document);
        for (const field of ['type', 'user', 'role'] as const) {
          const written = pairOf(options, field)?.value;
          const value = resolve(written, document);
          const text = isScalar(value) && value.value !== null ? String(value.value) : '';
          if (field === 'type' ? ALLOWED_TYPES.has(text) : text === '') continue;
          const via = aliasOnPath(scope.owner, ['securityContext', 'seLinuxOptions', field]);
          const edit = via || isRepeatedByAlias(document, options) ? undefined : new YamlEditor(model, object.yaml).remove(options!, field);
          report({
            message: `${scopeLabel(scope)} ${problem(field, text)} Remove seLinuxOptions.${field}${field === 'type' ? " so the runtime's default type applies" : ''}.`,
            range: rangeOfNode(model, object.yaml, via ?? (written as Node))!,
            fixes: edit ? [{ title: `Remove seLinuxOptions.${field}`, kind: 'suggestion', edits: [edit] }] : [],
            object: objectRef(object, scope.container),
          });
        }
      }
    }
  }
}

function problem(field: 'type' | 'user' | 'role', value: string): string {
  if (field === 'type') {
    const unconfined = value === 'spc_t' || value === 'unconfined_t';
    return `runs with the SELinux type ${value}${unconfined ? ', which SELinux does not confine at all' : ''}: only container_t, container_init_t, container_kvm_t and container_engine_t keep a container apart from the node.`;
  }
  return `sets the SELinux ${field} ${value}: a custom ${field} can lift the policy that keeps containers apart from the node.`;
}
