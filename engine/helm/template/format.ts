import { formatFloat } from './goFloat';
import { compareKeys, GoObject, goTypeName, isFloat, unwrap } from './values';

/**
 * Go's `fmt` as templates reach it: `print`, `println`, `printf` and the printing of actions.
 * `%v` of a map is `map[a:1 b:2]` with sorted keys, of a slice `[a b]`, of nil `<nil>`; a verb
 * that does not fit its operand prints Go's `%!d(string=x)`.
 *
 * Each function also reports which range of the output each argument produced, so the executor
 * can carry the argument's provenance into the text.
 */

export interface Formatted {
  text: string;
  /** The output range printed for each argument, by argument index. */
  spans: { arg: number; start: number; end: number }[];
}

interface Spec {
  verb: string;
  plus: boolean;
  minus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  width: number | undefined;
  prec: number | undefined;
}

const PLAIN: Spec = { verb: 'v', plus: false, minus: false, sharp: false, space: false, zero: false, width: undefined, prec: undefined };

/** `%v` of any value, as `fmt.Sprint` prints one operand. */
export function formatValue(value: unknown): string {
  return formatWith(value, PLAIN, 0);
}

/** `fmt.Sprint`: operands joined, with a space between two operands when neither is a string. */
export function sprint(args: readonly unknown[]): Formatted {
  let text = '';
  const spans: Formatted['spans'] = [];
  args.forEach((arg, i) => {
    const isString = typeof unwrap(arg) === 'string';
    if (i > 0 && !isString && typeof unwrap(args[i - 1]) !== 'string') text += ' ';
    const start = text.length;
    text += formatValue(arg);
    spans.push({ arg: i, start, end: text.length });
  });
  return { text, spans };
}

/** `fmt.Sprintln`: operands joined by spaces, then a newline. */
export function sprintln(args: readonly unknown[]): Formatted {
  let text = '';
  const spans: Formatted['spans'] = [];
  args.forEach((arg, i) => {
    if (i > 0) text += ' ';
    const start = text.length;
    text += formatValue(arg);
    spans.push({ arg: i, start, end: text.length });
  });
  return { text: `${text}\n`, spans };
}

/** `fmt.Sprintf`. */
export function sprintf(format: string, args: readonly unknown[]): Formatted {
  let text = '';
  const spans: Formatted['spans'] = [];
  let argIndex = 0;
  let i = 0;
  while (i < format.length) {
    const percent = format.indexOf('%', i);
    if (percent < 0) {
      text += format.slice(i);
      break;
    }
    text += format.slice(i, percent);
    i = percent + 1;
    const spec: Spec = { ...PLAIN };
    for (; i < format.length; i++) {
      const flag = format[i];
      if (flag === '+') spec.plus = true;
      else if (flag === '-') spec.minus = true;
      else if (flag === '#') spec.sharp = true;
      else if (flag === ' ') spec.space = true;
      else if (flag === '0') spec.zero = true;
      else break;
    }
    const width = readNumber(format, i, args, argIndex);
    i = width.next;
    argIndex = width.argIndex;
    if (width.bad) text += '%!(BADWIDTH)';
    else spec.width = width.value;
    if (spec.width !== undefined && spec.width < 0) {
      spec.minus = true;
      spec.width = -spec.width;
    }
    if (format[i] === '.') {
      const prec = readNumber(format, i + 1, args, argIndex);
      i = prec.next;
      argIndex = prec.argIndex;
      if (prec.bad || (prec.value ?? 0) < 0) text += '%!(BADPREC)';
      else spec.prec = prec.value ?? 0;
    }
    if (i >= format.length) {
      text += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;
    spec.verb = verb;
    if (verb === '%') {
      text += '%';
      continue;
    }
    if (argIndex >= args.length) {
      text += `%!${verb}(MISSING)`;
      continue;
    }
    const start = text.length;
    const arg = args[argIndex]!;
    text += verb === 'T' ? pad(goTypeName(arg), spec) : formatWith(arg, spec, 0);
    spans.push({ arg: argIndex, start, end: text.length });
    argIndex++;
  }
  if (argIndex < args.length) {
    text += `%!(EXTRA ${args
      .slice(argIndex)
      .map((arg) => `${goTypeName(arg)}=${formatValue(arg)}`)
      .join(', ')})`;
  }
  return { text, spans };
}

/** A width or precision: digits, or `*` taking an int operand. */
function readNumber(format: string, at: number, args: readonly unknown[], argIndex: number): { value: number | undefined; next: number; argIndex: number; bad: boolean } {
  if (format[at] === '*') {
    const arg = unwrap(args[argIndex]);
    const ok = typeof arg === 'number' && Number.isInteger(arg) && !isFloat(args[argIndex]);
    return { value: ok ? arg : undefined, next: at + 1, argIndex: argIndex + 1, bad: !ok };
  }
  const digits = /^\d+/.exec(format.slice(at))?.[0];
  if (!digits) return { value: undefined, next: at, argIndex, bad: false };
  return { value: Number(digits), next: at + digits.length, argIndex, bad: false };
}

function badVerb(value: unknown, spec: Spec): string {
  const inner = unwrap(value);
  if (inner === null || inner === undefined) return `%!${spec.verb}(<nil>)`;
  return `%!${spec.verb}(${goTypeName(value)}=${formatValue(value)})`;
}

/** Pads to the width with spaces, or zeros when asked and allowed. */
function pad(text: string, spec: Spec, zeroAllowed = false): string {
  const length = [...text].length;
  if (spec.width === undefined || length >= spec.width) return text;
  const fill = spec.width - length;
  if (spec.minus) return text + ' '.repeat(fill);
  if (spec.zero && zeroAllowed) {
    const sign = /^[+\- ]/.test(text) ? text[0]! : '';
    return sign + '0'.repeat(fill) + text.slice(sign.length);
  }
  return ' '.repeat(fill) + text;
}

function formatWith(value: unknown, spec: Spec, depth: number): string {
  const inner = unwrap(value);
  if (inner === null || inner === undefined) {
    return spec.verb === 'v' ? pad('<nil>', spec) : badVerb(value, spec);
  }
  if (inner instanceof GoObject) return formatObject(inner, spec, depth);
  switch (typeof inner) {
    case 'boolean':
      return spec.verb === 'v' || spec.verb === 't' ? pad(String(inner), spec) : badVerb(value, spec);
    case 'string':
      return formatString(inner, value, spec);
    case 'number':
      return isFloat(value) ? formatFloatVerb(inner, value, spec) : formatInt(inner, value, spec);
  }
  if (depth > 64) return '...';
  if (Array.isArray(inner)) return `[${inner.map((item) => formatWith(item, spec, depth + 1)).join(' ')}]`;
  const map = inner as Record<string, unknown>;
  const keys = Object.keys(map).sort(compareKeys);
  return `map[${keys.map((key) => `${formatWith(key, spec, depth + 1)}:${formatWith(map[key], spec, depth + 1)}`).join(' ')}]`;
}

function formatObject(object: GoObject, spec: Spec, depth: number): string {
  if (object.options.format && 'vsqxX'.includes(spec.verb)) return formatString(object.options.format(), object.options.format(), spec);
  if (object.options.entries) {
    const entries = object.options.entries();
    return `map[${entries.map(([key, item]) => `${formatWith(key, spec, depth + 1)}:${formatWith(item, spec, depth + 1)}`).join(' ')}]`;
  }
  if (object.options.items) return `[${object.options.items().map((item) => formatWith(item, spec, depth + 1)).join(' ')}]`;
  const fields = Object.values(object.fields).map((field) => formatWith(field, spec, depth + 1));
  return `${depth > 0 ? '&' : ''}{${fields.join(' ')}}`;
}

function formatString(text: string, value: unknown, spec: Spec): string {
  switch (spec.verb) {
    case 'v':
    case 's': {
      const cut = spec.prec === undefined ? text : [...text].slice(0, spec.prec).join('');
      return pad(cut, spec, true);
    }
    case 'q':
      return pad(spec.sharp && !text.includes('`') && !/[\x00-\x08\x0b-\x1f\x7f]/.test(text) ? `\`${text}\`` : goQuote(text, spec.plus), spec);
    case 'x':
    case 'X': {
      const hex = [...new TextEncoder().encode(text)].map((byte) => byte.toString(16).padStart(2, '0'));
      const joined = spec.space ? hex.join(' ') : hex.join('');
      return pad(spec.verb === 'X' ? joined.toUpperCase() : joined, spec);
    }
    default:
      return badVerb(value, spec);
  }
}

function formatInt(n: number, value: unknown, spec: Spec): string {
  const negative = n < 0;
  const magnitude = BigInt(Math.abs(Math.trunc(n)));
  let digits: string;
  let prefix = '';
  switch (spec.verb) {
    case 'v':
    case 'd':
      digits = magnitude.toString();
      break;
    case 'x':
    case 'X':
      digits = magnitude.toString(16);
      if (spec.verb === 'X') digits = digits.toUpperCase();
      if (spec.sharp) prefix = spec.verb === 'X' ? '0X' : '0x';
      break;
    case 'o':
    case 'O':
      digits = magnitude.toString(8);
      if (spec.verb === 'O') prefix = '0o';
      else if (spec.sharp && digits !== '0') prefix = '0';
      break;
    case 'b':
      digits = magnitude.toString(2);
      break;
    case 'c':
      return pad(String.fromCodePoint(validRune(n)), spec);
    case 'q':
      return pad(`'${quoteRune(validRune(n))}'`, spec);
    case 'U':
      return pad(`U+${n.toString(16).toUpperCase().padStart(4, '0')}`, spec);
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
      return badVerb(value, spec);
    default:
      return badVerb(value, spec);
  }
  if (spec.prec !== undefined) digits = spec.prec === 0 && magnitude === 0n ? '' : digits.padStart(spec.prec, '0');
  const sign = negative ? '-' : spec.plus ? '+' : spec.space ? ' ' : '';
  const body = prefix + digits;
  if (spec.zero && !spec.minus && spec.prec === undefined && spec.width !== undefined) {
    const fill = spec.width - sign.length - body.length;
    return sign + prefix + '0'.repeat(Math.max(0, fill)) + digits;
  }
  return pad(sign + body, spec);
}

function formatFloatVerb(x: number, value: unknown, spec: Spec): string {
  let text: string;
  switch (spec.verb) {
    case 'v':
    case 'g':
    case 'G':
      text = formatFloat(x, spec.verb === 'G' ? 'G' : 'g', spec.prec ?? -1);
      break;
    case 'e':
    case 'E':
      text = formatFloat(x, spec.verb, spec.prec ?? 6);
      break;
    case 'f':
    case 'F':
      text = formatFloat(x, 'f', spec.prec ?? 6);
      break;
    default:
      return badVerb(value, spec);
  }
  if (spec.plus && !text.startsWith('-') && !text.startsWith('+')) text = `+${text}`;
  else if (spec.space && !text.startsWith('-') && !text.startsWith('+')) text = ` ${text}`;
  else if (text.startsWith('+') && !spec.plus && text !== '+Inf') text = text.slice(1);
  const finite = Number.isFinite(x);
  return pad(text, spec, finite);
}

function validRune(n: number): number {
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff && !(n >= 0xd800 && n < 0xe000) ? n : 0xfffd;
}

const QUOTE_ESCAPES: Readonly<Record<string, string>> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '\\': '\\\\' };

function escapeRune(ch: string, quote: string, asciiOnly: boolean): string {
  if (ch === quote) return `\\${ch}`;
  const escaped = QUOTE_ESCAPES[ch];
  if (escaped) return escaped;
  const code = ch.codePointAt(0)!;
  const printable = code >= 0x20 && code !== 0x7f && !(code >= 0x80 && code < 0xa0) && code !== 0xad && !/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u.test(ch);
  if (printable && (!asciiOnly || code < 0x80)) return ch;
  if (code < 0x80) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\U${code.toString(16).padStart(8, '0')}`;
}

/** `strconv.Quote` (or `QuoteToASCII`). */
function goQuote(text: string, asciiOnly = false): string {
  let out = '"';
  for (const ch of text) out += escapeRune(ch, '"', asciiOnly);
  return `${out}"`;
}

function quoteRune(code: number): string {
  return escapeRune(String.fromCodePoint(code), "'", false);
}
