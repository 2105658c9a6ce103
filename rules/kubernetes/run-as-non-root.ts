import { aliasOnPath, isRepeatedByAlias } from '../../engine/kubernetes/anchors';
import { hardenContainer, ownsSecurityContext } from '../../engine/kubernetes/hardening';
import { containerAnchor, objectRef, rangeOfNode, type Container, type KubernetesModel, type PodSpec } from '../../engine/kubernetes/model';
import { containerLabel, podLabel } from '../../engine/kubernetes/podSecurity';
import { isTrue, podSecurityContext, runAsNonRoot, runsInUserNamespace, writtenAs, writtenValue } from '../../engine/kubernetes/restricted';
import { YamlEditor } from '../../engine/kubernetes/yamlEdits';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { Fix, RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/run-as-non-root',
  target: 'kubernetes',
  title: 'Container may run as root',
  defaultSeverity: 'warning',
  description: `Without \`runAsNonRoot: true\` a container runs as whatever user its image names, which is root for
most images. With it, the kubelet refuses to start the container as UID 0, so a root image fails
loudly instead of running with root's power over every file and capability in the container. The
restricted Pod Security Standard requires it for every container, init and ephemeral ones
included: set on the container, or on the pod (\`spec.securityContext\`) for the containers that
set nothing themselves. A container's own \`false\` overrides the pod's \`true\`, and a pod-level
\`false\` is rejected even when every container sets \`true\`. Pods in a user namespace
(\`hostUsers: false\`), where root in the container is an unprivileged user on the node, are exempt.

The fix sets \`runAsNonRoot: true\` on the container the finding is about rather than on the pod: a
pod-level setting would also bind the pod's other containers (an init container that must
\`chown\` a volume, say), which deserve a look of their own. Check that the image runs as a
numeric non-root user (\`USER 10001\`), or set \`runAsUser\` too, or the container will not start.

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
    runAsNonRoot: true
  containers:
    - name: app
      image: nginxinc/nginx-unprivileged:1.27
\`\`\``,
  references: [
    { title: 'Pod Security Standards: Running as Non-root (restricted)', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted' },
    { title: 'Configure a Security Context for a Pod or Container', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/' },
    { title: 'CIS Kubernetes Benchmark 5.2.6: Minimize the admission of root containers', url: 'https://www.cisecurity.org/benchmark/kubernetes' },
  ],
  fix: 'suggestion',
  equivalents: {
    trivy: ['KSV-0012'],
    checkov: ['CKV_K8S_23'],
    'kube-linter': ['run-as-non-root'],
    polaris: ['runAsRootAllowed'],
    pss: ['restricted:runAsNonRoot'],
  },
};

const KEY_PATH = ['securityContext', 'runAsNonRoot'];

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    for (const spec of object.podSpecs) {
      if (runsInUserNamespace(spec)) continue;
      reportPodLevelFalse(context, spec);
      for (const container of spec.containers) {
        const requirement = runAsNonRoot(container);
        if (requirement.state === 'missing') {
          report({
            message: `${containerLabel(container)} does not set runAsNonRoot: true, nor does its pod, so it runs as root whenever its image's user is root. Set securityContext.runAsNonRoot: true.`,
            range: containerAnchor(model, container),
            fixes: fixesFor(model, container),
            object: objectRef(object, container),
          });
        } else if (requirement.state === 'wrong' && !requirement.inherited) {
          const podSetsTrue = isTrue(writtenValue(podSecurityContext(spec), 'runAsNonRoot', object.yaml.document));
          report({
            message: `${containerLabel(container)} sets runAsNonRoot: ${writtenAs(object.yaml, requirement.node)}${podSetsTrue ? ", overriding its pod's true" : ''}, so it runs as root whenever its image's user is root. Set it to true.`,
            range: rangeOfNode(model, object.yaml, aliasOnPath(container.node, KEY_PATH) ?? requirement.node)!,
            fixes: fixesFor(model, container),
            object: objectRef(object, container),
          });
        }
      }
    }
  }
}

/** The pod's own `runAsNonRoot` set to anything but true: rejected whatever its containers say. */
function reportPodLevelFalse(context: KubernetesRuleContext, spec: PodSpec): void {
  const { model } = context;
  const yaml = spec.object.yaml;
  const securityContext = podSecurityContext(spec);
  const value = writtenValue(securityContext, 'runAsNonRoot', yaml.document);
  if (!value || isTrue(value)) return;
  const editable = !isRepeatedByAlias(yaml.document, spec.node) && !isRepeatedByAlias(yaml.document, securityContext);
  const edit = editable ? new YamlEditor(model, yaml).set(spec.node, KEY_PATH, 'true') : undefined;
  context.report({
    message: `${podLabel(spec)} sets runAsNonRoot: ${writtenAs(yaml, value)} for its pod, which lets containers without their own setting run as root and which the restricted Pod Security Standard rejects outright. Set it to true.`,
    range: rangeOfNode(model, yaml, aliasOnPath(spec.node, KEY_PATH) ?? value)!,
    fixes: edit ? [{ title: 'Set runAsNonRoot: true on the pod', kind: 'suggestion', edits: [edit] }] : [],
    object: objectRef(spec.object),
  });
}

function fixesFor(model: KubernetesModel, container: Container): Fix[] {
  const fixes: Fix[] = [];
  if (ownsSecurityContext(container)) {
    const edit = new YamlEditor(model, container.podSpec.object.yaml).set(container.node, KEY_PATH, 'true');
    if (edit) fixes.push({ title: 'Set runAsNonRoot: true', kind: 'suggestion', edits: [edit] });
  }
  const harden = hardenContainer(model, container);
  if (harden) fixes.push(harden);
  return fixes;
}
