import { effectiveRegistry, type ImageName } from './image';

/**
 * `ballast.trustedRegistries`, shared by the Dockerfile and Kubernetes untrusted-registry rules.
 * Entries are matched against an image's registry host and repository path:
 * - a host: `ghcr.io`, `registry.example.com:5000`;
 * - a host and a path prefix, matched whole segments at a time: `ghcr.io/my-org` trusts
 *   `ghcr.io/my-org/app` but not `ghcr.io/my-org-fork/app`;
 * - `*` matches any run of characters except `/`: `*.dkr.ecr.*.amazonaws.com`.
 * Docker Hub's aliases all count as `docker.io`, and its official images live under
 * `docker.io/library`.
 */

/** Where an image is pulled from: registry host and repository path segments, lower-cased. */
export interface ImageLocation {
  host: string;
  path: string[];
}

/** One `trustedRegistries` entry, compiled. */
interface TrustedPattern {
  host: RegExp;
  path: RegExp[];
}

export interface TrustedRegistries {
  /** The entries as configured, for messages. */
  entries: readonly string[];
  patterns: TrustedPattern[];
}

const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/** The compiled setting, or undefined when it holds no usable entry (the rules are then silent). */
export function compileTrustedRegistries(entries: readonly string[]): TrustedRegistries | undefined {
  const patterns = entries.map(compilePattern).filter((pattern): pattern is TrustedPattern => pattern !== undefined);
  return patterns.length === 0 ? undefined : { entries, patterns };
}

/**
 * Where an image comes from, or undefined when a variable (a Dockerfile `ARG` without a default,
 * a placeholder that a deployment pipeline substitutes) decides the registry.
 */
export function imageLocation(image: Pick<ImageName, 'registry' | 'repository'>): ImageLocation | undefined {
  const host = effectiveRegistry(image);
  const path = image.repository.split('/');
  if (host.includes('$')) return undefined;
  // `${BASE}/app`: the unresolved first segment may well be a registry.
  if (image.registry === undefined && path[0]!.includes('$')) return undefined;
  if (host === 'docker.io' && path.length === 1) path.unshift('library');
  return { host, path: path.map((segment) => segment.toLowerCase()) };
}

export function isTrustedLocation(location: ImageLocation, trusted: TrustedRegistries): boolean {
  return trusted.patterns.some((pattern) => matches(location, pattern));
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

function matches(location: ImageLocation, pattern: TrustedPattern): boolean {
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
