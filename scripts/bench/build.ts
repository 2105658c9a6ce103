/**
 * The bundles the protocol, scan and activation sections run. They are rebuilt (`npm run build`)
 * when one is missing or older than a source file, so the figures are those of the sources, and
 * copied aside, so that every section measures the same build even if dist/ is rebuilt meanwhile.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.join(__dirname, '..', '..');
/** The server starts its scan workers from scanWorker.js beside it; the other bundles stand alone. */
const BUNDLE_NAMES = ['server.js', 'scanWorker.js', 'cli.js', 'extension.js'];
const BUNDLES = BUNDLE_NAMES.map((name) => path.join(ROOT, 'dist', name));

const SOURCES = ['engine', 'rules', 'server', 'client', 'cli'];

export interface Bundles {
  server: string;
  cli: string;
  extension: string;
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(file));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

/** Builds dist/ when it is missing or stale; returns why it built, or undefined when it did not. */
function ensureBuilt(log: (line: string) => void): string | undefined {
  const missing = BUNDLES.filter((bundle) => !existsSync(bundle));
  const sources = Math.max(...SOURCES.map((dir) => newestSource(path.join(ROOT, dir))));
  const reason = missing.length > 0 ? `missing ${missing.map((bundle) => path.basename(bundle)).join(', ')}` : BUNDLES.some((bundle) => statSync(bundle).mtimeMs < sources) ? 'older than the sources' : undefined;
  if (!reason) return undefined;
  log(`dist/ is ${reason}: npm run build`);
  // Its output goes to stderr: stdout is the Markdown report.
  const built = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (built.status !== 0) throw new Error(`npm run build failed (exit code ${built.status})`);
  return reason;
}

/** Builds dist/ if needed and copies its bundles into `folder`; `rebuilt` says why it built. */
export function snapshotBundles(folder: string, log: (line: string) => void): Bundles & { rebuilt: string | undefined } {
  const rebuilt = ensureBuilt(log);
  mkdirSync(folder, { recursive: true });
  for (const name of BUNDLE_NAMES) copyFileSync(path.join(ROOT, 'dist', name), path.join(folder, name));
  return { server: path.join(folder, 'server.js'), cli: path.join(folder, 'cli.js'), extension: path.join(folder, 'extension.js'), rebuilt };
}
