/**
 * `ballast`: the command line. This module parses arguments (with node:util's parseArgs) and
 * dispatches; walking, linting, fixing and each output format live in their own modules.
 *
 * The bundle is also its own worker script: loaded on a worker thread, it serves lint and fix
 * tasks (see pool.ts) instead of running the CLI.
 */
import * as path from 'node:path';
import { isMainThread, workerData } from 'node:worker_threads';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { findRule, listRules, profileSeverity, SETTINGS_SCHEMA, SEVERITIES, type EngineSettings, type SeveritySetting } from '../engine';
import { version } from '../package.json';
import { ConfigResolver, loadExplicitConfig, type CommandLineSettings } from './config';
import { FIXABLE_KINDS, type FixedFile } from './fix';
import { jsonReporter } from './format/json';
import type { Reporter } from './format/reporter';
import { sarifReporter } from './format/sarif';
import { compactReporter, painter, plural, textReporter } from './format/text';
import { FIX_HELP, MAIN_HELP, RULES_HELP, SCAN_HELP } from './help';
import { isWorkerData, runOrdered, runWorker, workerCount, type Task } from './pool';
import { formatRulesJson, formatRulesText } from './rules';
import { ScanTally, scanExitCode, type FailOn, type ScannedFile } from './scan';
import { UsageError } from './usageError';
import { collectTargets, displayPath, type WalkResult } from './walk';

/** Everything the CLI touches of its process, so that behaviour is decided in one place. */
interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

/** Exit codes: 0 clean, 1 problems at or above --fail-on, 2 usage error or a scan that could not run. */
type ExitCode = 0 | 1 | 2;

const SCAN_FORMATS = ['text', 'compact', 'json', 'sarif'] as const;
const RULES_FORMATS = ['text', 'json'] as const;
const FAIL_ON_LEVELS: readonly FailOn[] = [...SEVERITIES, 'never'];
const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', ...SEVERITIES];

type OptionTable = NonNullable<ParseArgsConfig['options']>;

const GLOBAL_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} satisfies OptionTable;

/** What scan and fix share: which files, and the settings they are linted with. */
const FILE_OPTIONS = {
  config: { type: 'string' },
  exclude: { type: 'string', multiple: true, default: [] as string[] },
  'no-gitignore': { type: 'boolean', default: false },
  profile: { type: 'string' },
  rule: { type: 'string', multiple: true, default: [] as string[] },
  'trusted-registry': { type: 'string', multiple: true, default: [] as string[] },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} satisfies OptionTable;

const SCAN_OPTIONS = {
  ...FILE_OPTIONS,
  format: { type: 'string', short: 'f', default: 'text' },
  'fail-on': { type: 'string', default: 'error' },
} satisfies OptionTable;

const FIX_OPTIONS = {
  ...FILE_OPTIONS,
  'dry-run': { type: 'boolean', default: false },
} satisfies OptionTable;

const RULES_OPTIONS = {
  format: { type: 'string', short: 'f', default: 'text' },
  help: { type: 'boolean', short: 'h' },
} satisfies OptionTable;

const HELP_TOPICS: Record<string, string> = { scan: SCAN_HELP, fix: FIX_HELP, rules: RULES_HELP };

async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'scan':
      return scanCommand(rest, io);
    case 'fix':
      return fixCommand(rest, io);
    case 'rules':
      return rulesCommand(rest, io);
    case 'help':
      return helpCommand(rest, io);
    case undefined:
      io.stderr.write(MAIN_HELP);
      return 2;
    default: {
      if (!command.startsWith('-')) throw new UsageError(`unknown command '${command}'`);
      const { values } = parse(argv, GLOBAL_OPTIONS, false);
      if (values.version) {
        io.stdout.write(`${version}\n`);
        return 0;
      }
      io.stdout.write(MAIN_HELP);
      return 0;
    }
  }
}

function helpCommand(args: readonly string[], io: CliIo): ExitCode {
  const { positionals } = parse(args, {}, true);
  const topic = positionals[0];
  const text = topic === undefined ? MAIN_HELP : HELP_TOPICS[topic];
  if (text === undefined || positionals.length > 1) throw new UsageError(`no help for '${positionals.join(' ')}'`);
  io.stdout.write(text);
  return 0;
}

type FileOptionValues = ReturnType<typeof parse<typeof FILE_OPTIONS>>['values'];

/** The walk of the named paths, each file with its settings, from the options scan and fix share. */
function collectFiles(values: FileOptionValues, positionals: readonly string[], io: CliIo): { walk: WalkResult; configs: ConfigResolver } {
  const commandLine: CommandLineSettings = {
    profile: values.profile === undefined ? undefined : oneOf('--profile', values.profile, SETTINGS_SCHEMA.profile.enum),
    rules: parseRuleOverrides(values.rule),
    trustedRegistries: values['trusted-registry'].map((registry) => {
      if (registry.trim() === '') throw new UsageError('--trusted-registry needs a registry, such as docker.io or ghcr.io/my-org');
      return registry.trim();
    }),
  };
  const exclude = values.exclude.map((glob) => {
    if (glob.trim() === '') throw new UsageError('--exclude needs a glob, such as vendor/** or **/testdata/**');
    return glob.trim().replace(/^\.\//, '');
  });
  const explicit = values.config === undefined ? undefined : loadExplicitConfig(values.config, io.cwd);
  const configs = new ConfigResolver(io.cwd, commandLine, explicit);
  const walk = collectTargets(positionals.length > 0 ? positionals : ['.'], io.cwd, { configs, exclude, gitignore: !values['no-gitignore'] });
  for (const excluded of walk.excluded) io.stderr.write(`ballast: ${excluded} is excluded (by --exclude or a configuration file's exclude), so it was not looked at\n`);
  return { walk, configs };
}

/**
 * The configuration files with mistakes that applied to the files but that the walk did not
 * reach (above the scanned folder, or named with --config): reported as files of their own so
 * their mistakes cannot pass unseen. Those the walk reached are linted like any other file
 * (unless `evenWalked`).
 */
function configProblems(walk: WalkResult, configs: ConfigResolver, cwd: string, { evenWalked = false } = {}): ScannedFile[] {
  const walked = new Set(evenWalked ? [] : walk.targets.map((target) => target.absolutePath));
  const used = [...new Set([...(configs.explicitConfig ? [configs.explicitConfig] : []), ...configs.appliedConfigs()])];
  return used
    .filter((config) => config.errors.length > 0 && !walked.has(path.resolve(config.path)))
    .map((config): ScannedFile => ({ path: displayPath(path.resolve(config.path), cwd), kind: 'ballast-config', findings: [...config.errors] }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function scanCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals, tokens } = parse(args, SCAN_OPTIONS, true);
  if (values.help) {
    io.stdout.write(SCAN_HELP);
    return 0;
  }
  const format = oneOf('--format', values.format, SCAN_FORMATS);
  const failOn = oneOf('--fail-on', values['fail-on'], FAIL_ON_LEVELS);
  const color = wantsColor(io, tokens);
  const { walk, configs } = collectFiles(values, positionals, io);
  // Before anything else asks for settings, so that only configurations the files use count.
  const configFiles = configProblems(walk, configs, io.cwd);
  const tasks: Task[] = walk.targets.map((target) => ({ type: 'lint', task: { target, fingerprints: format === 'sarif' } }));
  const workers = workerCount(io.env, tasks.length);

  const write = (text: string) => void io.stdout.write(text);
  if (format !== 'text') for (const error of walk.errors) io.stderr.write(`ballast: ${error.displayPath}: ${error.message}\n`);
  let reporter: Reporter;
  switch (format) {
    case 'text':
      reporter = textReporter(write, { color });
      break;
    case 'compact':
      reporter = compactReporter(write, (text) => void io.stderr.write(text), { color });
      break;
    case 'json':
      reporter = jsonReporter(write);
      break;
    case 'sarif': {
      // The settings at the scan's root stand for the run; folders with their own .ballast.yaml may differ.
      const rootSettings = configs.settingsFor(path.join(io.cwd, '.ballast-probe')).engine;
      reporter = sarifReporter(write, { toolVersion: version, rules: listRules(), ruleOverrides: ruleConfiguration(rootSettings), cwd: io.cwd });
      break;
    }
  }

  const tally = new ScanTally();
  const report = (file: ScannedFile) => {
    tally.add(file);
    reporter.file(file);
  };
  configFiles.forEach(report);
  await runOrdered(tasks, workers, __filename, (outcome) => report(outcome as ScannedFile));
  tally.addWalkErrors(walk.errors);
  reporter.end(tally, walk.errors);
  return scanExitCode(tally.counts, failOn);
}

async function fixCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals, tokens } = parse(args, FIX_OPTIONS, true);
  if (values.help) {
    io.stdout.write(FIX_HELP);
    return 0;
  }
  const dryRun = values['dry-run'];
  const paint = painter(wantsColor(io, tokens));
  const { walk, configs } = collectFiles(values, positionals, io);
  for (const error of walk.errors) io.stderr.write(`ballast: ${error.displayPath}: ${error.message}\n`);
  // fix does not report problems, but a configuration with mistakes changes what it fixes.
  for (const config of configProblems(walk, configs, io.cwd, { evenWalked: true })) {
    io.stderr.write(`ballast: ${config.path} has ${plural(config.findings.length, 'problem')}, and only its valid settings apply ('ballast scan ${config.path}' lists them)\n`);
  }
  const tasks: Task[] = walk.targets.filter((target) => FIXABLE_KINDS.includes(target.kind)).map((target) => ({ type: 'fix', task: { target, dryRun } }));

  let changed = 0;
  let applied = 0;
  const failures: FixedFile[] = [];
  await runOrdered(tasks, workerCount(io.env, tasks.length), __filename, (outcome) => {
    const fixed = outcome as FixedFile;
    if (fixed.error !== undefined) failures.push(fixed);
    if (fixed.applied > 0) {
      changed++;
      applied += fixed.applied;
    }
    if (fixed.diff !== undefined) io.stdout.write(colorDiff(fixed.diff, paint));
  });

  for (const failure of failures) io.stderr.write(`ballast: ${failure.path}: ${failure.error}\n`);
  const fixes = plural(applied, 'fix', 'fixes');
  const files = `${changed} of ${plural(tasks.length, 'file')}`;
  if (tasks.length === 0) io.stderr.write('No files to fix: no Dockerfiles or YAML files were found.\n');
  else if (applied === 0) io.stderr.write(`Nothing to fix in ${plural(tasks.length, 'file')}.\n`);
  else if (dryRun) io.stderr.write(`Would apply ${fixes} to ${files} (dry run: no file was written).\n`);
  else io.stderr.write(`Applied ${fixes} to ${files}.\n`);
  return failures.length > 0 || walk.errors.length > 0 ? 1 : 0;
}

/** Removed lines red, added ones green, hunk headers cyan, file headers bold. */
function colorDiff(diff: string, paint: ReturnType<typeof painter>): string {
  return diff.replace(/^.*$/gm, (line) => {
    if (line.startsWith('--- ') || line.startsWith('+++ ')) return paint('bold', line);
    if (line.startsWith('@@')) return paint('cyan', line);
    if (line.startsWith('-')) return paint('red', line);
    if (line.startsWith('+')) return paint('green', line);
    return line;
  });
}

function rulesCommand(args: readonly string[], io: CliIo): ExitCode {
  const { values } = parse(args, RULES_OPTIONS, false);
  if (values.help) {
    io.stdout.write(RULES_HELP);
    return 0;
  }
  const format = oneOf('--format', values.format, RULES_FORMATS);
  io.stdout.write(format === 'json' ? formatRulesJson(listRules()) : formatRulesText(listRules()));
  return 0;
}

/** parseArgs in strict mode, its errors (unknown option, missing value, stray argument) as usage errors. */
function parse<Options extends OptionTable>(args: readonly string[], options: Options, allowPositionals: boolean) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals, strict: true, tokens: true });
  } catch (error) {
    if (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('ERR_PARSE_ARGS')) {
      // Node's advice on positionals after `--` only confuses a misspelt option.
      throw new UsageError(error.message.replace(/\. To specify a positional argument[\s\S]*$/, ''));
    }
    throw error;
  }
}

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`invalid value '${value}' for ${option}: expected ${allowed.join(', ')}`);
}

/** `--rule dockerfile/image-digest=warning`, checked against the registered rule ids. */
function parseRuleOverrides(values: readonly string[]): Record<string, SeveritySetting> {
  const overrides: Record<string, SeveritySetting> = {};
  for (const value of values) {
    const separator = value.lastIndexOf('=');
    if (separator <= 0) throw new UsageError(`invalid --rule '${value}': expected <rule-id>=<${SEVERITY_SETTINGS.join('|')}>`);
    const id = value.slice(0, separator);
    if (!findRule(id)) throw new UsageError(`unknown rule id '${id}' in --rule (run 'ballast rules' to list them)`);
    overrides[id] = oneOf(`--rule ${id}`, value.slice(separator + 1), SEVERITY_SETTINGS);
  }
  return overrides;
}

/** Every rule whose severity differs from its default: the profile's choices, then the --rule overrides. */
function ruleConfiguration(settings: EngineSettings): Record<string, SeveritySetting> {
  const fromProfile = listRules()
    .filter((meta) => profileSeverity(meta, settings.profile) !== profileSeverity(meta, 'recommended'))
    .map((meta) => [meta.id, profileSeverity(meta, settings.profile)] as const);
  return { ...Object.fromEntries(fromProfile), ...settings.rules };
}

/**
 * Colour for a terminal, and never when NO_COLOR is set to anything (https://no-color.org),
 * unless the last of --color and --no-color on the command line says otherwise.
 */
function wantsColor(io: CliIo, tokens: readonly { kind: string; name?: string }[]): boolean {
  const last = tokens.filter((token) => token.kind === 'option' && (token.name === 'color' || token.name === 'no-color')).at(-1);
  if (last) return last.name === 'color';
  return io.stdout.isTTY === true && !io.env.NO_COLOR;
}

function helpFor(argv: readonly string[]): string {
  return argv[0] !== undefined && argv[0] in HELP_TOPICS ? `ballast ${argv[0]} --help` : 'ballast --help';
}

async function main(): Promise<void> {
  // `ballast scan | head` closes the pipe early: stop quietly rather than with a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  const io: CliIo = { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr };
  const argv = process.argv.slice(2);
  try {
    process.exitCode = await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`ballast: ${error.message}\nRun '${helpFor(argv)}' for usage.\n`);
    } else {
      io.stderr.write(`ballast: the ${argv[0] === 'fix' ? 'fix' : 'scan'} could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    process.exitCode = 2;
  }
}

if (isMainThread) void main();
else if (isWorkerData(workerData)) runWorker();
