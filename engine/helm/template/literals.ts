/**
 * Go's literal syntax as templates use it: quoted strings (`strconv.Unquote`), character constants
 * and number constants (`parse.NumberNode` rules, with Go's choice between int and float64).
 */

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

/**
 * Reads one possibly escaped character of a quoted literal at `index`, as Go's
 * `strconv.UnquoteChar`. Returns the text and the index after it, or undefined on bad syntax.
 * Byte escapes (`\xff`, `\377`) become the character with that code.
 */
function unquoteChar(text: string, index: number, quote: string): { value: string; next: number } | undefined {
  const ch = text[index];
  if (ch === undefined) return undefined;
  if (ch !== '\\') {
    if (ch === quote) return undefined;
    const code = text.codePointAt(index)!;
    const value = String.fromCodePoint(code);
    return { value, next: index + value.length };
  }
  const escape = text[index + 1];
  if (escape === undefined) return undefined;
  const simple = SIMPLE_ESCAPES[escape];
  if (simple !== undefined) return { value: simple, next: index + 2 };
  if (escape === "'" || escape === '"') return escape === quote ? { value: escape, next: index + 2 } : undefined;
  const hexLength = escape === 'x' ? 2 : escape === 'u' ? 4 : escape === 'U' ? 8 : 0;
  if (hexLength > 0) {
    const digits = text.slice(index + 2, index + 2 + hexLength);
    if (!new RegExp(`^[0-9a-fA-F]{${hexLength}}$`).test(digits)) return undefined;
    const code = parseInt(digits, 16);
    if (escape !== 'x' && (code > 0x10ffff || (code >= 0xd800 && code < 0xe000))) return undefined;
    return { value: String.fromCodePoint(code), next: index + 2 + hexLength };
  }
  if (escape >= '0' && escape <= '7') {
    const digits = text.slice(index + 1, index + 4);
    if (!/^[0-7]{3}$/.test(digits)) return undefined;
    const code = parseInt(digits, 8);
    if (code > 255) return undefined;
    return { value: String.fromCharCode(code), next: index + 4 };
  }
  return undefined;
}

/** The text of a `"..."` or `` `...` `` literal as written in a template, or undefined on bad syntax. */
export function unquoteString(literal: string): string | undefined {
  if (literal.length < 2) return undefined;
  const quote = literal[0];
  if (quote === '`') {
    if (!literal.endsWith('`')) return undefined;
    // Go drops carriage returns from raw strings.
    return literal.slice(1, -1).replaceAll('\r', '');
  }
  if (quote !== '"' || !literal.endsWith('"')) return undefined;
  const body = literal.slice(1, -1);
  let result = '';
  for (let index = 0; index < body.length; ) {
    const char = unquoteChar(body, index, '"');
    if (!char) return undefined;
    result += char.value;
    index = char.next;
  }
  return result;
}

/** What a number constant evaluates to on its own; an error message in `error`, or a construct the renderer lacks. */
export type NumberConstant = { value: number; isFloat: boolean } | { error: string } | { unsupported: string };

/** Go allows `_` only between digits (or after a base prefix). */
function underscoresOk(text: string): boolean {
  return !/(^|[^0-9a-fA-FxXoObB])_|_($|[^0-9a-fA-F])|__/.test(text.replace(/^[+-]/, ''));
}

/** `strconv.ParseInt(text, 0, 64)`: base prefixes, legacy octal `0777`, underscores. */
function parseGoInt(text: string): number | undefined {
  if (!underscoresOk(text)) return undefined;
  const match = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|0[0-7_]*|[1-9][0-9_]*)$/.exec(text);
  if (!match) return undefined;
  const digits = match[2]!.replaceAll('_', '');
  let magnitude: bigint;
  if (/^0[xXoObB]/.test(digits)) magnitude = BigInt(digits.toLowerCase());
  else if (digits.length > 1 && digits.startsWith('0')) magnitude = BigInt(`0o${digits.slice(1)}`);
  else magnitude = BigInt(digits);
  const value = match[1] === '-' ? -magnitude : magnitude;
  if (value > 2n ** 63n - 1n) return undefined;
  if (value < -(2n ** 63n)) return undefined;
  return Number(value);
}

/** `strconv.ParseFloat(text, 64)` for decimal and hexadecimal floats. */
function parseGoFloat(text: string): number | undefined {
  if (!underscoresOk(text)) return undefined;
  const plain = text.replaceAll('_', '');
  const hex = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?[0-9]+)$/.exec(plain);
  if (hex) {
    const whole = hex[2] ?? '';
    const fraction = hex[3] ?? '';
    if (whole === '' && fraction === '') return undefined;
    const mantissa = parseInt(`${whole}${fraction}` || '0', 16) / 16 ** fraction.length;
    const value = mantissa * 2 ** Number(hex[4]);
    return hex[1] === '-' ? -value : value;
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(plain)) return undefined;
  return Number(plain);
}

/** A number or character constant, typed as Go's `idealConstant` types it. */
export function parseNumber(text: string, isChar: boolean): NumberConstant {
  if (isChar) {
    const char = unquoteChar(text, 1, "'");
    if (!char) return { error: 'invalid syntax' };
    if (text.slice(char.next) !== "'") return { error: `malformed character constant: ${text}` };
    return { value: char.value.codePointAt(0)!, isFloat: false };
  }
  if (text.endsWith('i') && (/^[+-]?[^+-]+[+-]/.test(text) || parseGoFloat(text.slice(0, -1)) !== undefined)) return { unsupported: `the complex number ${text}` };
  const int = parseGoInt(text);
  if (int !== undefined) return { value: int, isFloat: false };
  const float = parseGoFloat(text);
  if (float === undefined) return { error: `illegal number syntax: ${JSON.stringify(text)}` };
  if (!/[.eEpP]/.test(text) || /^[+-]?0[xX][^pP]*$/.test(text)) return { error: `integer overflow: ${JSON.stringify(text)}` };
  return { value: float, isFloat: true };
}
