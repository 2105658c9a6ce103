import { tracedTextOf } from './builtins';
import type { TemplateFunction } from './functions';
import { carryPieces, containerProvenance, entryProvenance, recordEntry, registerContainer, TracedText, type ValuesOrigin } from './provenance';
import type { ProvenancePolicy } from './registry';
import { isContainer, readEntry, toPlain, Traced, unwrap } from './values';

/**
 * Calls a plain template function (Sprig's) with plain arguments, and gives its result the
 * provenance its arguments had: the argument itself when the function returned it, the pieces of
 * an argument's text when the result is that text cut or padded, and recorded entry origins when
 * it built a map or list out of traced values.
 */
export function callExternal(name: string, fn: TemplateFunction, policy: ProvenancePolicy, args: readonly unknown[], charge: (work: number) => void): unknown {
  const plain = args.map(toPlain);
  const raw = fn(...plain);
  const result = raw === undefined ? null : raw;
  if (typeof result === 'string') charge(result.length);
  if (isContainer(result)) {
    adoptOrigins(name, result, args, plain, charge);
    return result;
  }
  if (policy === 'select') return selected(result, args, plain) ?? result;
  if (policy === 'text' && typeof result === 'string') return textWithPieces(result, args[subjectIndex(name, args.length)]);
  return result;
}

/** The argument a text function works on: the piped, last one, but for the regex replacements' second. */
function subjectIndex(name: string, count: number): number {
  return /^(must)?[rR]egexReplaceAll/.test(name) ? 1 : count - 1;
}

/** The argument (or an argument's entry) the function returned, with its provenance. */
function selected(result: unknown, args: readonly unknown[], plain: readonly unknown[]): unknown {
  for (let i = args.length - 1; i >= 0; i--) if (Object.is(plain[i], result)) return args[i];
  if (result === null || typeof result === 'object') return undefined;
  for (const container of plain) {
    if (!isContainer(container)) continue;
    for (const key of Array.isArray(container) ? container.keys() : Object.keys(container)) {
      if (Object.is((container as Record<string | number, unknown>)[key], result)) return readEntry(container, key);
    }
  }
  return undefined;
}

function textWithPieces(result: string, subject: unknown): unknown {
  const source = tracedTextOf(subject);
  if (!source) return result;
  // A string returned unchanged keeps its own form; a number's text becomes a string.
  if (source.text === result && typeof unwrap(subject) === 'string') return subject;
  const pieces = carryPieces(source, result);
  if (pieces) return new TracedText(result, pieces);
  const valuesOrigins = source.pieces.map((piece) => piece.origin).filter((origin): origin is ValuesOrigin => origin.kind === 'values');
  if (valuesOrigins.length === 1 && result.length > 0) {
    return new TracedText(result, [{ start: 0, end: result.length, origin: { ...valuesOrigins[0]!, derived: true } }]);
  }
  return result;
}

/**
 * Records where the entries of a map or list the function built or changed came from: from the
 * traced arguments `dict`, `list` and `set` placed in it, and from the entries of the containers
 * it merged or copied.
 */
function adoptOrigins(name: string, result: Record<string, unknown> | unknown[], args: readonly unknown[], plain: readonly unknown[], charge: (work: number) => void): void {
  const traced = (i: number): Traced | undefined => {
    const arg = args[i];
    return arg instanceof Traced && arg.origin?.kind === 'values' ? arg : undefined;
  };
  if (name === 'dict' && !Array.isArray(result)) {
    for (let i = 0; i + 1 < args.length; i += 2) {
      const value = traced(i + 1);
      const key = String(unwrap(args[i]));
      if (value && Object.is(result[key], value.value)) recordEntry(result, key, result[key], value.origin as ValuesOrigin);
    }
  } else if ((name === 'list' || name === 'tuple') && Array.isArray(result)) {
    args.forEach((_, i) => {
      const value = traced(i);
      if (value && Object.is(result[i], value.value)) recordEntry(result, i, result[i], value.origin as ValuesOrigin);
    });
  } else if (name === 'set' && !Array.isArray(result)) {
    const value = traced(2);
    const key = String(unwrap(args[1]));
    if (value && Object.is(result[key], value.value)) recordEntry(result, key, result[key], value.origin as ValuesOrigin);
  }
  const sources = plain.filter(isContainer);
  adoptFrom(result, sources, new Set(), charge);
}

function adoptFrom(target: object, sources: readonly object[], visited: Set<object>, charge: (work: number) => void): void {
  if (visited.has(target)) return;
  visited.add(target);
  for (const source of sources) {
    if (source === target) continue;
    const info = containerProvenance(source);
    if (info) registerContainer(target, { origin: info.origin, valuesPath: undefined, decoded: info.decoded });
  }
  const keys = Array.isArray(target) ? [...target.keys()] : Object.keys(target);
  charge(keys.length);
  for (const key of keys) {
    const value = (target as Record<string | number, unknown>)[key];
    for (const source of sources) {
      if (source === target || Array.isArray(source) !== Array.isArray(target) || !Object.hasOwn(source, key)) continue;
      const original = (source as Record<string | number, unknown>)[key];
      const entry = entryProvenance(source, key, original);
      if (entry?.origin && (Object.is(original, value) || (isContainer(original) && isContainer(value)))) {
        if (!entryProvenance(target, key, value)?.origin) recordEntry(target, key, value, entry.origin, entry.keyOrigin);
      }
      if (isContainer(original) && isContainer(value) && original !== value) adoptFrom(value, [original], visited, charge);
    }
  }
}
