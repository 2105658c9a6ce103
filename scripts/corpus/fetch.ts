import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { packageId, type CorpusPackage } from './packageList';

/** A pinned package, unpacked: its files lie under `tree`. */
export interface FetchedPackage {
  pkg: CorpusPackage;
  /** The unpacked package's folder: `<cache>/trees/<name>@<version>`. */
  tree: string;
  tarballBytes: number;
}

export interface FetchResult {
  packages: FetchedPackage[];
  /** How many tarballs had to be downloaded (the others came from the cache). */
  downloaded: number;
}

/**
 * Brings every package's tarball into `<cache>/tarballs` (with `npm pack`, the registry client
 * that CI has anyway) unless it is there already, checks its sha512 against the pinned integrity,
 * and unpacks it into `<cache>/trees` with the system's tar. A tarball whose bytes differ from the
 * pinned ones is an error: the corpus must be the same on every run.
 */
export function fetchPackages(packages: readonly CorpusPackage[], cacheDir: string): FetchResult {
  const tarballs = path.join(cacheDir, 'tarballs');
  const trees = path.join(cacheDir, 'trees');
  mkdirSync(tarballs, { recursive: true });
  mkdirSync(trees, { recursive: true });

  const tarballOf = (pkg: CorpusPackage) => path.join(tarballs, tarballName(pkg));
  const missing = packages.filter((pkg) => !existsSync(tarballOf(pkg)));
  if (missing.length > 0) download(missing, tarballs, tarballOf);

  const fetched = packages.map((pkg): FetchedPackage => {
    const tarball = tarballOf(pkg);
    const bytes = readFileSync(tarball);
    const integrity = `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
    if (integrity !== pkg.integrity) {
      throw new Error(`${packageId(pkg)}: the tarball's integrity is ${integrity}, not the pinned ${pkg.integrity}. Delete ${tarball} to download it again.`);
    }
    const tree = path.join(trees, packageId(pkg));
    if (!existsSync(tree)) unpack(tarball, tree);
    return { pkg, tree, tarballBytes: bytes.length };
  });
  return { packages: fetched, downloaded: missing.length };
}

/** The name npm gives a packed tarball: `@scope/name@1.0.0` becomes `scope-name-1.0.0.tgz`. */
export function tarballName(pkg: Pick<CorpusPackage, 'name' | 'version'>): string {
  return `${pkg.name.replace(/^@/, '').replace('/', '-')}-${pkg.version}.tgz`;
}

/**
 * One `npm pack` for all missing tarballs; the files are renamed to the cache's names. This is the
 * one step that must reach the registry. The test run refuses the network to every process it
 * starts (a guard passed on through NODE_OPTIONS) to prove that Ballast never uses it; npm is not
 * Ballast, so it runs without that guard, while the CLI run over the corpus keeps it.
 */
function download(packages: readonly CorpusPackage[], destination: string, tarballOf: (pkg: CorpusPackage) => string): void {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const { BALLAST_NETWORK_LOG: _log, ...env } = process.env;
  const result = spawnSync(npm, ['pack', ...packages.map(packageId), '--pack-destination', destination, '--json', '--ignore-scripts'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...env, NODE_OPTIONS: '' },
  });
  if (result.status !== 0) throw new Error(`npm pack failed (exit ${result.status ?? result.signal}):\n${result.stderr.trim()}`);
  const packed = JSON.parse(result.stdout) as { name: string; version: string; filename: string }[];
  for (const pkg of packages) {
    const entry = packed.find((item) => item.name === pkg.name && item.version === pkg.version);
    if (!entry) throw new Error(`npm pack did not report ${packageId(pkg)}`);
    const written = path.join(destination, path.basename(entry.filename));
    if (written !== tarballOf(pkg)) renameSync(written, tarballOf(pkg));
  }
}

/**
 * Unpacks into a scratch folder first, so that an interrupted run leaves no half tree behind to
 * be taken for a whole one. npm tarballs hold one top folder (`package/`, sometimes another
 * name); its content becomes the tree. GNU tar refuses members that climb out with `..`.
 */
function unpack(tarball: string, tree: string): void {
  const scratch = `${tree}.partial`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  const result = spawnSync('tar', ['-xzf', tarball, '-C', scratch, '--no-same-owner', '--no-same-permissions'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`tar could not unpack ${tarball}:\n${result.stderr.trim()}`);
  // Some tarballs record folders without the execute bit, which would hide their files from a walk.
  makeReadable(scratch);
  const entries = readdirSync(scratch, { withFileTypes: true });
  const only = entries.length === 1 && entries[0]!.isDirectory() ? path.join(scratch, entries[0]!.name) : scratch;
  mkdirSync(path.dirname(tree), { recursive: true });
  renameSync(only, tree);
  rmSync(scratch, { recursive: true, force: true });
}

function makeReadable(folder: string): void {
  chmodSync(folder, statSync(folder).mode | 0o700);
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const entryPath = path.join(folder, entry.name);
    if (entry.isDirectory()) makeReadable(entryPath);
    else if (entry.isFile()) chmodSync(entryPath, statSync(entryPath).mode | 0o600);
  }
}
