/**
 * Sprig's path functions: Go's path package, slash-separated whatever the platform. The `os`
 * variants use the platform's separator in Go; Helm renders on Linux and macOS the same way, so
 * here they are the same functions.
 */

import { defineFunctions, fixed, type GoSignature } from './signature';

/** path.Clean: the shortest equivalent path, `.` for an empty one. */
export function clean(path: string): string {
  if (path === '') return '.';
  const rooted = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else if (!rooted) parts.push('..');
      continue;
    }
    parts.push(part);
  }
  const joined = parts.join('/');
  if (rooted) return `/${joined}`;
  return joined === '' ? '.' : joined;
}

/** path.Base: the last element, trailing slashes ignored; `/` for a root, `.` for an empty path. */
function base(path: string): string {
  if (path === '') return '.';
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** path.Dir: everything up to the last slash, cleaned. */
function dir(path: string): string {
  return clean(path.slice(0, path.lastIndexOf('/') + 1));
}

/** path.Ext: from the last dot of the last element. */
function ext(path: string): string {
  for (let i = path.length - 1; i >= 0 && path[i] !== '/'; i--) if (path[i] === '.') return path.slice(i);
  return '';
}

const pathSignatures: Record<string, GoSignature> = {
  base: fixed(['string'], base),
  dir: fixed(['string'], dir),
  clean: fixed(['string'], clean),
  ext: fixed(['string'], ext),
  isAbs: fixed(['string'], (path) => path.startsWith('/')),
};

export const pathFunctions = defineFunctions({
  ...pathSignatures,
  ...Object.fromEntries(Object.entries(pathSignatures).map(([name, signature]) => [`os${name[0]?.toUpperCase() ?? ''}${name.slice(1)}`, signature])),
});
