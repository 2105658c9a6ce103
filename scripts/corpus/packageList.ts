import { readFileSync } from 'node:fs';

/**
 * The real-world corpus: npm packages whose published tarballs carry Dockerfiles, Kubernetes
 * manifests and Helm charts that Ballast's authors did not write, each pinned to one version and
 * to the sha512 of its tarball, so every run lints the same bytes.
 */
export interface CorpusPackage {
  name: string;
  version: string;
  /** `dist.integrity` as the registry publishes it: `sha512-<base64>`. */
  integrity: string;
  /** What the tarball brings to the corpus. */
  why: string;
}

/**
 * A YAML syntax error that Ballast reports and the independent parser accepts, looked into and
 * explained: a YAML 1.1 / 1.2 difference, a file that is a template rather than YAML, …
 */
export interface ExplainedDispute {
  /** As the corpus reports it: `<name>@<version>/<path in the package>`. */
  file: string;
  /** 1-based, as printed. */
  line: number;
  reason: string;
}

export interface PackageList {
  packages: CorpusPackage[];
  explainedDisputes: ExplainedDispute[];
}

/** The package list, checked for the fields every step relies on. */
export function readPackageList(file: string): PackageList {
  const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!isRecord(data) || !Array.isArray(data.packages)) throw new Error(`${file}: expected an object with a "packages" array`);
  const packages = data.packages.map((entry, i): CorpusPackage => {
    if (!isRecord(entry)) throw new Error(`${file}: packages[${i}] is not an object`);
    const { name, version, integrity, why } = entry;
    if (typeof name !== 'string' || typeof version !== 'string' || typeof why !== 'string' || why.trim() === '') {
      throw new Error(`${file}: packages[${i}] needs a name, a version and a why`);
    }
    if (typeof integrity !== 'string' || !/^sha512-[A-Za-z0-9+/]+={0,2}$/.test(integrity)) throw new Error(`${file}: ${name}@${version} needs a sha512 integrity`);
    return { name, version, integrity, why };
  });
  const disputes = data.explainedDisputes ?? [];
  if (!Array.isArray(disputes)) throw new Error(`${file}: "explainedDisputes" must be an array`);
  const explainedDisputes = disputes.map((entry, i): ExplainedDispute => {
    if (!isRecord(entry) || typeof entry.file !== 'string' || typeof entry.line !== 'number' || typeof entry.reason !== 'string' || entry.reason.trim() === '') {
      throw new Error(`${file}: explainedDisputes[${i}] needs a file, a line and a reason`);
    }
    return { file: entry.file, line: entry.line, reason: entry.reason };
  });
  return { packages, explainedDisputes };
}

/** `name@version`: how packages are named in paths and reports. */
export function packageId(pkg: Pick<CorpusPackage, 'name' | 'version'>): string {
  return `${pkg.name}@${pkg.version}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
