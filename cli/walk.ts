import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { classifyFile, findChart, toSlashPath, type ChartMetadata, type FileKind, type LintTarget } from '../engine';
import { describeFileSystemError } from './fileSystemError';
import { UsageError } from './usageError';

/** Directories never worth linting: dependencies and version-control internals. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

export interface ScanTarget {
  absolutePath: string;
  /** Relative to the working directory, with `/` separators, as every output format shows it. */
  displayPath: string;
  kind: FileKind;
  /** For Helm values files: their chart's metadata. */
  chart?: ChartMetadata;
  overridesChartValues?: boolean;
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
export function collectTargets(paths: readonly string[], cwd: string, options: { valuesGlobs?: readonly string[] } = {}): WalkResult {
  const classify = fileClassifier(cwd, options.valuesGlobs ?? []);
  // Every named path is checked before anything is linted, so a usage error prints no findings.
  const roots = paths.map((given): { absolutePath: string; target: LintTarget | 'directory' } => {
    const absolutePath = path.resolve(cwd, given);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(absolutePath).isDirectory();
    } catch {
      throw new UsageError(`no such file or directory: ${given}`);
    }
    if (isDirectory) return { absolutePath, target: 'directory' };
    const target = classify(absolutePath);
    if (!target) throw new UsageError(`${given} is not a file Ballast lints (Dockerfile, Containerfile, Dockerfile.*, *.Dockerfile, *.dockerfile, *.yaml or *.yml)`);
    return { absolutePath, target };
  });

  const result: WalkResult = { targets: [], errors: [] };
  const seen = new Set<string>();
  const add = (absolutePath: string, target: LintTarget) => {
    if (seen.has(absolutePath)) return;
    seen.add(absolutePath);
    result.targets.push({ absolutePath, displayPath: displayPath(absolutePath, cwd), ...target });
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
        const target = classify(entryPath);
        // Helm templates are not YAML until rendered: a walk passes them by.
        if (target && target.kind !== 'helm-template') add(entryPath, target);
      }
    }
  };

  for (const root of roots) {
    if (root.target === 'directory') walk(root.absolutePath);
    else add(root.absolutePath, root.target);
  }
  return result;
}

/**
 * What each file is: its name decides for Dockerfiles; for YAML, the nearest Chart.yaml above it
 * (read once per folder) decides between manifests, Helm values and Helm templates.
 */
function fileClassifier(cwd: string, valuesGlobs: readonly string[]): (absolutePath: string) => LintTarget | undefined {
  const chartFiles = new Map<string, string | undefined>();
  const readChartFile = (chartFile: string) => {
    if (!chartFiles.has(chartFile)) {
      let text: string | undefined;
      try {
        text = readFileSync(chartFile, 'utf8');
      } catch {
        text = undefined;
      }
      chartFiles.set(chartFile, text);
    }
    return chartFiles.get(chartFile);
  };
  return (absolutePath) => {
    if (!/\.ya?ml$/i.test(absolutePath)) return classifyFile(absolutePath);
    const chart = findChart(absolutePath, readChartFile);
    return classifyFile(toSlashPath(absolutePath), { chart, valuesGlobs, root: toSlashPath(cwd) });
  };
}
