/**
 * Section `typing-during-scan`: how much slower diagnostics come while the server scans the large
 * repository in its worker threads. One server: an open file is typed in with a pause between
 * keystrokes, first idle, then while Scan Workspace runs, and the two are compared.
 */
import { CancellationTokenSource } from 'vscode-languageserver/node';
import type { BenchContext } from './context';
import { checkPublished } from './editor';
import { BenchServer } from './lspClient';
import { summarize, type Summary } from './measure';
import { markdownTable, megabytes, ms, ratio, whole } from './table';
import { Typist, commentNearMiddle, warmUp, type EditOutcome } from './typing';
import { runWorkspaceScan } from './workspaceScan';

export interface TypingDuringScanResult {
  input: string;
  label: string;
  repository: string;
  files: number;
  idleMs: Summary;
  duringScanMs: Summary;
  /** Timed edits whose diagnostics never came, both phases. */
  missing: number;
  /** Files the scan had linted when typing stopped, and how long it had run. */
  scannedFiles: number;
  scanMs: number;
  medianRatio: number;
  p95Ratio: number;
  peakRssBytes: number | undefined;
}

const TIMEOUT_MS = 30_000;

async function typeWithPauses(typist: Typist, pauseMs: number, more: (done: number) => boolean): Promise<EditOutcome[]> {
  const outcomes: EditOutcome[] = [];
  while (more(outcomes.length)) {
    outcomes.push(await typist.typePushed());
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  return outcomes;
}

const latencies = (outcomes: readonly EditOutcome[]) => outcomes.flatMap((outcome) => (outcome.latencyMs === undefined ? [] : [outcome.latencyMs]));

export async function benchTypingDuringScan(context: BenchContext): Promise<TypingDuringScanResult> {
  const { plan } = context;
  const repository = context.repository('large');
  const input = context.input(plan.typingDuringScanInput);
  context.log(`typing-during-scan: ${input.label} while scanning ${repository.label}`);
  const uri = context.writeInput(input);
  const folder = repository.rootUri;
  const server = await BenchServer.start({ serverScript: context.bundles().server, pullDiagnostics: false, workspaceFolder: folder });
  try {
    server.open(uri, input.languageId, input.text);
    await server.diagnosticsFor(uri, 1, 120_000);
    const typist = new Typist(server, uri, commentNearMiddle(input.text), TIMEOUT_MS);
    await warmUp(() => typist.typePushed(), plan.warmup);
    const idle = await typeWithPauses(typist, plan.typingPauseMs, (done) => done < plan.edits);

    // Typing goes on for the planned time (and at least as many edits as idle), so it meets the
    // workers starting and then busy; the scan is cancelled then, or typing stops when it ends.
    let scanning = true;
    const cancel = new CancellationTokenSource();
    const scan = runWorkspaceScan(
      server,
      1,
      folder,
      repository.files.map((file) => file.uri),
      cancel.token,
    ).finally(() => (scanning = false));
    const typingStarted = performance.now();
    const during = await typeWithPauses(typist, plan.typingPauseMs, (done) => scanning && (done < plan.edits || performance.now() - typingStarted < plan.typingDuringScanMs));
    cancel.cancel();
    const scanned = await scan;
    if (during.length < plan.edits) context.observations.note('typing-during-scan', `the scan ended after ${during.length} of ${plan.edits} edits`);
    context.noteServerErrors('typing-during-scan', server);
    checkPublished(context, 'typing-during-scan', input.label, server.published.get(uri) ?? [], [...idle, ...during], TIMEOUT_MS);

    const idleMs = summarize(latencies(idle));
    const duringScanMs = summarize(latencies(during));
    return {
      input: input.id,
      label: input.label,
      repository: repository.label,
      files: repository.files.length,
      idleMs,
      duringScanMs,
      missing: idle.length + during.length - latencies(idle).length - latencies(during).length,
      scannedFiles: scanned.result.files,
      scanMs: scanned.ms,
      medianRatio: duringScanMs.median / idleMs.median,
      p95Ratio: duringScanMs.p95 / idleMs.p95,
      peakRssBytes: server.peakRssBytes(),
    };
  } finally {
    await server.stop();
  }
}

export function typingDuringScanTable(result: TypingDuringScanResult): string {
  const row = (phase: string, summary: Summary, median: string, p95: string) => [phase, whole(summary.count), ms(summary.median), ms(summary.p95), ms(summary.max), median, p95];
  return markdownTable(
    ['Typing in', 'Edits #', 'Median (ms) #', 'p95 (ms) #', 'Max (ms) #', 'Median ÷ idle #', 'p95 ÷ idle #'],
    [row(`${result.label}, idle`, result.idleMs, '', ''), row(`${result.label}, while scanning ${result.repository}`, result.duringScanMs, ratio(result.medianRatio), ratio(result.p95Ratio))],
  );
}

export function typingDuringScanNotes(result: TypingDuringScanResult, pauseMs: number): string {
  return (
    `One server; a keystroke every ${pauseMs} ms after the previous diagnostics, in a comment near the middle of the file. ` +
    `The scan of ${whole(result.files)} files, sent as Scan Workspace sends them, is cancelled once the edits are timed: it had linted ${whole(result.scannedFiles)} files in ${ms(result.scanMs)} ms. ` +
    `Server peak RSS ${megabytes(result.peakRssBytes)} MB.`
  );
}
