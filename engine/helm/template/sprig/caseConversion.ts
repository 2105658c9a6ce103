/**
 * Sprig's case conversions: `snakecase`, `kebabcase` and `camelcase` follow huandu/xstrings
 * (words split at case changes, digits and connectors), `swapcase` and `untitle` follow
 * Masterminds/goutils (word based).
 */

import { isLetter, isLower, isNumber, isPunct, isSpace, isTitle, isUpper, runes, toLowerRune, toTitleRune, toUpperRune } from './goText';

type WordType = 'invalid' | 'number' | 'upper' | 'alphabet' | 'connector' | 'punct' | 'other';

interface Word {
  readonly type: WordType;
  readonly text: string;
  /** Index in the rune array where the next word starts. */
  readonly next: number;
}

/** U+FFFD stands for bytes that are not UTF-8; xstrings skips such runes. */
const INVALID = '\ufffd';

const isConnector = (rune: string): boolean => rune === '-' || rune === '_' || isSpace(rune);

/** A letter that is not a CJK ideograph. */
function isAlphabet(rune: string): boolean {
  if (!isLetter(rune)) return false;
  const code = rune.codePointAt(0) ?? 0;
  return !((code >= 0x4e00 && code <= 0x9fcc) || (code >= 0x3400 && code <= 0x4d85) || (code >= 0x20000 && code <= 0x2b81d));
}

/** The next rune that is not invalid, and how many runes were read to reach it; `previous` when none is left. */
function nextValidRune(chars: readonly string[], from: number, previous: string): [string, number] {
  for (let i = from; i < chars.length; i++) {
    const rune = chars[i] ?? INVALID;
    if (rune !== INVALID) return [rune, i - from + 1];
  }
  return [previous, chars.length - from];
}

function nextWord(chars: readonly string[], from: number): Word {
  if (from >= chars.length) return { type: 'invalid', text: '', next: from };
  let [rune, size] = nextValidRune(chars, from, INVALID);
  let end = from + size;
  const word = (type: WordType): Word => ({ type, text: chars.slice(from, end).join(''), next: end });
  if (rune === INVALID) return word('invalid');
  const extendWhile = (accept: (rune: string) => boolean): void => {
    while (end < chars.length) {
      [rune, size] = nextValidRune(chars, end, rune);
      if (!accept(rune)) break;
      end += size;
    }
  };
  if (isConnector(rune)) {
    extendWhile(isConnector);
    return word('connector');
  }
  if (isPunct(rune)) {
    extendWhile(isPunct);
    return word('punct');
  }
  if (isUpper(rune)) {
    if (end < chars.length) {
      [rune, size] = nextValidRune(chars, end, rune);
      if (isUpper(rune)) {
        // An abbreviation: `HTTPServer` splits into `HTTP` and `Server`.
        let lastSize = size;
        end += size;
        while (end < chars.length) {
          [rune, size] = nextValidRune(chars, end, rune);
          if (!isUpper(rune)) break;
          lastSize = size;
          end += size;
        }
        if (end < chars.length && isAlphabet(rune)) end -= lastSize;
      } else if (isAlphabet(rune)) {
        end += size;
        extendWhile((next) => isAlphabet(next) && !isUpper(next));
      }
    }
    return word('upper');
  }
  if (isAlphabet(rune)) {
    extendWhile((next) => isAlphabet(next) && !isUpper(next));
    return word('alphabet');
  }
  if (isNumber(rune)) {
    extendWhile(isNumber);
    return word('number');
  }
  extendWhile((next) => !(isConnector(next) || isAlphabet(next) || isNumber(next) || isPunct(next)));
  return word('other');
}

function lowerWord(word: Pick<Word, 'type' | 'text'>, connector: string): string {
  if (word.type !== 'upper' && word.type !== 'connector') return word.text;
  return runes(word.text)
    .map((rune) => (isConnector(rune) ? connector : isUpper(rune) ? toLowerRune(rune) : rune))
    .join('');
}

/** xstrings' camelCaseToLowerCase: `FirstName` → `first_name`, `HTTP20xOK` → `http_20x_ok`, `Bld4Floor3rd` → `bld4_floor_3rd`. */
function joinLowerCase(text: string, connector: string): string {
  const chars = runes(text);
  let out = '';
  let word = nextWord(chars, 0);
  const ends = (type: WordType): boolean => type === 'invalid' || type === 'connector' || type === 'punct';
  while (word.next < chars.length) {
    if (word.type !== 'connector') out += lowerWord(word, connector);
    const previous = word;
    word = nextWord(chars, word.next);
    if (previous.type === 'number') {
      while (word.type === 'alphabet' || word.type === 'number') {
        out += lowerWord(word, connector);
        word = nextWord(chars, word.next);
      }
      if (!ends(word.type)) out += connector;
    } else if (previous.type === 'connector') {
      out += lowerWord(previous, connector);
    } else if (previous.type !== 'punct') {
      if (word.type !== 'number') {
        if (word.type !== 'connector' && word.type !== 'punct') out += connector;
        continue;
      }
      if (word.next >= chars.length) continue;
      const number = word;
      word = nextWord(chars, word.next);
      if (word.type !== 'alphabet') {
        // A number ends the word before it: `Bld4Floor` → `bld4_floor`.
        out += number.text;
        if (word.type !== 'connector' && word.type !== 'punct') out += connector;
        continue;
      }
      // Lower-case letters after a number start a new word with it: `HTTP2xx` → `http_2xx`.
      out += connector + number.text;
      while (word.type === 'alphabet' || word.type === 'number') {
        out += lowerWord(word, connector);
        word = nextWord(chars, word.next);
      }
      if (!ends(word.type)) out += connector;
    }
  }
  return out + lowerWord(word, connector);
}

export const snakeCase = (text: string): string => joinLowerCase(text, '_');
export const kebabCase = (text: string): string => joinLowerCase(text, '-');

/**
 * xstrings' ToPascalCase, which Sprig 3.3's `camelcase` calls: connectors are dropped (except
 * leading and doubled ones) and the rune after each is upper-cased; a word that starts with an
 * upper-case run is lower-cased after its first rune. `http_server` → `HttpServer`,
 * `GOLANG_IS_GREAT` → `GolangIsGreat`, `_complex__case_` → `_Complex_Case_`.
 */
export function camelCase(text: string): string {
  const chars = runes(text);
  if (chars.length === 0) return '';
  let out = '';
  let index = 0;
  let current = '';
  let upperRun = false;
  // Leading connectors stay.
  while (index < chars.length) {
    current = chars[index++] ?? '';
    if (!isConnector(current)) {
      upperRun = isUpper(current);
      current = toUpperRune(current);
      break;
    }
    out += current;
  }
  if (index >= chars.length) return out + current;
  while (index < chars.length) {
    const previous = current;
    current = chars[index++] ?? '';
    if (isConnector(current) && isConnector(previous)) {
      out += previous;
      continue;
    }
    if (isConnector(previous)) {
      upperRun = isUpper(current);
      current = toUpperRune(current);
    } else {
      if (upperRun) {
        if (isUpper(current)) current = toLowerRune(current);
        else upperRun = false;
      }
      out += previous;
    }
  }
  return out + current;
}

/** goutils' SwapCase: upper and title case to lower, lower to title after a space or at the start, else to upper. */
export function swapCase(text: string): string {
  let afterSpace = true;
  let out = '';
  for (const rune of text) {
    if (isUpper(rune) || isTitle(rune)) {
      out += toLowerRune(rune);
      afterSpace = false;
    } else if (isLower(rune)) {
      out += afterSpace ? toTitleRune(rune) : toUpperRune(rune);
      afterSpace = false;
    } else {
      out += rune;
      afterSpace = isSpace(rune);
    }
  }
  return out;
}

/** goutils' Uncapitalize: lower-cases the first rune of each space-separated word. */
export function uncapitalize(text: string): string {
  let atWordStart = true;
  let out = '';
  for (const rune of text) {
    if (isSpace(rune)) {
      atWordStart = true;
      out += rune;
    } else {
      out += atWordStart ? toLowerRune(rune) : rune;
      atWordStart = false;
    }
  }
  return out;
}
