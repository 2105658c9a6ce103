import picomatch from 'picomatch';

/** File paths as the engine handles them: `/`-separated, whatever the platform. */

/** `C:\a\b` and `/a/b/` both become `/`-separated paths without a trailing separator. */
export function toSlashPath(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  return slashed.length > 1 ? slashed.replace(/\/+$/, '') : slashed;
}

const matcherCache = new Map<string, (path: string) => boolean>();

/** Whether `path` matches any of the globs (`**`, `*`, `{a,b}`, as in VS Code settings); dot files too. */
export function matchesGlobs(path: string, globs: readonly string[]): boolean {
  return globs.some((glob) => {
    let matcher = matcherCache.get(glob);
    if (!matcher) {
      matcher = picomatch(glob, { dot: true });
      matcherCache.set(glob, matcher);
    }
    return matcher(path);
  });
}

/** The part of `path` below `folder`, or undefined when it is not below it. */
export function relativePathIn(folder: string, path: string): string | undefined {
  const base = toSlashPath(folder);
  const full = toSlashPath(path);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return full.startsWith(prefix) ? full.slice(prefix.length) : undefined;
}
