/**
 * `npx tsx scripts/benchCli.ts [files] [rounds]`: how fast `ballast scan` goes through a large generated
 * tree (1,500 files by default) on the main thread, on one worker thread and on the default
 * number, and that all give the same output. Builds the CLI first. A script, not a test.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import * as path from 'node:path';
import { generateProjectTree } from './benchInputs';

const ROOT = path.join(__dirname, '..');
const count = Number(process.argv[2] ?? 1500);
const tree = path.join(ROOT, '.bench', 'cli-tree');
rmSync(tree, { recursive: true, force: true });
const files = generateProjectTree(count);
for (const [relative, text] of Object.entries(files)) {
  mkdirSync(path.dirname(path.join(tree, relative)), { recursive: true });
  writeFileSync(path.join(tree, relative), text);
}
execFileSync(process.execPath, [path.join(ROOT, 'esbuild.mjs')], { cwd: ROOT, stdio: 'inherit' });

const scanned = Object.keys(files).filter((file) => !file.includes('/templates/')).length;
console.log(`${Object.keys(files).length} files generated, ${scanned} scanned (templates are passed by); ${availableParallelism()} processors; Node ${process.version}; load average ${loadavg()[0]!.toFixed(2)}.\n`);
console.log('| Threads | Median (s) | Files/s |');
console.log('| --- | ---: | ---: |');
const configurations = [
  ['main thread only (BALLAST_WORKERS=0)', '0'],
  ['1 worker (BALLAST_WORKERS=1)', '1'],
  ['2 workers (BALLAST_WORKERS=2)', '2'],
  [`default (${Math.max(1, availableParallelism() - 1)} worker(s))`, ''],
] as const;
const rounds = Number(process.argv[3] ?? 5);
const times = configurations.map((): number[] => []);
let reference: string | undefined;
// Rounds interleave the configurations, so a machine that gets busier or quieter weighs on all alike.
for (let round = 0; round < rounds; round++) {
  configurations.forEach(([label, workers], i) => {
    const start = performance.now();
    const result = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'scan', '--format', 'json', '--fail-on', 'never'], {
      cwd: tree,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      env: { ...process.env, BALLAST_WORKERS: workers },
    });
    times[i]!.push((performance.now() - start) / 1000);
    if (result.status !== 0) throw new Error(result.stderr);
    reference ??= result.stdout;
    if (result.stdout !== reference) throw new Error(`${label}: the output differs from the main thread's`);
  });
}
configurations.forEach(([label], i) => {
  const sorted = [...times[i]!].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  console.log(`| ${label} | ${median.toFixed(2)} | ${Math.round(scanned / median)} |`);
});
console.log(`\nLoad average at the end: ${loadavg()[0]!.toFixed(2)}.`);
