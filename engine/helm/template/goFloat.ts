/**
 * Go's `strconv.FormatFloat` for the formats templates print with: `%v` and `%g` use the shortest
 * digits that read back as the same float64 and switch to an exponent from 1e+06 (so Helm prints
 * a values-file `1000000` as `1e+06`); `%e` and `%f` round the exact binary value half to even.
 */

/** A decimal `0.d₁d₂d₃… × 10^dp`; `digits` has no trailing zeros, and is empty for zero. */
interface Decimal {
  digits: string;
  dp: number;
}

/** The shortest digits that identify `x` (positive, finite), as JS and Go both compute them. */
function shortestDecimal(x: number): Decimal {
  const [mantissa, exponent] = x.toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '').replace(/0+$/, '');
  return { digits, dp: Number(exponent) + 1 };
}

/** The exact decimal value of `x` (positive, finite). */
function exactDecimal(x: number): Decimal {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biasedExponent = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & ((1n << 52n) - 1n);
  let exponent = -1074;
  if (biasedExponent !== 0) {
    mantissa |= 1n << 52n;
    exponent = biasedExponent - 1075;
  }
  let text: string;
  let dp: number;
  if (exponent >= 0) {
    text = (mantissa << BigInt(exponent)).toString();
    dp = text.length;
  } else {
    text = (mantissa * 5n ** BigInt(-exponent)).toString();
    dp = text.length + exponent;
  }
  return { digits: text.replace(/0+$/, ''), dp };
}

/** Rounds to `nd` digits, half to even, as Go's `decimal.Round`. */
function round(decimal: Decimal, nd: number): Decimal {
  const { digits, dp } = decimal;
  if (nd < 0 || nd >= digits.length) return decimal;
  const next = digits[nd]!;
  const halfway = next === '5' && nd + 1 === digits.length;
  const up = halfway ? nd > 0 && Number(digits[nd - 1]) % 2 === 1 : next >= '5';
  if (!up) return { digits: digits.slice(0, nd).replace(/0+$/, ''), dp };
  let i = nd - 1;
  while (i >= 0 && digits[i] === '9') i--;
  if (i < 0) return { digits: '1', dp: dp + 1 };
  return { digits: digits.slice(0, i) + String(Number(digits[i]) + 1), dp };
}

function formatE(negative: boolean, decimal: Decimal, prec: number, letter: 'e' | 'E'): string {
  const { digits, dp } = decimal;
  let out = negative ? '-' : '';
  out += digits[0] ?? '0';
  if (prec > 0) out += `.${digits.slice(1, prec + 1).padEnd(prec, '0')}`;
  const exponent = digits.length === 0 ? 0 : dp - 1;
  const magnitude = String(Math.abs(exponent)).padStart(2, '0');
  return `${out}${letter}${exponent < 0 ? '-' : '+'}${magnitude}`;
}

function formatF(negative: boolean, decimal: Decimal, prec: number): string {
  const { digits, dp } = decimal;
  let out = negative ? '-' : '';
  out += dp > 0 ? digits.slice(0, dp).padEnd(dp, '0') : '0';
  if (prec > 0) {
    out += '.';
    for (let i = 1; i <= prec; i++) {
      const j = dp + i - 1;
      out += j >= 0 && j < digits.length ? digits[j] : '0';
    }
  }
  return out;
}

export type FloatFormat = 'e' | 'E' | 'f' | 'g' | 'G';

/** `strconv.FormatFloat(x, format, prec, 64)`; `prec` -1 means the shortest exact representation. */
export function formatFloat(x: number, format: FloatFormat, prec: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  const negative = x < 0 || Object.is(x, -0);
  const magnitude = Math.abs(x);
  const shortest = prec < 0;
  let decimal: Decimal;
  if (magnitude === 0) decimal = { digits: '', dp: 0 };
  else if (shortest) decimal = shortestDecimal(magnitude);
  else {
    const exact = exactDecimal(magnitude);
    if (format === 'e' || format === 'E') decimal = round(exact, prec + 1);
    else if (format === 'f') decimal = round(exact, exact.dp + prec);
    else decimal = round(exact, prec === 0 ? 1 : prec);
  }
  if (shortest) {
    if (format === 'e' || format === 'E') prec = Math.max(decimal.digits.length - 1, 0);
    else if (format === 'f') prec = Math.max(decimal.digits.length - decimal.dp, 0);
    else prec = decimal.digits.length;
  } else if ((format === 'g' || format === 'G') && prec === 0) {
    prec = 1;
  }
  switch (format) {
    case 'e':
    case 'E':
      return formatE(negative, decimal, prec, format);
    case 'f':
      return formatF(negative, decimal, prec);
    default: {
      const nd = decimal.digits.length;
      let eprec = prec;
      if (eprec > nd && nd >= decimal.dp) eprec = nd;
      if (shortest) eprec = 6;
      const exponent = decimal.dp - 1;
      if (exponent < -4 || exponent >= eprec) {
        if (prec > nd) prec = nd;
        return formatE(negative, decimal, prec - 1, format === 'g' ? 'e' : 'E');
      }
      if (prec > decimal.dp) prec = nd;
      return formatF(negative, decimal, Math.max(prec - decimal.dp, 0));
    }
  }
}

/**
 * encoding/json's float64: plain digits from 1e-6 to 1e21, exponent form outside with a short
 * exponent (`1e-7`, `1e+21`).
 */
export function formatJsonFloat(x: number): string {
  const magnitude = Math.abs(x);
  if (magnitude !== 0 && (magnitude < 1e-6 || magnitude >= 1e21)) {
    return formatFloat(x, 'e', -1).replace(/e([+-])0(\d)$/, 'e$1$2');
  }
  return formatFloat(x, 'f', -1);
}
