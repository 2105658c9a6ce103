import { LineIndex, comparePositions } from './text';
import type { Fix, TextEdit } from './types';

/** Applies edits that do not overlap; edits are given in the text's original coordinates. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const located = edits
    .map((edit) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), newText: edit.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let result = '';
  let cursor = 0;
  for (const edit of located) {
    if (edit.start < cursor) throw new Error('Overlapping edits cannot be applied together.');
    result += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return result + text.slice(cursor);
}

/**
 * Picks fixes whose edits do not overlap each other, first come first served, the way ESLint's
 * fix passes do. Fixes that lose out are applied by a later pass, after a re-lint.
 */
export function selectCompatibleFixes(fixes: readonly Fix[]): Fix[] {
  const chosen: Fix[] = [];
  const taken: TextEdit[] = [];
  for (const fix of fixes) {
    const clash = fix.edits.some((edit) => taken.some((other) => overlaps(edit, other)));
    if (clash) continue;
    chosen.push(fix);
    taken.push(...fix.edits);
  }
  return chosen;
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // Two insertions at the same point clash too: their order would be arbitrary.
  if (comparePositions(a.range.end, b.range.start) < 0 || comparePositions(b.range.end, a.range.start) < 0) return false;
  const aEmpty = comparePositions(a.range.start, a.range.end) === 0;
  const bEmpty = comparePositions(b.range.start, b.range.end) === 0;
  if (!aEmpty && !bEmpty && (comparePositions(a.range.end, b.range.start) === 0 || comparePositions(b.range.end, a.range.start) === 0)) return false;
  return true;
}
