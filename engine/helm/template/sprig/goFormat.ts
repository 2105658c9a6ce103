/**
 * Go's fmt formatting of template values: `%v` (what `toString`, `cat`, `join` and printing use)
 * and `%q` (what `quote` uses).
 *
 * Every number is formatted as the float64 Helm reads from values files, so 1000000 prints as
 * `1e+06`, as it does in Helm. A Go int64 produced by arithmetic would print as `1000000`; a JS
 * number cannot say which of the two it was, and values are where numbers come from.
 */

import { isDict, isNil, sortedKeys } from './goValue';

/**
 * `%v` of a float64: the shortest digits that read back as the same number, in exponent form
 * (`1e+06`, `1.5e-05`) when the decimal exponent is below -4 or at least 6.
 */
export function formatFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 6) {
    const digits = String(Math.abs(exponent)).padStart(2, '0');
    return `${mantissa}e${exponent < 0 ? '-' : '+'}${digits}`;
  }
  return String(value);
}

/** `%v` of a template value: `<nil>`, `[a b]`, `map[k:v]` with keys sorted, as fmt prints them. */
export function formatValue(value: unknown): string {
  if (isNil(value)) return '<nil>';
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return formatFloat(value);
    case 'boolean':
      return value ? 'true' : 'false';
  }
  if (Array.isArray(value)) return `[${value.map(formatValue).join(' ')}]`;
  if (isDict(value)) return `map[${sortedKeys(value).map((key) => `${key}:${formatValue(value[key])}`).join(' ')}]`;
  return String(value);
}

/** Sprig's strval: a string as it is, anything else as `%v`. */
export function toGoString(value: unknown): string {
  return typeof value === 'string' ? value : formatValue(value);
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v',
};

/** strconv.Quote, which `%q` uses: printable runes as they are, the rest escaped. */
export function quoteGo(text: string): string {
  let out = '"';
  for (const rune of text) {
    if (rune === '"' || rune === '\\') {
      out += `\\${rune}`;
      continue;
    }
    if (rune === ' ' || PRINTABLE.test(rune)) {
      out += rune;
      continue;
    }
    const short = SHORT_ESCAPES[rune];
    if (short !== undefined) {
      out += short;
      continue;
    }
    const code = rune.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f) out += `\\x${hex(code, 2)}`;
    else if (code < 0x10000) out += `\\u${hex(code, 4)}`;
    else out += `\\U${hex(code, 8)}`;
  }
  return `${out}"`;
}

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0');
}
