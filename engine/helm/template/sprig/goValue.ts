/**
 * Template values seen as the Go values Helm works with: a string is a Go string, a number a
 * float64 (Helm reads every values number as float64), a boolean a bool, null a nil, an array a
 * []interface{} and a plain object a map[string]interface{}.
 *
 * Dicts are plain objects, so keys are read and written as own properties only: a key such as
 * `__proto__` or `constructor` is an ordinary map key in Go and must stay one here.
 */

export type GoDict = Record<string, unknown>;
export type GoList = unknown[];

export function isDict(value: unknown): value is GoDict {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export function isList(value: unknown): value is GoList {
  return Array.isArray(value);
}

export function isNil(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

export function dictHas(dict: GoDict, key: string): boolean {
  return Object.hasOwn(dict, key);
}

/** The value under `key`, or undefined when the dict has no such key. */
export function dictGet(dict: GoDict, key: string): unknown {
  return Object.hasOwn(dict, key) ? dict[key] : undefined;
}

export function dictSet(dict: GoDict, key: string, value: unknown): void {
  Object.defineProperty(dict, key, { value, writable: true, enumerable: true, configurable: true });
}

export function dictDelete(dict: GoDict, key: string): void {
  delete dict[key];
}

/** Orders strings as Go's sort.Strings does: by UTF-8 bytes, which is code point order. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.codePointAt(i) ?? 0;
    const y = b.codePointAt(i) ?? 0;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/**
 * A dict's keys in sorted order. Go ranges over maps in random order; everything here that walks a
 * dict does it in sorted order, so a render never depends on chance.
 */
export function sortedKeys(dict: GoDict): string[] {
  return Object.keys(dict).sort(compareStrings);
}

/** The name Go's `%T` prints for the value's dynamic type. */
export function goTypeName(value: unknown): string {
  if (isNil(value)) return '<nil>';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return 'float64';
    case 'boolean':
      return 'bool';
  }
  return Array.isArray(value) ? '[]interface {}' : 'map[string]interface {}';
}

/** The name of the value's reflect.Kind. */
export function goKindName(value: unknown): string {
  if (isNil(value)) return 'invalid';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return 'float64';
    case 'boolean':
      return 'bool';
  }
  return Array.isArray(value) ? 'slice' : 'map';
}

/** Sprig's `empty`: nil, false, 0, and strings, lists and dicts of length 0. */
export function isEmpty(value: unknown): boolean {
  if (isNil(value)) return true;
  switch (typeof value) {
    case 'string':
      return value.length === 0;
    case 'number':
      return value === 0;
    case 'boolean':
      return !value;
  }
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' ? Object.keys(value).length === 0 : false;
}

/** Go's reflect.DeepEqual over template values (a NaN is unequal to itself, as in Go). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (isNil(a) || isNil(b)) return isNil(a) && isNil(b);
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    if (a === b) return true;
    return a.every((item, index) => deepEqual(item, b[index]));
  }
  if (a === b) return true;
  const dictA = a as GoDict;
  const dictB = b as GoDict;
  const keys = Object.keys(dictA);
  if (keys.length !== Object.keys(dictB).length) return false;
  return keys.every((key) => dictHas(dictB, key) && deepEqual(dictA[key], dictB[key]));
}

/** A copy of lists and dicts at every depth; scalars are values already. */
export function deepCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(deepCopy);
  if (isDict(value)) {
    const copy: GoDict = {};
    for (const key of Object.keys(value)) dictSet(copy, key, deepCopy(value[key]));
    return copy;
  }
  return value;
}
