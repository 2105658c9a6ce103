/**
 * The decimal arithmetic behind Sprig's float functions (`addf`, `subf`, `mulf`, `divf`): each
 * float64 becomes the decimal of its shortest digits, the operation is exact in decimal (division
 * rounds half away from zero at 16 places), and the result becomes the nearest float64. So
 * `addf 1.1 2.2` is 3.3, not the 3.3000000000000003 of float addition.
 */

import { GoFailure } from './goFailure';
import { formatFloat } from './goFormat';

/** coefficient × 10^exponent */
interface Decimal {
  readonly coefficient: bigint;
  readonly exponent: number;
}

const DIVISION_PRECISION = 16;

export function fromFloat(value: number): Decimal {
  if (!Number.isFinite(value)) throw new GoFailure(`Cannot create a Decimal from ${formatFloat(value)}`);
  const [mantissa = '0', exponentText = '0'] = value.toExponential().split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  return { coefficient: BigInt(`${whole}${fraction}`), exponent: Number(exponentText) - fraction.length };
}

export function toFloat(decimal: Decimal): number {
  return Number(`${decimal.coefficient}e${decimal.exponent}`);
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const exponent = Math.min(a.exponent, b.exponent);
  return [a.coefficient * 10n ** BigInt(a.exponent - exponent), b.coefficient * 10n ** BigInt(b.exponent - exponent), exponent];
}

export function add(a: Decimal, b: Decimal): Decimal {
  const [x, y, exponent] = align(a, b);
  return { coefficient: x + y, exponent };
}

export function subtract(a: Decimal, b: Decimal): Decimal {
  const [x, y, exponent] = align(a, b);
  return { coefficient: x - y, exponent };
}

export function multiply(a: Decimal, b: Decimal): Decimal {
  return { coefficient: a.coefficient * b.coefficient, exponent: a.exponent + b.exponent };
}

export function divide(a: Decimal, b: Decimal): Decimal {
  if (b.coefficient === 0n) throw new GoFailure('decimal division by zero');
  // a / b = (ca / cb) × 10^(ea - eb); scale so the integer quotient has DIVISION_PRECISION decimals.
  const shift = a.exponent - b.exponent + DIVISION_PRECISION;
  let numerator = a.coefficient;
  let denominator = b.coefficient;
  if (shift >= 0) numerator *= 10n ** BigInt(shift);
  else denominator *= 10n ** BigInt(-shift);
  let quotient = numerator / denominator;
  const remainder = numerator % denominator;
  const abs = (n: bigint): bigint => (n < 0n ? -n : n);
  if (2n * abs(remainder) >= abs(denominator)) quotient += (numerator < 0n) !== (denominator < 0n) ? -1n : 1n;
  return { coefficient: quotient, exponent: -DIVISION_PRECISION };
}
