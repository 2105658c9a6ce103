/**
 * Sprig's string functions. Where Sprig swaps Go's argument order so the string can be piped
 * (`"$5.00" | trimAll "$"`), the string is the last parameter here too.
 */

import { GoFailure } from './goFailure';
import { camelCase, kebabCase, snakeCase, swapCase, uncapitalize } from './caseConversion';
import { formatValue, quoteGo, toGoString } from './goFormat';
import { byteLength, replaceAll, sliceBytes, title, toLower, toUpper, trimCutset, trimSpace } from './goText';
import { isNil } from './goValue';
import { checkStringLength } from './outputLimits';
import { defineFunctions, fixed, variadic } from './signature';
import { abbreviate, deleteWhiteSpace, initials, wrap } from './textShaping';

function repeat(count: number, text: string): string {
  if (count < 0) throw new GoFailure('strings: negative Repeat count');
  checkStringLength(count * text.length);
  return text.repeat(count);
}

function indent(spaces: number, text: string): string {
  const pad = repeat(spaces, ' ');
  checkStringLength(text.length + (text.split('\n').length * spaces));
  return pad + text.replaceAll('\n', `\n${pad}`);
}

/** trunc: the first `count` bytes, or with a negative count the last ones. */
function trunc(count: number, text: string): string {
  const length = byteLength(text);
  if (count < 0 && length + count > 0) return sliceBytes(text, length + count);
  if (count >= 0 && length > count) return sliceBytes(text, 0, count);
  return text;
}

/** substr: bytes start to end; a negative start reads from 0, a negative or too large end to the end. */
function substr(start: number, end: number, text: string): string {
  const length = byteLength(text);
  if (start < 0) {
    if (end < 0 || end > length) throw sliceOutOfRange(`[:${end}]`, length, end > length);
    return sliceBytes(text, 0, end);
  }
  if (end < 0 || end > length) {
    if (start > length) throw sliceOutOfRange(`[${start}:${length}]`, length, false);
    return sliceBytes(text, start);
  }
  if (start > end) throw sliceOutOfRange(`[${start}:${end}]`, length, false);
  return sliceBytes(text, start, end);
}

function sliceOutOfRange(bounds: string, length: number, withLength: boolean): GoFailure {
  return new GoFailure(`runtime error: slice bounds out of range ${bounds}${withLength ? ` with length ${length}` : ''}`);
}

export const stringFunctions = defineFunctions({
  hello: fixed([], () => 'Hello!'),
  trim: fixed(['string'], trimSpace),
  trimAll: fixed(['string', 'string'], (cutset, text) => trimCutset(text, cutset)),
  trimall: fixed(['string', 'string'], (cutset, text) => trimCutset(text, cutset)),
  trimPrefix: fixed(['string', 'string'], (prefix, text) => (text.startsWith(prefix) ? text.slice(prefix.length) : text)),
  trimSuffix: fixed(['string', 'string'], (suffix, text) => (suffix !== '' && text.endsWith(suffix) ? text.slice(0, -suffix.length) : text)),
  upper: fixed(['string'], toUpper),
  lower: fixed(['string'], toLower),
  title: fixed(['string'], title),
  untitle: fixed(['string'], uncapitalize),
  repeat: fixed(['int', 'string'], repeat),
  substr: fixed(['int', 'int', 'string'], substr),
  nospace: fixed(['string'], deleteWhiteSpace),
  trunc: fixed(['int', 'string'], trunc),
  abbrev: fixed(['int', 'string'], (width, text) => (width < 4 ? text : abbreviate(text, 0, width))),
  abbrevboth: fixed(['int', 'int', 'string'], (left, right, text) =>
    right < 4 || (left > 0 && right < 7) ? text : abbreviate(text, left, right),
  ),
  initials: fixed(['string'], initials),
  wrap: fixed(['int', 'string'], (width, text) => wrap(text, width, '\n', false)),
  wrapWith: fixed(['int', 'string', 'string'], (width, newline, text) => wrap(text, width, newline, true)),
  contains: fixed(['string', 'string'], (part, text) => text.includes(part)),
  hasPrefix: fixed(['string', 'string'], (prefix, text) => text.startsWith(prefix)),
  hasSuffix: fixed(['string', 'string'], (suffix, text) => text.endsWith(suffix)),
  quote: variadic([], 'any', (...values) => values.filter((value) => !isNil(value)).map((value) => quoteGo(toGoString(value))).join(' ')),
  squote: variadic([], 'any', (...values) => values.filter((value) => !isNil(value)).map((value) => `'${formatValue(value)}'`).join(' ')),
  cat: variadic([], 'any', (...values) => values.filter((value) => !isNil(value)).map(formatValue).join(' ')),
  indent: fixed(['int', 'string'], indent),
  nindent: fixed(['int', 'string'], (spaces, text) => `\n${indent(spaces, text)}`),
  replace: fixed(['string', 'string', 'string'], (old, replacement, text) => {
    const result = replaceAll(text, old, replacement);
    checkStringLength(result.length);
    return result;
  }),
  plural: fixed(['string', 'string', 'int'], (one, many, count) => (count === 1 ? one : many)),
  snakecase: fixed(['string'], snakeCase),
  camelcase: fixed(['string'], camelCase),
  kebabcase: fixed(['string'], kebabCase),
  swapcase: fixed(['string'], swapCase),
  toString: fixed(['any'], toGoString),
});
