/**
 * Section `scan`: files/s and MB/s of `ballast scan` (default worker threads, and the main thread
 * alone) and of the language server's workspace scan, on the generated repository and its large
 * copy, with peak RSS; and the single-threaded parse floor over the same files, so that "scan ÷
 * parse floor" can be read off.
 */
import { availableParallelism } from 'node:os';
import { runCliScan } from './cliScan';
import type { BenchContext } from './context';
import { BenchServer } from './lspClient';
import { summarize, timeRepeatedly, type Summary } from './measure';
import { parseFloor } from './parseFloor';
import type { ScanRepository } from './repository';
import { markdownTable, megabytes, ms, ratio, whole } from './table';
import { runWorkspaceScan } from './workspaceScan';

export interface ScanRow {
  repository: string;
  method: string;
  /** Files linted (Helm templates, which scans pass by, are not counted) and their bytes. */
  files: number;
  bytes: number;
  ms: Summary;
  filesPerSecond: number;
  megabytesPerSecond: number;
  /** Throughput ÷ the single-threaded parse floor's. */
  toParseFloor: number;
  peakRssBytes: number | undefined;
}

function row(repository: ScanRepository, method: string, times: readonly number[], floorMs: number | undefined, peakRssBytes: number | undefined): ScanRow {
  const summary = summarize(times);
  const seconds = summary.median / 1000;
  return {
    repository: repository.label,
    method,
    files: repository.linted.length,
    bytes: repository.lintedBytes,
    ms: summary,
    filesPerSecond: repository.linted.length / seconds,
    megabytesPerSecond: repository.lintedBytes / 1024 / 1024 / seconds,
    toParseFloor: floorMs === undefined ? 1 : floorMs / summary.median,
    peakRssBytes,
  };
}

/** The repository is parsed first, so its large copy needs no warm-up run of its own. */
function parseFloorTimes(repository: ScanRepository, runs: number, warmupRuns: number): number[] {
  return timeRepeatedly(
    () => {
      for (const file of repository.linted) parseFloor(file.target!.kind, file.text);
    },
    { warmupRuns, warmupMs: 0, minRuns: runs, minMs: 0, maxRuns: runs },
  );
}

async function cliRows(context: BenchContext, repository: ScanRepository, runs: number, floorMs: number): Promise<ScanRow[]> {
  const configurations = [
    { method: `CLI, default workers (${Math.max(1, availableParallelism() - 1)} + main thread)`, workers: undefined },
    { method: 'CLI, BALLAST_WORKERS=0', workers: '0' },
  ];
  const times = configurations.map((): number[] => []);
  const peaks = configurations.map((): number[] => []);
  let reference: string | undefined;
  // Runs interleave the configurations, so a machine that gets busier or quieter weighs on both alike.
  for (let run = 0; run < runs; run++) {
    for (const [index, { method, workers }] of configurations.entries()) {
      context.log(`scan: ${method}, ${repository.label}, run ${run + 1}`);
      const result = await runCliScan(context.bundles().cli, repository.root, workers);
      if (result.exitCode !== 0) throw new Error(`ballast scan exited with ${result.exitCode}: ${result.stderr}`);
      times[index]!.push(result.ms);
      if (result.peakRssBytes !== undefined) peaks[index]!.push(result.peakRssBytes);
      if (reference === undefined) {
        reference = result.stdout;
        const reported = (JSON.parse(result.stdout) as { files: unknown[] }).files.length;
        if (reported !== repository.linted.length) context.observations.note('scan', `${repository.label}: ballast scan reported ${reported} files, ${repository.linted.length} were expected`);
      } else if (result.stdout !== reference) {
        context.observations.note('scan', `${repository.label}: ${method} printed another report than the first run`);
      }
    }
  }
  return configurations.map(({ method }, index) => row(repository, method, times[index]!, floorMs, peaks[index]!.length ? Math.max(...peaks[index]!) : undefined));
}

async function workspaceRows(context: BenchContext, repository: ScanRepository, runs: number, floorMs: number): Promise<ScanRow[]> {
  const server = await BenchServer.start({ serverScript: context.bundles().server, pullDiagnostics: false, workspaceFolder: repository.rootUri });
  try {
    const times: number[] = [];
    // The first scan starts the worker threads; with more than one run planned, `runs` more find them started.
    for (let run = 0; run < (runs > 1 ? runs + 1 : 1); run++) {
      context.log(`scan: workspace scan request, ${repository.label}, run ${run + 1}`);
      const scanned = await runWorkspaceScan(
        server,
        run + 1,
        repository.rootUri,
        repository.files.map((file) => file.uri),
      );
      if (scanned.result.files !== repository.linted.length || scanned.result.cancelled) {
        context.observations.note('scan', `${repository.label}: the workspace scan linted ${scanned.result.files} files${scanned.result.cancelled ? ' and was cancelled' : ''}, ${repository.linted.length} were expected`);
      }
      times.push(scanned.ms);
    }
    const peak = server.peakRssBytes();
    context.noteServerErrors('scan', server);
    const rows = [row(repository, 'workspace scan request, first (workers start)', times.slice(0, 1), floorMs, peak)];
    if (times.length > 1) rows.push(row(repository, 'workspace scan request, again', times.slice(1), floorMs, peak));
    return rows;
  } finally {
    await server.stop();
  }
}

export async function benchScan(context: BenchContext): Promise<ScanRow[]> {
  const rows: ScanRow[] = [];
  for (const which of ['base', 'large'] as const) {
    const repository = context.repository(which);
    const runs = context.plan.scanRuns[which];
    context.log(`scan: parse floor, ${repository.label}`);
    const floorRow = row(repository, 'parse floor, one thread, in memory', parseFloorTimes(repository, runs, which === 'base' ? 1 : 0), undefined, undefined);
    rows.push(floorRow, ...(await cliRows(context, repository, runs, floorRow.ms.median)), ...(await workspaceRows(context, repository, runs, floorRow.ms.median)));
  }
  return rows;
}

export function scanTable(rows: readonly ScanRow[]): string {
  return markdownTable(
    ['Repository', 'Scan', 'Files #', 'MB #', 'Median (ms) #', 'Files/s #', 'MB/s #', '÷ parse floor #', 'Peak RSS (MB) #'],
    rows.map((r) => [r.repository, r.method, whole(r.files), megabytes(r.bytes), ms(r.ms.median), whole(r.filesPerSecond), r.megabytesPerSecond.toFixed(2), ratio(r.toParseFloor), megabytes(r.peakRssBytes)]),
  );
}

export function scanNotes(runs: { base: number; large: number }): string {
  return (
    `Medians of ${runs.base} run(s) on the repository, ${runs.large} on its large copy (the parse floor after a warm-up run on the repository). Files: those linted (each service's Dockerfile, manifest, Chart.yaml and values.yaml; its Helm template is sent but passed by). ` +
    'CLI: `node dist/cli.js scan --format json`, spawn to exit; peak RSS from getrusage at exit (worker threads included). ' +
    'Workspace scan: one server, the files sent in batches of 100, two under way, as Scan Workspace does; peak RSS: the server\'s VmHWM. ' +
    '÷ parse floor: throughput over that of parsing the same files with yaml / dockerfile-ast on one thread, texts already in memory.'
  );
}
