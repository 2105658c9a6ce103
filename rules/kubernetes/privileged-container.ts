import { containerAnchor, objectRef, rangeOfNode } from '../../engine/kubernetes/model';
import { YamlEditor } from '../../engine/kubernetes/yamlEdits';
import { mapAt, pairOf, scalarAt } from '../../engine/kubernetes/yamlNodes';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/privileged-container',
  target: 'kubernetes',
  title: 'Privileged container',
  defaultSeverity: 'error',
  description: `A privileged container runs with every capability, every device of the node and no seccomp or
AppArmor confinement: root in it is root on the node. The Pod Security Standards forbid it from the
baseline level up. Containers that really need one kernel feature should add that one capability
instead.

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
        privileged: true
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
        privileged: false
\`\`\``,
  references: [
    { title: 'Pod Security Standards: Privileged Containers (baseline)', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline' },
    { title: 'CIS Kubernetes Benchmark 5.2.2: Minimize the admission of privileged containers', url: 'https://www.cisecurity.org/benchmark/kubernetes' },
    { title: 'NSA/CISA Kubernetes Hardening Guide: Pod security', url: 'https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF' },
  ],
  fix: 'suggestion',
  equivalents: {
    trivy: ['KSV-0017'],
    checkov: ['CKV_K8S_16'],
    'kube-linter': ['privileged-container'],
    'kube-score': ['container-security-context-privileged'],
    polaris: ['runAsPrivileged'],
    pss: ['baseline:privileged'],
  },
};

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    const document = object.yaml.document;
    for (const spec of object.podSpecs) {
      for (const container of spec.containers) {
        const securityContext = mapAt(container.node, 'securityContext', document);
        const privileged = scalarAt(securityContext, 'privileged', document);
        if (privileged?.value !== true) continue;
        const editor = new YamlEditor(model, object.yaml);
        const edit = editor.set(securityContext!, ['privileged'], 'false');
        report({
          message: `Container ${container.name ?? '(unnamed)'} is privileged: root in it is root on the node. Set privileged: false and add only the capabilities it needs.`,
          range: rangeOfNode(model, object.yaml, pairOf(securityContext, 'privileged')?.value as never) ?? containerAnchor(model, container),
          fixes: edit ? [{ title: 'Set privileged: false', kind: 'suggestion', edits: [edit] }] : [],
          object: objectRef(object, container),
        });
      }
    }
  }
}
