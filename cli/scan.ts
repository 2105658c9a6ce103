import { readFileSync, statSync } from 'node:fs';
import { lint, type EngineSettings, type FileKind, type Finding, type Severity } from '../engine';
import { DEFAULT_MAX_TEXT_LENGTH, skipReason } from '../engine/limits';
import { describeFileSystemError } from './fileSystemError';
import type { ScanTarget, WalkError } from './walk';

/** The pseudo rule id under which a file that could not be analysed is reported. */
export const FILE_ERROR_ID = 'ballast/file-error';

export interface ScannedFile {
  /** Relative to the working directory, with `/` separators. */
  path: string;
  kind: FileKind;
  findings: Finding[];
  /** The text that was linted, kept for SARIF fingerprints; absent when the file was not analysed. */
  text?: string;
  /** Why the file was not analysed: unreadable, binary or too large. */
  error?: string;
}

export interface ScanResult {
  files: ScannedFile[];
  walkErrors: WalkError[];
}

export function scanTargets(targets: readonly ScanTarget[], walkErrors: readonly WalkError[], settings: EngineSettings): ScanResult {
  return { files: targets.map((target) => scanFile(target, settings)), walkErrors: [...walkErrors] };
}

function scanFile(target: ScanTarget, settings: EngineSettings): ScannedFile {
  const base = { path: target.displayPath, kind: target.kind };
  const read = readSource(target.absolutePath);
  if ('error' in read) return { ...base, findings: [], error: read.error };
  return { ...base, findings: lint({ text: read.text, kind: target.kind, chart: target.chart, overridesChartValues: target.overridesChartValues, settings }).findings, text: read.text };
}

/**
 * The file's text, or why it will not be linted. The size is checked before reading so that a
 * stray multi-gigabyte file costs nothing; binary content is judged by the engine's own test, the
 * one the editor uses, but reported here as an error because a scan should not pass it silently.
 */
function readSource(absolutePath: string): { text: string } | { error: string } {
  let bytes: Buffer;
  try {
    // stat first: opening a FIFO named like a Dockerfile would block the scan.
    const stats = statSync(absolutePath);
    if (!stats.isFile()) return { error: 'This is not a regular file, so it was not analysed.' };
    if (stats.size > DEFAULT_MAX_TEXT_LENGTH) {
      return { error: `This file is ${megabytes(stats.size)}, above Ballast's limit of ${megabytes(DEFAULT_MAX_TEXT_LENGTH)}, so it was not analysed.` };
    }
    bytes = readFileSync(absolutePath);
  } catch (error) {
    return { error: `This file could not be read (${describeFileSystemError(error)}).` };
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  const skipped = skipReason(text);
  return skipped ? { error: skipped.message } : { text };
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export interface ProblemCounts {
  error: number;
  warning: number;
  info: number;
}

/** Findings by severity; each file that could not be analysed and each unreadable directory counts as an error. */
export function countProblems(result: ScanResult): ProblemCounts {
  const counts: ProblemCounts = { error: result.walkErrors.length, warning: 0, info: 0 };
  for (const file of result.files) {
    if (file.error !== undefined) counts.error++;
    for (const finding of file.findings) counts[finding.severity]++;
  }
  return counts;
}

export type FailOn = Severity | 'never';

const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

/** Exit code 1 when anything at or above the `--fail-on` level was found, else 0. */
export function scanExitCode(result: ScanResult, failOn: FailOn): 0 | 1 {
  if (failOn === 'never') return 0;
  const counts = countProblems(result);
  const failing = (Object.keys(RANK) as Severity[]).some((severity) => RANK[severity] >= RANK[failOn] && counts[severity] > 0);
  return failing ? 1 : 0;
}
