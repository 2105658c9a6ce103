import { isScalar } from 'yaml';
import { aliasOnPath, isRepeatedByAlias } from '../../engine/kubernetes/anchors';
import { containerAnchor, objectRef, rangeOfNode } from '../../engine/kubernetes/model';
import { containerLabel } from '../../engine/kubernetes/podSecurity';
import { containerSecurityContext, isWindowsPod, writtenValue } from '../../engine/kubernetes/restricted';
import { YamlEditor } from '../../engine/kubernetes/yamlEdits';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/read-only-root-filesystem',
  target: 'kubernetes',
  title: 'Container root filesystem is writable',
  defaultSeverity: 'warning',
  description: `With a writable root filesystem, anyone who gets code running in a container can replace its
binaries and libraries, drop tools and keep them there for as long as the container lives.
\`readOnlyRootFilesystem: true\` takes that away; the application writes only where a volume is
mounted for it (an \`emptyDir\` for \`/tmp\`, caches and sockets).

The suggestion sets \`readOnlyRootFilesystem: true\`. Run the container that way before relying on
it: many images write to \`/tmp\`, \`/var/run\` or their own directories, and need an \`emptyDir\`
mounted there. Ephemeral (debug) containers are not checked, and neither are Windows pods, where
the field does not exist.

Bad:
\`\`\`yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
\`\`\`

Good:
\`\`\`yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
          securityContext:
            readOnlyRootFilesystem: true
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: tmp
          emptyDir: {}
\`\`\``,
  references: [
    { title: 'Kubernetes: Configure a Security Context for a Pod or Container', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/' },
    { title: 'NSA/CISA Kubernetes Hardening Guide: immutable container file systems', url: 'https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF' },
    { title: 'NIST SP 800-190, 4.4.4', url: 'https://csrc.nist.gov/publications/detail/sp/800-190/final' },
  ],
  fix: 'suggestion',
  equivalents: {
    trivy: ['KSV-0014'],
    checkov: ['CKV_K8S_22'],
    'kube-linter': ['no-read-only-root-fs'],
    'kube-score': ['container-security-context-readonlyrootfilesystem'],
    polaris: ['notReadOnlyRootFilesystem'],
  },
};

const KEY_PATH = ['securityContext', 'readOnlyRootFilesystem'];

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    const document = object.yaml.document;
    for (const spec of object.podSpecs) {
      if (isWindowsPod(spec)) continue;
      for (const container of spec.containers) {
        if (container.group === 'ephemeralContainers') continue;
        const securityContext = containerSecurityContext(container);
        const value = writtenValue(securityContext, 'readOnlyRootFilesystem', document);
        if (isScalar(value) && value.value === true) continue;
        const shared = [container.node, securityContext, value].some((node) => isRepeatedByAlias(document, node));
        const edit = shared ? undefined : new YamlEditor(model, object.yaml).set(container.node, KEY_PATH, 'true');
        report({
          message: value
            ? `${containerLabel(container)} sets readOnlyRootFilesystem: ${isScalar(value) ? String(value.value) : 'not true'}, so code running in it can change its binaries and keep tools on its disk. Set it to true and mount an emptyDir where it must write.`
            : `${containerLabel(container)} has a writable root filesystem (readOnlyRootFilesystem is not set), so code running in it can change its binaries and keep tools on its disk. Set readOnlyRootFilesystem: true and mount an emptyDir where it must write.`,
          range: value ? rangeOfNode(model, object.yaml, aliasOnPath(container.node, KEY_PATH) ?? value)! : containerAnchor(model, container),
          fixes: edit ? [{ title: 'Set readOnlyRootFilesystem: true', kind: 'suggestion', edits: [edit] }] : [],
          object: objectRef(object, container),
        });
      }
    }
  }
}
