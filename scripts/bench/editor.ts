/**
 * Section `editor`: latency over the real protocol. Per input, a fresh `node dist/server.js
 * --stdio`: cold start, first diagnostics after `didOpen`, then one character typed at a time in
 * a comment near the middle of the file, each edit timed to the diagnostics of its version, the
 * way an editor that takes pushed diagnostics sees them; then the same with pull diagnostics in a
 * second server, when the server offers them; and the server's peak RSS.
 */
import type { BenchContext } from './context';
import type { BenchInput } from './inputs/catalogue';
import { lineCount } from './inputs/catalogue';
import { BenchServer, type Published } from './lspClient';
import type { BenchPlan } from './plan';
import { summarize, type Summary } from './measure';
import { markdownTable, megabytes, ms, whole } from './table';
import { Typist, commentNearMiddle, warmUp, type EditOutcome } from './typing';

export interface DiagnosticsLatency {
  /** `didOpen` to the first diagnostics. */
  firstDiagnosticsMs: number | undefined;
  /** The first keystroke after opening, on a server whose code has not warmed up. */
  firstEditMs: number | undefined;
  /** Untimed edits typed before the timed ones. */
  warmupEdits: number;
  /** Timed edits, edit to diagnostics of its version, in ms. */
  edits: Summary;
  /** Timed edits whose diagnostics never came. */
  missing: number;
}

export interface EditorRow {
  input: string;
  label: string;
  lines: number;
  /** Spawn to the `initialize` result. */
  coldStartMs: number;
  /** Hover requests on the comment typed in, after typing: the protocol's own cost on this machine. */
  hoverRoundTripMs: Summary;
  push: DiagnosticsLatency;
  pull: DiagnosticsLatency | 'not offered';
  peakRssBytes: number | undefined;
}

/** Hover requests timed after typing, when the findings of the last version are known. */
const HOVERS = 10;

/** Edits of a large file may take seconds; a version not published by then counts as missing. */
function editTimeout(firstDiagnosticsMs: number | undefined): number {
  return Math.max(15_000, 10 * (firstDiagnosticsMs ?? 0));
}

/** Warms up, then types the plan's timed edits; stops after two versions in a row never came. */
async function typeEdits(context: BenchContext, label: string, type: () => Promise<EditOutcome>): Promise<{ warmup: EditOutcome[]; timed: EditOutcome[] }> {
  const warmup = await warmUp(type, context.plan.warmup);
  const timed: EditOutcome[] = [];
  let missingInARow = 0;
  while (timed.length < context.plan.edits) {
    const outcome = await type();
    timed.push(outcome);
    missingInARow = outcome.latencyMs === undefined ? missingInARow + 1 : 0;
    if (missingInARow === 2) {
      context.observations.note('editor', `${label}: two edits in a row got no diagnostics for their version; typing stopped`);
      break;
    }
  }
  return { warmup, timed };
}

function latency(firstDiagnosticsMs: number | undefined, typed: { warmup: readonly EditOutcome[]; timed: readonly EditOutcome[] }): DiagnosticsLatency {
  const measured = typed.timed.flatMap((outcome) => (outcome.latencyMs === undefined ? [] : [outcome.latencyMs]));
  return { firstDiagnosticsMs, firstEditMs: typed.warmup[0]?.latencyMs, warmupEdits: typed.warmup.length, edits: summarize(measured), missing: typed.timed.length - measured.length };
}

/** What an editor relies on in pushed diagnostics: a version on each, every version once, in order. */
export function checkPublished(context: BenchContext, section: string, label: string, published: readonly Published[], outcomes: readonly EditOutcome[], timeoutMs: number): void {
  const unversioned = published.filter((entry) => entry.version === undefined).length;
  if (unversioned > 0) context.observations.note(section, `${label}: ${unversioned} publishDiagnostics for the open document carried no version`);
  const seen = new Map<number, number>();
  let last = 0;
  for (const entry of published) {
    if (entry.version === undefined) continue;
    seen.set(entry.version, (seen.get(entry.version) ?? 0) + 1);
    if (entry.version < last) context.observations.note(section, `${label}: diagnostics of version ${entry.version} arrived after those of version ${last}`);
    last = Math.max(last, entry.version);
  }
  const repeated = [...seen].filter(([, count]) => count > 1).map(([version]) => version);
  if (repeated.length > 0) context.observations.note(section, `${label}: versions published more than once: ${repeated.join(', ')}`);
  const missing = outcomes.filter((outcome) => outcome.latencyMs === undefined).map((outcome) => outcome.version);
  if (missing.length > 0) context.observations.note(section, `${label}: no diagnostics within ${timeoutMs / 1000} s for versions ${missing.join(', ')}`);
  const counts = new Set(published.map((entry) => entry.diagnostics));
  if (counts.size > 1) context.observations.note(section, `${label}: typing in a comment changed the number of diagnostics (${[...counts].join(', ')})`);
}

async function measurePushed(context: BenchContext, input: BenchInput, uri: string): Promise<Omit<EditorRow, 'pull'>> {
  const server = await BenchServer.start({ serverScript: context.bundles().server, pullDiagnostics: false, workspaceFolder: context.editorWorkspace });
  try {
    const opened = server.open(uri, input.languageId, input.text);
    const first = await server.diagnosticsFor(uri, 1, 120_000);
    const firstDiagnosticsMs = first ? first.at - opened : undefined;
    if (!first) context.observations.note('editor', `${input.label}: no diagnostics for version 1 within 120 s of didOpen`);
    const timeoutMs = editTimeout(firstDiagnosticsMs);
    const at = commentNearMiddle(input.text);
    const typist = new Typist(server, uri, at, timeoutMs);
    const typed = await typeEdits(context, input.label, () => typist.typePushed());
    context.noteServerErrors('editor', server);
    checkPublished(context, 'editor', input.label, server.published.get(uri) ?? [], [...typed.warmup, ...typed.timed], timeoutMs);
    const roundTrips: number[] = [];
    for (let hover = 0; hover < HOVERS; hover++) roundTrips.push(await server.hoverRoundTrip(uri, at));
    return {
      input: input.id,
      label: input.label,
      lines: lineCount(input.text),
      coldStartMs: server.coldStartMs,
      hoverRoundTripMs: summarize(roundTrips),
      push: latency(firstDiagnosticsMs, typed),
      peakRssBytes: server.peakRssBytes(),
    };
  } finally {
    await server.stop();
  }
}

/** Undefined when the server does not offer pull diagnostics. */
async function measurePulled(context: BenchContext, input: BenchInput, uri: string): Promise<DiagnosticsLatency | undefined> {
  const server = await BenchServer.start({ serverScript: context.bundles().server, pullDiagnostics: true, workspaceFolder: context.editorWorkspace });
  try {
    if (!server.offersPullDiagnostics) return undefined;
    const opened = server.open(uri, input.languageId, input.text);
    const first = await server.pull(uri);
    const typist = new Typist(server, uri, commentNearMiddle(input.text), editTimeout(first.at - opened));
    const typed = await typeEdits(context, `${input.label} (pull)`, () => typist.typePulled());
    context.noteServerErrors('editor', server);
    const counts = new Set([...typed.warmup, ...typed.timed].map((outcome) => outcome.diagnostics));
    if (counts.size > 1) context.observations.note('editor', `${input.label} (pull): typing in a comment changed the number of diagnostics (${[...counts].join(', ')})`);
    const pushed = server.published.get(uri)?.length ?? 0;
    if (pushed > 0) context.observations.note('editor', `${input.label}: the server answers pull requests and also pushes diagnostics (${pushed} notifications): each version is checked twice`);
    return latency(first.at - opened, typed);
  } finally {
    await server.stop();
  }
}

export async function benchEditor(context: BenchContext): Promise<EditorRow[]> {
  const rows: EditorRow[] = [];
  let pullOffered = true;
  for (const input of context.inputs) {
    context.log(`editor: ${input.label}`);
    const uri = context.writeInput(input);
    const pushed = await measurePushed(context, input, uri);
    const pulled: DiagnosticsLatency | undefined = pullOffered ? await measurePulled(context, input, uri) : undefined;
    pullOffered = pulled !== undefined;
    rows.push({ ...pushed, pull: pulled ?? 'not offered' });
  }
  return rows;
}

export function editorTable(rows: readonly EditorRow[]): string {
  const pull = (row: EditorRow, pick: (latency: DiagnosticsLatency) => number | undefined) => (row.pull === 'not offered' ? 'not offered' : ms(pick(row.pull)));
  return markdownTable(
    ['Input', 'Lines #', 'Cold start (ms) #', 'Hover round trip (ms) #', 'First diagnostics (ms) #', 'First edit (ms) #', 'Warm-up edits #', 'Push: edit median (ms) #', 'Push: p95 (ms) #', 'Pull: first (ms) #', 'Pull: edit median (ms) #', 'Pull: p95 (ms) #', 'Peak RSS (MB) #'],
    rows.map((row) => [
      row.label,
      whole(row.lines),
      ms(row.coldStartMs),
      ms(row.hoverRoundTripMs.median),
      ms(row.push.firstDiagnosticsMs),
      ms(row.push.firstEditMs),
      whole(row.push.warmupEdits),
      ms(row.push.edits.median),
      ms(row.push.edits.p95),
      pull(row, (latency) => latency.firstDiagnosticsMs),
      pull(row, (latency) => latency.edits.median),
      pull(row, (latency) => latency.edits.p95),
      megabytes(row.peakRssBytes),
    ]),
  );
}

export function editorNotes(rows: readonly EditorRow[], plan: BenchPlan): string {
  const pullNote = rows.some((row) => row.pull === 'not offered') ? ' Pull: the server\'s initialize result has no `diagnosticProvider`, so it was not measured.' : '';
  return (
    'One server process per input. Cold start: spawn to the initialize result. Per edit: one character typed in a comment near the middle of the file, one edit at a time, ' +
    `didChange to the publishDiagnostics of that version (pull: to the textDocument/diagnostic answer). First edit: the first keystroke after the first diagnostics. ` +
    `Median and p95 of ${plan.edits} edits typed after the warm-up ones (at least ${plan.warmup.minEdits}, then more for ${plan.warmup.ms / 1000} s, at most ${plan.warmup.maxEdits}), so that the server's code has tiered up. ` +
    `Hover round trip: median of ${HOVERS} hovers on that comment after typing, what any answer costs on this machine. Peak RSS: the server's VmHWM after typing.${pullNote}`
  );
}
