import { isScalar, type Node, type Scalar } from 'yaml';
import { isRepeatedByAlias } from '../../engine/kubernetes/anchors';
import { objectRef, rangeOfNode, type Container } from '../../engine/kubernetes/model';
import { containerLabel, podLabel } from '../../engine/kubernetes/podSecurity';
import { YamlEditor } from '../../engine/kubernetes/yamlEdits';
import { mapAt, pairOf, resolve } from '../../engine/kubernetes/yamlNodes';
import { checkProfileTypes } from '../../engine/kubernetes/profileTypes';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/seccomp-unconfined',
  target: 'kubernetes',
  title: 'Seccomp filtering turned off (Unconfined)',
  defaultSeverity: 'error',
  description: `Seccomp filters the system calls a container may make. The runtime's default profile blocks the few
dozen that no ordinary program needs and that many kernel exploits and container escapes rely on.
\`seccompProfile.type: Unconfined\` removes the filter, so every system call of the node's kernel is
open to the container. The Pod Security Standards allow, from the baseline level up, only
\`RuntimeDefault\` and \`Localhost\` (a profile loaded on the node) when a type is set, on the pod or a
container. The annotations that came before the field
(\`seccomp.security.alpha.kubernetes.io/pod\`, \`container.seccomp.security.alpha.kubernetes.io/<container>\`)
are checked too: only \`runtime/default\`, \`docker/default\` and \`localhost/<profile>\` pass.

Bad:
\`\`\`yaml
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    seccompProfile:
      type: Unconfined
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
    { title: 'Pod Security Standards: Seccomp (baseline)', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline' },
    { title: 'Kubernetes documentation: Restrict a Container\'s Syscalls with seccomp', url: 'https://kubernetes.io/docs/tutorials/security/seccomp/' },
    { title: 'CIS Kubernetes Benchmark 5.7.2: Ensure that the seccomp profile is set to docker/default in your pod definitions', url: 'https://www.cisecurity.org/benchmark/kubernetes' },
  ],
  fix: 'suggestion',
  equivalents: {
    trivy: ['KSV-0104'],
    pss: ['baseline:seccompProfile_baseline'],
  },
};

const POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

/** The annotation values pod-security-admission allowed while it read the annotations. */
function allowedAnnotationValue(value: string): boolean {
  return value === 'runtime/default' || value === 'docker/default' || value.startsWith('localhost/');
}

export function check(context: KubernetesRuleContext): void {
  checkProfileTypes(context, 'seccompProfile', fieldProblem);
  checkAnnotations(context);
}

/** The annotations for the pod and for each of its containers, on the pod (template) metadata. */
function checkAnnotations({ model, report }: KubernetesRuleContext): void {
  for (const object of model.objects) {
    const document = object.yaml.document;
    for (const spec of object.podSpecs) {
      const annotations = mapAt(spec.metadata, 'annotations', document);
      const targets: { key: string; container: Container | undefined }[] = [
        { key: POD_ANNOTATION, container: undefined },
        ...spec.containers.filter((container) => container.name !== undefined).map((container) => ({ key: `${CONTAINER_ANNOTATION_PREFIX}${container.name}`, container })),
      ];
      for (const { key, container } of targets) {
        const pair = pairOf(annotations, key);
        const written = resolve(pair?.value, document);
        // An annotation without a value asks for nothing.
        if (!pair || !isScalar(written) || written.value === null || written.value === '') continue;
        const value = String(written.value);
        if (allowedAnnotationValue(value)) continue;
        const edit = isRepeatedByAlias(document, pair.value as Node) || !isScalar(pair.value) ? undefined : new YamlEditor(model, object.yaml).replace(pair.value as Scalar, 'runtime/default');
        report({
          message: `${container ? containerLabel(container) : podLabel(spec)} ${annotationProblem(key, value)} Set the annotation to runtime/default, or better, securityContext.seccompProfile.type: RuntimeDefault.`,
          range: rangeOfNode(model, object.yaml, pair.value as Node)!,
          fixes: edit ? [{ title: 'Set the annotation to runtime/default', kind: 'suggestion', edits: [edit] }] : [],
          object: objectRef(object, container),
        });
      }
    }
  }
}

const UNCONFINED = "every system call of the node's kernel is open to it, including the ones many container escapes rely on.";

function fieldProblem(type: string | undefined): string {
  if (type === 'Unconfined') return `turns seccomp filtering off (seccompProfile.type: Unconfined): ${UNCONFINED}`;
  if (type === undefined) return 'sets a seccompProfile without a type, which Kubernetes rejects.';
  return `sets seccompProfile.type: ${type}, which the Pod Security Standards reject: only RuntimeDefault and Localhost are allowed.`;
}

function annotationProblem(key: string, value: string): string {
  if (value === 'unconfined') return `turns seccomp filtering off (annotation ${key}: unconfined): ${UNCONFINED}`;
  return `asks for the seccomp profile ${value} (annotation ${key}), which the Pod Security Standards reject: only runtime/default, docker/default and localhost/<profile> are allowed.`;
}
