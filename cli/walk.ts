import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { detectFileKind, type FileKind } from '../engine';
import { describeFileSystemError } from './fileSystemError';
import { UsageError } from './usageError';

/** Directories never worth linting: dependencies and version-control internals. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

export interface ScanTarget {
  absolutePath: string;
  /** Relative to the working directory, with `/` separators, as every output format shows it. */
  displayPath: string;
  kind: FileKind;
}

export interface WalkError {
  displayPath: string;
  message: string;
}

export interface WalkResult {
  targets: ScanTarget[];
  /** Directories that could not be listed; the scan goes on without them. */
  errors: WalkError[];
}

export function displayPath(absolutePath: string, cwd: string): string {
  const relative = path.relative(cwd, absolutePath);
  return (relative === '' ? '.' : relative).split(path.sep).join('/');
}

/**
 * The files to lint under the given paths: named paths in the order given, each directory's
 * entries in name order (so output is the same on every machine), each file once.
 *
 * Symbolic links met while walking are not followed, neither to directories (which could loop or
 * leave the tree) nor to files (which would usually lint the same Dockerfile twice). A path named
 * on the command line is followed, as the user asked for it. A missing path, or a named file that
 * is not of a kind Ballast lints, is a usage error: a typo should not pass as a clean scan.
 */
export function collectTargets(paths: readonly string[], cwd: string): WalkResult {
  // Every named path is checked before anything is linted, so a usage error prints no findings.
  const roots = paths.map((given): { absolutePath: string; kind: FileKind | 'directory' } => {
    const absolutePath = path.resolve(cwd, given);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(absolutePath).isDirectory();
    } catch {
      throw new UsageError(`no such file or directory: ${given}`);
    }
    if (isDirectory) return { absolutePath, kind: 'directory' };
    const kind = detectFileKind(absolutePath);
    if (!kind) throw new UsageError(`${given} is not a file Ballast lints (Dockerfile, Containerfile, Dockerfile.*, *.Dockerfile or *.dockerfile)`);
    return { absolutePath, kind };
  });

  const result: WalkResult = { targets: [], errors: [] };
  const seen = new Set<string>();
  const add = (absolutePath: string, kind: FileKind) => {
    if (seen.has(absolutePath)) return;
    seen.add(absolutePath);
    result.targets.push({ absolutePath, displayPath: displayPath(absolutePath, cwd), kind });
  };

  const walk = (directory: string) => {
    let entries;
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      result.errors.push({ displayPath: displayPath(directory, cwd), message: `cannot read this directory: ${describeFileSystemError(error)}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const entryPath = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(entryPath);
      } else if (entry.isFile()) {
        const kind = detectFileKind(entry.name);
        if (kind) add(entryPath, kind);
      }
    }
  };

  for (const root of roots) {
    if (root.kind === 'directory') walk(root.absolutePath);
    else add(root.absolutePath, root.kind);
  }
  return result;
}
