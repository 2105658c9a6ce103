/**
 * Character classes of Go's regular expressions as code point ranges, written out as JS class
 * source: Go's Perl classes are ASCII (`\s` is `[\t\n\f\r ]`, without `\v`), its POSIX classes
 * (`[:alpha:]`) too, and `\pGreek` names a script where JS wants `\p{Script=Greek}`.
 */

export type Range = [number, number];

export const MAX_RUNE = 0x10ffff;

const DIGITS: Range[] = [[0x30, 0x39]];
const WORD: Range[] = [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]];
const SPACE: Range[] = [[0x09, 0x0a], [0x0c, 0x0d], [0x20, 0x20]];
export const PERL_CLASSES: Readonly<Record<string, Range[]>> = { d: DIGITS, s: SPACE, w: WORD };
export const POSIX_CLASSES: Readonly<Record<string, Range[]>> = {
  alnum: [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a]],
  alpha: [[0x41, 0x5a], [0x61, 0x7a]],
  ascii: [[0x00, 0x7f]],
  blank: [[0x09, 0x09], [0x20, 0x20]],
  cntrl: [[0x00, 0x1f], [0x7f, 0x7f]],
  digit: DIGITS,
  graph: [[0x21, 0x7e]],
  lower: [[0x61, 0x7a]],
  print: [[0x20, 0x7e]],
  punct: [[0x21, 0x2f], [0x3a, 0x40], [0x5b, 0x60], [0x7b, 0x7e]],
  space: [[0x09, 0x0d], [0x20, 0x20]],
  upper: [[0x41, 0x5a]],
  word: WORD,
  xdigit: [[0x30, 0x39], [0x41, 0x46], [0x61, 0x66]],
};
const GENERAL_CATEGORIES = new Set('C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(' '));

/** The ranges not in `ranges`. */
export function complement(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of sorted) {
    if (lo > next) out.push([next, lo - 1]);
    next = Math.max(next, hi + 1);
  }
  if (next <= MAX_RUNE) out.push([next, MAX_RUNE]);
  return out;
}

/** A code point as a JS pattern literal that means the same anywhere (`u` flag). */
export const literal = (code: number): string => `\\u{${code.toString(16)}}`;

export const rangesSource = (ranges: readonly Range[]): string =>
  ranges.map(([lo, hi]) => (lo === hi ? literal(lo) : `${literal(lo)}-${literal(hi)}`)).join('');

/** `\p{…}` for a Go Unicode class name (a general category, a script or `Any`); undefined when JS knows no such class. */
export function unicodePropertySource(name: string, negated: boolean): string | undefined {
  const property = name === 'Any' ? 'Any' : GENERAL_CATEGORIES.has(name) ? name : `Script=${name}`;
  const source = `\\${negated ? 'P' : 'p'}{${property}}`;
  try {
    new RegExp(source, 'u');
  } catch {
    return undefined;
  }
  return source;
}
