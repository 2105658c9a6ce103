/** `ballast scan` as CI runs it, timed from spawn to exit, with its peak RSS. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
const PEAK_RSS_PROBE = path.join(__dirname, 'probes', 'peakRss.cjs');

export interface CliScanRun {
  ms: number;
  peakRssBytes: number | undefined;
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/** Scans `root` with `--format json` with the CLI bundle `cli`; `workers` sets BALLAST_WORKERS, undefined leaves the CLI its default. */
export async function runCliScan(cli: string, root: string, workers: string | undefined): Promise<CliScanRun> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'ballast-bench-rss-'));
  const rssFile = path.join(scratch, 'peak-rss');
  const env: NodeJS.ProcessEnv = { ...process.env, BALLAST_BENCH_PEAK_RSS_FILE: rssFile };
  delete env.BALLAST_WORKERS;
  if (workers !== undefined) env.BALLAST_WORKERS = workers;
  try {
    const start = performance.now();
    const child = spawn(process.execPath, ['--require', PEAK_RSS_PROBE, cli, 'scan', '--format', 'json', '--fail-on', 'never'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code) => resolve(code));
    });
    const ms = performance.now() - start;
    let peakRssBytes: number | undefined;
    try {
      peakRssBytes = Number(readFileSync(rssFile, 'utf8'));
    } catch {
      peakRssBytes = undefined;
    }
    return { ms, peakRssBytes, exitCode, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
