import { readFileSync, statSync } from 'node:fs';
import { decodeSource, lint, maxTextLength, type BallastSettings, type LintTarget, type RuleFailure, type Finding } from '../engine';
import { maxFileBytes, skippedFinding, tooLargeMessage } from '../engine/limits';

/** One file of a workspace scan, as a worker thread lints it: everything it needs is in here. */
export interface ScanJob {
  /** The file's path on disk. */
  path: string;
  target: LintTarget;
  settings: BallastSettings;
}

export type ScanJobResult =
  | { status: 'linted'; findings: Finding[]; ruleFailures: RuleFailure[] }
  /** The file is gone (deleted or renamed since it was found): it has nothing to report. */
  | { status: 'missing' };

/**
 * Lints a file from disk as the editor would lint it open: the same engine, text decoded as UTF-8
 * without its byte order mark (and not guessed at when it is not UTF-8), and the engine's own finding for binary and oversized content.
 * Never throws: a file that cannot be read gets a finding that says why.
 */
export function lintFileFromDisk(job: ScanJob): ScanJobResult {
  const maxLength = maxTextLength(job.settings);
  let bytes: Buffer;
  try {
    // stat first: a FIFO named like a Dockerfile would block the read, and a huge file costs nothing.
    const stats = statSync(job.path);
    if (!stats.isFile()) return skipped('This is not a regular file, so Ballast did not analyse it.');
    if (stats.size > maxFileBytes(maxLength)) return skipped(tooLargeMessage(stats.size, maxLength));
    bytes = readFileSync(job.path);
  } catch (error) {
    if (isMissing(error)) return { status: 'missing' };
    return skipped(`This file could not be read (${describeReadError(error)}), so Ballast did not analyse it.`);
  }
  const decoded = decodeSource(bytes, maxLength);
  if ('skipped' in decoded) return skipped(decoded.skipped);
  // No time budget: scans run in worker threads, where a slow rule keeps no one waiting, and a
  // scan's findings must not depend on how busy the machine is.
  const { findings, ruleFailures } = lint({ text: decoded.text, ...job.target, settings: job.settings, ruleTimeBudgetMs: Number.POSITIVE_INFINITY });
  return { status: 'linted', findings, ruleFailures };
}

function skipped(message: string): ScanJobResult {
  return { status: 'linted', findings: [skippedFinding(message)], ruleFailures: [] };
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** `EACCES: permission denied` rather than Node's full text with the path in it. */
function describeReadError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const reason = /^[A-Z]+: ([^,]+)/.exec(message)?.[1];
  return typeof code === 'string' ? (reason ? `${code}: ${reason}` : code) : message;
}
