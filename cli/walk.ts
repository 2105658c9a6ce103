import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { classifyFile, findChart, isConfigFile, toSlashPath, type ChartMetadata, type EngineSettings, type FileKind, type LintTarget } from '../engine';
import { matchesGlobs } from '../engine/paths';
import { ConfigResolver, type FileSettings } from './config';
import { describeFileSystemError } from './fileSystemError';
import { GitIgnores } from './gitignore';
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
  /** What the file is linted with: defaults, its configuration file, the command line. */
  settings: EngineSettings;
}

export interface WalkError {
  displayPath: string;
  message: string;
}

export interface WalkResult {
  targets: ScanTarget[];
  /** Directories that could not be listed; the scan goes on without them. */
  errors: WalkError[];
  /** Paths named on the command line that `--exclude` or a configuration file's `exclude` leaves alone. */
  excluded: string[];
}

export interface WalkOptions {
  /** The configuration files and command-line settings; without it, defaults and `valuesGlobs`. */
  configs?: ConfigResolver;
  /** More Helm values files, relative to `cwd` (when no `configs` is given). */
  valuesGlobs?: readonly string[];
  /** `--exclude`: globs relative to `cwd`, for files and whole folders. */
  exclude?: readonly string[];
  /** Leave alone what `.gitignore` files ignore (default false; `ballast scan` turns it on). */
  gitignore?: boolean;
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
 *
 * What `--exclude` and the configuration files' `exclude` match is left alone, named or met while
 * walking, as the editor leaves such files alone when they are opened; a configuration file itself
 * never is, so that its mistakes stay visible. `.gitignore` (with `gitignore`) and the skipped
 * directories only concern the walk: a path named on the command line is linted all the same.
 */
export function collectTargets(paths: readonly string[], cwd: string, options: WalkOptions = {}): WalkResult {
  const configs = options.configs ?? new ConfigResolver(cwd, { rules: {}, trustedRegistries: [] }, undefined, options.valuesGlobs ?? []);
  const exclude = options.exclude ?? [];
  const classify = fileClassifier(configs);
  const isExcluded = (absolutePath: string) =>
    !isConfigFile(absolutePath) && ((exclude.length > 0 && matchesGlobs(displayPath(absolutePath, cwd), exclude)) || configs.isExcluded(absolutePath));

  // Every named path is checked before anything is linted, so a usage error prints no findings.
  const roots = paths.map((given): { given: string; absolutePath: string; target: LintTarget | 'directory' } => {
    const absolutePath = path.resolve(cwd, given);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(absolutePath).isDirectory();
    } catch {
      throw new UsageError(`no such file or directory: ${given}`);
    }
    if (isDirectory) return { given, absolutePath, target: 'directory' };
    const target = classify(absolutePath);
    if (!target) throw new UsageError(`${given} is not a file Ballast lints (Dockerfile, Containerfile, Dockerfile.*, *.Dockerfile, *.dockerfile, *.yaml or *.yml)`);
    return { given, absolutePath, target };
  });

  const result: WalkResult = { targets: [], errors: [], excluded: [] };
  const seen = new Set<string>();
  const add = (absolutePath: string, target: LintTarget) => {
    if (seen.has(absolutePath)) return;
    seen.add(absolutePath);
    result.targets.push({ absolutePath, displayPath: displayPath(absolutePath, cwd), ...target, settings: configs.settingsFor(absolutePath).engine });
  };

  const walk = (directory: string, ignores: GitIgnores | undefined) => {
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
        if (SKIPPED_DIRECTORIES.has(entry.name) || ignores?.ignores(entryPath, true) || isExcluded(entryPath)) continue;
        walk(entryPath, ignores?.enter(entryPath));
      } else if (entry.isFile()) {
        const target = classify(entryPath);
        // Helm templates are not YAML until rendered: a walk passes them by.
        if (!target || target.kind === 'helm-template' || ignores?.ignores(entryPath, false) || isExcluded(entryPath)) continue;
        add(entryPath, target);
      }
    }
  };

  for (const root of roots) {
    if (isExcluded(root.absolutePath)) {
      result.excluded.push(root.given);
    } else if (root.target === 'directory') {
      walk(root.absolutePath, options.gitignore ? GitIgnores.forRoot(root.absolutePath) : undefined);
    } else {
      add(root.absolutePath, root.target);
    }
  }
  return result;
}

/**
 * What each file is: its name decides for Dockerfiles and configuration files (and so does
 * `--config`); for YAML, the nearest Chart.yaml above it (read once per folder) decides between
 * manifests, Helm values and Helm templates, with the `helm.valuesFiles` in force for the file.
 */
function fileClassifier(configs: ConfigResolver): (absolutePath: string) => LintTarget | undefined {
  const explicitConfig = configs.explicitConfig?.path;
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
    const slashPath = toSlashPath(absolutePath);
    if (slashPath === explicitConfig) return { kind: 'ballast-config' };
    if (!/\.ya?ml$/i.test(absolutePath)) return classifyFile(absolutePath);
    const chart = findChart(absolutePath, readChartFile);
    const settings: FileSettings = configs.settingsFor(absolutePath);
    return classifyFile(slashPath, { chart, valuesGlobs: settings.valuesGlobs, root: settings.valuesRoot });
  };
}
