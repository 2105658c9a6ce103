import { readFileSync, statSync } from 'node:fs';
import { lint, SKIPPED_ID, type BallastSettings, type Finding, type LintTarget, type RuleFailure } from '../engine';
import { DEFAULT_MAX_TEXT_LENGTH } from '../engine/limits';

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
 * A text is at most 3 bytes of UTF-8 per UTF-16 unit, so a file larger than this is above the
 * engine's limit whatever it holds, and is not read at all. Below it, the file is read and the
 * engine decides, exactly as it does for the same text open in the editor.
 */
const MAX_FILE_BYTES = 3 * DEFAULT_MAX_TEXT_LENGTH;

/**
 * Lints a file from disk as the editor would lint it open: the same engine, text decoded as UTF-8
 * without its byte order mark, and the engine's own finding for binary and oversized content.
 * Never throws: a file that cannot be read gets a finding that says why.
 */
export function lintFileFromDisk(job: ScanJob): ScanJobResult {
  let bytes: Buffer;
  try {
    // stat first: a FIFO named like a Dockerfile would block the read, and a huge file costs nothing.
    const stats = statSync(job.path);
    if (!stats.isFile()) return skipped('This is not a regular file, so Ballast did not analyse it.');
    if (stats.size > MAX_FILE_BYTES) {
      return skipped(`This file is ${megabytes(stats.size)}, above Ballast's limit of ${megabytes(DEFAULT_MAX_TEXT_LENGTH)}, so it was not analysed.`);
    }
    bytes = readFileSync(job.path);
  } catch (error) {
    if (isMissing(error)) return { status: 'missing' };
    return skipped(`This file could not be read (${describeReadError(error)}), so Ballast did not analyse it.`);
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  const { findings, ruleFailures } = lint({ text, ...job.target, settings: job.settings });
  return { status: 'linted', findings, ruleFailures };
}

function skipped(message: string): ScanJobResult {
  const finding: Finding = { ruleId: SKIPPED_ID, severity: 'info', message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, fixes: [] };
  return { status: 'linted', findings: [finding], ruleFailures: [] };
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

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
