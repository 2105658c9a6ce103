/**
 * Number conversions as Sprig makes them: through spf13/cast for `int`, `int64`, `float64` and the
 * integer math, and through strconv for `atoi`. Conversions never fail: what cannot be converted
 * becomes 0.
 */

import { isNil } from './goValue';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN_NUMBER = -(2 ** 63);

/** Go's int64(f): truncation toward zero; NaN and out-of-range values give the minimum, as on amd64. */
export function truncateToInt64(value: number): number {
  if (!Number.isFinite(value) || value >= 2 ** 63 || value < INT64_MIN_NUMBER) return INT64_MIN_NUMBER;
  return Math.trunc(value) + 0;
}

/** Wraps an integer result around 64 bits, as Go's int64 arithmetic does. */
export function wrapInt64(value: bigint): number {
  return Number(BigInt.asIntN(64, value));
}

/** cast.ToInt64 (and cast.ToInt, the same on 64-bit platforms). */
export function castToInt64(value: unknown): number {
  if (isNil(value)) return 0;
  switch (typeof value) {
    case 'number':
      return truncateToInt64(value);
    case 'boolean':
      return value ? 1 : 0;
    case 'string': {
      const parsed = parseGoInteger(trimZeroDecimal(value), 0);
      return parsed === undefined ? 0 : Number(parsed);
    }
  }
  return 0;
}

/** cast.ToFloat64. */
export function castToFloat64(value: unknown): number {
  if (isNil(value)) return 0;
  switch (typeof value) {
    case 'number':
      return value;
    case 'boolean':
      return value ? 1 : 0;
    case 'string':
      return parseGoFloat(value) ?? 0;
  }
  return 0;
}

/** cast strips a zero fraction before parsing an integer: "10.00" reads as "10". */
function trimZeroDecimal(text: string): string {
  let foundZero = false;
  for (let i = text.length; i > 0; i--) {
    const char = text[i - 1];
    if (char === '.') {
      if (foundZero) return text.slice(0, i - 1);
    } else if (char === '0') {
      foundZero = true;
    } else {
      return text;
    }
  }
  return text;
}

/** strconv.Atoi as Sprig's `atoi` uses it: base 10, 0 on a syntax error, clamped on overflow. */
export function atoi(text: string): number {
  const match = /^([+-]?)([0-9]+)$/.exec(text);
  if (match === null) return 0;
  const parsed = BigInt(`${match[1]}${match[2]}`);
  if (parsed > INT64_MAX) return Number(INT64_MAX);
  if (parsed < INT64_MIN) return Number(INT64_MIN);
  return Number(parsed);
}

const BASE_PREFIX: Readonly<Record<string, number>> = { b: 2, o: 8, x: 16 };

/**
 * strconv.ParseInt(text, base, 64). Base 0 reads Go literal syntax: a `0x`, `0o`, `0b` or bare `0`
 * prefix picks the base and underscores may separate digits. Undefined when Go reports an error
 * (bad syntax or out of the int64 range).
 */
export function parseGoInteger(text: string, base: number): bigint | undefined {
  let rest = text;
  let sign = 1n;
  if (rest.startsWith('+') || rest.startsWith('-')) {
    if (rest.startsWith('-')) sign = -1n;
    rest = rest.slice(1);
  }
  let radix = base;
  if (base === 0) {
    radix = 10;
    const prefix = BASE_PREFIX[rest.slice(0, 2).toLowerCase().slice(1)];
    if (rest.length >= 2 && rest[0] === '0' && prefix !== undefined) {
      radix = prefix;
      rest = rest.slice(2);
    } else if (rest.length > 1 && rest[0] === '0') {
      radix = 8;
      rest = rest.slice(1);
    }
    if (rest.includes('_')) {
      if (!underscoresSeparateDigits(text)) return undefined;
      rest = rest.replaceAll('_', '');
    }
  }
  if (rest === '') return undefined;
  let value = 0n;
  for (const char of rest.toLowerCase()) {
    const digit = parseInt(char, 36);
    if (Number.isNaN(digit) || digit >= radix) return undefined;
    value = value * BigInt(radix) + BigInt(digit);
  }
  value *= sign;
  return value < INT64_MIN || value > INT64_MAX ? undefined : value;
}

/** Go's rule for `_` in number literals: only between digits, or between a base prefix and a digit. */
function underscoresSeparateDigits(text: string): boolean {
  let rest = text.replace(/^[+-]/, '');
  let saw = '^';
  let hex = false;
  if (/^0[bBoOxX]/.test(rest)) {
    hex = rest[1]?.toLowerCase() === 'x';
    rest = rest.slice(2);
    saw = '0';
  }
  for (const char of rest) {
    if (/[0-9]/.test(char) || (hex && /[a-fA-F]/.test(char))) {
      saw = '0';
    } else if (char === '_') {
      if (saw !== '0') return false;
      saw = '_';
    } else {
      if (saw === '_') return false;
      saw = '!';
    }
  }
  return saw !== '_';
}

const DECIMAL_FLOAT = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const HEX_FLOAT = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?[0-9]+)$/;
const SPECIAL_FLOAT = /^([+-]?)(inf|infinity|nan)$/i;

/**
 * strconv.ParseFloat(text, 64): decimal or hexadecimal (`0x1p-2`) literals, `Inf`, `Infinity` and
 * `NaN` in any case. Undefined when Go reports an error, an out-of-range value included.
 */
export function parseGoFloat(text: string): number | undefined {
  const special = SPECIAL_FLOAT.exec(text);
  if (special !== null) {
    if (special[2]?.toLowerCase() === 'nan') return special[1] === '' ? NaN : undefined;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  let literal = text;
  if (literal.includes('_')) {
    if (!underscoresSeparateDigits(literal)) return undefined;
    literal = literal.replaceAll('_', '');
  }
  let value: number;
  const hexFloat = HEX_FLOAT.exec(literal);
  if (hexFloat !== null) {
    const [, sign = '', whole = '', fraction = '', exponent = '0'] = hexFloat;
    if (whole === '' && fraction === '') return undefined;
    const mantissa = parseInt(`${whole}${fraction}` || '0', 16);
    value = mantissa * 2 ** (Number(exponent) - 4 * fraction.length) * (sign === '-' ? -1 : 1);
  } else if (DECIMAL_FLOAT.test(literal)) {
    value = Number(literal);
  } else {
    return undefined;
  }
  return Number.isFinite(value) ? value : undefined;
}
