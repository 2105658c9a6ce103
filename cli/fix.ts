import { writeFileSync } from 'node:fs';
import { FILE_HEADERS_ONLY, createTwoFilesPatch } from 'diff';
import { fixAll, type FileKind } from '../engine';
import { decodeSource } from '../engine/limits';
import { maxTextLength } from '../engine/settings';
import { describeFileSystemError } from './fileSystemError';
import { readBytes } from './scan';
import type { ScanTarget } from './walk';

/** The kinds `fix` works on: those with rules that offer fixes. */
export const FIXABLE_KINDS: readonly FileKind[] = ['dockerfile', 'kubernetes', 'helm-values'];

/** One file to fix: what a worker thread is sent, so only plain data. */
export interface FixTask {
  target: ScanTarget;
  /** Work out the change and return it as a diff rather than write it. */
  dryRun: boolean;
}

export interface FixedFile {
  path: string;
  /** How many fixes were applied (or would be, in a dry run). */
  applied: number;
  /** The unified diff of the change, in a dry run that changes something. */
  diff?: string;
  /** Why the file was not fixed: unreadable, not UTF-8, binary, too large, or not writable. */
  error?: string;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Applies every safe fix to one file, as the editor's fix-all does, and writes it in place (or,
 * in a dry run, returns the diff). Suggestions are never applied. Never throws.
 *
 * The file's bytes come back as they were except where a fix changed them: a byte-order mark is
 * kept, a file with only CRLF line breaks is fixed with LF ones and written with CRLF again, and a
 * file that is not valid UTF-8 is left alone rather than written back with replacement characters.
 */
export function fixFile({ target, dryRun }: FixTask): FixedFile {
  const result: FixedFile = { path: target.displayPath, applied: 0 };
  const maxLength = maxTextLength(target.settings);
  const read = readBytes(target.absolutePath, maxLength);
  if ('error' in read) return { ...result, error: notFixed(read.error) };
  const hasBom = read.bytes.subarray(0, 3).equals(BOM);
  const decoded = decodeSource(read.bytes, maxLength);
  if ('skipped' in decoded) return { ...result, error: notFixed(decoded.skipped) };
  const text = decoded.text;

  const crlf = usesCrlfOnly(text);
  const source = crlf ? text.replace(/\r\n/g, '\n') : text;
  const fixed = fixAll({ text: source, kind: target.kind, chart: target.chart, overridesChartValues: target.overridesChartValues, settings: target.settings });
  if (fixed.text === source) return result;
  const output = crlf ? fixed.text.replace(/\r?\n/g, '\r\n') : fixed.text;
  result.applied = fixed.applied;

  if (dryRun) {
    // The mark is part of the first line, as git and patch see it.
    const bom = hasBom ? '\uFEFF' : '';
    result.diff = unifiedDiff(target.displayPath, bom + text, bom + output);
    return result;
  }
  try {
    const bytes = Buffer.from(output, 'utf8');
    // Written over the file itself, not renamed into place, so its mode, owner and links stay.
    writeFileSync(target.absolutePath, hasBom ? Buffer.concat([BOM, bytes]) : bytes);
  } catch (error) {
    return { path: target.displayPath, applied: 0, error: `This file could not be written (${describeFileSystemError(error)}), so it was not fixed.` };
  }
  return result;
}

/** The scan's reason for passing a file by, told of fixing. */
function notFixed(reason: string): string {
  return reason.replace('did not analyse it', 'did not fix it').replace('was not analysed', 'was not fixed').replace('to have it checked', 'to have it fixed');
}

/** Whether every line break is CRLF (and there is at least one). */
function usesCrlfOnly(text: string): boolean {
  const crlf = text.split('\r\n').length - 1;
  return crlf > 0 && crlf === text.split('\n').length - 1;
}

/**
 * `--- a/path`, `+++ b/path` and hunks with 3 lines of context, as `git diff` prints them, so
 * the output can be read or applied with `git apply` or `patch -p1`. The diff is jsdiff's.
 */
export function unifiedDiff(displayPath: string, before: string, after: string): string {
  return createTwoFilesPatch(`a/${displayPath}`, `b/${displayPath}`, before, after, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
}
