import { containerImage } from '../../engine/kubernetes/images';
import { objectRef } from '../../engine/kubernetes/model';
import { containerLabel } from '../../engine/kubernetes/podSecurity';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/image-tag-latest',
  target: 'kubernetes',
  title: 'Container image is untagged or uses latest',
  defaultSeverity: 'warning',
  description: `An image without a tag means \`:latest\`, and \`latest\` is whatever was pushed last: each node pulls
it when it starts a pod, so replicas of one Deployment can run different code, a rollback redeploys
the same moving target, and nobody can tell from the manifest what is running. Pin a version tag
(and, for the strictest supply chain, a digest). Images pinned by digest are fine with any tag.

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
          image: nginx:latest
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
          image: nginx:1.27.3
\`\`\``,
  references: [
    { title: 'Kubernetes: Images (image names, tags and digests)', url: 'https://kubernetes.io/docs/concepts/containers/images/#image-names' },
    { title: 'Kubernetes configuration best practices: container images', url: 'https://kubernetes.io/docs/concepts/configuration/overview/#container-images' },
    { title: 'NIST SP 800-190, 4.1.1', url: 'https://csrc.nist.gov/publications/detail/sp/800-190/final' },
  ],
  fix: 'none',
  equivalents: {
    trivy: ['KSV-0013'],
    checkov: ['CKV_K8S_14'],
    'kube-linter': ['latest-tag'],
    'kube-score': ['container-image-tag'],
    polaris: ['tagNotSpecified'],
  },
};

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    for (const spec of object.podSpecs) {
      for (const container of spec.containers) {
        const image = containerImage(model, container);
        if (!image || image.digest !== undefined) continue;
        const label = containerLabel(container);
        if (image.tag === undefined) {
          report({
            message: `${label} uses image ${image.reference} without a tag, which means latest: each node runs whatever was pushed last. Pin a version tag or a digest.`,
            range: image.range,
            object: objectRef(object, container),
          });
        } else if (image.tag === 'latest') {
          report({
            message: `${label} uses image ${image.reference}: latest is whatever was pushed last, so each node may run something different. Pin a version tag or a digest.`,
            range: image.tagRange!,
            object: objectRef(object, container),
          });
        }
      }
    }
  }
}
