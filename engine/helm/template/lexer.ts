/**
 * Splits a Go template into tokens, following Go's `text/template/parse` lexer: text outside
 * `{{ }}`, trim markers (`{{- ` trims the whitespace before, ` -}}` the whitespace after), comments
 * (dropped), and inside actions: fields, variables, keywords, literals, `|`, `(`, `)`,
 * `:=`, `=` and `,`. Actions may span lines, as since Go 1.16.
 */

export type TokenType =
  | 'text'
  | 'leftDelim'
  | 'rightDelim'
  | 'space'
  | 'identifier'
  | 'field'
  | 'variable'
  | 'dot'
  | 'string'
  | 'rawString'
  | 'char'
  | 'number'
  | 'bool'
  | 'nil'
  | 'pipe'
  | 'leftParen'
  | 'rightParen'
  | 'declare'
  | 'assign'
  | 'comma'
  | 'otherChar'
  | 'comment'
  | 'eof'
  | 'error'
  | Keyword;

export type Keyword = 'if' | 'else' | 'end' | 'range' | 'with' | 'define' | 'template' | 'block' | 'break' | 'continue';

const KEYWORDS: ReadonlySet<string> = new Set<Keyword>(['if', 'else', 'end', 'range', 'with', 'define', 'template', 'block', 'break', 'continue']);

export interface Token {
  type: TokenType;
  /** The token's text; for `error` tokens, the message. */
  value: string;
  start: number;
  end: number;
}

const LEFT = '{{';
const RIGHT = '}}';

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
}

const ALPHANUMERIC = /^[\p{L}\p{Nd}_]$/u;

function isAlphaNumeric(ch: string | undefined): boolean {
  return ch !== undefined && ALPHANUMERIC.test(ch);
}

function hasLeftTrimMarker(text: string, at: number): boolean {
  return text[at] === '-' && isSpace(text[at + 1]);
}

function hasRightTrimMarker(text: string, at: number): boolean {
  return isSpace(text[at]) && text[at + 1] === '-';
}

/** How Go names a character in an error: `U+0040 '@'`. */
function describeRune(ch: string): string {
  const code = ch.codePointAt(0)!;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} '${ch}'`;
}

class LexError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
  }
}

/** Tokenizes a whole template. The last token is `eof`, or `error` with the message. */
export function lex(text: string): Token[] {
  const tokens: Token[] = [];
  try {
    new Lexer(text, tokens).run();
  } catch (error) {
    if (!(error instanceof LexError)) throw error;
    tokens.push({ type: 'error', value: error.message, start: error.start, end: error.end });
  }
  return tokens;
}

class Lexer {
  private pos = 0;
  private start = 0;
  private parenDepth = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  run(): void {
    while (this.pos < this.text.length) {
      const delim = this.text.indexOf(LEFT, this.pos);
      if (delim < 0) break;
      this.lexTextBefore(delim);
      this.lexAction(delim);
    }
    if (this.pos < this.text.length) this.emitAt('text', this.pos, this.text.length);
    this.emitAt('eof', this.text.length, this.text.length);
  }

  private emitAt(type: TokenType, start: number, end: number): void {
    this.tokens.push({ type, value: this.text.slice(start, end), start, end });
  }

  private emit(type: TokenType): void {
    this.emitAt(type, this.start, this.pos);
    this.start = this.pos;
  }

  private fail(message: string, start = this.start, end = this.pos): never {
    throw new LexError(message, start, Math.max(end, start));
  }

  /** Text up to a `{{`, less its trailing whitespace when the action starts with `{{- `. */
  private lexTextBefore(delim: number): void {
    let end = delim;
    if (hasLeftTrimMarker(this.text, delim + LEFT.length)) {
      while (end > this.pos && isSpace(this.text[end - 1])) end--;
    }
    if (end > this.pos) this.emitAt('text', this.pos, end);
    this.pos = delim;
  }

  private lexAction(delim: number): void {
    this.pos = delim + LEFT.length;
    const trimmed = hasLeftTrimMarker(this.text, this.pos);
    const afterMarker = this.pos + (trimmed ? 2 : 0);
    if (this.text.startsWith('/*', afterMarker)) {
      this.lexComment(delim, afterMarker);
      return;
    }
    this.emitAt('leftDelim', delim, this.pos);
    this.pos = afterMarker;
    this.start = this.pos;
    this.parenDepth = 0;
    this.lexInsideAction();
  }

  private lexComment(delim: number, commentStart: number): void {
    const close = this.text.indexOf('*/', commentStart + 2);
    if (close < 0) this.fail('unclosed comment', delim, this.text.length);
    this.pos = close + 2;
    const { delim: atDelim, trim } = this.atRightDelim();
    if (!atDelim) this.fail('comment ends before closing delimiter', delim, this.pos);
    this.pos += (trim ? 2 : 0) + RIGHT.length;
    this.emitAt('comment', delim, this.pos);
    if (trim) this.skipLeadingSpace();
  }

  private atRightDelim(): { delim: boolean; trim: boolean } {
    if (hasRightTrimMarker(this.text, this.pos) && this.text.startsWith(RIGHT, this.pos + 2)) return { delim: true, trim: true };
    if (this.text.startsWith(RIGHT, this.pos)) return { delim: true, trim: false };
    return { delim: false, trim: false };
  }

  private skipLeadingSpace(): void {
    while (this.pos < this.text.length && isSpace(this.text[this.pos])) this.pos++;
    this.start = this.pos;
  }

  private lexInsideAction(): void {
    for (;;) {
      this.start = this.pos;
      const { delim, trim } = this.atRightDelim();
      if (delim) {
        if (this.parenDepth > 0) this.fail('unclosed left paren');
        this.pos += (trim ? 2 : 0) + RIGHT.length;
        // The token spans ` -}}` so the action's span ends after the delimiter.
        this.emit('rightDelim');
        if (trim) this.skipLeadingSpace();
        return;
      }
      const ch = this.text[this.pos];
      if (ch === undefined) this.fail('unclosed action');
      if (isSpace(ch)) {
        this.lexSpace();
        continue;
      }
      this.pos++;
      switch (ch) {
        case '=':
          this.emit('assign');
          continue;
        case ':':
          if (this.text[this.pos] !== '=') this.fail('expected :=');
          this.pos++;
          this.emit('declare');
          continue;
        case '|':
          this.emit('pipe');
          continue;
        case '"':
          this.lexQuote();
          continue;
        case '`':
          this.lexRawQuote();
          continue;
        case '$':
          this.lexFieldOrVariable('variable');
          continue;
        case "'":
          this.lexChar();
          continue;
        case '(':
          this.emit('leftParen');
          this.parenDepth++;
          continue;
        case ')':
          // Go reports the error in place of the token.
          if (--this.parenDepth < 0) this.fail('unexpected right paren');
          this.emit('rightParen');
          continue;
        case ',':
          this.emit('comma');
          continue;
      }
      if (ch === '.') {
        const next = this.text[this.pos];
        if (next === undefined || next < '0' || next > '9') {
          this.lexFieldOrVariable('field');
          continue;
        }
      }
      if (ch === '.' || ch === '+' || ch === '-' || (ch >= '0' && ch <= '9')) {
        this.pos--;
        this.lexNumber();
        continue;
      }
      const codePoint = this.text.codePointAt(this.pos - 1)!;
      const rune = String.fromCodePoint(codePoint);
      if (isAlphaNumeric(rune)) {
        this.pos--;
        this.lexIdentifier();
        continue;
      }
      if (codePoint < 0x7f && codePoint >= 0x20) {
        this.emit('otherChar');
        continue;
      }
      this.pos += rune.length - 1;
      this.fail(`unrecognized character in action: ${describeRune(rune)}`);
    }
  }

  /** A run of spaces, stopping before a ` -}}` so the trim marker stays with the delimiter. */
  private lexSpace(): void {
    let count = 0;
    while (isSpace(this.text[this.pos])) {
      this.pos++;
      count++;
    }
    if (hasRightTrimMarker(this.text, this.pos - 1) && this.text.startsWith(RIGHT, this.pos + 1)) {
      this.pos--;
      if (count === 1) return;
    }
    this.emit('space');
  }

  private atTerminator(): boolean {
    const ch = this.text[this.pos];
    if (ch === undefined || isSpace(ch)) return true;
    if ('.,|:)('.includes(ch)) return true;
    return this.text.startsWith(RIGHT, this.pos);
  }

  private nextRune(): string | undefined {
    const code = this.text.codePointAt(this.pos);
    return code === undefined ? undefined : String.fromCodePoint(code);
  }

  private lexIdentifier(): void {
    for (let rune = this.nextRune(); rune !== undefined && isAlphaNumeric(rune); rune = this.nextRune()) this.pos += rune.length;
    if (!this.atTerminator()) this.badCharacter();
    const word = this.text.slice(this.start, this.pos);
    if (KEYWORDS.has(word)) this.emit(word as Keyword);
    else if (word === 'true' || word === 'false') this.emit('bool');
    else if (word === 'nil') this.emit('nil');
    else this.emit('identifier');
  }

  /** `.Field` or `$var`; the `.` or `$` has been read. Alone, they are dot and `$`. */
  private lexFieldOrVariable(type: 'field' | 'variable'): void {
    if (this.atTerminator()) {
      this.emit(type === 'variable' ? 'variable' : 'dot');
      return;
    }
    for (let rune = this.nextRune(); rune !== undefined && isAlphaNumeric(rune); rune = this.nextRune()) this.pos += rune.length;
    if (!this.atTerminator()) this.badCharacter();
    this.emit(type);
  }

  private badCharacter(): never {
    const rune = this.nextRune() ?? '';
    this.pos += rune.length;
    this.fail(`bad character ${describeRune(rune)}`);
  }

  private lexQuote(): void {
    for (;;) {
      const ch = this.text[this.pos++];
      if (ch === '\\') {
        const escaped = this.text[this.pos++];
        if (escaped !== undefined && escaped !== '\n') continue;
      }
      if (ch === undefined || ch === '\n' || ch === '\\') {
        this.pos = Math.min(this.pos, this.text.length);
        this.fail('unterminated quoted string');
      }
      if (ch === '"') break;
    }
    this.emit('string');
  }

  private lexRawQuote(): void {
    const close = this.text.indexOf('`', this.pos);
    if (close < 0) {
      this.pos = this.text.length;
      this.fail('unterminated raw quoted string');
    }
    this.pos = close + 1;
    this.emit('rawString');
  }

  private lexChar(): void {
    for (;;) {
      const ch = this.text[this.pos++];
      if (ch === '\\') {
        const escaped = this.text[this.pos++];
        if (escaped !== undefined && escaped !== '\n') continue;
      }
      if (ch === undefined || ch === '\n' || ch === '\\') {
        this.pos = Math.min(this.pos, this.text.length);
        this.fail('unterminated character constant');
      }
      if (ch === "'") break;
    }
    this.emit('char');
  }

  private accept(chars: string): boolean {
    const ch = this.text[this.pos];
    if (ch !== undefined && chars.includes(ch)) {
      this.pos++;
      return true;
    }
    return false;
  }

  private acceptRun(chars: string): void {
    while (this.accept(chars));
  }

  private lexNumber(): void {
    if (!this.scanNumber()) this.fail(`bad number syntax: ${JSON.stringify(this.text.slice(this.start, this.pos))}`);
    const sign = this.text[this.pos];
    if (sign === '+' || sign === '-') {
      // 1+2i: a complex constant.
      if (!this.scanNumber() || this.text[this.pos - 1] !== 'i') this.fail(`bad number syntax: ${JSON.stringify(this.text.slice(this.start, this.pos))}`);
    }
    this.emit('number');
  }

  private scanNumber(): boolean {
    this.accept('+-');
    let digits = '0123456789_';
    if (this.accept('0')) {
      if (this.accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (this.accept('oO')) digits = '01234567_';
      else if (this.accept('bB')) digits = '01_';
    }
    this.acceptRun(digits);
    if (this.accept('.')) this.acceptRun(digits);
    if (digits.length === 11 && this.accept('eE')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    if (digits.length === 23 && this.accept('pP')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    this.accept('i');
    if (isAlphaNumeric(this.nextRune())) {
      this.pos += this.nextRune()!.length;
      return false;
    }
    return true;
  }
}
