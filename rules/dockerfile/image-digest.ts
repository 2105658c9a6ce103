import type { DockerfileRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'dockerfile/image-digest',
  target: 'dockerfile',
  title: 'Base image is not pinned by digest',
  defaultSeverity: 'warning',
  enabledByDefault: false,
  description: `A tag, even a full version like \`node:22.11.0-alpine\`, is a pointer that the publisher (or anyone who
takes over their account or registry) can move to different content. A digest
(\`@sha256:…\`) names the content itself: the build gets exactly the image that was reviewed and
scanned, or fails. Keep the tag next to the digest for readers and let a bot such as Renovate or
Dependabot move both together.

This rule is off by default because digests need tooling to stay fresh; turn it on in a stricter
profile with \`"ballast.rules": {"dockerfile/image-digest": "warning"}\`. The reference is checked
after substituting \`ARG\` defaults; \`scratch\` and earlier build stages are exempt, and a
reference that depends on an \`ARG\` without a default is not judged.

**Bad:**
\`\`\`dockerfile
FROM node:22.11.0-alpine
\`\`\`

**Good:**
\`\`\`dockerfile
# Use the digest that \`docker buildx imagetools inspect node:22.11.0-alpine\` prints.
FROM node:22.11.0-alpine@sha256:0f4d5b7f3a3c2d1e0b9a8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f
\`\`\``,
  references: [
    { title: 'CIS Docker Benchmark 4.2: Ensure that containers use only trusted base images', url: 'https://www.cisecurity.org/benchmark/docker' },
    { title: 'NIST SP 800-190, 4.1.5: Use of untrusted images', url: 'https://csrc.nist.gov/publications/detail/sp/800-190/final' },
    { title: 'OWASP Docker Security Cheat Sheet, rule #13: Enhance supply chain security', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html' },
    { title: 'Docker build best practices: pin base image versions', url: 'https://docs.docker.com/build/building/best-practices/#pin-base-image-versions' },
  ],
  fix: 'none',
  equivalents: {},
};

export function check(context: DockerfileRuleContext): void {
  for (const stage of context.model.stages) {
    const image = stage.image;
    if (!image || image.hasUnresolvedVariables || image.digest) continue;
    if (image.resolved === '' || image.resolved.toLowerCase() === 'scratch') continue;
    const viaArg = image.written !== image.resolved ? ` (${image.written} resolves to ${image.resolved})` : '';
    context.report({
      message: `Base image ${image.resolved} is not pinned by digest${viaArg}. Pin it as ${image.resolved}@sha256:<digest> so every build gets the same image.`,
      range: image.range,
    });
  }
}
