/**
 * Masterminds/goutils' text functions behind `initials`, `nospace`, `abbrev`, `abbrevboth`, `wrap`
 * and `wrapWith`. They work on bytes: widths count UTF-8 bytes, and `initials` and `nospace` read
 * each byte as a rune of its own, as the Go code does (so non-ASCII text comes out garbled there,
 * exactly as Helm renders it).
 */

import { GoFailure } from './goFailure';
import { fromUtf8, isSpace, utf8 } from './goText';

const byteRune = (byte: number): string => String.fromCharCode(byte);

/** Initials: the first byte of the string and each byte after a space. */
export function initials(text: string): string {
  let out = '';
  let afterGap = true;
  for (const byte of utf8(text)) {
    if (isSpace(byteRune(byte))) {
      afterGap = true;
    } else if (afterGap) {
      out += byteRune(byte);
      afterGap = false;
    }
  }
  return out;
}

/** DeleteWhiteSpace: the string unchanged when it has no space byte, else its other bytes as runes. */
export function deleteWhiteSpace(text: string): string {
  const bytes = utf8(text);
  let out = '';
  let kept = 0;
  for (const byte of bytes) {
    if (!isSpace(byteRune(byte))) {
      out += byteRune(byte);
      kept++;
    }
  }
  return kept === bytes.length ? text : out;
}

/** AbbreviateFull: at most `maxWidth` bytes, with `...` where text was cut, keeping the byte at `offset` in view. */
export function abbreviate(text: string, offset: number, maxWidth: number): string {
  if (text === '') return '';
  if (maxWidth < 4) throw new GoFailure('stringutils illegal argument: Minimum abbreviation width is 4');
  const bytes = utf8(text);
  const length = bytes.length;
  if (length <= maxWidth) return text;
  let start = Math.min(offset, length);
  if (length - start < maxWidth - 3) start = length - (maxWidth - 3);
  if (start <= 4) return `${fromUtf8(bytes.subarray(0, maxWidth - 3))}...`;
  if (maxWidth < 7) throw new GoFailure('stringutils illegal argument: Minimum abbreviation width with offset is 7');
  if (start + maxWidth - 3 < length) return `...${abbreviate(fromUtf8(bytes.subarray(start)), 0, maxWidth - 3)}`;
  return `...${fromUtf8(bytes.subarray(length - (maxWidth - 3)))}`;
}

/**
 * WrapCustom: breaks lines at the last space within `width` bytes, dropping that space and any at
 * the start of a line; a word longer than the width is cut when `wrapLongWords`, else left whole.
 */
export function wrap(text: string, width: number, newline: string, wrapLongWords: boolean): string {
  if (text === '') return '';
  const lineBreak = utf8(newline === '' ? '\n' : newline);
  const limit = Math.max(width, 1);
  const bytes = utf8(text);
  const SPACE = 0x20;
  const out: Uint8Array[] = [];
  let offset = 0;
  while (bytes.length - offset > limit) {
    if (bytes[offset] === SPACE) {
      offset++;
      continue;
    }
    const spaceAt = bytes.subarray(offset, offset + limit + 1).lastIndexOf(SPACE);
    if (spaceAt >= 0) {
      out.push(bytes.subarray(offset, offset + spaceAt), lineBreak);
      offset += spaceAt + 1;
    } else if (wrapLongWords) {
      out.push(bytes.subarray(offset, offset + limit), lineBreak);
      offset += limit;
    } else {
      const nextSpace = bytes.indexOf(SPACE, offset + limit);
      if (nextSpace >= 0) {
        out.push(bytes.subarray(offset, nextSpace), lineBreak);
        offset = nextSpace + 1;
      } else {
        out.push(bytes.subarray(offset));
        offset = bytes.length;
      }
    }
  }
  out.push(bytes.subarray(offset));
  return fromUtf8(Buffer.concat(out));
}
