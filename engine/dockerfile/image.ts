import type { ImageName } from '../image';
import type { Range } from '../types';

/** A base image reference after ARG substitution, split the way Docker normalises it. */
export interface ImageReference extends ImageName {
  /** As written in `FROM`, variables and all. */
  written: string;
  /** After substituting known ARG defaults. */
  resolved: string;
  /** True when a variable without a known default is left in the reference. */
  hasUnresolvedVariables: boolean;
  range: Range;
  /** The tag token as written (which may be a `${VAR}`), or undefined when no tag is written. */
  tagRange: Range | undefined;
  digestRange: Range | undefined;
  /** The registry token as written, when the reference names one literally. */
  registryRange: Range | undefined;
}

const VARIABLE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * Substitutes `$NAME`, `${NAME}`, `${NAME:-default}` and `${NAME:+alt}` with the values known from
 * ARG defaults, the way BuildKit does for FROM. Names without a value are left as written and
 * reported through `unresolved`.
 */
export function substituteVariables(value: string, variables: ReadonlyMap<string, string | undefined>): { value: string; unresolved: boolean } {
  let unresolved = false;
  const result = value.replace(VARIABLE, (whole, braced: string | undefined, operator: string | undefined, word: string | undefined, bare: string | undefined) => {
    const name = braced ?? bare ?? '';
    const known = variables.has(name);
    const current = variables.get(name);
    if (operator === ':-' || operator === '-') {
      const useDefault = operator === ':-' ? !current : !known;
      return useDefault ? (word ?? '') : (current ?? '');
    }
    if (operator === ':+' || operator === '+') {
      const useAlt = operator === ':+' ? !!current : known;
      return useAlt ? (word ?? '') : '';
    }
    if (current === undefined) {
      unresolved = true;
      return whole;
    }
    return current;
  });
  return { value: result, unresolved };
}
