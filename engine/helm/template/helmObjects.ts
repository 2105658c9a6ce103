import { entryProvenance } from './provenance';
import { GoObject, Traced } from './values';
import { toYaml } from './yamlEmit';

/**
 * The objects Helm gives every template besides `.Values`: `.Files` over the chart's non-template
 * files, `.Capabilities` as `helm template` reports them without a cluster, `.Chart` from
 * Chart.yaml with Go's field names, and `.Release` with `helm template`'s defaults.
 */

/** The Kubernetes version `helm template` assumes without `--kube-version` (Helm 3.16, built against Kubernetes 1.31). */
export const DEFAULT_KUBE_VERSION = 'v1.31.0';
export const DEFAULT_HELM_VERSION = 'v3.16.0';

/** The API group versions client-go 1.31 knows, which Helm reports as `.Capabilities.APIVersions` without a cluster. */
export const DEFAULT_API_VERSIONS: readonly string[] = [
  'v1',
  'admissionregistration.k8s.io/v1', 'admissionregistration.k8s.io/v1alpha1', 'admissionregistration.k8s.io/v1beta1',
  'internal.apiserver.k8s.io/v1alpha1',
  'apps/v1', 'apps/v1beta1', 'apps/v1beta2',
  'authentication.k8s.io/v1', 'authentication.k8s.io/v1alpha1', 'authentication.k8s.io/v1beta1',
  'authorization.k8s.io/v1', 'authorization.k8s.io/v1beta1',
  'autoscaling/v1', 'autoscaling/v2', 'autoscaling/v2beta1', 'autoscaling/v2beta2',
  'batch/v1', 'batch/v1beta1',
  'certificates.k8s.io/v1', 'certificates.k8s.io/v1alpha1', 'certificates.k8s.io/v1beta1',
  'coordination.k8s.io/v1', 'coordination.k8s.io/v1alpha1', 'coordination.k8s.io/v1beta1',
  'discovery.k8s.io/v1', 'discovery.k8s.io/v1beta1',
  'events.k8s.io/v1', 'events.k8s.io/v1beta1',
  'extensions/v1beta1',
  'flowcontrol.apiserver.k8s.io/v1', 'flowcontrol.apiserver.k8s.io/v1beta1', 'flowcontrol.apiserver.k8s.io/v1beta2', 'flowcontrol.apiserver.k8s.io/v1beta3',
  'networking.k8s.io/v1', 'networking.k8s.io/v1alpha1', 'networking.k8s.io/v1beta1',
  'node.k8s.io/v1', 'node.k8s.io/v1alpha1', 'node.k8s.io/v1beta1',
  'policy/v1', 'policy/v1beta1',
  'rbac.authorization.k8s.io/v1', 'rbac.authorization.k8s.io/v1alpha1', 'rbac.authorization.k8s.io/v1beta1',
  'resource.k8s.io/v1alpha3',
  'scheduling.k8s.io/v1', 'scheduling.k8s.io/v1alpha1', 'scheduling.k8s.io/v1beta1',
  'storage.k8s.io/v1', 'storage.k8s.io/v1alpha1', 'storage.k8s.io/v1beta1',
  'storagemigration.k8s.io/v1alpha1',
  'apiextensions.k8s.io/v1', 'apiextensions.k8s.io/v1beta1',
];

export interface CapabilitiesOptions {
  kubeVersion?: string;
  /** Added to the defaults, as `helm template --api-versions` adds them. */
  apiVersions?: readonly string[];
}

export function capabilities(options: CapabilitiesOptions = {}): GoObject {
  const version = normalizeKubeVersion(options.kubeVersion ?? DEFAULT_KUBE_VERSION);
  const [major, minor] = version.slice(1).split('.');
  const versionString = { arity: 0, call: () => version };
  const kubeVersion = new GoObject('chartutil.KubeVersion', { Version: version, Major: major ?? '', Minor: minor ?? '' }, { String: versionString, GitVersion: versionString }, { format: () => version });
  const apiVersions = [...DEFAULT_API_VERSIONS, ...(options.apiVersions ?? [])];
  const versionSet = new GoObject('chartutil.VersionSet', {}, { Has: { arity: 1, call: (name) => apiVersions.includes(String(name)) } }, { items: () => apiVersions });
  const helmVersion = new GoObject('version.BuildInfo', { Version: DEFAULT_HELM_VERSION, GitCommit: '', GitTreeState: '', GoVersion: 'go1.22.7' });
  return new GoObject('*chartutil.Capabilities', { KubeVersion: kubeVersion, APIVersions: versionSet, HelmVersion: helmVersion });
}

/** `1.29` and `v1.29.3` both read as Helm's `v1.29.3` form. */
function normalizeKubeVersion(version: string): string {
  const parts = version.replace(/^v/, '').split('.');
  while (parts.length < 3) parts.push('0');
  return `v${parts.join('.')}`;
}

export function release(options: { name?: string; namespace?: string; revision?: number; isUpgrade?: boolean } = {}): Record<string, unknown> {
  const isUpgrade = options.isUpgrade ?? false;
  return { Name: options.name ?? 'release-name', Namespace: options.namespace ?? 'default', IsUpgrade: isUpgrade, IsInstall: !isUpgrade, Revision: options.revision ?? 1, Service: 'Helm' };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(text) : [];
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * `.Chart`: Chart.yaml read into Helm's `chart.Metadata`, with Go's zero values for what it leaves
 * out. Its string fields keep their place in Chart.yaml, so an image tag that defaults to
 * `.Chart.AppVersion` points there.
 */
export function chartMetadata(chart: Record<string, unknown>): GoObject {
  const traced = (key: string): unknown => {
    const origin = entryProvenance(chart, key, chart[key])?.origin;
    return origin && chart[key] !== null && chart[key] !== undefined ? new Traced(text(chart[key]), origin) : text(chart[key]);
  };
  const maintainers = (Array.isArray(chart.maintainers) ? chart.maintainers : []).map(
    (m) => new GoObject('*chart.Maintainer', { Name: text(record(m).name), Email: text(record(m).email), URL: text(record(m).url) }),
  );
  const dependencies = (Array.isArray(chart.dependencies) ? chart.dependencies : []).map((d) => {
    const dependency = record(d);
    return new GoObject('*chart.Dependency', {
      Name: text(dependency.name),
      Version: text(dependency.version),
      Repository: text(dependency.repository),
      Condition: text(dependency.condition),
      Tags: stringList(dependency.tags),
      Enabled: dependency.enabled === true,
      ImportValues: Array.isArray(dependency['import-values']) ? dependency['import-values'] : [],
      Alias: text(dependency.alias),
    });
  });
  const annotations = Object.fromEntries(Object.entries(record(chart.annotations)).map(([key, value]) => [key, text(value)]));
  return new GoObject('*chart.Metadata', {
    Name: traced('name'),
    Home: traced('home'),
    Sources: stringList(chart.sources),
    Version: traced('version'),
    Description: traced('description'),
    Keywords: stringList(chart.keywords),
    Maintainers: maintainers,
    Icon: traced('icon'),
    APIVersion: traced('apiVersion'),
    Condition: traced('condition'),
    Tags: text(chart.tags),
    AppVersion: traced('appVersion'),
    Deprecated: chart.deprecated === true,
    Annotations: annotations,
    KubeVersion: traced('kubeVersion'),
    Dependencies: dependencies,
    Type: traced('type'),
  });
}

/** `.Files`: a chart's files by path; Helm's `files` map type and its methods. */
export function chartFiles(files: ReadonlyMap<string, string>): GoObject {
  const entries = (): [string, unknown][] => [...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const byBaseName = (encode: (content: string) => string): string => {
    const map: Record<string, string> = {};
    for (const [name, content] of files) map[name.slice(name.lastIndexOf('/') + 1)] = encode(content);
    return toYaml(map, () => {}).text;
  };
  return new GoObject(
    'engine.files',
    {},
    {
      Get: { arity: 1, call: (name) => files.get(String(name)) ?? '' },
      GetBytes: { arity: 1, call: (name) => files.get(String(name)) ?? '' },
      Glob: {
        arity: 1,
        call: (pattern) => {
          const matcher = globMatcher(String(pattern));
          return chartFiles(new Map([...files].filter(([name]) => matcher.test(name))));
        },
      },
      AsConfig: { arity: 0, call: () => byBaseName((content) => content) },
      AsSecrets: { arity: 0, call: () => byBaseName(base64) },
      Lines: {
        arity: 1,
        call: (name) => {
          const content = files.get(String(name));
          if (content === undefined || content === '') return [];
          return (content.endsWith('\n') ? content.slice(0, -1) : content).split('\n');
        },
      },
    },
    { entries },
  );
}

/**
 * A glob as Helm's `.Files.Glob` reads it (gobwas/glob with `/` as separator): `*` and `?` stay
 * within a path segment, `**` crosses them, `[a-z]`/`[!a-z]` and `{a,b}` as usual. A malformed
 * pattern matches everything, as Helm falls back to `**`.
 */
function globMatcher(pattern: string): RegExp {
  let source = '';
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\' && i + 1 < pattern.length) {
      source += escapeRegExp(pattern[++i]!);
    } else if (ch === '*') {
      if (pattern[i + 1] === '*') {
        source += '.*';
        i++;
      } else source += '[^/]*';
    } else if (ch === '?') {
      source += '[^/]';
    } else if (ch === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) return /^/;
      const body = pattern.slice(i + 1, close);
      source += body.startsWith('!') ? `[^${body.slice(1).replaceAll('\\', '\\\\')}]` : `[${body.replaceAll('\\', '\\\\')}]`;
      i = close;
    } else if (ch === '{') {
      braces++;
      source += '(?:';
    } else if (ch === '}' && braces > 0) {
      braces--;
      source += ')';
    } else if (ch === ',' && braces > 0) {
      source += '|';
    } else {
      source += escapeRegExp(ch);
    }
  }
  if (braces > 0) return /^/;
  try {
    return new RegExp(`^${source}$`, 's');
  } catch {
    return /^/;
  }
}

/** Standard base64 of the UTF-8 bytes, as Go's `base64.StdEncoding`. */
function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
