import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { isMap, parseDocument } from 'yaml';
import { applyConfig, defaultSettings, findConfig, isExcludedByConfig, parseConfig, toSlashPath, type BallastSettings, type EngineSettings, type ProjectConfig, type SeveritySetting } from '../engine';
import { describeFileSystemError } from './fileSystemError';
import { UsageError } from './usageError';

/** What was given on the command line; each setting given there wins over the configuration file's. */
export interface CommandLineSettings {
  profile?: BallastSettings['profile'];
  rules: Record<string, SeveritySetting>;
  /** Replaces the configuration's list when at least one is given. */
  trustedRegistries: string[];
}

/** The settings one file is linted with, and where its configuration came from. */
export interface FileSettings {
  config: ProjectConfig | undefined;
  engine: EngineSettings;
  /** `helm.valuesFiles` and the folder its globs are relative to. */
  valuesGlobs: readonly string[];
  valuesRoot: string;
}

/**
 * The `.ballast.yaml` that applies to each file, and the settings that follow: defaults, under the
 * configuration file, under the command line. As in the editor, the nearest configuration file in
 * the file's folder or a folder above applies, unless `--config` names one for every file.
 *
 * Each folder's own configuration file is read and parsed once, however many files lie below it.
 */
export class ConfigResolver {
  private readonly ownConfigs = new Map<string, ProjectConfig | undefined>();
  private readonly nearest = new Map<string, ProjectConfig | undefined>();
  private readonly settings = new Map<ProjectConfig | undefined, FileSettings>();

  constructor(
    private readonly cwd: string,
    private readonly commandLine: CommandLineSettings,
    private readonly fixed: ProjectConfig | undefined,
    /** A test's or caller's own `helm.valuesFiles`, relative to `cwd`, under any configuration file. */
    private readonly valuesGlobs: readonly string[] = [],
  ) {}

  /** The configuration file named with `--config`, if any. */
  get explicitConfig(): ProjectConfig | undefined {
    return this.fixed;
  }

  /** The configuration that applies to a file or folder at `absolutePath` (found from its parent folder up). */
  configFor(absolutePath: string): ProjectConfig | undefined {
    if (this.fixed) return this.fixed;
    return this.nearestIn(path.dirname(absolutePath));
  }

  settingsFor(absolutePath: string): FileSettings {
    return this.forConfig(this.configFor(absolutePath));
  }

  /** Whether a configuration file's `exclude` globs (relative to its folder) leave this path alone. */
  isExcluded(absolutePath: string): boolean {
    return isExcludedByConfig(this.configFor(absolutePath), toSlashPath(absolutePath));
  }

  /** Every configuration file that applied to something so far, in the order first met. */
  appliedConfigs(): ProjectConfig[] {
    return [...this.settings.keys()].filter((config): config is ProjectConfig => config !== undefined);
  }

  private nearestIn(folder: string): ProjectConfig | undefined {
    if (this.nearest.has(folder)) return this.nearest.get(folder);
    const parent = path.dirname(folder);
    const config = this.ownConfig(folder) ?? (parent === folder ? undefined : this.nearestIn(parent));
    this.nearest.set(folder, config);
    return config;
  }

  /**
   * The configuration file in this very folder. `findConfig` decides which name wins and parses it;
   * it is shown no file outside the folder, so that each folder is looked at once.
   */
  private ownConfig(folder: string): ProjectConfig | undefined {
    if (this.ownConfigs.has(folder)) return this.ownConfigs.get(folder);
    const slashFolder = toSlashPath(folder);
    const probe = slashFolder === '/' ? '/.ballast-probe' : `${slashFolder}/.ballast-probe`;
    const config = findConfig(probe, (candidate) => (path.posix.dirname(candidate) === slashFolder ? readConfigText(candidate) : undefined));
    this.ownConfigs.set(folder, config);
    return config;
  }

  private forConfig(config: ProjectConfig | undefined): FileSettings {
    let settings = this.settings.get(config);
    if (!settings) {
      const base = { ...defaultSettings(), 'helm.valuesFiles': [...this.valuesGlobs] };
      const merged = applyConfig(base, config);
      const { profile, rules, trustedRegistries } = this.commandLine;
      const engine: EngineSettings = {
        profile: profile ?? merged.profile,
        rules: { ...merged.rules, ...rules },
        trustedRegistries: trustedRegistries.length > 0 ? [...trustedRegistries] : merged.trustedRegistries,
        honorOtherToolIgnores: merged.honorOtherToolIgnores,
        maxFileSizeMB: merged.maxFileSizeMB,
      };
      const fromConfig = config?.settings['helm.valuesFiles'] !== undefined;
      settings = { config, engine, valuesGlobs: merged['helm.valuesFiles'], valuesRoot: fromConfig ? config.folder : toSlashPath(this.cwd) };
      this.settings.set(config, settings);
    }
    return settings;
  }
}

function readConfigText(candidate: string): string | undefined {
  try {
    // A folder named .ballast.yaml is not a configuration file.
    if (!statSync(candidate).isFile()) return undefined;
    return readFileSync(candidate, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The file named with `--config`. One that is missing, unreadable or not a YAML mapping is a
 * usage error: the user asked for it, so the scan should not silently run without it. Settings
 * that break the schema are problems of the file, reported as its findings, and the rest applies.
 */
export function loadExplicitConfig(given: string, cwd: string): ProjectConfig {
  const absolutePath = path.resolve(cwd, given);
  let text: string;
  try {
    if (!statSync(absolutePath).isFile()) throw new UsageError(`--config ${given} is not a file`);
    text = readFileSync(absolutePath, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `--config ${given}: no such file` : `--config ${given} cannot be read (${describeFileSystemError(error)})`);
  }
  const document = parseDocument(text, { prettyErrors: true, strict: false, uniqueKeys: true });
  const syntaxError = document.errors[0];
  if (syntaxError) {
    const at = syntaxError.linePos?.[0];
    const where = at ? ` at line ${at.line}, column ${at.col}` : '';
    throw new UsageError(`--config ${given} is not valid YAML${where}: ${syntaxError.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
  }
  if (document.contents !== null && !isMap(document.contents)) {
    throw new UsageError(`--config ${given} must hold a mapping of settings (profile, rules, trustedRegistries, exclude, ...)`);
  }
  return parseConfig(toSlashPath(absolutePath), text);
}
