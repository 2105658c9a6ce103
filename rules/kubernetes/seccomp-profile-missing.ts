import { hardenContainer, ownsSecurityContext } from '../../engine/kubernetes/hardening';
import { containerAnchor, objectRef, type Container, type KubernetesModel } from '../../engine/kubernetes/model';
import { containerLabel } from '../../engine/kubernetes/podSecurity';
import { seccompProfile } from '../../engine/kubernetes/restricted';
import { YamlEditor } from '../../engine/kubernetes/yamlEdits';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { Fix, RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/seccomp-profile-missing',
  target: 'kubernetes',
  title: 'No seccomp profile',
  defaultSeverity: 'warning',
  description: `A container without a seccomp profile runs Unconfined unless its node is set to default to
RuntimeDefault: every system call of the kernel is open to it, including the rarely used ones
behind many container escapes. \`RuntimeDefault\` blocks those (a few dozen calls no ordinary program
makes) and \`Localhost\` applies a profile of your own. The restricted Pod Security Standard
requires one of the two on every container, init and ephemeral ones included: set on the container,
or on the pod (\`spec.securityContext.seccompProfile\`) for the containers that set none themselves.
Windows pods (\`spec.os.name: windows\`) are exempt, as seccomp does not exist there.

This rule finds containers for which neither they nor their pod set a profile. A profile set to
\`Unconfined\` (or anything else but RuntimeDefault and Localhost), on the container or the pod, is
already forbidden at the baseline level, where \`kubernetes/seccomp-unconfined\` reports it, so that
each profile is reported once.

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
  securityContext:
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: app
      image: nginx:1.27
\`\`\``,
  references: [
    { title: 'Pod Security Standards: Seccomp (restricted)', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted' },
    { title: 'Restrict a Container\'s Syscalls with seccomp', url: 'https://kubernetes.io/docs/tutorials/security/seccomp/' },
    { title: 'CIS Kubernetes Benchmark 5.7.2: Ensure that the seccomp profile is set to docker/default in your pod definitions', url: 'https://www.cisecurity.org/benchmark/kubernetes' },
  ],
  fix: 'suggestion',
  equivalents: {
    trivy: ['KSV-0030'],
    checkov: ['CKV_K8S_31'],
    'kube-score': ['container-seccomp-profile'],
    pss: ['restricted:seccompProfile_restricted'],
  },
};

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    for (const spec of object.podSpecs) {
      for (const container of spec.containers) {
        if (seccompProfile(container).state !== 'missing') continue;
        report({
          message: `${containerLabel(container)} sets no seccomp profile, nor does its pod, so it runs Unconfined, with every system call of the kernel open to it, unless its node defaults to RuntimeDefault. Set securityContext.seccompProfile.type: RuntimeDefault.`,
          range: containerAnchor(model, container),
          fixes: fixesFor(model, container),
          object: objectRef(object, container),
        });
      }
    }
  }
}

function fixesFor(model: KubernetesModel, container: Container): Fix[] {
  const fixes: Fix[] = [];
  if (ownsSecurityContext(container)) {
    const edit = new YamlEditor(model, container.podSpec.object.yaml).set(container.node, ['securityContext', 'seccompProfile', 'type'], 'RuntimeDefault');
    if (edit) fixes.push({ title: 'Set seccompProfile.type: RuntimeDefault', kind: 'suggestion', edits: [edit] });
  }
  const harden = hardenContainer(model, container);
  if (harden) fixes.push(harden);
  return fixes;
}
