import type { Node } from 'yaml';
import { aliasOnPath } from '../../engine/kubernetes/anchors';
import { hardenContainer, ownsSecurityContext, privilegeEscalationForced } from '../../engine/kubernetes/hardening';
import { containerAnchor, objectRef, rangeOfNode, type Container, type KubernetesModel } from '../../engine/kubernetes/model';
import { containerLabel } from '../../engine/kubernetes/podSecurity';
import { privilegeEscalation, writtenAs } from '../../engine/kubernetes/restricted';
import { YamlEditor } from '../../engine/kubernetes/yamlEdits';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { Fix, RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/allow-privilege-escalation',
  target: 'kubernetes',
  title: 'Container allows privilege escalation',
  defaultSeverity: 'warning',
  description: `Unless a container sets \`allowPrivilegeEscalation: false\`, its processes may gain more privileges
than they started with: a setuid binary such as \`su\` or \`mount\`, or a file capability, turns a
compromised unprivileged process into root. \`false\` sets the kernel's \`no_new_privs\` flag, which
closes that door for good. The restricted Pod Security Standard requires it on every container,
init and ephemeral ones included; leaving the field out counts as allowing escalation. Windows pods
(\`spec.os.name: windows\`) are exempt, as the field does not exist there.

The fix sets \`allowPrivilegeEscalation: false\`. It is not offered while the container is
privileged or adds CAP_SYS_ADMIN: the API server rejects that combination, so fix those first.

Bad:
\`\`\`yaml
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
\`\`\`

Good:
\`\`\`yaml
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        allowPrivilegeEscalation: false
\`\`\``,
  references: [
    { title: 'Pod Security Standards: Privilege Escalation (restricted)', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted' },
    { title: 'Configure a Security Context for a Pod or Container', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/' },
    { title: 'Linux kernel: no_new_privs', url: 'https://docs.kernel.org/userspace-api/no_new_privs.html' },
  ],
  fix: 'suggestion',
  equivalents: {
    trivy: ['KSV-0001'],
    checkov: ['CKV_K8S_20'],
    'kube-linter': ['privilege-escalation-container'],
    polaris: ['privilegeEscalationAllowed'],
    pss: ['restricted:allowPrivilegeEscalation'],
  },
};

const KEY_PATH = ['securityContext', 'allowPrivilegeEscalation'];

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    for (const spec of object.podSpecs) {
      for (const container of spec.containers) {
        const requirement = privilegeEscalation(container);
        if (requirement.state === 'missing') {
          report({
            message: `${containerLabel(container)} does not set allowPrivilegeEscalation: false, so setuid binaries in it can gain privileges its process never had. Set securityContext.allowPrivilegeEscalation: false.`,
            range: containerAnchor(model, container),
            fixes: fixesFor(model, container),
            object: objectRef(object, container),
          });
        } else if (requirement.state === 'wrong') {
          const shown: Node = aliasOnPath(container.node, KEY_PATH) ?? requirement.node;
          report({
            message: `${containerLabel(container)} allows privilege escalation (allowPrivilegeEscalation: ${writtenAs(object.yaml, requirement.node)}), so setuid binaries in it can gain privileges its process never had. Set it to false.`,
            range: rangeOfNode(model, object.yaml, shown)!,
            fixes: fixesFor(model, container),
            object: objectRef(object, container),
          });
        }
      }
    }
  }
}

function fixesFor(model: KubernetesModel, container: Container): Fix[] {
  const fixes: Fix[] = [];
  if (ownsSecurityContext(container) && !privilegeEscalationForced(container)) {
    const edit = new YamlEditor(model, container.podSpec.object.yaml).set(container.node, KEY_PATH, 'false');
    if (edit) fixes.push({ title: 'Set allowPrivilegeEscalation: false', kind: 'suggestion', edits: [edit] });
  }
  const harden = hardenContainer(model, container);
  if (harden) fixes.push(harden);
  return fixes;
}
