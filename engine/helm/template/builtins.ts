import { formatValue, sprint, sprintf, sprintln, type Formatted } from './format';
import { TemplateFunctionError } from './functions';
import { carryPieces, TracedText, type Piece } from './provenance';
import { GoObject, goTypeName, isContainer, isFloat, knownNumberKind, readEntry, Traced, truth, unwrap } from './values';

/**
 * The functions Go's text/template defines itself, over executor values (so they see Go's int and
 * float64 apart, and keep provenance). `and` and `or` are evaluated by the executor, which must
 * not evaluate the arguments after the deciding one.
 */

export interface BuiltinFunction {
  minArgs: number;
  /** Undefined for variadic functions. */
  maxArgs?: number;
  run(args: unknown[]): unknown;
}

function fail(message: string): never {
  throw new TemplateFunctionError(message);
}

/** A traced view of any value's text, when it has provenance. */
export function tracedTextOf(value: unknown): TracedText | undefined {
  if (value instanceof TracedText) return value;
  if (value instanceof Traced && value.origin) {
    const text = formatValue(value);
    return new TracedText(text, [{ start: 0, end: text.length, origin: value.origin }]);
  }
  return undefined;
}

/** The formatted text, each argument's range carrying that argument's provenance. */
function composeFormatted(formatted: Formatted, args: readonly unknown[]): unknown {
  const pieces: Piece[] = [];
  for (const span of formatted.spans) {
    const source = tracedTextOf(args[span.arg]);
    if (!source) continue;
    const carried = carryPieces(source, formatted.text.slice(span.start, span.end));
    if (carried) for (const piece of carried) pieces.push({ start: piece.start + span.start, end: piece.end + span.start, origin: piece.origin });
  }
  return pieces.length > 0 ? new TracedText(formatted.text, pieces) : formatted.text;
}

type BasicKind = 'invalid' | 'bool' | 'int' | 'float' | 'string' | 'other';

function basicKind(value: unknown): BasicKind {
  const inner = unwrap(value);
  if (inner === null || inner === undefined) return 'invalid';
  switch (typeof inner) {
    case 'boolean':
      return 'bool';
    case 'string':
      return 'string';
    case 'number':
      return isFloat(value) ? 'float' : 'int';
  }
  return 'other';
}

/**
 * Go rejects comparing an int with a float64 (`eq .Values.replicas 1` fails in Helm). Numbers
 * returned by template functions have no known Go type here, so they compare with either.
 */
function numbersComparable(a: unknown, b: unknown): boolean {
  const ka = knownNumberKind(a);
  const kb = knownNumberKind(b);
  return ka === undefined || kb === undefined || ka === kb;
}

function equal(a: unknown, b: unknown): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  const x = unwrap(a);
  const y = unwrap(b);
  const numeric = (k1 === 'int' || k1 === 'float') && (k2 === 'int' || k2 === 'float');
  if (numeric) {
    if (!numbersComparable(a, b)) fail('incompatible types for comparison');
    return x === y;
  }
  if (k1 !== k2) {
    if (k1 !== 'invalid' && k2 !== 'invalid') fail('incompatible types for comparison');
    return false;
  }
  if (k1 === 'invalid') return true;
  if (k1 !== 'other') return x === y;
  if (isContainer(y)) fail(`non-comparable type ${formatValue(b)}: ${goTypeName(b)}`);
  return x === y;
}

function eq(args: unknown[]): boolean {
  const [first, ...rest] = args;
  if (rest.length === 0) fail('missing argument for comparison');
  return rest.some((other) => equal(first, other));
}

function less(a: unknown, b: unknown): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  for (const kind of [k1, k2]) if (kind === 'invalid' || kind === 'other') fail('invalid type for comparison');
  const numeric = (k1 === 'int' || k1 === 'float') && (k2 === 'int' || k2 === 'float');
  if (numeric && !numbersComparable(a, b)) fail('incompatible types for comparison');
  if (!numeric && k1 !== k2) fail('incompatible types for comparison');
  if (k1 === 'bool') fail('invalid type for comparison');
  const x = unwrap(a) as number | string;
  const y = unwrap(b) as number | string;
  return typeof x === 'string' ? compareBytes(x, y as string) < 0 : x < (y as number);
}

/** Go compares strings bytewise, which is code point order. */
function compareBytes(a: string, b: string): number {
  const x = [...a].map((ch) => ch.codePointAt(0)!);
  const y = [...b].map((ch) => ch.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

const utf8 = new TextEncoder();

function byteLength(text: string): number {
  return utf8.encode(text).length;
}

function len(value: unknown): number {
  const inner = unwrap(value);
  if (inner === null || inner === undefined) fail('len of nil pointer');
  if (typeof inner === 'string') return byteLength(inner);
  if (Array.isArray(inner)) return inner.length;
  if (inner instanceof GoObject) {
    if (inner.options.entries) return inner.options.entries().length;
    if (inner.options.items) return inner.options.items().length;
  } else if (typeof inner === 'object') return Object.keys(inner).length;
  fail(`len of type ${goTypeName(value)}`);
}

/**
 * A slice or string index: an int within [0, length]. Indexing (not slicing) at `length` itself
 * passes Go's check and panics in reflect, whose message Go reports.
 */
function intIndex(value: unknown, length: number, indexed?: 'slice' | 'string'): number {
  const inner = unwrap(value);
  if (inner === null || inner === undefined) fail('cannot index slice/array with nil');
  if (typeof inner !== 'number' || isFloat(value) || !Number.isInteger(inner)) fail(`cannot index slice/array with type ${goTypeName(value)}`);
  if (inner < 0 || inner > length) fail(`index out of range: ${inner}`);
  if (indexed && inner === length) fail(`reflect: ${indexed} index out of range`);
  return inner;
}

function index(args: unknown[]): unknown {
  let item = args[0];
  if (unwrap(item) === null || unwrap(item) === undefined) fail('index of untyped nil');
  for (const key of args.slice(1)) {
    const inner = unwrap(item);
    if (inner === null || inner === undefined) fail('index of nil pointer');
    if (typeof inner === 'string') {
      item = new Traced(utf8.encode(inner)[intIndex(key, byteLength(inner), 'string')]!, undefined, 'int');
    } else if (Array.isArray(inner)) {
      item = readEntry(inner, intIndex(key, inner.length, 'slice'));
    } else if (inner instanceof GoObject && inner.options.entries) {
      const name = mapKey(key);
      item = inner.options.entries().find(([entry]) => entry === name)?.[1] ?? null;
    } else if (inner instanceof GoObject && inner.options.items) {
      const items = inner.options.items();
      item = items[intIndex(key, items.length, 'slice')];
    } else if (isContainer(inner)) {
      item = readEntry(inner, mapKey(key));
    } else {
      fail(`can't index item of type ${goTypeName(item)}`);
    }
  }
  return item;
}

function mapKey(key: unknown): string {
  const inner = unwrap(key);
  if (inner === null || inner === undefined) fail('value is nil; should be of type string');
  if (typeof inner !== 'string') fail(`value has type ${goTypeName(key)}; should be string`);
  return inner;
}

function slice(args: unknown[]): unknown {
  const [item, ...indexes] = args;
  const inner = unwrap(item);
  if (inner === null || inner === undefined) fail('slice of untyped nil');
  if (indexes.length > 3) fail(`too many slice indexes: ${indexes.length}`);
  let length: number;
  if (typeof inner === 'string') {
    if (indexes.length === 3) fail('cannot 3-index slice a string');
    length = byteLength(inner);
  } else if (Array.isArray(inner)) length = inner.length;
  else fail(`can't slice item of type ${goTypeName(item)}`);
  const bounds = [0, length];
  indexes.forEach((value, i) => (bounds[i] = intIndex(value, length)));
  if (bounds[0]! > bounds[1]!) fail(`invalid slice index: ${bounds[0]} > ${bounds[1]}`);
  if (typeof inner === 'string') return new TextDecoder().decode(utf8.encode(inner).slice(bounds[0], bounds[1]));
  return (inner as unknown[]).slice(bounds[0], bounds[1]);
}

/** The text `html`, `js` and `urlquery` escape: a lone string as is, else `fmt.Sprint`, nil as `<no value>`. */
function escapeInput(args: unknown[]): string {
  if (args.length === 1 && typeof unwrap(args[0]) === 'string') return unwrap(args[0]) as string;
  return sprint(args.map((arg) => (unwrap(arg) === null || unwrap(arg) === undefined ? '<no value>' : arg))).text;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&#34;', '\0': '\uFFFD' };

function jsEscape(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === "'") out += "\\'";
    else if (ch === '"') out += '\\"';
    else if ('<>&='.includes(ch)) out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    else if (code < 0x20) out += `\\u00${code.toString(16).toUpperCase().padStart(2, '0')}`;
    else if (code >= 0x80 && /[\p{C}\p{Z}]/u.test(ch) && ch !== ' ' && !/\p{Zs}/u.test(ch)) out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += ch;
  }
  return out;
}

function queryEscape(text: string): string {
  let out = '';
  for (const byte of utf8.encode(text)) {
    const ch = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(ch)) out += ch;
    else if (ch === ' ') out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export const goBuiltins: Readonly<Record<string, BuiltinFunction>> = {
  not: { minArgs: 1, maxArgs: 1, run: ([value]) => !truth(value) },
  len: { minArgs: 1, maxArgs: 1, run: ([value]) => new Traced(len(value), undefined, 'int') },
  index: { minArgs: 1, run: index },
  slice: { minArgs: 1, run: slice },
  print: { minArgs: 0, run: (args) => composeFormatted(sprint(args), args) },
  println: { minArgs: 0, run: (args) => composeFormatted(sprintln(args), args) },
  printf: {
    minArgs: 1,
    run: ([format, ...args]) => {
      const text = unwrap(format);
      if (typeof text !== 'string') fail(`wrong type for value; expected string; got ${goTypeName(format)}`);
      return composeFormatted(sprintf(text, args), args);
    },
  },
  eq: { minArgs: 1, run: eq },
  ne: { minArgs: 2, maxArgs: 2, run: (args) => !eq(args) },
  lt: { minArgs: 2, maxArgs: 2, run: ([a, b]) => less(a, b) },
  le: { minArgs: 2, maxArgs: 2, run: ([a, b]) => less(a, b) || eq([a, b]) },
  gt: { minArgs: 2, maxArgs: 2, run: ([a, b]) => !(less(a, b) || eq([a, b])) },
  ge: { minArgs: 2, maxArgs: 2, run: ([a, b]) => !less(a, b) },
  html: { minArgs: 0, run: (args) => escapeInput(args).replace(/[<>&'"\0]/g, (ch) => HTML_ESCAPES[ch]!) },
  js: { minArgs: 0, run: (args) => jsEscape(escapeInput(args)) },
  urlquery: { minArgs: 0, run: (args) => queryEscape(escapeInput(args)) },
  call: {
    minArgs: 1,
    run: ([fn]) => {
      if (unwrap(fn) === null || unwrap(fn) === undefined) fail('call of nil');
      fail(`non-function of type ${goTypeName(fn)}`);
    },
  },
};

/** Names Go's executor treats specially: it evaluates their arguments lazily. */
export const SHORT_CIRCUIT = new Set(['and', 'or']);
