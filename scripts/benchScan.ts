/**
 * `npx tsx scripts/benchScan.ts [files]`: how fast the language server scans a generated project
 * (the tree of `generateProjectTree`, 1,500 files by default), batched as the extension sends it,
 * and how much slower the diagnostics of a document being typed in arrive while it does. A script,
 * not a test: nothing asserts timings. Builds dist/server.js and dist/scanWorker.js first.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lint, classifyFile, findChart } from '../engine';
import { SCAN_FILES_REQUEST, SCAN_FINISHED_REQUEST, type ScanFilesResult } from '../server/protocol';
import { TestClient } from '../test/server/lspClient';
import { generateDockerfile, generateProjectTree } from './benchInputs';

const count = Number(process.argv[2] ?? 1500);
const BATCH_SIZE = 100;
const BATCHES_IN_FLIGHT = 2;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
}

async function scanAll(client: TestClient, uris: string[], scan: number): Promise<{ ms: number; result: ScanFilesResult }> {
  const total: ScanFilesResult = { processed: 0, files: 0, errors: 0, warnings: 0, infos: 0, cancelled: false };
  const start = performance.now();
  let next = 0;
  const send = async () => {
    while (next < uris.length) {
      const batch = uris.slice(next, next + BATCH_SIZE);
      next += BATCH_SIZE;
      const result = await client.connection.sendRequest<ScanFilesResult>(SCAN_FILES_REQUEST, { scan, uris: batch });
      for (const key of ['processed', 'files', 'errors', 'warnings', 'infos'] as const) total[key] += result[key];
    }
  };
  await Promise.all(Array.from({ length: BATCHES_IN_FLIGHT }, send));
  const ms = performance.now() - start;
  await client.connection.sendRequest(SCAN_FINISHED_REQUEST, { scan, folders: [] });
  return { ms, result: total };
}

/** Edits a document every `intervalMs` and measures each edit's time to its diagnostics. */
async function typing(client: TestClient, uri: string, edits: number, intervalMs: number, until?: Promise<unknown>): Promise<number[]> {
  const base = generateDockerfile(200, 3);
  const document = client.open(uri, base);
  await client.diagnostics(document);
  const latencies: number[] = [];
  let done = false;
  void until?.then(() => (done = true));
  for (let edit = 0; edit < edits && !(until && done); edit++) {
    const sent = performance.now();
    document.setText(`${base}# edit ${edit}\n`);
    await client.diagnostics(document);
    latencies.push(performance.now() - sent);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  document.close();
  return latencies;
}

async function main(): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), 'ballast-bench-scan-'));
  try {
    const tree = generateProjectTree(count);
    for (const [relative, text] of Object.entries(tree)) {
      const file = path.join(root, relative);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
    const paths = Object.keys(tree).map((relative) => path.join(root, relative)).sort();
    const uris = paths.map((file) => pathToFileURL(file).href);
    const bytes = paths.reduce((sum, file) => sum + readFileSync(file).length, 0);
    console.log(`${uris.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB, ${availableParallelism()} cores (so ${Math.max(1, availableParallelism() - 1)} scan worker)`);

    // The engine alone, one thread, no protocol: the floor for the scan's own cost.
    const inProcessStart = performance.now();
    for (const file of paths) {
      const chart = findChart(file, (candidate) => {
        try {
          return readFileSync(candidate, 'utf8');
        } catch {
          return undefined;
        }
      });
      const target = classifyFile(file, { chart });
      if (target && target.kind !== 'helm-template') lint({ text: readFileSync(file, 'utf8'), ...target });
    }
    const inProcessMs = performance.now() - inProcessStart;
    console.log(`engine in process, one thread: ${inProcessMs.toFixed(0)} ms, ${((uris.length / inProcessMs) * 1000).toFixed(0)} files/s`);

    const client = await TestClient.start();
    try {
      // Warm-up, so the idle figures below are not the JIT's.
      await typing(client, pathToFileURL(path.join(root, 'warm-up', 'Dockerfile')).href, 40, 10);
      const baseline = await typing(client, pathToFileURL(path.join(root, 'typing', 'Dockerfile')).href, 60, 50);
      const cold = await scanAll(client, uris, 1);
      console.log(
        `scan, cold (workers start): ${cold.ms.toFixed(0)} ms, ${((uris.length / cold.ms) * 1000).toFixed(0)} files/s; ` +
          `${cold.result.files} files linted, ${cold.result.errors} errors, ${cold.result.warnings} warnings, ${cold.result.infos} infos`,
      );
      const warm = await scanAll(client, uris, 2);
      console.log(`scan, warm: ${warm.ms.toFixed(0)} ms, ${((uris.length / warm.ms) * 1000).toFixed(0)} files/s`);

      const scanning = scanAll(client, uris, 3);
      const during = await typing(client, pathToFileURL(path.join(root, 'typing2', 'Dockerfile')).href, 1000, 50, scanning);
      const third = await scanning;
      console.log(`scan while typing: ${third.ms.toFixed(0)} ms`);
      const show = (name: string, values: number[]) =>
        console.log(`${name}: ${values.length} edits, median ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms`);
      show('typing, idle server (edit to diagnostics)', baseline);
      show('typing during a scan', during);
    } finally {
      await client.stop();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

void main();
