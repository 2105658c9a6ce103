import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';

/**
 * `.gitignore` as git reads it, for the walk: each folder's `.gitignore` applies below it, a deeper
 * one wins over a shallower one (so it may re-include with `!`), and a folder that is ignored is
 * not entered, so nothing below it can be re-included. The repository's `.git/info/exclude` applies
 * as a `.gitignore` at its root. The user's global excludes file is not read: a scan should not
 * depend on who runs it. Matching is by the `ignore` package, the one ESLint and others use.
 */

/** Git matches without regard to case where the file system does (core.ignoreCase on Windows and macOS). */
const CASE_INSENSITIVE = process.platform === 'win32' || process.platform === 'darwin';

interface Level {
  /** The folder the patterns are relative to. */
  base: string;
  rules: Ignore;
}

/** The `.gitignore` files in force in one folder, from the repository root down. */
export class GitIgnores {
  private constructor(private readonly levels: readonly Level[]) {}

  /**
   * The patterns in force for entries of `directory`, a folder the walk starts from: those of the
   * folders above it up to the repository root (the nearest folder with `.git`), and its own.
   * Outside a repository, only the folder's own `.gitignore` (and those met below it) apply.
   * (`ignore` tests a path's parent folders too, which is how a named folder's being ignored
   * would otherwise hide all of it.)
   */
  static forRoot(directory: string): GitIgnores {
    const chain: string[] = [];
    let repositoryRoot: string | undefined;
    for (let folder = directory; ; folder = path.dirname(folder)) {
      chain.unshift(folder);
      if (exists(path.join(folder, '.git'))) {
        repositoryRoot = folder;
        break;
      }
      if (path.dirname(folder) === folder) break;
    }
    if (repositoryRoot === undefined) return new GitIgnores([]).enter(directory);
    let above = new GitIgnores([]).with(repositoryRoot, readText(path.join(repositoryRoot, '.git', 'info', 'exclude')));
    for (const folder of chain.slice(0, -1)) above = above.enter(folder);
    // A folder named on the command line is walked even if ignored; as git would ignore all of it,
    // the patterns from above it cannot say anything more, and only its own apply.
    if (directory !== repositoryRoot && above.ignores(directory, true)) return new GitIgnores([]).enter(directory);
    return above.enter(directory);
  }

  /** The patterns in force inside `directory`: these, and its own `.gitignore` if it has one. */
  enter(directory: string): GitIgnores {
    return this.with(directory, readText(path.join(directory, '.gitignore')));
  }

  /** Whether the entry at `absolutePath` (a folder when `isDirectory`) is ignored. */
  ignores(absolutePath: string, isDirectory: boolean): boolean {
    for (let i = this.levels.length - 1; i >= 0; i--) {
      const level = this.levels[i]!;
      const relative = path.relative(level.base, absolutePath).split(path.sep).join('/');
      if (relative === '' || relative.startsWith('../')) continue;
      const result = level.rules.test(isDirectory ? `${relative}/` : relative);
      if (result.ignored) return true;
      if (result.unignored) return false;
    }
    return false;
  }

  private with(base: string, text: string | undefined): GitIgnores {
    if (text === undefined || text.trim() === '') return this;
    return new GitIgnores([...this.levels, { base, rules: ignore({ ignorecase: CASE_INSENSITIVE }).add(text) }]);
  }
}

function exists(target: string): boolean {
  try {
    statSync(target);
    return true;
  } catch {
    return false;
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
