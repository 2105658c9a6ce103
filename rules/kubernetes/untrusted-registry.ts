import { containerImage } from '../../engine/kubernetes/images';
import { objectRef } from '../../engine/kubernetes/model';
import { containerLabel } from '../../engine/kubernetes/podSecurity';
import type { KubernetesRuleContext } from '../../engine/rule';
import { compileTrustedRegistries, imageLocation, isTrustedLocation } from '../../engine/trustedRegistries';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/untrusted-registry',
  target: 'kubernetes',
  title: 'Container image comes from an untrusted registry',
  defaultSeverity: 'error',
  description: `Where an image comes from decides who can put code into your cluster: an organisation usually runs
only images from its own registry or mirror, where they are scanned, signed and kept. List those
registries in \`ballast.trustedRegistries\` and this rule flags every container (init and ephemeral
ones too) whose image comes from anywhere else. It is silent while the setting is empty.

Entries are matched as for \`dockerfile/untrusted-registry\`:
- a host: \`ghcr.io\`, \`registry.example.com:5000\`;
- a host and a path prefix, matched whole segments at a time: \`ghcr.io/my-org\` trusts
  \`ghcr.io/my-org/app\` but not \`ghcr.io/my-org-fork/app\`;
- \`*\` matches any run of characters except \`/\`: \`*.dkr.ecr.*.amazonaws.com\` trusts every
  account's ECR registry in every region.

Images without a registry come from Docker Hub and count as \`docker.io\` (as do \`index.docker.io\`
and \`registry-1.docker.io\`); official images live under \`docker.io/library\`. A reference whose
registry is still a \`\${PLACEHOLDER}\` for a deployment pipeline to fill in is not judged.

With \`"ballast.trustedRegistries": ["registry.example.com"]\`:

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
      image: registry.example.com/mirror/nginx:1.27
\`\`\``,
  references: [
    { title: 'Kubernetes: Images', url: 'https://kubernetes.io/docs/concepts/containers/images/' },
    { title: 'NIST SP 800-190, 4.1.5: Use of untrusted images', url: 'https://csrc.nist.gov/publications/detail/sp/800-190/final' },
    { title: 'NSA/CISA Kubernetes Hardening Guide: image scanning and trusted repositories', url: 'https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF' },
  ],
  fix: 'none',
  // Trivy's registry checks trust fixed lists (Azure, GCR, ECR, no public registries); this is their configurable form.
  equivalents: { trivy: ['KSV-0032', 'KSV-0033', 'KSV-0034', 'KSV-0035'] },
};

export function check(context: KubernetesRuleContext): void {
  const trusted = compileTrustedRegistries(context.settings.trustedRegistries);
  if (!trusted) return;
  const { model, report } = context;
  for (const object of model.objects) {
    for (const spec of object.podSpecs) {
      for (const container of spec.containers) {
        const image = containerImage(model, container);
        const location = image && imageLocation(image);
        if (!image || !location || isTrustedLocation(location, trusted)) continue;
        const where = image.registry === undefined ? ` on ${location.host}` : '';
        report({
          message: `${containerLabel(container)} uses image ${image.reference}${where}, which is not from a trusted registry (ballast.trustedRegistries: ${trusted.entries.join(', ')}). Use an image from a trusted registry, or add its registry to the setting.`,
          range: image.registryRange ?? image.range,
          object: objectRef(object, container),
        });
      }
    }
  }
}
