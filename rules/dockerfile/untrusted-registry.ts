import { effectiveRegistry, type ImageReference } from '../../engine/dockerfile/image';
import type { DockerfileRuleContext } from '../../engine/rule';
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

/** Where an image is pulled from: registry host and repository path segments. */
interface ImageLocation {
  host: string;
  path: string[];
}

/** One `trustedRegistries` entry, compiled. */
interface TrustedPattern {
  host: RegExp;
  path: RegExp[];
}

const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

export function check(context: DockerfileRuleContext): void {
  const entries = context.settings.trustedRegistries;
  const patterns = entries.map(compilePattern).filter((pattern): pattern is TrustedPattern => pattern !== undefined);
  if (patterns.length === 0) return;
  for (const stage of context.model.stages) {
    const image = stage.image;
    if (!image || image.resolved === '' || image.resolved.toLowerCase() === 'scratch') continue;
    const location = imageLocation(image);
    if (!location || patterns.some((pattern) => isTrusted(location, pattern))) continue;
    const where = image.registry === undefined ? ` on ${location.host}` : '';
    context.report({
      message: `Base image ${image.resolved}${where} is not from a trusted registry (ballast.trustedRegistries: ${entries.join(', ')}). Use an image from a trusted registry, or add its registry to the setting.`,
      range: image.registryRange ?? image.range,
    });
  }
}

/** Undefined when a variable without a known value decides the registry. */
function imageLocation(image: ImageReference): ImageLocation | undefined {
  const host = effectiveRegistry(image);
  const path = image.repository.split('/');
  if (host.includes('$')) return undefined;
  // `FROM ${BASE}/app`: the unresolved first segment may well be a registry.
  if (image.registry === undefined && path[0]!.includes('$')) return undefined;
  if (host === 'docker.io' && path.length === 1) path.unshift('library');
  return { host, path: path.map((segment) => segment.toLowerCase()) };
}

function compilePattern(entry: string): TrustedPattern | undefined {
  const segments = entry
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/\/+$/, '')
    .toLowerCase()
    .split('/');
  const host = segments[0];
  if (!host) return undefined;
  return { host: glob(DOCKER_HUB_ALIASES.has(host) ? 'docker.io' : host), path: segments.slice(1).map(glob) };
}

function isTrusted(location: ImageLocation, pattern: TrustedPattern): boolean {
  if (!pattern.host.test(location.host)) return false;
  return pattern.path.every((segment, index) => {
    const actual = location.path[index];
    // A segment that is still a variable could be anything: give it the benefit of the doubt.
    return actual !== undefined && (actual.includes('$') || segment.test(actual));
  });
}

/** `*` matches within one path segment; everything else is literal. */
function glob(pattern: string): RegExp {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]*');
  return new RegExp(`^${source}$`);
}
