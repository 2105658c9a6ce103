/**
 * Sprig's dict functions. `set`, `unset`, `merge` and `mergeOverwrite` change the dict they are
 * given and return it, as in Go; the others build new dicts and lists.
 *
 * Go ranges over a map in random order, so Sprig's `keys` and `values` come in random order. Here
 * they come sorted by key, so a render never depends on chance.
 */

import { GoFailure } from './goFailure';
import { toGoString } from './goFormat';
import { deepCopy, dictDelete, dictGet, dictHas, dictSet, goTypeName, isDict, isNil, sortedKeys, type GoDict } from './goValue';
import { mergeInto } from './mergo';
import { defineFunctions, fixed, variadic } from './signature';

function dict(...pairs: unknown[]): GoDict {
  const out: GoDict = {};
  for (let i = 0; i < pairs.length; i += 2) dictSet(out, toGoString(pairs[i]), i + 1 < pairs.length ? pairs[i + 1] : '');
  return out;
}

/** The panic of a failed Go type assertion on an interface{} value. */
function assertionFailure(value: unknown, wanted: string): GoFailure {
  return new GoFailure(`interface conversion: interface {} is ${isNil(value) ? 'nil' : goTypeName(value)}, not ${wanted}`);
}

/** dig "a" "b" "default" $dict: the value at $dict.a.b, or the default when a key is missing. */
function dig(...args: unknown[]): unknown {
  if (args.length < 3) throw new GoFailure('dig needs at least three arguments');
  let current = args[args.length - 1];
  if (!isDict(current)) throw assertionFailure(current, 'map[string]interface {}');
  const fallback = args[args.length - 2];
  const keys = args.slice(0, -2).map((key) => {
    if (typeof key !== 'string') throw assertionFailure(key, 'string');
    return key;
  });
  for (const [index, key] of keys.entries()) {
    if (!isDict(current)) throw assertionFailure(current, 'map[string]interface {}');
    if (!dictHas(current, key)) return fallback;
    current = current[key];
    if (index === keys.length - 1) return current;
  }
  return current;
}

function pick(source: GoDict, keys: readonly string[]): GoDict {
  const out: GoDict = {};
  for (const key of keys) if (dictHas(source, key)) dictSet(out, key, source[key]);
  return out;
}

function omit(source: GoDict, keys: readonly string[]): GoDict {
  const out: GoDict = {};
  for (const key of sortedKeys(source)) if (!keys.includes(key)) dictSet(out, key, source[key]);
  return out;
}

function merge(overwrite: boolean): (destination: GoDict, ...sources: GoDict[]) => GoDict {
  return (destination, ...sources) => {
    for (const source of sources) mergeInto(destination, source, overwrite);
    return destination;
  };
}

export const dictFunctions = defineFunctions({
  dict: variadic([], 'any', dict),
  get: fixed(['dict', 'string'], (source, key) => (dictHas(source, key) ? dictGet(source, key) : '')),
  set: fixed(['dict', 'string', 'any'], (target, key, value) => {
    dictSet(target, key, value);
    return target;
  }),
  unset: fixed(['dict', 'string'], (target, key) => {
    dictDelete(target, key);
    return target;
  }),
  hasKey: fixed(['dict', 'string'], dictHas),
  pluck: variadic(['string'], 'dict', (key, ...dicts) => dicts.filter((source) => dictHas(source, key)).map((source) => source[key])),
  dig: variadic([], 'any', dig),
  keys: variadic([], 'dict', (...dicts) => dicts.flatMap(sortedKeys)),
  values: fixed(['dict'], (source) => sortedKeys(source).map((key) => source[key])),
  pick: variadic(['dict'], 'string', (source, ...keys) => pick(source, keys)),
  omit: variadic(['dict'], 'string', (source, ...keys) => omit(source, keys)),
  merge: variadic(['dict'], 'dict', merge(false)),
  mustMerge: variadic(['dict'], 'dict', merge(false)),
  mergeOverwrite: variadic(['dict'], 'dict', merge(true)),
  mustMergeOverwrite: variadic(['dict'], 'dict', merge(true)),
  deepCopy: fixed(['any'], deepCopy),
  mustDeepCopy: fixed(['any'], deepCopy),
});
