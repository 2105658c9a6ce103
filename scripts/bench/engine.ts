/**
 * Section `engine`: per input, the parse floor and a full `lint()` in this process, cold (a text
 * the engine's caches have not seen) and warm (the same text again), and their ratio to the floor.
 */
import { INTERNAL_ERROR_ID, lint, type Finding } from '../../engine';
import type { Observations } from './findings';
import { lineCount, type BenchInput } from './inputs/catalogue';
import { summarize, timeRepeatedly, type Summary } from './measure';
import { parseFloor } from './parseFloor';
import type { BenchPlan } from './plan';
import { markdownTable, ms, ratio, whole } from './table';

export interface EngineRow {
  input: string;
  label: string;
  lines: number;
  bytes: number;
  findings: number;
  parseFloorMs: Summary;
  lintColdMs: Summary;
  lintWarmMs: Summary;
  /** Median cold lint ÷ median parse floor. */
  coldToFloor: number;
  warmToFloor: number;
}

/**
 * Which rules fired how often: salted copies of an input must give the same. Internal errors are
 * left out: a rule over its time budget reports one, depending on how busy the machine is.
 */
function ruleTally(findings: readonly Finding[]): string {
  return findings
    .filter((finding) => finding.ruleId !== INTERNAL_ERROR_ID)
    .map((finding) => finding.ruleId)
    .sort()
    .join(',');
}

/** Internal errors are the engine's own failures (a rule that threw or ran over its time budget): worth reporting. */
function noteInternalErrors(observations: Observations, label: string, findings: readonly Finding[]): void {
  const internal = findings.find((finding) => finding.ruleId === INTERNAL_ERROR_ID);
  if (internal) observations.note('engine', `${label}: lint reported ${INTERNAL_ERROR_ID}: ${internal.message}`);
}

export function benchEngine(inputs: readonly BenchInput[], plan: BenchPlan, observations: Observations, log: (line: string) => void): EngineRow[] {
  const rows: EngineRow[] = [];
  for (const input of inputs) {
    log(`engine: ${input.label}`);
    const lintText = (text: string) => lint({ text, kind: input.kind, ...(input.chart ? { chart: input.chart } : {}) });
    const floor = timeRepeatedly(() => parseFloor(input.kind, input.text), plan.parseFloor);

    // Each timed lint gets a text no cache holds, made before its clock starts; the findings are
    // compared with the input's after the clock stops.
    const expected = lintText(input.text).findings;
    const coldFindings: Finding[][] = [];
    const cold = timeRepeatedly((text: string) => void coldFindings.push(lintText(text).findings), plan.lintCold, (i) => input.salted(`cold ${i}`));
    const tallies = new Set(coldFindings.map(ruleTally));
    noteInternalErrors(observations, input.label, [expected, ...coldFindings].flat());
    coldFindings.length = 0;
    if (tallies.size !== 1 || !tallies.has(ruleTally(expected))) {
      observations.note('engine', `${input.label}: the salted copies lint to other findings than the input, so the cold figures measure different work`);
    }
    const warm = timeRepeatedly(() => lintText(input.text), plan.lintWarm);

    const row: EngineRow = {
      input: input.id,
      label: input.label,
      lines: lineCount(input.text),
      bytes: Buffer.byteLength(input.text),
      findings: expected.length,
      parseFloorMs: summarize(floor),
      lintColdMs: summarize(cold),
      lintWarmMs: summarize(warm),
      coldToFloor: Number.NaN,
      warmToFloor: Number.NaN,
    };
    row.coldToFloor = row.lintColdMs.median / row.parseFloorMs.median;
    row.warmToFloor = row.lintWarmMs.median / row.parseFloorMs.median;
    rows.push(row);
  }
  return rows;
}

export function engineTable(rows: readonly EngineRow[]): string {
  return markdownTable(
    ['Input', 'Lines #', 'Findings #', 'Parse floor (ms) #', 'Lint, cold (ms) #', 'Cold ÷ floor #', 'Lint, warm (ms) #', 'Warm ÷ floor #'],
    rows.map((row) => [row.label, whole(row.lines), whole(row.findings), ms(row.parseFloorMs.median), ms(row.lintColdMs.median), ratio(row.coldToFloor), ms(row.lintWarmMs.median), ratio(row.warmToFloor)]),
  );
}

export const ENGINE_NOTES =
  'Medians, in this process, JIT-warm. Parse floor: `yaml` parseAllDocuments with the engine\'s options and a LineCounter, or dockerfile-ast `DockerfileParser.parse`. ' +
  'Cold: each run lints a copy with a salt comment in every RUN script and YAML document, which the engine\'s parse caches (by text) have not seen; warm: the same text again.';
