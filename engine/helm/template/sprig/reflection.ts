/**
 * Sprig's reflection functions, answering with the Go types Helm's values have: strings are
 * `string`, numbers `float64` (as every number read from values is), booleans `bool`, lists
 * `[]interface {}` of kind `slice`, dicts `map[string]interface {}` of kind `map`, and nil
 * `<nil>` of kind `invalid`.
 */

import { deepEqual, goKindName, goTypeName } from './goValue';
import { defineFunctions, fixed } from './signature';

export const reflectionFunctions = defineFunctions({
  typeOf: fixed(['any'], goTypeName),
  typeIs: fixed(['string', 'any'], (name, value) => name === goTypeName(value)),
  typeIsLike: fixed(['string', 'any'], (name, value) => name === goTypeName(value) || `*${name}` === goTypeName(value)),
  kindOf: fixed(['any'], goKindName),
  kindIs: fixed(['string', 'any'], (name, value) => name === goKindName(value)),
  deepEqual: fixed(['any', 'any'], deepEqual),
});
