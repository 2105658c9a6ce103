import type { Instruction } from 'dockerfile-ast';
import type { TextEdit } from '../types';
import type { DockerfileModel } from './model';
import type { ShellScript, ShellWord } from './shell';

/**
 * Edits that delete a token (a flag, a word, a `KEY=value` pair) from a Dockerfile and tidy the
 * whitespace around it, so that what remains is still a well-formed instruction: no doubled
 * spaces, no continuation line left holding only an escape character, and no dangling escape
 * character that would glue the next instruction onto this one.
 */

/** A half-open span of document offsets. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Deletes `span` from whitespace-separated text (shell form, heredoc scripts, ENV/ARG pairs).
 * `continuation` is the character that continues a line: the Dockerfile's escape character, or a
 * backslash inside a heredoc script.
 */
export function deleteSpanEdit(model: DockerfileModel, span: Span, continuation: string): TextEdit {
  const { text, lines } = model;
  const startLine = lines.positionAt(span.start).line;
  const endLine = lines.positionAt(span.end).line;
  const before = text.slice(lines.lineStart(startLine), span.start);
  const after = text.slice(span.end, lines.lineEnd(endLine));
  const onlySpaceBefore = before.trim() === '';

  if (onlySpaceBefore && isContinuationRest(after, continuation)) {
    // The token had a continuation line to itself: drop the whole line.
    const nextLine = endLine + 1 < lines.lineCount ? lines.lineStart(endLine + 1) : text.length;
    return deletion(model, lines.lineStart(startLine), nextLine);
  }
  if (onlySpaceBefore && after.trim() === '' && startLine > 0) {
    // The token was alone on the last continuation line: end the instruction on the line before,
    // so that the next instruction is not joined onto this one.
    const previous = text.slice(lines.lineStart(startLine - 1), lines.lineEnd(startLine - 1));
    if (previous.trimEnd().endsWith(continuation)) {
      const cut = previous.trimEnd().slice(0, -continuation.length).trimEnd().length;
      return deletion(model, lines.lineStart(startLine - 1) + cut, span.end + after.length);
    }
  }
  if (after.startsWith(' ') || after.startsWith('\t')) return deletion(model, span.start, span.end + 1);
  if (before.endsWith(' ') || before.endsWith('\t')) return deletion(model, span.start - 1, span.end);
  return deletion(model, span.start, span.end);
}

/**
 * Deletes words `[first, last]` of an exec-form JSON array (`["curl", "-k", "…"]`) together with
 * the comma that separates them from their neighbours.
 */
export function deleteJsonElementsEdit(model: DockerfileModel, elements: readonly ShellWord[], first: number, last: number): TextEdit {
  const offset = (position: ShellWord['range']['start']) => model.lines.offsetAt(position);
  const next = elements[last + 1];
  if (next) return deletion(model, offset(elements[first]!.range.start), offset(next.range.start));
  const previous = elements[first - 1];
  const start = previous ? offset(previous.range.end) : offset(elements[first]!.range.start);
  return deletion(model, start, offset(elements[last]!.range.end));
}

/**
 * Deletes shell words `[first, last]` of a command, choosing the JSON-array or whitespace form
 * according to where the words are written.
 */
export function deleteShellWordsEdit(model: DockerfileModel, script: ShellScript, words: readonly ShellWord[], first: number, last: number): TextEdit {
  const isExecArrayElement = script.form === 'exec' && script.commands[0]?.words === words;
  if (isExecArrayElement) return deleteJsonElementsEdit(model, words, first, last);
  const span = { start: model.lines.offsetAt(words[first]!.range.start), end: model.lines.offsetAt(words[last]!.range.end) };
  return deleteSpanEdit(model, span, script.form === 'heredoc' ? '\\' : model.escapeChar);
}

/** Deletes a whole instruction, continuation lines and all, with its line break. */
export function deleteInstructionEdit(model: DockerfileModel, instruction: Instruction): TextEdit {
  const { lines } = model;
  const range = instruction.getRange();
  const start = lines.lineStart(range.start.line);
  if (range.end.line + 1 < lines.lineCount) return deletion(model, start, lines.lineStart(range.end.line + 1));
  // The last line of the file has no line break of its own: take the one before it instead.
  const from = range.start.line > 0 ? lines.lineEnd(range.start.line - 1) : start;
  return deletion(model, from, model.text.length);
}

/**
 * The offset of character `index` of a word's value, when the word is written on one line either
 * bare or wholly inside one pair of quotes, so that value and source line up character for
 * character. Undefined otherwise (escapes, expansions, words split over lines).
 */
export function offsetInWord(model: DockerfileModel, word: ShellWord, index: number): number | undefined {
  const { value, raw, range } = word;
  if (value === undefined || range.start.line !== range.end.line) return undefined;
  if (range.end.character - range.start.character !== raw.length) return undefined;
  const start = model.lines.offsetAt(range.start);
  if (raw === value) return start + index;
  const quote = raw[0];
  if ((quote === '"' || quote === "'") && raw === `${quote}${value}${quote}` && !value.includes('\\')) return start + 1 + index;
  return undefined;
}

function isContinuationRest(after: string, continuation: string): boolean {
  const rest = after.trim();
  return rest === continuation;
}

function deletion(model: DockerfileModel, start: number, end: number): TextEdit {
  return { range: model.lines.rangeOf(start, end), newText: '' };
}
