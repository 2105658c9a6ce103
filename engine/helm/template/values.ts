import { containerProvenance, entryProvenance, TracedText, type Origin, type ValuesPath } from './provenance';

/**
 * The values a template computes with, and Go's rules for them.
 *
 * Data is plain JS: strings, numbers, booleans, null, arrays and plain objects (Go's
 * `map[string]interface{}` and `[]interface{}`). Inside the executor a scalar may travel as a
 * `Traced`, which adds where it came from and whether Go holds it as an int or a float64, and text
 * built from pieces travels as a `TracedText`. Helm's own objects with methods (`.Files`,
 * `.Capabilities`) are `GoObject`s.
 *
 * Go has two kinds of nothing: a nil interface (a map entry holding nil, a missing key read with
 * Helm's `missingkey=zero`) and an invalid value (what a pipeline yields once it unwraps a nil
 * interface). They are `null` and `undefined` here: reading a field of the first is an error
 * ("nil pointer evaluating interface {}.x"), of the second yields no value.
 */

export type Scalar = string | number | boolean | null;

/** How Go holds a number: template literals and `len` give ints, values files give float64. */
export type NumberKind = 'int' | 'float';

/** A scalar with its provenance. */
export class Traced {
  constructor(
    readonly value: Scalar | undefined,
    readonly origin: Origin | undefined,
    /** Known only for numbers whose Go type is certain; other numbers are ints when whole. */
    readonly numberKind?: NumberKind,
    /** For a missing or null value read from `.Values`, the path that was asked for. */
    readonly missingPath?: ValuesPath,
  ) {}
}

export interface GoMethod {
  /** Number of arguments; Go reports a call with another count. */
  arity: number;
  call(...args: unknown[]): unknown;
}

/** A Go struct or named type with methods: Helm's `.Files`, `.Capabilities`, `.Chart`. */
export class GoObject {
  constructor(
    /** The Go type as error messages name it: `*chart.Metadata`. */
    readonly typeName: string,
    readonly fields: Readonly<Record<string, unknown>>,
    readonly methods: Readonly<Record<string, GoMethod>> = {},
    readonly options: {
      /** `String()`, for types that are fmt.Stringers. */
      format?: () => string;
      /** For map types: entries, ranged over in key order. */
      entries?: () => [string, unknown][];
      /** For slice types: elements. */
      items?: () => unknown[];
    } = {},
  ) {}
}

/** The value without its provenance: a scalar, container or GoObject; `undefined` stays invalid. */
export function unwrap(value: unknown): unknown {
  if (value instanceof Traced) return value.value;
  if (value instanceof TracedText) return value.text;
  return value;
}

/**
 * The value as template functions outside the executor see it: plain data only. Nothing is
 * null; a GoObject becomes its String() or its entries, items or fields.
 */
export function toPlain(value: unknown): unknown {
  const inner = unwrap(value);
  if (inner === undefined) return null;
  if (inner instanceof GoObject) {
    if (inner.options.format) return inner.options.format();
    if (inner.options.entries) return Object.fromEntries(inner.options.entries());
    if (inner.options.items) return inner.options.items().map(toPlain);
    return Object.fromEntries(Object.entries(inner.fields).map(([key, field]) => [key, toPlain(field)]));
  }
  return inner;
}

export function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null && !(value instanceof GoObject) && !(value instanceof Traced) && !(value instanceof TracedText);
}

export function isMap(value: unknown): value is Record<string, unknown> {
  return isContainer(value) && !Array.isArray(value);
}

/** Whether a number is held as a float64: when its kind is known, that; otherwise when it has a fraction. */
export function isFloat(value: unknown): boolean {
  if (value instanceof Traced) return typeof value.value === 'number' && (value.numberKind ? value.numberKind === 'float' : !Number.isInteger(value.value));
  return typeof value === 'number' && !Number.isInteger(value);
}

/** The number's Go kind, when the executor knows it for sure. */
export function knownNumberKind(value: unknown): NumberKind | undefined {
  return value instanceof Traced && typeof value.value === 'number' ? value.numberKind : undefined;
}

/** Go's `reflect.Type.String()` of the value, for messages. */
export function goTypeName(value: unknown): string {
  const inner = unwrap(value);
  if (inner === null || inner === undefined) return '<nil>';
  if (inner instanceof GoObject) return inner.typeName;
  switch (typeof inner) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return isFloat(value) ? 'float64' : 'int';
    default:
      return Array.isArray(inner) ? '[]interface {}' : 'map[string]interface {}';
  }
}

/** Go's truth: false, 0, nil and empty strings, maps and slices are false; `ok` is false for values without one. */
export function truth(value: unknown): boolean {
  const inner = unwrap(value);
  if (inner === null || inner === undefined) return false;
  switch (typeof inner) {
    case 'string':
      return inner.length > 0;
    case 'boolean':
      return inner;
    case 'number':
      return inner !== 0;
  }
  if (inner instanceof GoObject) {
    if (inner.options.entries) return inner.options.entries().length > 0;
    if (inner.options.items) return inner.options.items().length > 0;
    return true;
  }
  return Array.isArray(inner) ? inner.length > 0 : Object.keys(inner as object).length > 0;
}

/** Map keys in Go's order: by Unicode code point, as Go compares UTF-8 strings bytewise. */
export function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

export function sortedKeys(map: Record<string, unknown>): string[] {
  return Object.keys(map).sort(compareKeys);
}

/**
 * `container[key]` as the executor reads it: scalars carry their values-file origin and, from
 * decoded YAML or JSON, the float64 kind of their numbers; a missing entry is a nil interface
 * that remembers its path.
 */
export function readEntry(container: Record<string, unknown> | unknown[], key: string | number): unknown {
  const present = Object.hasOwn(container, key);
  const raw: unknown = present ? (container as Record<string | number, unknown>)[key] : undefined;
  if (raw !== null && raw !== undefined && typeof raw === 'object') return raw;
  const info = containerProvenance(container);
  const origin = present ? entryProvenance(container, key, raw)?.origin : undefined;
  if (raw === null || raw === undefined) {
    const missingPath = info?.valuesPath ? [...info.valuesPath, key] : undefined;
    return origin || missingPath ? new Traced(null, origin, undefined, missingPath) : null;
  }
  const numberKind = typeof raw === 'number' && info?.decoded ? 'float' : undefined;
  return origin || numberKind ? new Traced(raw as Scalar, origin, numberKind) : raw;
}

/** The origin of a map key, for `range $key, $value := .Values.env`. */
export function readKey(container: Record<string, unknown>, key: string): unknown {
  const keyOrigin = entryProvenance(container, key, container[key])?.keyOrigin;
  return keyOrigin ? new Traced(key, keyOrigin) : key;
}
