import type { Range } from '../types';

/** A base image reference after ARG substitution, split the way Docker normalises it. */
export interface ImageReference {
  /** As written in `FROM`, variables and all. */
  written: string;
  /** After substituting known ARG defaults. */
  resolved: string;
  /** Registry host when one is named (`ghcr.io`, `localhost:5000`); undefined means Docker Hub. */
  registry: string | undefined;
  /** Repository path without registry, tag or digest (`library/node` is written `node`). */
  repository: string;
  tag: string | undefined;
  digest: string | undefined;
  /** True when a variable without a known default is left in the reference. */
  hasUnresolvedVariables: boolean;
  range: Range;
  /** The tag token as written (which may be a `${VAR}`), or undefined when no tag is written. */
  tagRange: Range | undefined;
  digestRange: Range | undefined;
  /** The registry token as written, when the reference names one literally. */
  registryRange: Range | undefined;
}

/** Splits `registry/repo:tag@digest` the way the Docker reference grammar does. */
export function splitImageReference(reference: string): Pick<ImageReference, 'registry' | 'repository' | 'tag' | 'digest'> {
  let rest = reference;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.indexOf(':', lastSlash + 1);
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  let registry: string | undefined;
  const firstSlash = rest.indexOf('/');
  if (firstSlash >= 0) {
    const first = rest.slice(0, firstSlash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(firstSlash + 1);
    }
  }
  return { registry, repository: rest, tag, digest };
}

/** The registry that a reference pulls from, with Docker Hub's aliases folded into `docker.io`. */
export function effectiveRegistry(reference: Pick<ImageReference, 'registry'>): string {
  const registry = reference.registry?.toLowerCase();
  if (registry === undefined || registry === 'index.docker.io' || registry === 'registry-1.docker.io') return 'docker.io';
  return registry;
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
