/**
 * Sprig's list functions. Lists are never changed in place: each function returns a new list.
 * A list function given something that is not a list fails the way Sprig's does (the `must`
 * variants return the same error the others panic with), nil included: Sprig asks a nil value for
 * its type and Go panics.
 */

import { GoFailure } from './goFailure';
import { castToInt64 } from './goCast';
import { deepEqual, goKindName, isEmpty, isList, isNil, type GoList } from './goValue';
import { checkListLength } from './outputLimits';
import { defineFunctions, fixed, variadic, type GoSignature } from './signature';

const NIL_DEREFERENCE = 'runtime error: invalid memory address or nil pointer dereference';

function listOf(value: unknown, failure: (kind: string) => string): GoList {
  if (isList(value)) return value;
  throw new GoFailure(isNil(value) ? NIL_DEREFERENCE : failure(goKindName(value)));
}

const contains = (list: GoList, item: unknown): boolean => list.some((candidate) => deepEqual(item, candidate));

function uniq(list: GoList): GoList {
  const out: GoList = [];
  for (const item of list) if (!contains(out, item)) out.push(item);
  return out;
}

function slice(list: GoList, indices: readonly unknown[]): GoList | null {
  if (list.length === 0) return null;
  const start = indices.length > 0 ? castToInt64(indices[0]) : 0;
  const end = indices.length > 1 ? castToInt64(indices[1]) : list.length;
  if (start < 0 || end < start || end > list.length) throw new GoFailure('reflect.Value.Slice: slice index out of bounds');
  return list.slice(start, end);
}

function chunk(size: number, list: GoList): GoList[] {
  if (size <= 0) throw new GoFailure('runtime error: makeslice: len out of range');
  const chunks: GoList[] = [];
  for (let i = 0; i < list.length; i += size) chunks.push(list.slice(i, i + size));
  return chunks;
}

/** untilStep: start, start+step, … up to stop (excluded), counting down when stop < start and step < 0. */
export function untilStep(start: number, stop: number, step: number): number[] {
  if (stop < start ? step >= 0 : step <= 0) return [];
  checkListLength(Math.ceil(Math.abs((stop - start) / step)));
  const out: number[] = [];
  for (let i = start; stop < start ? i > stop : i < stop; i += step) out.push(i);
  return out;
}

/** seq, like the Unix command: `seq 3` is "1 2 3", `seq 2 5`, `seq 0 2 10`, counting down when the end is lower. */
function seq(...params: number[]): string {
  const [first = 0, second = 0, third = 0] = params;
  let numbers: number[];
  if (params.length === 1) {
    const step = first < 1 ? -1 : 1;
    numbers = untilStep(1, first + step, step);
  } else if (params.length === 2) {
    const step = second < first ? -1 : 1;
    numbers = untilStep(first, second + step, step);
  } else if (params.length === 3) {
    const direction = third < first ? -1 : 1;
    if (direction < 0 && second > 0) return '';
    numbers = untilStep(first, third + direction, second);
  } else {
    return '';
  }
  return numbers.join(' ');
}

/** A function and its `must` twin: Sprig's panics and returned errors read the same in a template. */
function withMust(name: string, signature: GoSignature): Record<string, GoSignature> {
  return { [name]: signature, [`must${name[0]?.toUpperCase() ?? ''}${name.slice(1)}`]: signature };
}

const push = fixed(['any', 'any'], (list, item) => [...listOf(list, (kind) => `Cannot push on type ${kind}`), item]);

export const listFunctions = defineFunctions({
  list: variadic([], 'any', (...items) => items),
  tuple: variadic([], 'any', (...items) => items),
  ...withMust('push', push),
  ...withMust('append', push),
  ...withMust('prepend', fixed(['any', 'any'], (list, item) => [item, ...listOf(list, (kind) => `Cannot prepend on type ${kind}`)])),
  ...withMust('first', fixed(['any'], (list) => listOf(list, (kind) => `Cannot find first on type ${kind}`)[0] ?? null)),
  ...withMust('last', fixed(['any'], (list) => listOf(list, (kind) => `Cannot find last on type ${kind}`).at(-1) ?? null)),
  ...withMust('rest', fixed(['any'], (list) => listOf(list, (kind) => `Cannot find rest on type ${kind}`).slice(1))),
  ...withMust('initial', fixed(['any'], (list) => listOf(list, (kind) => `Cannot find initial on type ${kind}`).slice(0, -1))),
  ...withMust('reverse', fixed(['any'], (list) => [...listOf(list, (kind) => `Cannot find reverse on type ${kind}`)].reverse())),
  ...withMust('uniq', fixed(['any'], (list) => uniq(listOf(list, (kind) => `Cannot find uniq on type ${kind}`)))),
  ...withMust('compact', fixed(['any'], (list) => listOf(list, (kind) => `Cannot compact on type ${kind}`).filter((item) => !isEmpty(item)))),
  ...withMust('without', variadic(['any'], 'any', (list, ...omit) =>
    listOf(list, (kind) => `Cannot find without on type ${kind}`).filter((item) => !contains(omit, item)),
  )),
  ...withMust('has', fixed(['any', 'any'], (needle, haystack) =>
    isNil(haystack) ? false : contains(listOf(haystack, (kind) => `Cannot find has on type ${kind}`), needle),
  )),
  ...withMust('slice', variadic(['any'], 'any', (list, ...indices) =>
    slice(listOf(list, (kind) => `list should be type of slice or array but ${kind}`), indices),
  )),
  ...withMust('chunk', fixed(['int', 'any'], (size, list) => chunk(size, listOf(list, (kind) => `Cannot chunk type ${kind}`)))),
  concat: variadic([], 'any', (...lists) => lists.flatMap((list) => listOf(list, (kind) => `Cannot concat type ${kind} as list`))),
  until: fixed(['int'], (count) => untilStep(0, count, count < 0 ? -1 : 1)),
  untilStep: fixed(['int', 'int', 'int'], untilStep),
  seq: variadic([], 'int', seq),
});
