import { containerImage } from '../../engine/kubernetes/images';
import { objectRef } from '../../engine/kubernetes/model';
import { containerLabel } from '../../engine/kubernetes/podSecurity';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/image-digest',
  target: 'kubernetes',
  title: 'Container image is not pinned by digest',
  defaultSeverity: 'warning',
  enabledByDefault: false,
  description: `A tag, even a full version like \`nginx:1.27.3\`, is a pointer that the publisher (or anyone who takes
over their account or registry) can move to different content, and every node resolves it again
when it pulls. A digest (\`@sha256:…\`) names the content itself: every node runs exactly the image
that was reviewed and scanned, or the pod fails to start. Keep the tag next to the digest for
readers and let a bot such as Renovate or Dependabot move both together.

This rule is off by default because digests need tooling to stay fresh; turn it on with
\`"ballast.rules": {"kubernetes/image-digest": "warning"}\`.

**Bad:**
\`\`\`yaml
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27.3
\`\`\`

**Good:**
\`\`\`yaml
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      # The digest that \`crane digest nginx:1.27.3\` prints.
      image: nginx:1.27.3@sha256:0f4d5b7f3a3c2d1e0b9a8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f
\`\`\``,
  references: [
    { title: 'Kubernetes: Images (image names, tags and digests)', url: 'https://kubernetes.io/docs/concepts/containers/images/#image-names' },
    { title: 'Kubernetes configuration best practices: container images', url: 'https://kubernetes.io/docs/concepts/configuration/overview/#container-images' },
    { title: 'NIST SP 800-190, 4.1.5: Use of untrusted images', url: 'https://csrc.nist.gov/publications/detail/sp/800-190/final' },
  ],
  fix: 'none',
  equivalents: { checkov: ['CKV_K8S_43'] },
};

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    for (const spec of object.podSpecs) {
      for (const container of spec.containers) {
        const image = containerImage(model, container);
        if (!image || image.digest !== undefined) continue;
        report({
          message: `${containerLabel(container)} uses image ${image.reference}, which is not pinned by digest: the tag can be moved to other content. Pin it as ${image.reference}@sha256:<digest> so every node runs the same image.`,
          range: image.range,
          object: objectRef(object, container),
        });
      }
    }
  }
}
