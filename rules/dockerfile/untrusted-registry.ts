import type { DockerfileRuleContext } from '../../engine/rule';
import { compileTrustedRegistries, imageLocation, isTrustedLocation } from '../../engine/trustedRegistries';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'dockerfile/untrusted-registry',
  target: 'dockerfile',
  title: 'Base image comes from an untrusted registry',
  defaultSeverity: 'error',
  description: `Everything in a base image runs inside your container, so where it comes from is a security
decision: an organisation usually builds only from its own registry or mirror, where images are
scanned, signed and kept. List those registries in \`ballast.trustedRegistries\` and this rule
flags every \`FROM\` that pulls from anywhere else. It is silent while the setting is empty.

Entries are matched against the registry host and repository path after \`ARG\` substitution:
- a host: \`ghcr.io\`, \`registry.example.com:5000\`;
- a host and a path prefix, matched whole segments at a time: \`ghcr.io/my-org\` trusts
  \`ghcr.io/my-org/app\` but not \`ghcr.io/my-org-fork/app\`;
- \`*\` matches any run of characters except \`/\`: \`*.dkr.ecr.*.amazonaws.com\` trusts every
  account's ECR registry in every region.

Images without a registry come from Docker Hub and count as \`docker.io\` (as do \`index.docker.io\`
and \`registry-1.docker.io\`); official images live under \`docker.io/library\`. \`scratch\`, earlier
build stages, and references whose registry hides in an \`ARG\` without a default are not judged.

With \`"ballast.trustedRegistries": ["registry.example.com"]\`:

**Bad:**
\`\`\`dockerfile
FROM node:22-alpine
\`\`\`

**Good:**
\`\`\`dockerfile
FROM registry.example.com/mirror/node:22-alpine
\`\`\``,
  references: [
    { title: 'CIS Docker Benchmark 4.2: Ensure that containers use only trusted base images', url: 'https://www.cisecurity.org/benchmark/docker' },
    { title: 'NIST SP 800-190, 4.1.5: Use of untrusted images', url: 'https://csrc.nist.gov/publications/detail/sp/800-190/final' },
    { title: 'OWASP Docker Security Cheat Sheet, rule #13: Enhance supply chain security', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html' },
    { title: 'hadolint DL3026: Use only an allowed registry in the FROM image', url: 'https://github.com/hadolint/hadolint/wiki/DL3026' },
  ],
  fix: 'none',
  equivalents: { hadolint: ['DL3026'] },
};

export function check(context: DockerfileRuleContext): void {
  const trusted = compileTrustedRegistries(context.settings.trustedRegistries);
  if (!trusted) return;
  for (const stage of context.model.stages) {
    const image = stage.image;
    if (!image || image.resolved === '' || image.resolved.toLowerCase() === 'scratch') continue;
    const location = imageLocation(image);
    if (!location || isTrustedLocation(location, trusted)) continue;
    const where = image.registry === undefined ? ` on ${location.host}` : '';
    context.report({
      message: `Base image ${image.resolved}${where} is not from a trusted registry (ballast.trustedRegistries: ${trusted.entries.join(', ')}). Use an image from a trusted registry, or add its registry to the setting.`,
      range: image.registryRange ?? image.range,
    });
  }
}
