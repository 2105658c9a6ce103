/**
 * Which found files a workspace scan keeps: the parts that need no VS Code API, so they are tested
 * on their own. Paths are `/`-separated and absolute (`/home/me/repo/a/Dockerfile`).
 */
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { matchesGlobs } from '../engine/paths';

/** The files a scan looks for: Dockerfiles by name, as the server knows them, and every YAML file. */
export const SCAN_INCLUDE = '**/{Dockerfile,Containerfile,Dockerfile.*,Containerfile.*,*.Dockerfile,*.dockerfile,*.yaml,*.yml}';

/** Never worth scanning, as in `ballast scan`: dependencies and version-control internals. */
export const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**'];

/**
 * The `.gitignore` files of a repository, applied as git applies them: each file's patterns are
 * relative to its folder, a deeper file overrides a shallower one (`!` patterns included), and
 * nothing inside an ignored folder comes back, since git never looks inside one.
 */
export class GitignoreRules {
  /** Folder (`/`-separated, no trailing `/`; `` for the root) to the rules of its .gitignore. */
  private readonly rules = new Map<string, Ignore>();
  private readonly ignoredFolders = new Map<string, boolean>();

  /** Adds the .gitignore text found in `folder`. */
  add(folder: string, text: string): void {
    const key = folder === '/' ? '' : folder.replace(/\/+$/, '');
    // As git's core.ignorecase defaults: on where file systems ignore case (macOS, Windows).
    const rules = this.rules.get(key) ?? ignore({ ignorecase: process.platform !== 'linux' });
    rules.add(text);
    this.rules.set(key, rules);
    this.ignoredFolders.clear();
  }

  get size(): number {
    return this.rules.size;
  }

  ignores(path: string): boolean {
    const folders = ancestors(path);
    // Outermost first: once a folder is ignored, whatever a .gitignore below it says does not count.
    for (let index = 1; index < folders.length; index++) {
      if (this.folderIgnored(folders[index]!)) return true;
    }
    return this.matches(path, false, folders);
  }

  private folderIgnored(folder: string): boolean {
    let ignored = this.ignoredFolders.get(folder);
    if (ignored === undefined) {
      ignored = this.matches(folder, true, ancestors(folder));
      this.ignoredFolders.set(folder, ignored);
    }
    return ignored;
  }

  /** Whether the .gitignore files above `path` (`folders`, outermost first) ignore it in the end. */
  private matches(path: string, isFolder: boolean, folders: readonly string[]): boolean {
    let ignored = false;
    for (const folder of folders) {
      const rules = this.rules.get(folder);
      if (!rules) continue;
      const relative = path.slice(folder.length + 1);
      const result = rules.test(isFolder ? `${relative}/` : relative);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }
}

/** The folders above a path, outermost first: `/a/b/c` gives ``, `/a`, `/a/b`. */
function ancestors(path: string): string[] {
  const parts = path.split('/');
  const result: string[] = [];
  for (let index = 1; index < parts.length; index++) result.push(parts.slice(0, index).join('/'));
  return result;
}

const folderMatchers = new Map<string, (path: string) => boolean>();

/**
 * Whether `files.exclude`-style globs exclude a path relative to its workspace folder. As in VS
 * Code, a glob that matches a folder (`**\/.git`, `build`) excludes everything in it.
 */
export function excludedLikeFilesExclude(relativePath: string, globs: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const matchers = globs.map((glob) => {
    let matcher = folderMatchers.get(glob);
    if (!matcher) {
      matcher = picomatch(glob, { dot: true });
      folderMatchers.set(glob, matcher);
    }
    return matcher;
  });
  const parts = relativePath.split('/');
  for (let index = 1; index <= parts.length; index++) {
    const prefix = parts.slice(0, index).join('/');
    if (matchers.some((matches) => matches(prefix))) return true;
  }
  return false;
}

/** Whether `ballast.exclude` excludes a path relative to its workspace folder, as the server judges it. */
export function excludedByBallast(relativePath: string, globs: readonly string[]): boolean {
  return matchesGlobs(relativePath, globs);
}

/** The `files.exclude` globs that are on (`true`); conditional ones (`{"when": …}`) concern sibling files only. */
export function enabledGlobs(setting: unknown): string[] {
  if (!setting || typeof setting !== 'object') return [];
  return Object.entries(setting as Record<string, unknown>)
    .filter(([, value]) => value === true)
    .map(([glob]) => glob);
}

/**
 * One exclude glob for `workspace.findFiles`, so that ripgrep does not even walk `node_modules`.
 * It only speeds the search up: every file found is checked again with the exact rules above, so
 * a glob that could be read differently there is left out: ones with braces or commas (inside a
 * `{…}` group), `ballast.exclude` globs that do not name whole folders (`…/**`, where the server's
 * reading and VS Code's agree), and, when the search starts below the workspace folder
 * (`anchored` false), globs not starting with `**` (findFiles reads them from where it starts).
 */
export function findFilesExclude(filesExclude: readonly string[], ballastExclude: readonly string[], anchored: boolean): string | null {
  const usable = [...ALWAYS_EXCLUDED, ...filesExclude, ...ballastExclude.filter((glob) => glob.endsWith('/**'))]
    .filter((glob) => !/[{},]/.test(glob))
    .filter((glob) => anchored || glob.startsWith('**/'));
  const unique = [...new Set(usable)];
  if (unique.length === 0) return null;
  return unique.length === 1 ? unique[0]! : `{${unique.join(',')}}`;
}
