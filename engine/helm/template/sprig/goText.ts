/**
 * Go's string and unicode packages over JS strings. Go strings are UTF-8 bytes: lengths and slice
 * offsets count bytes, and case mapping is the simple, one-rune-to-one-rune Unicode mapping.
 */

const SPACE = /^\p{White_Space}$/u;
const UPPER = /^\p{Lu}$/u;
const LOWER = /^\p{Ll}$/u;
const TITLE = /^\p{Lt}$/u;
const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;
const NUMBER = /^\p{N}$/u;
const PUNCT = /^\p{P}$/u;

/** unicode.IsSpace: '\t', '\n', '\v', '\f', '\r', ' ', U+0085, U+00A0 and the other White_Space runes. */
export const isSpace = (rune: string): boolean => SPACE.test(rune);
export const isUpper = (rune: string): boolean => UPPER.test(rune);
export const isLower = (rune: string): boolean => LOWER.test(rune);
export const isTitle = (rune: string): boolean => TITLE.test(rune);
export const isLetter = (rune: string): boolean => LETTER.test(rune);
export const isDigit = (rune: string): boolean => DIGIT.test(rune);
export const isNumber = (rune: string): boolean => NUMBER.test(rune);
export const isPunct = (rune: string): boolean => PUNCT.test(rune);

/** The runes of a string (code points). */
export function runes(text: string): string[] {
  return Array.from(text);
}

/** Maps one rune the way Go's unicode.ToUpper/ToLower do: only when the mapping is one rune. */
function mapRune(rune: string, mapped: string): string {
  return mapped.length === rune.length || Array.from(mapped).length === 1 ? mapped : rune;
}

export const toUpperRune = (rune: string): string => mapRune(rune, rune.toUpperCase());
export const toLowerRune = (rune: string): string => mapRune(rune, rune.toLowerCase());

/** Title case differs from upper case for the four Latin digraphs only. */
const TITLE_DIGRAPHS: Readonly<Record<string, string>> = {
  'Ǆ': 'ǅ', 'ǅ': 'ǅ', 'ǆ': 'ǅ', 'Ǉ': 'ǈ', 'ǈ': 'ǈ', 'ǉ': 'ǈ',
  'Ǌ': 'ǋ', 'ǋ': 'ǋ', 'ǌ': 'ǋ', 'Ǳ': 'ǲ', 'ǲ': 'ǲ', 'ǳ': 'ǲ',
};

export const toTitleRune = (rune: string): string => TITLE_DIGRAPHS[rune] ?? toUpperRune(rune);

/** strings.ToUpper / strings.ToLower. */
export const toUpper = (text: string): string => runes(text).map(toUpperRune).join('');
export const toLower = (text: string): string => runes(text).map(toLowerRune).join('');

/** strings.Title: upper-cases each letter that follows a separator (a rune that is not a letter, digit or `_`). */
export function title(text: string): string {
  let previous = ' ';
  let out = '';
  for (const rune of text) {
    out += isTitleSeparator(previous) ? toTitleRune(rune) : rune;
    previous = rune;
  }
  return out;
}

function isTitleSeparator(rune: string): boolean {
  const code = rune.codePointAt(0) ?? 0;
  if (code <= 0x7f) return !/[0-9A-Za-z_]/.test(rune);
  if (isLetter(rune) || isDigit(rune)) return false;
  return isSpace(rune);
}

/** strings.TrimSpace. */
export function trimSpace(text: string): string {
  return text.replace(/^\p{White_Space}+|\p{White_Space}+$/gu, '');
}

/** strings.Trim: removes leading and trailing runes that are in the cutset. */
export function trimCutset(text: string, cutset: string): string {
  if (text === '' || cutset === '') return text;
  const cut = new Set(runes(cutset));
  const chars = runes(text);
  let start = 0;
  let end = chars.length;
  while (start < end && cut.has(chars[start] ?? '')) start++;
  while (end > start && cut.has(chars[end - 1] ?? '')) end--;
  return chars.slice(start, end).join('');
}

/** strings.SplitN; n < 0 means no limit, n == 0 gives no strings, an empty separator splits into runes. */
export function splitN(text: string, separator: string, n: number): string[] {
  if (n === 0) return [];
  if (separator === '') {
    const chars = runes(text);
    if (n < 0 || n >= chars.length) return chars;
    return [...chars.slice(0, n - 1), chars.slice(n - 1).join('')];
  }
  const parts = text.split(separator);
  if (n < 0 || parts.length <= n) return parts;
  return [...parts.slice(0, n - 1), parts.slice(n - 1).join(separator)];
}

/** strings.Replace with n = -1; an empty `old` inserts `replacement` around every rune. */
export function replaceAll(text: string, old: string, replacement: string): string {
  if (old === '') return replacement + runes(text).map((rune) => rune + replacement).join('');
  return text.split(old).join(replacement);
}

/** strings.Fields: the runs of non-space runes. */
export function fields(text: string): string[] {
  return text.split(/\p{White_Space}+/u).filter((field) => field !== '');
}

/** The UTF-8 bytes of a string. */
export function utf8(text: string): Buffer {
  return Buffer.from(text, 'utf8');
}

/** A string from UTF-8 bytes; a sequence cut in the middle becomes U+FFFD, where Go would keep the raw bytes. */
export function fromUtf8(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/** Go's len(s): the length in UTF-8 bytes. */
export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** s[start:end] over UTF-8 bytes, for offsets already checked to be in range. */
export function sliceBytes(text: string, start: number, end?: number): string {
  const bytes = utf8(text);
  return fromUtf8(bytes.subarray(start, end ?? bytes.length));
}
