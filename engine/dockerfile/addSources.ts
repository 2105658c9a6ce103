import type { Flag, Instruction, JSONInstruction } from 'dockerfile-ast';
import type { Range } from '../types';
import type { DockerfileModel } from './model';

/**
 * What an `ADD` source is, as BuildKit decides it:
 * - `http`: an `http(s)://` URL that is downloaded;
 * - `git`: a Git repository (`git@…`, `git://`, `ssh://`, or an `http(s)` URL whose path ends in `.git`);
 * - `local`: a path in the build context;
 * - `heredoc`: inline content (`ADD <<EOF /file`);
 * - `unknown`: a variable whose value Ballast cannot see.
 */
export type AddSourceKind = 'http' | 'git' | 'local' | 'heredoc' | 'unknown';

export interface AddSource {
  /** The source as written, quotes of the JSON form removed. */
  value: string;
  range: Range;
  kind: AddSourceKind;
  /**
   * For local sources: whether ADD may unpack it. Docker unpacks any local tar archive whatever
   * its name; Ballast goes by the extension, and treats a wildcard that could match an archive
   * (`dist/*`) as one.
   */
  mayBeArchive: boolean;
}

export interface AddInstruction {
  instruction: Instruction;
  sources: AddSource[];
  flags: Flag[];
}

/** Suffixes of the tar archives and compressed files that ADD unpacks (compared lower-cased). */
const ARCHIVE_SUFFIXES = ['.tar', '.tgz', '.taz', '.tbz', '.tbz2', '.tb2', '.txz', '.tlz', '.tzst', '.gz', '.bz2', '.xz', '.lzma', '.lz', '.zst', '.z'];

/** The sources of an `ADD` (or `COPY`) instruction: every argument but the destination. */
export function addSources(model: DockerfileModel, instruction: Instruction): AddInstruction {
  const flags = (instruction as JSONInstruction).getFlags?.() ?? [];
  const json = (instruction as JSONInstruction).getJSONStrings?.() ?? [];
  const written: { value: string; range: Range }[] = [];
  if (json.length > 0) {
    for (const string of json) {
      const range = string.getRange();
      written.push({ value: decodeJsonString(model.text.slice(model.lines.offsetAt(range.start), model.lines.offsetAt(range.end))), range });
    }
  } else {
    const heredocs = (instruction as unknown as { getHeredocs(): { getStartRange(): Range }[] }).getHeredocs();
    // The arguments of `ADD <<EOF /dest` end on the line that opens the last heredoc; what follows
    // is heredoc content.
    const lastHeader = heredocs.at(-1)?.getStartRange().start.line;
    for (const argument of instruction.getArguments()) {
      const range = argument.getRange();
      if (lastHeader !== undefined && range.start.line > lastHeader) break;
      written.push({ value: argument.getValue(), range });
    }
  }
  const sources = written.slice(0, -1).map(({ value, range }) => classify(value, range));
  return { instruction, sources, flags };
}

export function hasFlag(add: AddInstruction, name: string): boolean {
  return add.flags.some((flag) => flag.getName().toLowerCase() === name);
}

function classify(value: string, range: Range): AddSource {
  const kind = sourceKind(value);
  return { value, range, kind, mayBeArchive: kind === 'local' && mayBeArchive(value) };
}

function sourceKind(value: string): AddSourceKind {
  if (/^<<-?/.test(value)) return 'heredoc';
  if (/^git@[^:]+:/i.test(value) || /^(git|ssh):\/\//i.test(value)) return 'git';
  const http = /^https?:\/\/[^?#]*/i.exec(value);
  if (http) return /\.git\/?$/i.test(http[0]) ? 'git' : 'http';
  if (value.includes('$')) return 'unknown';
  return 'local';
}

function mayBeArchive(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (ARCHIVE_SUFFIXES.some((suffix) => name.endsWith(suffix))) return true;
  // A wildcard that ends open (`*`, `file?`, `[ab]`) can match an archive.
  return /[*?\]]$/.test(name);
}

function decodeJsonString(written: string): string {
  try {
    const value: unknown = JSON.parse(written);
    return typeof value === 'string' ? value : written;
  } catch {
    return written.replace(/^"|"$/g, '');
  }
}
