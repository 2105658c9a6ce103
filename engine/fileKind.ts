import type { FileKind } from './types';

const DOCKERFILE_NAMES = [/^dockerfile$/i, /^containerfile$/i, /^dockerfile\..+$/i, /^containerfile\..+$/i, /^.+\.dockerfile$/i];

/** What Ballast makes of a file, from the editor's language id when it has one, or from its name. */
export function detectFileKind(path: string, languageId?: string): FileKind | undefined {
  if (languageId === 'dockerfile') return 'dockerfile';
  if (languageId === 'yaml') return 'kubernetes';
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  if (/\.dockerignore$/i.test(name)) return undefined;
  if (DOCKERFILE_NAMES.some((pattern) => pattern.test(name))) return 'dockerfile';
  // Any YAML may hold manifests; documents without apiVersion and kind are left alone.
  if (/\.ya?ml$/i.test(name)) return 'kubernetes';
  return undefined;
}
