import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { JsonFile, JsonReport } from '../../cli/format/json';

export interface CliScanResult {
  /** The command, as it can be run again by hand from `cwd`. */
  command: string;
  cwd: string;
  exitCode: number | null;
  signal: string | null;
  stderr: string;
  /** The JSON report's files; undefined when the output was not a JSON report. */
  files: JsonFile[] | undefined;
  seconds: number;
}

/** Builds the bundles when the CLI's is missing, as a fresh clone has none. */
export function ensureCliBuilt(root: string): string {
  const cli = path.join(root, 'dist', 'cli.js');
  if (!existsSync(cli)) {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const build = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0 || !existsSync(cli)) throw new Error('npm run build did not produce dist/cli.js');
  }
  return cli;
}

/**
 * Runs the built CLI over the given folders as a user would in CI, JSON out. `--no-gitignore`
 * because the corpus lies in a folder the repository ignores; `--fail-on never` so that any exit
 * code but 0 means the CLI itself failed, not that it found problems.
 */
export function scanWithCli(cli: string, cwd: string, folders: readonly string[]): CliScanResult {
  const args = ['scan', ...folders, '--format', 'json', '--no-gitignore', '--fail-on', 'never'];
  const start = performance.now();
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - start) / 1000;
  let files: JsonFile[] | undefined;
  try {
    const report = JSON.parse(result.stdout) as JsonReport;
    files = Array.isArray(report.files) ? report.files : undefined;
  } catch {
    files = undefined;
  }
  return {
    command: `node ${path.relative(cwd, cli)} ${args.slice(0, 1).join(' ')} <${folders.length} package folders> ${args.slice(1 + folders.length).join(' ')}`,
    cwd,
    exitCode: result.status,
    signal: result.signal,
    stderr: result.stderr ?? '',
    files,
    seconds,
  };
}
