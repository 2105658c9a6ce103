/** Sprig's default and flow-control functions. Empty means nil, false, 0, "" or a list or dict of length 0. */

import { GoFailure } from './goFailure';
import { isEmpty } from './goValue';
import { defineFunctions, fixed, variadic } from './signature';

export const defaultFunctions = defineFunctions({
  // `.Values.x | default "y"` calls default("y", .Values.x); with nothing piped in, the default applies.
  default: variadic(['any'], 'any', (fallback, ...given) => (given.length === 0 || isEmpty(given[0]) ? fallback : given[0])),
  empty: fixed(['any'], isEmpty),
  coalesce: variadic([], 'any', (...values) => values.find((value) => !isEmpty(value)) ?? null),
  all: variadic([], 'any', (...values) => values.every((value) => !isEmpty(value))),
  any: variadic([], 'any', (...values) => values.some((value) => !isEmpty(value))),
  ternary: fixed(['any', 'any', 'bool'], (ifTrue, ifFalse, condition) => (condition ? ifTrue : ifFalse)),
  fail: fixed(['string'], (message): never => {
    throw new GoFailure(message);
  }),
});
