/**
 * Sprig's type conversions. They never fail: what does not convert becomes 0. Numbers are JS
 * numbers whether Go would hold an int or a float64; `int` and `int64` truncate toward zero.
 */

import { atoi, castToFloat64, castToInt64, parseGoInteger } from './goCast';
import { formatValue } from './goFormat';
import { defineFunctions, fixed } from './signature';

/** toDecimal: the value's text read as an octal number, `"0777"` → 511. */
function toDecimal(value: unknown): number {
  const parsed = parseGoInteger(formatValue(value), 8);
  return parsed === undefined ? 0 : Number(parsed);
}

export const conversionFunctions = defineFunctions({
  atoi: fixed(['string'], atoi),
  int: fixed(['any'], castToInt64),
  int64: fixed(['any'], castToInt64),
  float64: fixed(['any'], castToFloat64),
  toDecimal: fixed(['any'], toDecimal),
});
