/**
 * Sprig's regular expression functions, in Go (RE2) syntax. The plain functions panic on an
 * invalid expression (`regexMatch` answers false instead), the `must` ones return the error; both
 * stop the template. Replacements expand `$1`, `${1}` and `${name}` as Go does: `$1x` names the
 * group `1x`, so write `${1}x`.
 */

import { compileGoRegexp, findAll, findString, matchString, quoteMeta, replaceAll, split, type GoRegexp } from './goRegexp';
import { GoFailure } from './goFailure';
import { quoteGo } from './goFormat';
import { RegexpSyntaxError } from './goRegexpSyntax';
import { defineFunctions, fixed, type GoSignature } from './signature';

/** regexp.MustCompile: a syntax error becomes its panic. */
function mustCompile(pattern: string): GoRegexp {
  try {
    return compileGoRegexp(pattern);
  } catch (error) {
    if (!(error instanceof RegexpSyntaxError)) throw error;
    throw new GoFailure(`regexp: Compile(${backquote(pattern)}): ${error.message}`);
  }
}

/** How MustCompile's message quotes the expression: in backquotes when it can, else as a Go string. */
function backquote(pattern: string): string {
  return /^[^`\x00-\x08\x0a-\x1f\x7f\ufeff]*$/.test(pattern) ? `\`${pattern}\`` : quoteGo(pattern);
}

const findAllStrings = (re: GoRegexp, text: string, n: number): string[] =>
  findAll(re, text, n).map((match) => text.slice(match.start, match.end));

/** A function in its panicking form and its `must` form. */
function pair(name: string, operation: (compile: (pattern: string) => GoRegexp) => GoSignature): Record<string, GoSignature> {
  return { [name]: operation(mustCompile), [`must${name[0]?.toUpperCase() ?? ''}${name.slice(1)}`]: operation(compileGoRegexp) };
}

export const regexFunctions = defineFunctions({
  regexMatch: fixed(['string', 'string'], (pattern, text) => {
    try {
      return matchString(compileGoRegexp(pattern), text);
    } catch (error) {
      if (error instanceof RegexpSyntaxError) return false;
      throw error;
    }
  }),
  mustRegexMatch: fixed(['string', 'string'], (pattern, text) => matchString(compileGoRegexp(pattern), text)),
  ...pair('regexFindAll', (compile) => fixed(['string', 'string', 'int'], (pattern, text, n) => findAllStrings(compile(pattern), text, n))),
  ...pair('regexFind', (compile) => fixed(['string', 'string'], (pattern, text) => findString(compile(pattern), text))),
  ...pair('regexReplaceAll', (compile) =>
    fixed(['string', 'string', 'string'], (pattern, text, replacement) => replaceAll(compile(pattern), text, replacement, false)),
  ),
  ...pair('regexReplaceAllLiteral', (compile) =>
    fixed(['string', 'string', 'string'], (pattern, text, replacement) => replaceAll(compile(pattern), text, replacement, true)),
  ),
  ...pair('regexSplit', (compile) => fixed(['string', 'string', 'int'], (pattern, text, n) => split(compile(pattern), text, n))),
  regexQuoteMeta: fixed(['string'], quoteMeta),
});
