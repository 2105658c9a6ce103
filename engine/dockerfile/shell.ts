import type { Instruction } from 'dockerfile-ast';
import { parseShell, walk, type SyntaxNode } from './shellSyntax';
import type { Range } from '../types';
import type { DockerfileModel } from './model';

/** One word of a shell command, with its place in the Dockerfile. */
export interface ShellWord {
  /** The word after quote removal when it is fully literal; undefined when it holds expansions. */
  value: string | undefined;
  /** The word as written. */
  raw: string;
  range: Range;
}

/** A simple command (`curl -fsSL https://…`) found in a RUN instruction. */
export interface ShellCommand {
  /** The program's base name (`curl` for `/usr/bin/curl`), when it is literal. */
  program: string | undefined;
  /** Every word, the program first. */
  words: ShellWord[];
  /** The words after the program. */
  args: ShellWord[];
  /**
   * Variables assigned for this command only (`GIT_SSL_NO_VERIFY=1 git clone …`), each as one word
   * whose value is `NAME=value`.
   */
  assignments: ShellWord[];
  range: Range;
  /** The next command of a pipeline: in `curl … | sh`, curl's `pipesTo` is sh. */
  pipesTo: ShellCommand | undefined;
  /** Where this command's output is substituted: `$(…)`/`` `…` `` (command) or `<(…)` (process). */
  substitutedInto: { command: ShellCommand | undefined; kind: 'command' | 'process' } | undefined;
  /** For commands of an `sh -c '…'` string: the `sh` command that runs them. */
  runBy: ShellCommand | undefined;
}

export interface ShellScript {
  form: 'shell' | 'exec' | 'heredoc';
  commands: ShellCommand[];
  /** Set when the script could not be parsed (for example while it is being typed). */
  error: { message: string; range: Range } | undefined;
}

/** A piece of source made from document text, with the document offset of every character. */
interface MappedSource {
  text: string;
  /** `offsets[i]` is the document offset of `text[i]`; one extra entry marks the end. */
  offsets: number[];
}

const AND_STMT = 10;
const OR_STMT = 11;
const PIPE = 12;
const PIPE_ALL = 13;
export const SHELL_PROGRAMS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'ash', 'mksh', 'busybox']);

const scriptCache = new WeakMap<Instruction, ShellScript>();

/** The shell commands that a RUN instruction executes, parsed once per model. */
export function runScript(model: DockerfileModel, run: Instruction): ShellScript {
  const cached = scriptCache.get(run);
  if (cached) return cached;
  const script = buildRunScript(model, run);
  scriptCache.set(run, script);
  return script;
}

function buildRunScript(model: DockerfileModel, run: Instruction): ShellScript {
  const argsRange = run.getArgumentsRange();
  if (!argsRange) return { form: 'shell', commands: [], error: undefined };
  const start = model.lines.offsetAt(argsRange.start);
  const end = model.lines.offsetAt(run.getRange().end);

  const heredocs = (run as unknown as { getHeredocs?: () => Heredoc[] }).getHeredocs?.() ?? [];
  const first = heredocs[0];
  if (first && /^<<-?\s*["']?[A-Za-z_]/.test(model.text.slice(start, start + 40))) {
    // `RUN <<EOF` runs the heredoc's body as the script.
    const content = first.getContentRange();
    if (!content) return { form: 'heredoc', commands: [], error: undefined };
    const source = plainSource(model.text, model.lines.offsetAt(content.start), model.lines.offsetAt(content.end));
    return parseScript(model, source, 'heredoc');
  }

  const source = joinContinuations(model, start, end);
  if (source.text.trimStart().startsWith('[')) {
    const exec = parseExecForm(model, source);
    if (exec) return exec;
  }
  return parseScript(model, source, 'shell');
}

interface Heredoc {
  getContentRange(): Range | null;
}

function plainSource(text: string, start: number, end: number): MappedSource {
  const chars: string[] = [];
  const offsets: number[] = [];
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) continue;
    chars.push(text[i]!);
    offsets.push(i);
  }
  offsets.push(end);
  return { text: chars.join(''), offsets };
}

/**
 * Joins continuation lines the way the Dockerfile frontend does: an escape character at the end of
 * a line removes the line break, and blank or comment lines inside the continuation are dropped.
 */
export function joinContinuations(model: DockerfileModel, start: number, end: number): MappedSource {
  const { text, escapeChar } = model;
  const chars: string[] = [];
  const offsets: number[] = [];
  let i = start;
  while (i < end) {
    const ch = text[i]!;
    if (ch === escapeChar) {
      const afterEscape = lineBreakAfterWhitespace(text, i + 1, end);
      if (afterEscape !== undefined) {
        i = skipBlankAndCommentLines(text, afterEscape, end);
        continue;
      }
      // An escaped character stays as written; the shell sees it.
      chars.push(ch);
      offsets.push(i);
      i++;
      if (i < end) {
        chars.push(text[i]!);
        offsets.push(i);
        i++;
      }
      continue;
    }
    if (ch === '\r' && text[i + 1] === '\n') {
      i++;
      continue;
    }
    chars.push(ch);
    offsets.push(i);
    i++;
  }
  offsets.push(end);
  return { text: chars.join(''), offsets };
}

/** When only spaces/tabs follow `from` up to a line break, the offset after that break. */
function lineBreakAfterWhitespace(text: string, from: number, end: number): number | undefined {
  let i = from;
  while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
  if (i >= end) return i;
  if (text[i] === '\n') return i + 1;
  if (text[i] === '\r' && text[i + 1] === '\n') return i + 2;
  return undefined;
}

function skipBlankAndCommentLines(text: string, from: number, end: number): number {
  let i = from;
  while (i < end) {
    let j = i;
    while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
    const isComment = text[j] === '#';
    const isBlank = text[j] === '\n' || text[j] === '\r' || j >= end;
    if (!isComment && !isBlank) return i;
    while (j < end && text[j] !== '\n') j++;
    if (j >= end) return end;
    i = j + 1;
  }
  return i;
}

function parseExecForm(model: DockerfileModel, source: MappedSource): ShellScript | undefined {
  const strings = scanJsonStringArray(source.text);
  if (!strings) return undefined;
  const words: ShellWord[] = strings.map((s) => ({
    value: s.value,
    raw: source.text.slice(s.start, s.end),
    range: model.lines.rangeOf(source.offsets[s.start]!, source.offsets[s.end]!),
  }));
  const command = makeCommand(words, model.lines.rangeOf(source.offsets[strings[0]?.start ?? 0]!, source.offsets[strings.at(-1)?.end ?? 0]!));
  const commands = [command];
  // ["sh", "-c", "script"]: the script string is shell, parse it in place.
  const scriptIndex = inlineScriptIndex(command);
  const scriptString = scriptIndex !== undefined ? strings[scriptIndex] : undefined;
  if (scriptString) {
    const inner: MappedSource = {
      text: scriptString.value,
      offsets: scriptString.valueOffsets.map((offset) => source.offsets[offset]!),
    };
    const script = parseScript(model, inner, 'exec');
    for (const c of script.commands) c.runBy ??= command;
    commands.push(...script.commands);
    return { form: 'exec', commands, error: script.error };
  }
  return { form: 'exec', commands, error: undefined };
}

interface JsonString {
  value: string;
  /** Offsets of the quotes in the source text. */
  start: number;
  end: number;
  /** Source offset of each decoded character, plus one for the end. */
  valueOffsets: number[];
}

/** Reads `["a", "b"]`, keeping where each decoded character came from. */
function scanJsonStringArray(text: string): JsonString[] | undefined {
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  skipSpace();
  if (text[i] !== '[') return undefined;
  i++;
  const result: JsonString[] = [];
  skipSpace();
  if (text[i] === ']') return undefined;
  for (;;) {
    skipSpace();
    if (text[i] !== '"') return undefined;
    const start = i;
    i++;
    let value = '';
    const valueOffsets: number[] = [];
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        const escaped = text[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (escaped !== undefined && simple[escaped] !== undefined) {
          value += simple[escaped];
          valueOffsets.push(i);
          i += 2;
        } else if (escaped === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          valueOffsets.push(i);
          i += 6;
        } else {
          return undefined;
        }
      } else {
        value += text[i];
        valueOffsets.push(i);
        i++;
      }
    }
    if (text[i] !== '"') return undefined;
    valueOffsets.push(i);
    i++;
    result.push({ value, start, end: i, valueOffsets });
    skipSpace();
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] === ']') {
      i++;
      skipSpace();
      return i === text.length ? result : undefined;
    }
    return undefined;
  }
}

/** For `sh -c 'script'` (and bash, dash, …), the index of the word holding the script. */
function inlineScriptIndex(command: ShellCommand): number | undefined {
  if (!command.program || !SHELL_PROGRAMS.has(command.program)) return undefined;
  for (let i = 1; i < command.words.length; i++) {
    const word = command.words[i]!.value;
    if (word === undefined) return undefined;
    if (!word.startsWith('-')) return undefined;
    if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(word)) return i + 1 < command.words.length ? i + 1 : undefined;
  }
  return undefined;
}

function makeCommand(words: ShellWord[], range: Range): ShellCommand {
  const first = words[0]?.value;
  return {
    program: first === undefined ? undefined : first.slice(first.lastIndexOf('/') + 1),
    words,
    args: words.slice(1),
    assignments: [],
    range,
    pipesTo: undefined,
    substitutedInto: undefined,
    runBy: undefined,
  };
}

function parseScript(model: DockerfileModel, source: MappedSource, form: ShellScript['form']): ShellScript {
  const byteToChar = byteOffsetsToCharIndexes(source.text);
  const toDoc = (byteOffset: number) => source.offsets[Math.min(byteToChar(byteOffset), source.offsets.length - 1)]!;
  const parsed = parseShell(source.text);
  if (!parsed.file) {
    const message = parsed.error.replace(/^RUN:/, '');
    const at = /^(\d+):(\d+):\s*(.*)$/.exec(message);
    let offset = source.offsets[source.offsets.length - 1]!;
    if (at) {
      const lineStart = nthLineStart(source.text, Number(at[1]) - 1);
      offset = source.offsets[Math.min(lineStart + Number(at[2]) - 1, source.offsets.length - 1)]!;
    }
    return { form, commands: [], error: { message: at?.[3] ?? message, range: model.lines.rangeOf(offset, offset) } };
  }
  const file = parsed.file;

  const commands: ShellCommand[] = [];
  const rangeOf = (node: SyntaxNode) => model.lines.rangeOf(toDoc(node.pos), toDoc(node.end));
  const wordOf = (node: SyntaxNode): ShellWord => {
    const start = node.pos;
    const end = node.end;
    const raw = sliceBytes(source.text, byteToChar(start), byteToChar(end));
    return { value: literalValue(node), raw, range: rangeOf(node) };
  };

  const assignmentOf = (node: SyntaxNode): ShellWord => {
    const word = wordOf(node);
    const name = (node.Name as SyntaxNode | undefined)?.Value;
    const valueNode = node.Value as SyntaxNode | undefined;
    // A naked argument of `export`/`declare` is an option (`-x`), a name, or a quoted `"A=1"`.
    if (node.Naked) return { ...word, value: valueNode ? literalValue(valueNode) : typeof name === 'string' ? name : undefined };
    const value = valueNode ? literalValue(valueNode) : '';
    const plain = typeof name === 'string' && !node.Append && !node.Index && !node.Array && value !== undefined;
    return { ...word, value: plain ? `${name}=${value}` : undefined };
  };

  /** Visits a node; returns the simple commands at its "edges" for pipeline linking. */
  const visit = (node: SyntaxNode, context: Pick<ShellCommand, 'substitutedInto' | 'runBy'>): { first: ShellCommand[]; last: ShellCommand[] } => {
    const type = node.type;
    switch (type) {
      case 'Stmt': {
        const edges = node.Cmd ? visit(node.Cmd as SyntaxNode, context) : { first: [], last: [] };
        for (const redirect of (node.Redirs as SyntaxNode[] | undefined) ?? []) visitChildren(redirect, context, undefined);
        return edges;
      }
      case 'CallExpr': {
        const argNodes = (node.Args as SyntaxNode[] | undefined) ?? [];
        const assignNodes = (node.Assigns as SyntaxNode[] | undefined) ?? [];
        for (const assign of assignNodes) visitChildren(assign, context, undefined);
        if (argNodes.length === 0) return { first: [], last: [] };
        const command = makeCommand(argNodes.map(wordOf), rangeOf(node));
        command.assignments = assignNodes.map(assignmentOf);
        command.substitutedInto = context.substitutedInto;
        command.runBy = context.runBy;
        commands.push(command);
        for (const arg of argNodes) visitChildren(arg, context, command);
        const scriptIndex = inlineScriptIndex(command);
        if (scriptIndex !== undefined) visitInlineScript(argNodes[scriptIndex]!, command);
        return { first: [command], last: [command] };
      }
      case 'DeclClause': {
        // `export A=1`, `declare -x B`, `local C`: a command of the keyword and its arguments.
        const variant = node.Variant as SyntaxNode;
        const argNodes = (node.Args as SyntaxNode[] | undefined) ?? [];
        const keyword: ShellWord = { ...wordOf(variant), value: String(variant.Value) };
        const command = makeCommand([keyword, ...argNodes.map(assignmentOf)], rangeOf(node));
        command.substitutedInto = context.substitutedInto;
        command.runBy = context.runBy;
        commands.push(command);
        for (const arg of argNodes) visitChildren(arg, context, command);
        return { first: [command], last: [command] };
      }
      case 'BinaryCmd': {
        const left = visit(node.X as SyntaxNode, context);
        const right = visit(node.Y as SyntaxNode, context);
        const op = node.Op as number;
        if (op === PIPE || op === PIPE_ALL) {
          for (const c of left.last) c.pipesTo ??= right.first[0];
          return { first: left.first, last: right.last };
        }
        if (op === AND_STMT || op === OR_STMT) return { first: left.first, last: right.last };
        return { first: left.first, last: right.last };
      }
      default:
        visitChildren(node, context, undefined);
        return { first: [], last: [] };
    }
  };

  /** Walks below a node, handing statements to `visit` and marking substitutions. */
  const visitChildren = (node: SyntaxNode, context: Pick<ShellCommand, 'substitutedInto' | 'runBy'>, owner: ShellCommand | undefined) => {
    walk(node, (child) => {
      const type = child.type;
      if (type === 'CmdSubst' || type === 'ProcSubst') {
        const inner = { substitutedInto: { command: owner, kind: type === 'CmdSubst' ? 'command' : 'process' } as const, runBy: context.runBy };
        for (const stmt of (child.Stmts as SyntaxNode[] | undefined) ?? []) visit(stmt, inner);
        return false;
      }
      if (type === 'Stmt') {
        visit(child, context);
        return false;
      }
      return true;
    });
  };

  /** `sh -c '…'`: parse the quoted script too, mapped back into the document. */
  const visitInlineScript = (wordNode: SyntaxNode, shellCommand: ShellCommand) => {
    const parts = (wordNode.Parts as SyntaxNode[] | undefined) ?? [];
    const only = parts[0];
    if (parts.length !== 1 || !only) return;
    const type = only.type;
    const isPlainDouble = type === 'DblQuoted' && ((only.Parts as SyntaxNode[] | undefined) ?? []).every((p) => p.type === 'Lit');
    if (type !== 'SglQuoted' && !isPlainDouble) return;
    const startChar = byteToChar(only.pos) + 1;
    const endChar = byteToChar(only.end) - 1;
    if (endChar <= startChar) return;
    const inner: MappedSource =
      type === 'DblQuoted'
        ? unescapeDoubleQuoted(source, startChar, endChar)
        : { text: source.text.slice(startChar, endChar), offsets: source.offsets.slice(startChar, endChar + 1) };
    const script = parseScript(model, inner, form);
    for (const c of script.commands) {
      c.runBy ??= shellCommand;
      commands.push(c);
    }
  };

  for (const stmt of (file.Stmts as SyntaxNode[] | undefined) ?? []) visit(stmt, { substitutedInto: undefined, runBy: undefined });
  return { form, commands, error: undefined };
}

/**
 * The script a double-quoted `sh -c "…"` string hands to the inner shell: the outer shell removes
 * the backslash of `\"`, `\\`, `\$` and `` \` ``, and drops `\` + newline. An unescaped character
 * keeps the offset of its backslash, so that a word's range covers what is written.
 */
function unescapeDoubleQuoted(source: MappedSource, start: number, end: number): MappedSource {
  const chars: string[] = [];
  const offsets: number[] = [];
  for (let i = start; i < end; i++) {
    const next = source.text[i + 1];
    if (source.text[i] === '\\' && i + 1 < end && next !== undefined && '$`"\\\n'.includes(next)) {
      if (next !== '\n') {
        chars.push(next);
        offsets.push(source.offsets[i]!);
      }
      i++;
      continue;
    }
    chars.push(source.text[i]!);
    offsets.push(source.offsets[i]!);
  }
  offsets.push(source.offsets[end]!);
  return { text: chars.join(''), offsets };
}

/** The word's value after quote removal, when nothing in it expands. */
function literalValue(word: SyntaxNode): string | undefined {
  let value = '';
  for (const part of (word.Parts as SyntaxNode[] | undefined) ?? []) {
    const type = part.type;
    if (type === 'Lit') value += String(part.Value).replace(/\\(.)/gs, '$1');
    else if (type === 'SglQuoted') value += String(part.Value);
    else if (type === 'DblQuoted') {
      for (const inner of (part.Parts as SyntaxNode[] | undefined) ?? []) {
        if (inner.type !== 'Lit') return undefined;
        value += String(inner.Value).replace(/\\([$`"\\])/g, '$1');
      }
    } else return undefined;
  }
  return value;
}

/** The shell parser counts UTF-8 bytes; map its offsets back to string indexes. */
function byteOffsetsToCharIndexes(text: string): (byteOffset: number) => number {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return (offset) => offset;
  const charAt: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    const bytes = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    for (let b = 0; b < bytes; b++) charAt.push(i);
    if (code > 0xffff) i++;
  }
  charAt.push(text.length);
  return (offset) => charAt[Math.min(offset, charAt.length - 1)]!;
}

function sliceBytes(text: string, startChar: number, endChar: number): string {
  return text.slice(startChar, endChar);
}

function nthLineStart(text: string, line: number): number {
  let offset = 0;
  for (let i = 0; i < line; i++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset;
}

/** Programs that run the command given in their arguments (`sudo apt-get …`, `env X=1 curl …`). */
const WRAPPERS: Record<string, { optionsWithValue: string[] }> = {
  sudo: { optionsWithValue: ['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U', '--user', '--group'] },
  env: { optionsWithValue: ['-u', '--unset', '-C', '--chdir', '-S'] },
  nohup: { optionsWithValue: [] },
  time: { optionsWithValue: ['-f', '-o'] },
  exec: { optionsWithValue: ['-a'] },
  command: { optionsWithValue: [] },
  nice: { optionsWithValue: ['-n'] },
  doas: { optionsWithValue: ['-u', '-C'] },
  gosu: { optionsWithValue: [] },
  'su-exec': { optionsWithValue: [] },
  xargs: { optionsWithValue: ['-I', '-n', '-P', '-d', '-L', '-s', '-E', '-a'] },
};

/** The command that actually runs, looking through wrappers such as `sudo` and `env`. */
export function effectiveCommand(command: ShellCommand): { program: string | undefined; words: ShellWord[]; args: ShellWord[] } {
  let words = command.words;
  for (let depth = 0; depth < 5; depth++) {
    const name = words[0]?.value;
    const program = name?.slice(name.lastIndexOf('/') + 1);
    const wrapper = program !== undefined ? WRAPPERS[program] : undefined;
    if (!wrapper) break;
    let i = 1;
    // gosu/su-exec take a user first.
    if (program === 'gosu' || program === 'su-exec') i = 2;
    while (i < words.length) {
      const value = words[i]!.value ?? '';
      if (value === '--') {
        i++;
        break;
      }
      if (program === 'env' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(value)) {
        i++;
        continue;
      }
      if (!value.startsWith('-')) break;
      i += wrapper.optionsWithValue.includes(value) ? 2 : 1;
    }
    if (i >= words.length) break;
    words = words.slice(i);
  }
  const name = words[0]?.value;
  return { program: name?.slice(name.lastIndexOf('/') + 1), words, args: words.slice(1) };
}
