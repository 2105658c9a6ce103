/**
 * Translates Go (RE2) regular expression syntax to an equivalent JS RegExp source, reporting the
 * syntax errors Go's regexp.Compile reports, with its messages.
 *
 * Go and JS differ where it matters here: Go's `.` excludes only `\n` and its `^`/`$` know only
 * `\n` as a line end, `\s` is ASCII `[\t\n\f\r ]`, `\pGreek` names scripts bare, `(?P<n>…)` names
 * groups, `\Q…\E` quotes, `[[:alpha:]]` are POSIX classes, a `{` that starts no repetition is a
 * literal, and flags can change mid-pattern. The output uses only constructs whose JS meaning is
 * fixed: every literal is written as `\u{…}`, `.`, `^` and `$` as explicit classes and lookarounds.
 * Case-insensitivity is the one flag JS cannot scope, so `(?i)` is supported at the start only.
 */

import { GoFailure } from './goFailure';
import { complement, literal, MAX_RUNE, PERL_CLASSES, POSIX_CLASSES, rangesSource, unicodePropertySource, type Range } from './goRegexpClasses';

/** A syntax error Go's regexp.Compile would report too (the non-`must` regex functions ignore these). */
export class RegexpSyntaxError extends GoFailure {}

export interface TranslatedRegexp {
  readonly source: string;
  readonly ignoreCase: boolean;
  /** The name of each capture group, '' when unnamed; index 0 is the whole match. */
  readonly groupNames: readonly string[];
}

interface Flags {
  dotAll: boolean;
  multiLine: boolean;
  ungreedy: boolean;
}

const MAX_REPEAT = 1000;
const C_ESCAPES: Readonly<Record<string, number>> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };

export function translateGoRegexp(pattern: string): TranslatedRegexp {
  return new Translator(pattern).translate();
}

class Translator {
  private readonly chars: string[];
  private position = 0;
  private out = '';
  private flags: Flags = { dotAll: false, multiLine: false, ungreedy: false };
  private ignoreCase = false;
  /** Flags to restore, and where the group began, for each open group. */
  private readonly groups: { flags: Flags; start: number }[] = [];
  private readonly groupNames: string[] = [''];
  /** Whether the output ends with something a repetition operator may follow. */
  private repeatable = false;
  /** Where the last repetition operator began, when the previous item was one. */
  private lastRepeat: number | undefined;
  /** Whether only leading flag groups have been read so far. */
  private leading = true;

  constructor(private readonly pattern: string) {
    this.chars = Array.from(pattern);
  }

  translate(): TranslatedRegexp {
    while (this.position < this.chars.length) this.step();
    if (this.groups.length > 0) throw this.syntax('missing closing )', this.pattern);
    return { source: this.out, ignoreCase: this.ignoreCase, groupNames: this.groupNames };
  }

  private syntax(code: string, expression: string): RegexpSyntaxError {
    return new RegexpSyntaxError(`error parsing regexp: ${code}: \`${expression}\``);
  }

  private text(from: number, to = this.position): string {
    return this.chars.slice(from, to).join('');
  }

  private peek(offset = 0): string | undefined {
    return this.chars[this.position + offset];
  }

  /** Emits an item that repetition may follow. */
  private item(source: string): void {
    this.out += source;
    this.repeatable = true;
    this.lastRepeat = undefined;
    this.leading = false;
  }

  private step(): void {
    const char = this.peek() ?? '';
    const start = this.position;
    switch (char) {
      case '(':
        return this.openGroup();
      case ')':
        return this.closeGroup();
      case '|':
        this.position++;
        this.out += '|';
        this.repeatable = false;
        this.lastRepeat = undefined;
        this.leading = false;
        return;
      case '[':
        return this.item(this.readClass());
      case '.':
        this.position++;
        return this.item(this.flags.dotAll ? '[\\s\\S]' : '[^\\n]');
      case '^':
        this.position++;
        return this.item(this.flags.multiLine ? '(?:(?<![^\\n]))' : '(?:(?<![\\s\\S]))');
      case '$':
        this.position++;
        return this.item(this.flags.multiLine ? '(?:(?![^\\n]))' : '(?:(?![\\s\\S]))');
      case '*':
      case '+':
      case '?':
        this.position++;
        return this.repeat(char, start);
      case '{': {
        const bounds = this.readRepeatBounds();
        if (bounds === undefined) {
          this.position++;
          return this.item(literal(0x7b));
        }
        return this.repeat(bounds, start);
      }
      case '\\':
        return this.readEscape();
      default:
        this.position++;
        return this.item(literal(char.codePointAt(0) ?? 0));
    }
  }

  private repeat(operator: string, start: number): void {
    let lazy = false;
    if (this.peek() === '?') {
      this.position++;
      lazy = true;
    }
    if (this.lastRepeat !== undefined) throw this.syntax('invalid nested repetition operator', this.text(this.lastRepeat));
    if (!this.repeatable) throw this.syntax('missing argument to repetition operator', this.text(start));
    this.out += operator + (lazy !== this.flags.ungreedy ? '?' : '');
    this.lastRepeat = start;
  }

  /** `{n}`, `{n,}` or `{n,m}` at the current position, or undefined when the `{` is a literal. */
  private readRepeatBounds(): string | undefined {
    const rest = this.chars.slice(this.position, this.position + 24).join('');
    const match = /^\{([0-9]+)(,([0-9]*))?\}/.exec(rest);
    if (match === null) return undefined;
    const [whole, minText = '', comma, maxText = ''] = match;
    if (/^0[0-9]/.test(minText) || /^0[0-9]/.test(maxText)) return undefined;
    const min = Number(minText);
    const max = comma === undefined ? min : maxText === '' ? -1 : Number(maxText);
    if (min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && min > max)) throw this.syntax('invalid repeat count', whole);
    this.position += whole.length;
    return whole;
  }

  private openGroup(): void {
    const start = this.position;
    if (this.peek(1) !== '?') {
      this.position++;
      return this.beginGroup('(', '', start);
    }
    const rest = this.text(start, this.chars.length);
    if (/^\(\?P?</.test(rest) && !rest.includes('>')) throw this.syntax('invalid named capture', rest);
    const named = /^\(\?P?<([^>]*)>/.exec(rest);
    if (named !== null) {
      const name = named[1] ?? '';
      this.position += Array.from(named[0]).length;
      if (!/^[A-Za-z0-9_]+$/.test(name)) throw this.syntax('invalid named capture', named[0]);
      if (this.groupNames.includes(name)) throw this.syntax('duplicate capture group name', name);
      return this.beginGroup('(', name, start);
    }
    this.position += 2;
    this.readFlagGroup(start);
  }

  private beginGroup(source: string, name: string | undefined, start: number): void {
    this.groups.push({ flags: { ...this.flags }, start });
    if (name !== undefined) this.groupNames.push(name);
    this.out += source;
    this.repeatable = false;
    this.lastRepeat = undefined;
    this.leading = false;
  }

  private closeGroup(): void {
    const group = this.groups.pop();
    if (group === undefined) throw this.syntax('unexpected )', this.pattern);
    this.position++;
    this.flags = group.flags;
    this.item(')');
  }

  /** `(?flags)` or `(?flags:`, after the `(?`. */
  private readFlagGroup(start: number): void {
    const flags = { ...this.flags };
    let ignoreCase = this.ignoreCase;
    let negate = false;
    let sawFlag = false;
    for (;;) {
      const char = this.peek();
      this.position++;
      if (char === 'i' || char === 'm' || char === 's' || char === 'U') {
        const on = !negate;
        if (char === 'i') ignoreCase = on;
        else if (char === 'm') flags.multiLine = on;
        else if (char === 's') flags.dotAll = on;
        else flags.ungreedy = on;
        sawFlag = true;
      } else if (char === '-' && !negate) {
        negate = true;
        sawFlag = false;
      } else if ((char === ':' || char === ')') && !(negate && !sawFlag)) {
        if (ignoreCase !== this.ignoreCase) {
          if (!this.leading || char === ':') {
            throw new GoFailure(`case-insensitive matching in part of a regular expression is not supported: \`${this.text(start)}\``);
          }
          this.ignoreCase = ignoreCase;
        }
        if (char === ':') {
          this.beginGroup('(?:', undefined, start);
          this.flags = flags;
        } else {
          this.flags = flags;
        }
        return;
      } else {
        throw this.syntax('invalid or unsupported Perl syntax', this.text(start));
      }
    }
  }

  private readEscape(): void {
    const start = this.position;
    const next = this.peek(1);
    if (next === undefined) throw this.syntax('trailing backslash at end of expression', '');
    const assertions: Readonly<Record<string, string>> = { A: '(?<![\\s\\S])', z: '(?![\\s\\S])', b: '\\b', B: '\\B' };
    const assertion = assertions[next];
    if (assertion !== undefined) {
      this.position += 2;
      return this.item(`(?:${assertion})`);
    }
    if (next === 'Q') {
      this.position += 2;
      while (this.position < this.chars.length) {
        if (this.peek() === '\\' && this.peek(1) === 'E') {
          this.position += 2;
          return;
        }
        this.item(literal(this.peek()?.codePointAt(0) ?? 0));
        this.position++;
      }
      return;
    }
    const unicode = this.readUnicodeClass();
    if (unicode !== undefined) return this.item(`[${unicode}]`);
    const perl = this.readPerlClass();
    if (perl !== undefined) return this.item(`[${rangesSource(perl)}]`);
    this.item(literal(this.readEscapedRune(start)));
  }

  /** `\pL`, `\p{Greek}`, `\PL`, `\p{^Greek}` as a JS class item, or undefined when not at one. */
  private readUnicodeClass(): string | undefined {
    const start = this.position;
    const kind = this.peek(1);
    if (this.peek() !== '\\' || (kind !== 'p' && kind !== 'P')) return undefined;
    let name: string;
    if (this.peek(2) === '{') {
      const close = this.chars.indexOf('}', start + 3);
      if (close < 0) throw this.syntax('invalid character class range', this.text(start, this.chars.length));
      name = this.text(start + 3, close);
      this.position = close + 1;
    } else {
      name = this.peek(2) ?? '';
      this.position += 3;
    }
    let negated = kind === 'P';
    if (name.startsWith('^')) {
      negated = !negated;
      name = name.slice(1);
    }
    const source = unicodePropertySource(name, negated);
    if (source === undefined) throw this.syntax('invalid character class range', this.text(start));
    return source;
  }

  /** `\d`, `\s`, `\w` and their negations as ranges, or undefined when not at one. */
  private readPerlClass(): Range[] | undefined {
    const letter = this.peek(1) ?? '';
    const ranges = PERL_CLASSES[letter.toLowerCase()];
    if (this.peek() !== '\\' || ranges === undefined) return undefined;
    this.position += 2;
    return letter === letter.toUpperCase() ? complement(ranges) : ranges;
  }

  /** A literal rune written as an escape: `\n`, `\x41`, `\x{263a}`, `\101`, `\.`. */
  private readEscapedRune(start: number): number {
    this.position++;
    const char = this.peek() ?? '';
    this.position++;
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80 && !/[0-9A-Za-z]/.test(char)) return code;
    const cEscape = C_ESCAPES[char];
    if (cEscape !== undefined) return cEscape;
    const isOctal = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '7';
    if (char === '0' || (char >= '1' && char <= '7' && isOctal(this.peek()))) {
      let value = code - 0x30;
      for (let i = 0; i < 2 && isOctal(this.peek()); i++) {
        value = value * 8 + Number(this.peek());
        this.position++;
      }
      return value;
    }
    if (char === 'x') {
      if (this.peek() === '{') {
        const close = this.chars.indexOf('}', this.position);
        const digits = close < 0 ? '' : this.text(this.position + 1, close);
        if (/^[0-9A-Fa-f]+$/.test(digits) && parseInt(digits, 16) <= MAX_RUNE) {
          this.position = close + 1;
          return parseInt(digits, 16);
        }
        this.position = close < 0 ? this.chars.length : close + 1;
      } else {
        const digits = this.text(this.position, this.position + 2);
        this.position += Math.min(2, this.chars.length - this.position);
        if (/^[0-9A-Fa-f]{2}$/.test(digits)) return parseInt(digits, 16);
      }
    }
    throw this.syntax('invalid escape sequence', this.text(start));
  }

  /** A bracketed class, from its `[`. */
  private readClass(): string {
    const start = this.position;
    this.position++;
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.position++;
    }
    const ranges: Range[] = [];
    const properties: string[] = [];
    let first = true;
    while (this.peek() !== ']' || first) {
      first = false;
      if (this.peek() === undefined) throw this.syntax('missing closing ]', this.text(start, this.chars.length));
      const posix = this.readPosixClass();
      if (posix !== undefined) {
        ranges.push(...posix);
        continue;
      }
      const unicode = this.readUnicodeClass();
      if (unicode !== undefined) {
        properties.push(unicode);
        continue;
      }
      const perl = this.readPerlClass();
      if (perl !== undefined) {
        ranges.push(...perl);
        continue;
      }
      const rangeStart = this.position;
      const lo = this.readClassChar(start);
      let hi = lo;
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== undefined) {
        this.position++;
        hi = this.readClassChar(start);
        if (hi < lo) throw this.syntax('invalid character class range', this.text(rangeStart));
      }
      ranges.push([lo, hi]);
    }
    this.position++;
    return `[${negated ? '^' : ''}${rangesSource(ranges)}${properties.join('')}]`;
  }

  private readClassChar(classStart: number): number {
    const char = this.peek();
    if (char === undefined) throw this.syntax('missing closing ]', this.text(classStart, this.chars.length));
    if (char === '\\') {
      if (this.peek(1) === undefined) throw this.syntax('missing closing ]', this.text(classStart, this.chars.length));
      return this.readEscapedRune(this.position);
    }
    this.position++;
    return char.codePointAt(0) ?? 0;
  }

  /** `[:alpha:]` or `[:^alpha:]` inside a class, or undefined when not at one. */
  private readPosixClass(): Range[] | undefined {
    if (this.peek() !== '[' || this.peek(1) !== ':') return undefined;
    const rest = this.text(this.position, this.chars.length);
    const end = rest.indexOf(':]', 2);
    if (end < 0) return undefined;
    const whole = rest.slice(0, end + 2);
    const name = whole.slice(2, -2);
    const ranges = POSIX_CLASSES[name.replace(/^\^/, '')];
    if (ranges === undefined) throw this.syntax('invalid character class range', whole);
    this.position += Array.from(whole).length;
    return name.startsWith('^') ? complement(ranges) : ranges;
  }
}
