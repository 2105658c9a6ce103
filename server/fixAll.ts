import type { TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAll, type BallastSettings, type LintTarget } from '../engine';

export interface FixAllEdit {
  edit: TextEdit;
  /** How many fixes the edit applies. */
  fixed: number;
}

/** Every safe fix of the document as one edit, or undefined when there is nothing to fix. */
export function fixAllEdit(document: TextDocument, target: LintTarget, settings: BallastSettings): FixAllEdit | undefined {
  const { text, applied } = fixAll({ text: document.getText(), ...target, settings });
  const edit = minimalEdit(document, text);
  return edit && applied > 0 ? { edit, fixed: applied } : undefined;
}

/**
 * One edit that turns the document into `newText`, replacing only the span between their common
 * prefix and suffix, so that the editor keeps the cursor, folding and undo history of the rest.
 */
export function minimalEdit(document: TextDocument, newText: string): TextEdit | undefined {
  const oldText = document.getText();
  if (oldText === newText) return undefined;
  const shorter = Math.min(oldText.length, newText.length);
  let prefix = 0;
  while (prefix < shorter && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
  // Never cut a line break `\r\n` or a surrogate pair in two: positions cannot point inside them.
  while (prefix > 0 && splitsPair(oldText, prefix)) prefix--;
  while (suffix > 0 && splitsPair(oldText, oldText.length - suffix)) suffix--;
  return {
    range: { start: document.positionAt(prefix), end: document.positionAt(oldText.length - suffix) },
    newText: newText.slice(prefix, newText.length - suffix),
  };
}

function splitsPair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return (before === 13 && after === 10) || (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff);
}
