/**
 * Go's regexp operations over translated expressions: matching, FindAllString, ReplaceAllString
 * with `$1`/`${name}` expansion, ReplaceAllLiteralString and Split, with Go's rules for empty
 * matches (an empty match right after a match is skipped, where JS would report it).
 */

import { GoFailure } from './goFailure';
import { isDigit, isLetter } from './goText';
import { translateGoRegexp } from './goRegexpSyntax';

export interface GoRegexp {
  readonly pattern: string;
  readonly regexp: RegExp;
  readonly groupNames: readonly string[];
}

interface Match {
  readonly start: number;
  readonly end: number;
  readonly groups: readonly (string | undefined)[];
}

/** Compiled expressions by pattern: templates run the same few patterns on every render. */
const cache = new Map<string, GoRegexp>();
const CACHE_SIZE = 256;

/** regexp.Compile; throws a RegexpSyntaxError for what Go rejects, a GoFailure for what JS cannot run. */
export function compileGoRegexp(pattern: string): GoRegexp {
  const cached = cache.get(pattern);
  if (cached !== undefined) return cached;
  const translated = translateGoRegexp(pattern);
  let regexp: RegExp;
  try {
    regexp = new RegExp(translated.source, translated.ignoreCase ? 'giu' : 'gu');
  } catch (error) {
    throw new GoFailure(`regular expression not supported: \`${pattern}\`: ${(error as Error).message}`);
  }
  const compiled = { pattern, regexp, groupNames: translated.groupNames };
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value ?? '');
  cache.set(pattern, compiled);
  return compiled;
}

function execAt(re: GoRegexp, text: string, position: number): Match | undefined {
  re.regexp.lastIndex = position;
  const found = re.regexp.exec(text);
  if (found === null) return undefined;
  return { start: found.index, end: found.index + found[0].length, groups: Array.from(found) };
}

/** The width of the rune at `position`, 0 at the end of the text. */
function runeWidth(text: string, position: number): number {
  if (position >= text.length) return 0;
  return (text.codePointAt(position) ?? 0) > 0xffff ? 2 : 1;
}

export function matchString(re: GoRegexp, text: string): boolean {
  return execAt(re, text, 0) !== undefined;
}

/** Successive non-overlapping matches, at most n of them (all when n < 0), as Go's allMatches finds them. */
export function findAll(re: GoRegexp, text: string, n: number): Match[] {
  const limit = n < 0 ? Infinity : n;
  const matches: Match[] = [];
  let position = 0;
  let previousEnd = -1;
  while (matches.length < limit && position <= text.length) {
    const match = execAt(re, text, position);
    if (match === undefined) break;
    let accept = true;
    if (match.end === position) {
      // An empty match; one that abuts the previous match is not reported.
      if (match.start === previousEnd) accept = false;
      const width = runeWidth(text, position);
      position = width > 0 ? position + width : text.length + 1;
    } else {
      position = match.end;
    }
    previousEnd = match.end;
    if (accept) matches.push(match);
  }
  return matches;
}

export function findString(re: GoRegexp, text: string): string {
  const match = execAt(re, text, 0);
  return match === undefined ? '' : text.slice(match.start, match.end);
}

/** ReplaceAllString (`literal` false: `$` expands) or ReplaceAllLiteralString. */
export function replaceAll(re: GoRegexp, text: string, replacement: string, literal: boolean): string {
  let out = '';
  let lastMatchEnd = 0;
  let searchPosition = 0;
  while (searchPosition <= text.length) {
    const match = execAt(re, text, searchPosition);
    if (match === undefined) break;
    out += text.slice(lastMatchEnd, match.start);
    // No replacement for an empty match right after another match.
    if (match.end > lastMatchEnd || match.start === 0) out += literal ? replacement : expand(re, replacement, match);
    lastMatchEnd = match.end;
    const width = runeWidth(text, searchPosition);
    if (searchPosition + width > match.end) searchPosition += width;
    else if (searchPosition + 1 > match.end) searchPosition++;
    else searchPosition = match.end;
  }
  return out + text.slice(lastMatchEnd);
}

/**
 * Regexp.Expand: `$name` or `${name}` is the named or numbered group (empty when it did not take
 * part or does not exist), the name as long as possible (`$1x` is the group named `1x`), `$$` is `$`.
 */
function expand(re: GoRegexp, template: string, match: Match): string {
  let out = '';
  let rest = template;
  for (;;) {
    const dollar = rest.indexOf('$');
    if (dollar < 0) break;
    out += rest.slice(0, dollar);
    rest = rest.slice(dollar + 1);
    if (rest.startsWith('$')) {
      out += '$';
      rest = rest.slice(1);
      continue;
    }
    const reference = readReference(rest);
    if (reference === undefined) {
      out += '$';
      continue;
    }
    rest = reference.rest;
    const index = /^(0|[1-9][0-9]*)$/.test(reference.name) ? Number(reference.name) : re.groupNames.indexOf(reference.name, 1);
    if (index >= 0) out += match.groups[index] ?? '';
  }
  return out + rest;
}

function readReference(text: string): { name: string; rest: string } | undefined {
  const braced = text.startsWith('{');
  const chars = Array.from(braced ? text.slice(1) : text);
  let length = 0;
  while (length < chars.length && isNameRune(chars[length] ?? '')) length++;
  if (length === 0) return undefined;
  const name = chars.slice(0, length).join('');
  if (braced && chars[length] !== '}') return undefined;
  return { name, rest: chars.slice(length + (braced ? 1 : 0)).join('') };
}

const isNameRune = (rune: string): boolean => rune === '_' || isLetter(rune) || isDigit(rune);

/** Regexp.Split: n == 0 gives no strings, n < 0 all of them. */
export function split(re: GoRegexp, text: string, n: number): string[] {
  if (n === 0) return [];
  if (re.pattern !== '' && text === '') return [''];
  const parts: string[] = [];
  let begin = 0;
  let end = 0;
  for (const match of findAll(re, text, n)) {
    if (n > 0 && parts.length === n - 1) break;
    end = match.start;
    if (match.end !== 0) parts.push(text.slice(begin, end));
    begin = match.end;
  }
  if (end !== text.length) parts.push(text.slice(begin));
  return parts;
}

/** regexp.QuoteMeta. */
export function quoteMeta(text: string): string {
  return text.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}
