/**
 * Sprig's math. The integer functions convert every operand to int64 first (truncating floats,
 * parsing strings, 0 for what does not convert) and compute in int64, wrapping on overflow: `div`
 * is integer division. The float functions compute in decimal (see goDecimal).
 */

import { GoFailure } from './goFailure';
import { castToFloat64, castToInt64, wrapInt64 } from './goCast';
import { add, divide, fromFloat, multiply, subtract, toFloat } from './goDecimal';
import { defineFunctions, fixed, variadic } from './signature';

const int64 = (value: unknown): bigint => BigInt(castToInt64(value));

function divisor(value: unknown): bigint {
  const result = int64(value);
  if (result === 0n) throw new GoFailure('runtime error: integer divide by zero');
  return result;
}

/** math.Max: +Inf wins over NaN, NaN over any other number, +0 over -0. */
function goMax(a: number, b: number): number {
  if (a === Infinity || b === Infinity) return Infinity;
  return Math.max(a, b);
}

/** math.Min: -Inf wins over NaN, NaN over any other number, -0 over +0. */
function goMin(a: number, b: number): number {
  if (a === -Infinity || b === -Infinity) return -Infinity;
  return Math.min(a, b);
}

/** round: half up at `places` decimals, or at the fraction `roundOn` when given, computed in float64 as Sprig does. */
function round(value: unknown, places: number, roundOn = 0.5): number {
  const power = 10 ** places;
  const digits = power * castToFloat64(value);
  const fraction = digits - Math.trunc(digits);
  return (fraction >= roundOn ? Math.ceil(digits) : Math.floor(digits)) / power;
}

type DecimalOperation = typeof add;

function decimalFold(first: unknown, rest: readonly unknown[], operation: DecimalOperation): number {
  let result = fromFloat(castToFloat64(first));
  for (const value of rest) result = operation(result, fromFloat(castToFloat64(value)));
  return toFloat(result);
}

export const mathFunctions = defineFunctions({
  add: variadic([], 'any', (...values) => wrapInt64(values.reduce<bigint>((sum, value) => sum + int64(value), 0n))),
  add1: fixed(['any'], (value) => wrapInt64(int64(value) + 1n)),
  sub: fixed(['any', 'any'], (a, b) => wrapInt64(int64(a) - int64(b))),
  mul: variadic(['any'], 'any', (first, ...rest) => wrapInt64(rest.reduce<bigint>((product, value) => BigInt.asIntN(64, product * int64(value)), int64(first)))),
  div: fixed(['any', 'any'], (a, b) => wrapInt64(int64(a) / divisor(b))),
  mod: fixed(['any', 'any'], (a, b) => wrapInt64(int64(a) % divisor(b))),
  max: variadic(['any'], 'any', (first, ...rest) => Number(rest.reduce<bigint>((most, value) => (int64(value) > most ? int64(value) : most), int64(first)))),
  biggest: variadic(['any'], 'any', (first, ...rest) => Number(rest.reduce<bigint>((most, value) => (int64(value) > most ? int64(value) : most), int64(first)))),
  min: variadic(['any'], 'any', (first, ...rest) => Number(rest.reduce<bigint>((least, value) => (int64(value) < least ? int64(value) : least), int64(first)))),
  maxf: variadic(['any'], 'any', (first, ...rest) => rest.reduce<number>((most, value) => goMax(most, castToFloat64(value)), castToFloat64(first))),
  minf: variadic(['any'], 'any', (first, ...rest) => rest.reduce<number>((least, value) => goMin(least, castToFloat64(value)), castToFloat64(first))),
  floor: fixed(['any'], (value) => Math.floor(castToFloat64(value))),
  ceil: fixed(['any'], (value) => Math.ceil(castToFloat64(value))),
  round: variadic(['any', 'int'], 'float64', (value, places, ...roundOn) => round(value, places, roundOn[0])),
  add1f: fixed(['any'], (value) => decimalFold(value, [1], add)),
  addf: variadic([], 'any', (...values) => decimalFold(0, values, add)),
  subf: variadic(['any'], 'any', (first, ...rest) => decimalFold(first, rest, subtract)),
  mulf: variadic(['any'], 'any', (first, ...rest) => decimalFold(first, rest, multiply)),
  divf: variadic(['any'], 'any', (first, ...rest) => decimalFold(first, rest, divide)),
});
