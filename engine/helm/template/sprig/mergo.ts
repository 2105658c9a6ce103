/**
 * The deep merge behind Sprig's `merge` and `mergeOverwrite` (mergo's Merge and
 * MergeWithOverwrite on map[string]interface{}), which mutates the destination:
 *   - a key the destination lacks, or holds an empty value for (nil, "", 0, false, an empty list
 *     or dict), takes the source value: `merge` fills a `false` from the source;
 *   - dicts on both sides merge key by key, in place;
 *   - with overwrite, any other source value replaces the destination's, a nil one included;
 *     without, a nil source value is skipped and non-empty destination values stay.
 * Merging is not copying: a dict taken from a source is shared with it, as in Go.
 */

import { dictGet, dictHas, dictSet, isDict, isEmpty, isNil, type GoDict } from './goValue';

export function mergeInto(destination: GoDict, source: GoDict, overwrite: boolean): void {
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (isNil(value)) {
      if (overwrite) dictSet(destination, key, null);
      continue;
    }
    const existing = dictGet(destination, key);
    if (isDict(value) && isDict(existing)) {
      mergeInto(existing, value, overwrite);
      // An empty destination dict stays empty only when the source one is empty too; it is then replaced.
      if (Object.keys(existing).length === 0) dictSet(destination, key, value);
      continue;
    }
    if (overwrite || !dictHas(destination, key) || isEmpty(existing)) dictSet(destination, key, value);
  }
}
