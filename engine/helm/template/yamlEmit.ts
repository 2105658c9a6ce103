import { formatFloat } from './goFloat';
import { containerProvenance, entryProvenance, TracedText, type Origin, type Piece } from './provenance';
import { GoObject, Traced, unwrap } from './values';
import { needsQuotes } from './yamlScalars';

/**
 * Helm's `toYaml`: sigs.k8s.io/yaml's Marshal (JSON, then go-yaml v2's emitter) without the final
 * newline. Keys come out in go-yaml's natural order (`a2` before `a10`, non-letters first), lists
 * under a key are not indented, strings that would read back as another type are double-quoted,
 * strings YAML cannot write plain are single-quoted, multi-line strings are literal blocks, and
 * long lines fold at spaces past column 80.
 *
 * Every scalar, key and empty collection written gets the origin it has in the values (see
 * provenance.ts), so a finding on a rendered field can point at the values line.
 */

const BEST_WIDTH = 80;
const INDENT = 2;

class Writer {
  text = '';
  column = 0;
  readonly pieces: Piece[] = [];

  write(text: string): void {
    this.text += text;
    const newline = text.lastIndexOf('\n');
    this.column = newline >= 0 ? [...text.slice(newline + 1)].length : this.column + [...text].length;
  }

  newline(indent: number): void {
    this.write(`\n${' '.repeat(indent)}`);
  }

  traced(start: number, origin: Origin | undefined): void {
    if (origin && this.text.length > start) this.pieces.push({ start, end: this.text.length, origin });
  }
}

type Scalar = string | number | boolean | null;

/** Emits `value` as toYaml does. */
export function toYaml(value: unknown, charge: (work: number) => void): TracedText {
  const writer = new Writer();
  const emitter = new Emitter(writer, charge);
  const inner = plainData(value);
  if (isCollection(inner) && !isEmpty(inner)) emitter.collection(inner, 0);
  else emitter.scalarOrEmpty(inner, INDENT, false, originOfValue(value));
  return new TracedText(writer.text, writer.pieces);
}

/** GoObjects marshal as their String() or data, as JSON would see them. */
function plainData(value: unknown): unknown {
  const inner = unwrap(value);
  if (inner instanceof GoObject) {
    if (inner.options.format) return inner.options.format();
    if (inner.options.entries) return Object.fromEntries(inner.options.entries());
    if (inner.options.items) return inner.options.items();
    return { ...inner.fields };
  }
  return inner === undefined ? null : inner;
}

function originOfValue(value: unknown): Origin | undefined {
  if (value instanceof Traced) return value.origin;
  if (value instanceof TracedText && value.pieces.length === 1 && value.pieces[0]!.origin.kind !== 'missing') return value.pieces[0]!.origin as Origin;
  if (typeof value === 'object' && value !== null) return containerProvenance(value)?.origin;
  return undefined;
}

function isCollection(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

function isEmpty(value: Record<string, unknown> | unknown[]): boolean {
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
}

class Emitter {
  constructor(
    private readonly out: Writer,
    private readonly charge: (work: number) => void,
  ) {}

  /** A non-empty mapping or list whose first line starts at the current column, at `indent`. */
  collection(value: Record<string, unknown> | unknown[], indent: number): void {
    if (Array.isArray(value)) this.sequence(value, indent);
    else this.mapping(value, indent);
  }

  private mapping(map: Record<string, unknown>, indent: number): void {
    const keys = Object.keys(map).sort(compareYamlKeys);
    this.charge(keys.length);
    keys.forEach((key, i) => {
      if (i > 0) this.out.newline(indent);
      const entry = entryProvenance(map, key, map[key]);
      const keyStart = this.out.text.length;
      this.scalar(key, indent + INDENT, true);
      this.out.traced(keyStart, entry?.keyOrigin);
      this.out.write(':');
      const value = plainData(map[key]);
      if (isCollection(value) && !isEmpty(value)) {
        if (Array.isArray(value)) {
          // go-yaml does not indent a list under a key.
          this.out.newline(indent);
          this.sequence(value, indent);
        } else {
          this.out.newline(indent + INDENT);
          this.mapping(value, indent + INDENT);
        }
      } else {
        this.out.write(' ');
        this.scalarOrEmpty(value, indent + INDENT, false, entry?.origin);
      }
    });
  }

  private sequence(list: unknown[], indent: number): void {
    this.charge(list.length);
    list.forEach((item, i) => {
      if (i > 0) this.out.newline(indent);
      this.out.write('-');
      const value = plainData(item);
      const entry = entryProvenance(list, i, item);
      this.out.write(' ');
      if (isCollection(value) && !isEmpty(value)) this.collection(value, indent + INDENT);
      else this.scalarOrEmpty(value, indent + INDENT, false, entry?.origin);
    });
  }

  /** A scalar, or `{}` / `[]`, traced to `origin` (for a collection, to the collection). */
  scalarOrEmpty(value: unknown, indent: number, simpleKey: boolean, origin: Origin | undefined): void {
    const start = this.out.text.length;
    if (isCollection(value)) this.out.write(Array.isArray(value) ? '[]' : '{}');
    else this.scalar(value as Scalar, indent, simpleKey);
    this.out.traced(start, origin ?? (isCollection(value) ? containerProvenance(value)?.origin : undefined));
  }

  private scalar(value: Scalar, indent: number, simpleKey: boolean): void {
    if (value === null) return this.out.write('null');
    if (typeof value === 'boolean') return this.out.write(String(value));
    if (typeof value === 'number') return this.out.write(yamlNumber(value));
    this.string(String(value), indent, simpleKey);
  }

  private string(text: string, indent: number, simpleKey: boolean): void {
    const analysis = analyze(text);
    let style: 'plain' | 'single' | 'double' | 'literal';
    if (text.includes('\n')) style = 'literal';
    else if (!needsQuotes(text)) style = 'plain';
    else style = 'double';
    if (style === 'plain' && !analysis.blockPlainAllowed) style = 'single';
    if (style === 'single' && !analysis.singleQuotedAllowed) style = 'double';
    if (style === 'literal' && (!analysis.blockAllowed || simpleKey)) style = 'double';
    switch (style) {
      case 'plain':
        return this.plain(text, indent, !simpleKey);
      case 'single':
        return this.singleQuoted(text, indent, !simpleKey);
      case 'double':
        return this.doubleQuoted(text, indent, !simpleKey);
      case 'literal':
        return this.literal(text, indent);
    }
  }

  private plain(text: string, indent: number, allowBreaks: boolean): void {
    const chars = [...text];
    let spaces = false;
    chars.forEach((ch, i) => {
      if (ch === ' ') {
        if (allowBreaks && !spaces && this.out.column > BEST_WIDTH && chars[i + 1] !== ' ') this.out.newline(indent);
        else this.out.write(ch);
        spaces = true;
      } else {
        this.out.write(ch);
        spaces = false;
      }
    });
  }

  private singleQuoted(text: string, indent: number, allowBreaks: boolean): void {
    const chars = [...text];
    this.out.write("'");
    let spaces = false;
    chars.forEach((ch, i) => {
      if (ch === ' ') {
        if (allowBreaks && !spaces && this.out.column > BEST_WIDTH && i !== 0 && i !== chars.length - 1 && chars[i + 1] !== ' ') this.out.newline(indent);
        else this.out.write(ch);
        spaces = true;
      } else {
        this.out.write(ch === "'" ? "''" : ch);
        spaces = false;
      }
    });
    this.out.write("'");
  }

  private doubleQuoted(text: string, indent: number, allowBreaks: boolean): void {
    const chars = [...text];
    this.out.write('"');
    let spaces = false;
    chars.forEach((ch, i) => {
      const escaped = escapeDoubleQuoted(ch);
      if (escaped !== undefined) {
        this.out.write(escaped);
        spaces = false;
      } else if (ch === ' ') {
        if (allowBreaks && !spaces && this.out.column > BEST_WIDTH && i !== 0 && i !== chars.length - 1) {
          this.out.newline(indent);
          if (chars[i + 1] === ' ') this.out.write('\\');
        } else {
          this.out.write(ch);
        }
        spaces = true;
      } else {
        this.out.write(ch);
        spaces = false;
      }
    });
    this.out.write('"');
  }

  private literal(text: string, indent: number): void {
    let header = '|';
    if (text[0] === ' ' || text[0] === '\n') header += String(INDENT);
    if (!text.endsWith('\n')) header += '-';
    else if (text === '\n' || text.endsWith('\n\n')) header += '+';
    this.out.write(header);
    const body = text.endsWith('\n') ? text.slice(0, -1) : text;
    for (const line of body.split('\n')) {
      if (line === '') {
        this.out.write('\n');
      } else {
        this.out.newline(indent);
        this.out.write(line);
      }
    }
  }
}

/** go-yaml writes a JSON number back as an int when it has no fraction, else with `%g`. */
function yamlNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  if (value === Infinity) return '.inf';
  if (value === -Infinity) return '-.inf';
  if (Number.isNaN(value)) return '.nan';
  return formatFloat(value, 'g', -1);
}

const DOUBLE_ESCAPES: Readonly<Record<string, string>> = {
  '\0': '\\0', '\x07': '\\a', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\v': '\\v', '\f': '\\f', '\r': '\\r', '\x1b': '\\e', '"': '\\"', '\\': '\\\\', '\u0085': '\\N', '\u2028': '\\L', '\u2029': '\\P',
};

/** How libyaml writes a character inside double quotes, when it is not written as is. */
function escapeDoubleQuoted(ch: string): string | undefined {
  const simple = DOUBLE_ESCAPES[ch];
  if (simple) return simple;
  if (isPrintable(ch) && ch !== '\uFEFF') return undefined;
  const code = ch.codePointAt(0)!;
  if (code <= 0xff) return `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
  if (code <= 0xffff) return `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `\\U${code.toString(16).toUpperCase().padStart(8, '0')}`;
}

/** libyaml's `is_printable`: tab is not. */
function isPrintable(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  return code === 0x0a || (code >= 0x20 && code <= 0x7e) || code === 0x85 || (code >= 0xa0 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd && code !== 0xfeff) || code >= 0x10000;
}

interface Analysis {
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

/** libyaml's `yaml_emitter_analyze_scalar`, for the block context toYaml writes in. */
function analyze(text: string): Analysis {
  const chars = [...text];
  let blockIndicators = text.startsWith('---') || text.startsWith('...');
  let leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false;
  let breakSpace = false, spaceBreak = false, specialCharacters = false, lineBreaks = false;
  let previousSpace = false, previousBreak = false;
  let precededByWhitespace = true;
  chars.forEach((ch, i) => {
    const first = i === 0;
    const last = i === chars.length - 1;
    const next = chars[i + 1];
    const followedByWhitespace = next === undefined || next === ' ' || next === '\t' || isBreak(next);
    if (first) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true;
      if ((ch === '?' || ch === ':' || ch === '-') && followedByWhitespace) blockIndicators = true;
    } else {
      if (ch === ':' && followedByWhitespace) blockIndicators = true;
      if (ch === '#' && precededByWhitespace) blockIndicators = true;
    }
    if (!isPrintable(ch) || ch === '\uFEFF') specialCharacters = true;
    if (isBreak(ch)) lineBreaks = true;
    if (ch === ' ') {
      if (first) leadingSpace = true;
      if (last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(ch)) {
      if (first) leadingBreak = true;
      if (last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousBreak = true;
      previousSpace = false;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = ch === ' ' || ch === '\t' || isBreak(ch);
  });
  let blockPlainAllowed = true, singleQuotedAllowed = true, blockAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlainAllowed = false;
  if (trailingSpace) blockAllowed = false;
  if (breakSpace) blockPlainAllowed = singleQuotedAllowed = false;
  if (spaceBreak || specialCharacters) blockPlainAllowed = singleQuotedAllowed = blockAllowed = false;
  if (lineBreaks) blockPlainAllowed = false;
  if (blockIndicators) blockPlainAllowed = false;
  if (chars.length === 0) blockPlainAllowed = false;
  return { blockPlainAllowed, singleQuotedAllowed, blockAllowed };
}

function isBreak(ch: string): boolean {
  return ch === '\n' || ch === '\r' || ch === '\u0085' || ch === '\u2028' || ch === '\u2029';
}

const LETTER = /^\p{L}$/u;
const DIGIT = /^[0-9]$/;

/** go-yaml v2's key order: digit runs compare as numbers, non-letters before letters. */
function compareYamlKeys(a: string, b: string): number {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = LETTER.test(ar[i]!);
    const bl = LETTER.test(br[i]!);
    if (al && bl) return ar[i]!.codePointAt(0)! - br[i]!.codePointAt(0)!;
    if (al || bl) return bl ? -1 : 1;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && DIGIT.test(ar[j]!); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && DIGIT.test(ar[ai]!); ai++) an = an * 10 + Number(ar[ai]);
    for (; bi < br.length && DIGIT.test(br[bi]!); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an - bn;
    if (ai !== bi) return ai - bi;
    return ar[i]!.codePointAt(0)! - br[i]!.codePointAt(0)!;
  }
  return ar.length - br.length;
}
