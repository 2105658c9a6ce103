import { readFileSync, statSync } from 'node:fs';
import { lint, type FileKind, type Finding, type Severity } from '../engine';
import { decodeSource, maxFileBytes, tooLargeMessage } from '../engine/limits';
import { maxTextLength } from '../engine/settings';
import { describeFileSystemError } from './fileSystemError';
import { fingerprintFindings } from './fingerprint';
import type { ScanTarget, WalkError } from './walk';

/** The pseudo rule id under which a file that could not be analysed is reported. */
export const FILE_ERROR_ID = 'ballast/file-error';

export interface ScannedFile {
  /** Relative to the working directory, with `/` separators. */
  path: string;
  kind: FileKind;
  findings: Finding[];
  /** SARIF's line hashes, one per finding, worked out where the text was at hand (see `fingerprintFindings`). */
  fingerprints?: string[];
  /** Why the file was not analysed: unreadable, binary or too large. */
  error?: string;
}

/** A whole scan at once, for callers that want one value rather than a stream. */
export interface ScanResult {
  files: ScannedFile[];
  walkErrors: WalkError[];
}

/** One file to lint: what a worker thread is sent, so only plain data. */
export interface LintTask {
  target: ScanTarget;
  /** Whether to work out SARIF fingerprints, which need the text the worker alone holds. */
  fingerprints: boolean;
}

/** Reads and lints one file. Never throws: a file that cannot be read is a result with an error. */
export function lintFile({ target, fingerprints }: LintTask): ScannedFile {
  const base = { path: target.displayPath, kind: target.kind };
  const read = readSource(target.absolutePath, maxTextLength(target.settings));
  if ('error' in read) return { ...base, findings: [], error: read.error };
  // No time budget: a slow rule cannot hang an editor here, and findings must not depend on load.
  const { findings } = lint({ text: read.text, kind: target.kind, chart: target.chart, overridesChartValues: target.overridesChartValues, settings: target.settings, ruleTimeBudgetMs: Number.POSITIVE_INFINITY });
  return fingerprints ? { ...base, findings, fingerprints: fingerprintFindings(read.text, findings) } : { ...base, findings };
}

/**
 * The file's bytes, or why it will not be read. The size is checked before reading so that a
 * stray multi-gigabyte file costs nothing; a FIFO named like a Dockerfile is not opened, as that
 * would block the scan.
 */
export function readBytes(absolutePath: string, maxLength: number): { bytes: Buffer } | { error: string } {
  try {
    const stats = statSync(absolutePath);
    if (!stats.isFile()) return { error: 'This is not a regular file, so it was not analysed.' };
    if (stats.size > maxFileBytes(maxLength)) return { error: tooLargeMessage(stats.size, maxLength) };
    return { bytes: readFileSync(absolutePath) };
  } catch (error) {
    return { error: `This file could not be read (${describeFileSystemError(error)}).` };
  }
}

/**
 * The file's text, or why it will not be linted: binary, not UTF-8 or too large, judged by the
 * engine's own test, the one the editor uses, but reported here as an error because a scan should
 * not pass it silently.
 */
export function readSource(absolutePath: string, maxLength: number): { text: string } | { error: string } {
  const read = readBytes(absolutePath, maxLength);
  if ('error' in read) return read;
  const decoded = decodeSource(read.bytes, maxLength);
  return 'skipped' in decoded ? { error: decoded.skipped } : decoded;
}

export interface ProblemCounts {
  error: number;
  warning: number;
  info: number;
}

/**
 * What the summary and the exit code need, added up file by file as results stream in. Each file
 * that could not be analysed and each unreadable directory counts as an error.
 */
export class ScanTally {
  files = 0;
  filesWithProblems = 0;
  readonly counts: ProblemCounts = { error: 0, warning: 0, info: 0 };

  add(file: ScannedFile): void {
    this.files++;
    if (file.error !== undefined || file.findings.length > 0) this.filesWithProblems++;
    if (file.error !== undefined) this.counts.error++;
    for (const finding of file.findings) this.counts[finding.severity]++;
  }

  addWalkErrors(errors: readonly WalkError[]): void {
    this.counts.error += errors.length;
  }

  get problems(): number {
    return this.counts.error + this.counts.warning + this.counts.info;
  }

  static of(result: ScanResult): ScanTally {
    const tally = new ScanTally();
    for (const file of result.files) tally.add(file);
    tally.addWalkErrors(result.walkErrors);
    return tally;
  }
}

export type FailOn = Severity | 'never';

const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

/** Exit code 1 when anything at or above the `--fail-on` level was found, else 0. */
export function scanExitCode(counts: ProblemCounts, failOn: FailOn): 0 | 1 {
  if (failOn === 'never') return 0;
  const failing = (Object.keys(RANK) as Severity[]).some((severity) => RANK[severity] >= RANK[failOn] && counts[severity] > 0);
  return failing ? 1 : 0;
}
