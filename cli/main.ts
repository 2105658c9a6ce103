/**
 * `ballast`: the command line. This module parses arguments (with node:util's parseArgs) and
 * dispatches; walking, linting and each output format live in their own modules.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { findRule, listRules, normalizeSettings, profileSeverity, SETTINGS_SCHEMA, SEVERITIES, type EngineSettings, type SeveritySetting } from '../engine';
import { version } from '../package.json';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatSummary, formatText } from './format/text';
import { MAIN_HELP, RULES_HELP, SCAN_HELP } from './help';
import { formatRulesJson, formatRulesText } from './rules';
import { scanExitCode, scanTargets, type FailOn } from './scan';
import { UsageError } from './usageError';
import { collectTargets } from './walk';

/** Everything the CLI touches of its process, so that behaviour is decided in one place. */
interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

/** Exit codes: 0 clean, 1 problems at or above --fail-on, 2 usage error or a scan that could not run. */
type ExitCode = 0 | 1 | 2;

const SCAN_FORMATS = ['text', 'json', 'sarif'] as const;
const RULES_FORMATS = ['text', 'json'] as const;
const FAIL_ON_LEVELS: readonly FailOn[] = [...SEVERITIES, 'never'];
const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', ...SEVERITIES];

type OptionTable = NonNullable<ParseArgsConfig['options']>;

const GLOBAL_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} satisfies OptionTable;

const SCAN_OPTIONS = {
  format: { type: 'string', short: 'f', default: 'text' },
  'fail-on': { type: 'string', default: 'error' },
  profile: { type: 'string', default: SETTINGS_SCHEMA.profile.default },
  rule: { type: 'string', multiple: true, default: [] as string[] },
  'trusted-registry': { type: 'string', multiple: true, default: [] as string[] },
  help: { type: 'boolean', short: 'h' },
} satisfies OptionTable;

const RULES_OPTIONS = {
  format: { type: 'string', short: 'f', default: 'text' },
  help: { type: 'boolean', short: 'h' },
} satisfies OptionTable;

function run(argv: readonly string[], io: CliIo): ExitCode {
  const [command, ...rest] = argv;
  switch (command) {
    case 'scan':
      return scanCommand(rest, io);
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
  const text = topic === undefined ? MAIN_HELP : topic === 'scan' ? SCAN_HELP : topic === 'rules' ? RULES_HELP : undefined;
  if (text === undefined || positionals.length > 1) throw new UsageError(`no help for '${positionals.join(' ')}'`);
  io.stdout.write(text);
  return 0;
}

function scanCommand(args: readonly string[], io: CliIo): ExitCode {
  const { values, positionals } = parse(args, SCAN_OPTIONS, true);
  if (values.help) {
    io.stdout.write(SCAN_HELP);
    return 0;
  }
  const format = oneOf('--format', values.format, SCAN_FORMATS);
  const failOn = oneOf('--fail-on', values['fail-on'], FAIL_ON_LEVELS);
  const profile = oneOf('--profile', values.profile, SETTINGS_SCHEMA.profile.enum);
  const rules = parseRuleOverrides(values.rule);
  const trustedRegistries = values['trusted-registry'].map((registry) => {
    if (registry.trim() === '') throw new UsageError('--trusted-registry needs a registry, such as docker.io or ghcr.io/my-org');
    return registry.trim();
  });
  const settings = normalizeSettings({ profile, rules, trustedRegistries });

  const walk = collectTargets(positionals.length > 0 ? positionals : ['.'], io.cwd);
  const result = scanTargets(walk.targets, walk.errors, settings);
  for (const error of result.walkErrors) io.stderr.write(`ballast: ${error.displayPath}: ${error.message}\n`);

  switch (format) {
    case 'text':
      io.stdout.write(formatText(result, { color: wantsColor(io) }));
      io.stderr.write(formatSummary(result));
      break;
    case 'json':
      io.stdout.write(formatJson(result));
      break;
    case 'sarif':
      io.stdout.write(formatSarif(result, { toolVersion: version, rules: listRules(), ruleOverrides: ruleConfiguration(settings), cwd: io.cwd }));
      break;
  }
  return scanExitCode(result, failOn);
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
    return parseArgs({ args: [...args], options, allowPositionals, strict: true });
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

/** Colour only for a terminal, and never when NO_COLOR is set to anything (https://no-color.org). */
function wantsColor(io: CliIo): boolean {
  return io.stdout.isTTY === true && !io.env.NO_COLOR;
}

function helpFor(argv: readonly string[]): string {
  return argv[0] === 'scan' || argv[0] === 'rules' ? `ballast ${argv[0]} --help` : 'ballast --help';
}

function main(): void {
  // `ballast scan | head` closes the pipe early: stop quietly rather than with a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  const io: CliIo = { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr };
  const argv = process.argv.slice(2);
  try {
    process.exitCode = run(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`ballast: ${error.message}\nRun '${helpFor(argv)}' for usage.\n`);
    } else {
      io.stderr.write(`ballast: the scan could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    process.exitCode = 2;
  }
}

main();
