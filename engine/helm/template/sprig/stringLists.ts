/** Sprig's functions between strings and lists of strings: split, join, sort. */

import { toGoString } from './goFormat';
import { splitN } from './goText';
import { compareStrings, dictSet, isList, isNil, type GoDict } from './goValue';
import { defineFunctions, fixed } from './signature';

/** Sprig's strslice: a list's items as strings (nil items dropped), nil as no strings, anything else as one string. */
export function toStrings(value: unknown): string[] {
  if (isList(value)) return value.filter((item) => !isNil(item)).map(toGoString);
  if (isNil(value)) return [];
  return [toGoString(value)];
}

/** `split` and `splitn` return a dict keyed `_0`, `_1`, … so parts read as `$parts._1`. */
function indexedDict(parts: readonly string[]): GoDict {
  const dict: GoDict = {};
  parts.forEach((part, index) => dictSet(dict, `_${index}`, part));
  return dict;
}

export const stringListFunctions = defineFunctions({
  split: fixed(['string', 'string'], (separator, text) => indexedDict(splitN(text, separator, -1))),
  splitn: fixed(['string', 'int', 'string'], (separator, n, text) => indexedDict(splitN(text, separator, n))),
  splitList: fixed(['string', 'string'], (separator, text) => splitN(text, separator, -1)),
  join: fixed(['string', 'any'], (separator, value) => toStrings(value).join(separator)),
  toStrings: fixed(['any'], toStrings),
  // A value that is not a list sorts as the one string it prints as; nil prints as `<nil>`.
  sortAlpha: fixed(['any'], (value) => (isList(value) ? toStrings(value).sort(compareStrings) : [toGoString(value)])),
});
