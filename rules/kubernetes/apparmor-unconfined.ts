import { isPair, isScalar, type Node, type Scalar } from 'yaml';
import { isRepeatedByAlias } from '../../engine/kubernetes/anchors';
import { objectRef, rangeOfNode, type Container } from '../../engine/kubernetes/model';
import { YamlEditor } from '../../engine/kubernetes/yamlEdits';
import { mapAt, resolve } from '../../engine/kubernetes/yamlNodes';
import { checkProfileTypes } from '../../engine/kubernetes/profileTypes';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/apparmor-unconfined',
  target: 'kubernetes',
  title: 'AppArmor confinement turned off or overridden',
  defaultSeverity: 'error',
  description: `On nodes with AppArmor, the container runtime confines every container with its default profile,
which stops writes to \`/proc\` and \`/sys\`, mounts, and other moves out of the container. Setting
the profile to \`Unconfined\` removes that layer. The Pod Security Standards allow, from the
baseline level up, only the runtime's default or a profile loaded on the node: \`appArmorProfile.type\`
\`RuntimeDefault\` or \`Localhost\` on the pod or a container, and for the older annotation
\`container.apparmor.security.beta.kubernetes.io/<container>\` the values \`runtime/default\` and
\`localhost/<profile>\`.

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
      securityContext:
        appArmorProfile:
          type: Unconfined
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
        appArmorProfile:
          type: RuntimeDefault
\`\`\``,
  references: [
    { title: 'Pod Security Standards: AppArmor (baseline)', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline' },
    { title: 'Kubernetes documentation: Restrict a Container\'s Access to Resources with AppArmor', url: 'https://kubernetes.io/docs/tutorials/security/apparmor/' },
    { title: 'NSA/CISA Kubernetes Hardening Guide: Pod security', url: 'https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF' },
  ],
  fix: 'suggestion',
  equivalents: {
    trivy: ['KSV-0002'],
    pss: ['baseline:appArmorProfile'],
  },
};

const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

/** pod-security-admission's allowed annotation values: empty, `runtime/default`, `localhost/…`. */
function allowedAnnotationValue(value: string): boolean {
  return value === '' || value === 'runtime/default' || value.startsWith('localhost/');
}

export function check(context: KubernetesRuleContext): void {
  checkProfileTypes(context, 'appArmorProfile', fieldProblem);
  checkAnnotations(context);
}

/** The older per-container annotations on the pod (template) metadata. */
function checkAnnotations({ model, report }: KubernetesRuleContext): void {
  for (const object of model.objects) {
    const document = object.yaml.document;
    for (const spec of object.podSpecs) {
      const annotations = mapAt(spec.metadata, 'annotations', document);
      for (const pair of annotations?.items ?? []) {
        if (!isPair(pair) || !isScalar(pair.key) || typeof pair.key.value !== 'string' || !pair.key.value.startsWith(ANNOTATION_PREFIX)) continue;
        const key = pair.key.value;
        const written = resolve(pair.value, document);
        const value = isScalar(written) && written.value !== null ? String(written.value) : '';
        if (allowedAnnotationValue(value)) continue;
        const containerName = key.slice(ANNOTATION_PREFIX.length);
        const container: Container | undefined = spec.containers.find((c) => c.name === containerName);
        const edit = isRepeatedByAlias(document, pair.value as Node) || !isScalar(pair.value) ? undefined : new YamlEditor(model, object.yaml).replace(pair.value as Scalar, 'runtime/default');
        report({
          message: `Container ${containerName} ${annotationProblem(key, value)} Set the annotation to runtime/default, or better, securityContext.appArmorProfile.type: RuntimeDefault.`,
          range: rangeOfNode(model, object.yaml, pair.value as Node)!,
          fixes: edit ? [{ title: 'Set the annotation to runtime/default', kind: 'suggestion', edits: [edit] }] : [],
          object: objectRef(object, container),
        });
      }
    }
  }
}

const UNCONFINED = 'nothing then stops root in it from writing to /proc and /sys or mounting filesystems.';

function fieldProblem(type: string | undefined): string {
  if (type === 'Unconfined') return `runs without AppArmor confinement (appArmorProfile.type: Unconfined): ${UNCONFINED}`;
  if (type === undefined) return 'sets an appArmorProfile without a type, which Kubernetes rejects.';
  return `sets appArmorProfile.type: ${type}, which the Pod Security Standards reject: only RuntimeDefault and Localhost are allowed.`;
}

function annotationProblem(key: string, value: string): string {
  if (value === 'unconfined') return `runs without AppArmor confinement (annotation ${key}: unconfined): ${UNCONFINED}`;
  return `asks for the AppArmor profile ${value} (annotation ${key}), which the Pod Security Standards reject: only runtime/default and localhost/<profile> are allowed.`;
}
