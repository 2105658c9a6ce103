import type { DockerfileRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'dockerfile/image-tag-latest',
  target: 'dockerfile',
  title: 'Base image is untagged or uses latest',
  defaultSeverity: 'warning',
  description: `A base image without a tag, or tagged \`latest\`, changes under you: two builds of the same commit can
ship different operating systems, libraries and vulnerabilities, and a rebuild cannot reproduce
what was tested. Pin a specific version tag (and, for the strictest supply chain, a digest). The
tag is checked after substituting \`ARG\` defaults; \`scratch\` and earlier build stages are exempt.

Bad:
\`\`\`dockerfile
FROM python:latest
\`\`\`

Good:
\`\`\`dockerfile
FROM python:3.13-slim
\`\`\``,
  references: [
    { title: 'CIS Docker Benchmark 4.2: Ensure that containers use only trusted base images', url: 'https://www.cisecurity.org/benchmark/docker' },
    { title: 'NIST SP 800-190, 4.1.1', url: 'https://csrc.nist.gov/publications/detail/sp/800-190/final' },
    { title: 'Docker build best practices: pin base image versions', url: 'https://docs.docker.com/build/building/best-practices/#pin-base-image-versions' },
  ],
  fix: 'none',
  equivalents: { hadolint: ['DL3006', 'DL3007'], trivy: ['DS-0001'], checkov: ['CKV_DOCKER_7'] },
};

export function check(context: DockerfileRuleContext): void {
  for (const stage of context.model.stages) {
    const image = stage.image;
    if (!image || image.hasUnresolvedVariables || image.digest !== undefined) continue;
    if (image.resolved.toLowerCase() === 'scratch' || image.resolved === '') continue;
    const viaArg = image.written !== image.resolved ? ` (${image.written} resolves to ${image.resolved})` : '';
    if (image.tag === undefined) {
      context.report({
        message: `Base image ${image.resolved} has no tag, so it means latest${viaArg}. Pin a version tag.`,
        range: image.range,
      });
    } else if (image.tag === 'latest') {
      context.report({
        message: `Base image ${image.resolved} uses the latest tag${viaArg}. Pin a version tag.`,
        range: image.tagRange ?? image.range,
      });
    }
  }
}
