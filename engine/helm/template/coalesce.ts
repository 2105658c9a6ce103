import { containerProvenance, entryProvenance, recordEntry, registerContainer, type ValuesPath } from './provenance';
import { isMap } from './values';

/**
 * Helm's merging of values, on fresh copies (templates may change `.Values` with `set`, and the
 * parsed files are reused between renders), each entry keeping the origin of the file it came from:
 * - values files given by the user merge in order: maps merge key by key, anything else replaces;
 * - the result is coalesced over the chart's values.yaml: the user's value wins, maps merge, and a
 *   user's `null` deletes the key;
 * - a subchart's values are its parent's `<name>:` map coalesced over its own values.yaml, with
 *   the parent's `global:` map copied in.
 */

type ValueMap = Record<string, unknown>;

/** Assigns an entry, even one named `__proto__`, as Go's maps allow any key. */
export function setKey(map: ValueMap, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
  else map[key] = value;
}

function copyProvenance(target: object, key: string | number, value: unknown, source: object, sourceKey: string | number): void {
  const entry = entryProvenance(source, sourceKey, (source as Record<string | number, unknown>)[sourceKey]);
  if (entry) recordEntry(target, key, value, entry.origin, entry.keyOrigin);
}

function freshContainer<T extends object>(container: T, like: object | undefined): T {
  const info = like ? containerProvenance(like) : undefined;
  registerContainer(container, { origin: info?.origin, valuesPath: undefined, decoded: info?.decoded ?? true });
  return container;
}

/** A new, empty mapping or list of values. */
export function registerFresh<T extends object>(container: T): T {
  return freshContainer(container, undefined);
}

/** A deep copy, provenance included. */
export function cloneValues(value: unknown): unknown {
  if (Array.isArray(value)) {
    const list = freshContainer([] as unknown[], value);
    value.forEach((item, index) => {
      const copy = cloneValues(item);
      list.push(copy);
      copyProvenance(list, index, copy, value, index);
    });
    return list;
  }
  if (isMap(value)) {
    const map = freshContainer({} as ValueMap, value);
    for (const key of Object.keys(value)) {
      const copy = cloneValues(value[key]);
      setKey(map, key, copy);
      copyProvenance(map, key, copy, value, key);
    }
    return map;
  }
  return value;
}

/** `helm template -f a.yaml -f b.yaml`: later files win; maps merge; lists and nulls replace. */
export function mergeValueFiles(files: readonly ValueMap[]): ValueMap {
  let result = freshContainer({} as ValueMap, files.at(-1));
  for (const file of files) result = mergeMaps(result, file);
  return result;
}

function mergeMaps(base: ValueMap, over: ValueMap): ValueMap {
  const out = freshContainer({} as ValueMap, over);
  for (const key of Object.keys(base)) {
    setKey(out, key, base[key]);
    copyProvenance(out, key, base[key], base, key);
  }
  for (const key of Object.keys(over)) {
    const value = over[key];
    const existing = Object.hasOwn(out, key) ? out[key] : undefined;
    const merged = isMap(value) && isMap(existing) ? mergeMaps(existing, value) : cloneValues(value);
    setKey(out, key, merged);
    copyProvenance(out, key, merged, over, key);
  }
  return out;
}

/** Coalesces a chart's defaults under `dest` (which it changes): Helm's `coalesceValues`. */
export function coalesceDefaults(dest: ValueMap, defaults: ValueMap): void {
  for (const key of Object.keys(defaults)) {
    if (!Object.hasOwn(dest, key)) {
      const copy = cloneValues(defaults[key]);
      setKey(dest, key, copy);
      copyProvenance(dest, key, copy, defaults, key);
      continue;
    }
    const value = dest[key];
    if (value === null) delete dest[key];
    else if (isMap(value) && isMap(defaults[key])) coalesceTables(value, defaults[key], false);
  }
}

/** `dst` wins over `src`; with `merge` false, a null in `dst` deletes the key. */
function coalesceTables(dst: ValueMap, src: ValueMap, merge: boolean): void {
  for (const key of Object.keys(src)) {
    const present = Object.hasOwn(dst, key);
    if (present && dst[key] === null && !merge) {
      delete dst[key];
    } else if (!present) {
      const copy = cloneValues(src[key]);
      setKey(dst, key, copy);
      copyProvenance(dst, key, copy, src, key);
    } else if (isMap(src[key]) && isMap(dst[key])) {
      coalesceTables(dst[key], src[key], merge);
    }
  }
}

/** Copies the parent's `global:` into a subchart's values; the parent's globals win. */
export function coalesceGlobals(dest: ValueMap, parent: ValueMap): void {
  const destGlobal = Object.hasOwn(dest, 'global') ? dest.global : freshContainer({} as ValueMap, undefined);
  const parentGlobal = Object.hasOwn(parent, 'global') ? parent.global : {};
  if (!isMap(destGlobal) || !isMap(parentGlobal)) return;
  for (const key of Object.keys(parentGlobal)) {
    const value = parentGlobal[key];
    if (isMap(value)) {
      const copy = cloneValues(value) as ValueMap;
      const existing = destGlobal[key];
      if (Object.hasOwn(destGlobal, key) && !isMap(existing)) continue;
      if (isMap(existing)) coalesceTables(copy, existing, true);
      setKey(destGlobal, key, copy);
      copyProvenance(destGlobal, key, copy, parentGlobal, key);
    } else if (!isMap(destGlobal[key])) {
      setKey(destGlobal, key, value);
      copyProvenance(destGlobal, key, value, parentGlobal, key);
    }
  }
  setKey(dest, 'global', destGlobal);
}

/** Records each mapping's path from the root `.Values`, so a missing key can be named in full. */
export function assignValuesPaths(value: unknown, path: ValuesPath, seen = new Set<object>()): void {
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  const info = registerContainer(value, { origin: undefined, valuesPath: path, decoded: true });
  info.valuesPath = path;
  if (Array.isArray(value)) value.forEach((item, index) => assignValuesPaths(item, [...path, index], seen));
  else for (const key of Object.keys(value)) assignValuesPaths((value as ValueMap)[key], [...path, key], seen);
}
