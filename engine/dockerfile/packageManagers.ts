import { effectiveCommand, type ShellCommand, type ShellWord } from './shell';

/** The package manager families Ballast understands in RUN. */
export type PackageManager = 'apt' | 'apk' | 'dnf' | 'zypper' | 'rpm';

const MANAGERS: Record<string, PackageManager> = {
  'apt-get': 'apt',
  apt: 'apt',
  apk: 'apk',
  yum: 'dnf',
  dnf: 'dnf',
  dnf5: 'dnf',
  tdnf: 'dnf',
  microdnf: 'dnf',
  zypper: 'zypper',
  rpm: 'rpm',
};

/**
 * Options that take their value as the next word. Without this list the value of `-t bookworm` or
 * `--virtual .build-deps` would be read as a subcommand or a package.
 */
const OPTIONS_WITH_VALUE: Record<PackageManager, ReadonlySet<string>> = {
  apt: new Set(['-o', '--option', '-c', '--config-file', '-t', '--target-release', '--default-release', '-a', '--host-architecture', '-P', '--build-profiles']),
  apk: new Set(['-X', '--repository', '-p', '--root', '-t', '--virtual', '--keys-dir', '--arch', '--cache-dir', '--repositories-file', '--cache-max-age', '--timeout', '--progress-fd', '--wait']),
  dnf: new Set([
    '-c', '--config', '--installroot', '--releasever', '--enablerepo', '--disablerepo', '--repo', '--repoid', '--setopt', '-x', '--exclude',
    '--excludepkgs', '--rpmverbosity', '--downloaddir', '--destdir', '--forcearch', '--repofrompath', '--color', '-d', '--debuglevel',
    '-e', '--errorlevel', '--disableplugin', '--enableplugin', '--comment', '--advisory', '--bz', '--cve', '--sec-severity', '--secseverity',
  ]),
  zypper: new Set(['-c', '--config', '-R', '--root', '--reposd-dir', '--cache-dir', '--raw-cache-dir', '--solv-cache-dir', '--pkg-cache-dir', '--userdata', '-p', '--plus-repo', '-r', '--repo', '-t', '--type', '--from']),
  rpm: new Set(['--root', '--dbpath', '-D', '--define', '-E', '--eval', '--macros', '--rcfile', '--relocate', '--prefix', '--excludepath', '--pipe', '--predefine', '--undefine']),
};

/** An option as written: `--flag`, `--flag=value`, or `-o` followed by its value word. */
export interface PackageManagerOption {
  /** The option word. */
  word: ShellWord;
  /** The option's name without an attached value (`--setopt` for `--setopt=gpgcheck=0`). */
  name: string;
  /** The value, attached (`--setopt=x`, `-ox`) or as the next word (`-o x`). */
  value: string | undefined;
  /** The separate value word, when the value is the next word. */
  valueWord: ShellWord | undefined;
}

/** A package manager invocation split into options, its subcommand and its operands. */
export interface PackageManagerCommand {
  manager: PackageManager;
  /** The program as called: `apt-get`, `microdnf`, … */
  program: string;
  /** The first operand, for managers that have subcommands (`install`, `add`, …). */
  subcommand: ShellWord | undefined;
  /** Every option, wherever it is written. */
  options: PackageManagerOption[];
  /** The operands after the subcommand (package names, files); for rpm, all operands. */
  operands: ShellWord[];
}

/** Reads `apt-get -y install curl`, `sudo apk add --no-cache x`, `rpm -i x.rpm` and the like. */
export function packageManagerCommand(command: ShellCommand): PackageManagerCommand | undefined {
  const effective = effectiveCommand(command);
  const program = effective.program;
  const manager = program !== undefined ? MANAGERS[program] : undefined;
  if (program === undefined || manager === undefined) return undefined;

  const withValue = OPTIONS_WITH_VALUE[manager];
  const options: PackageManagerOption[] = [];
  const operands: ShellWord[] = [];
  let subcommand: ShellWord | undefined;
  let optionsEnded = false;
  const words = effective.args;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const value = word.value;
    if (!optionsEnded && value === '--') {
      optionsEnded = true;
      continue;
    }
    if (!optionsEnded && value !== undefined && value.startsWith('-') && value.length > 1) {
      options.push(readOption(word, value, withValue, words[i + 1]));
      if (options.at(-1)!.valueWord) i++;
      continue;
    }
    // A word that expands before the subcommand is most likely a list of options (`$APT_OPTS`).
    if (manager !== 'rpm' && subcommand === undefined) {
      if (value !== undefined) subcommand = word;
      continue;
    }
    operands.push(word);
  }
  return { manager, program, subcommand, options, operands };
}

function readOption(word: ShellWord, value: string, withValue: ReadonlySet<string>, next: ShellWord | undefined): PackageManagerOption {
  if (value.startsWith('--')) {
    const equals = value.indexOf('=');
    if (equals > 0) return { word, name: value.slice(0, equals), value: value.slice(equals + 1), valueWord: undefined };
    if (withValue.has(value) && next) return { word, name: value, value: next.value, valueWord: next };
    return { word, name: value, value: undefined, valueWord: undefined };
  }
  // Short options: `-y`, `-qq`, `-o` + next word, or `-oKey=value` with the value attached.
  const short = value.slice(0, 2);
  if (withValue.has(short)) {
    if (value.length > 2) return { word, name: short, value: value.slice(2), valueWord: undefined };
    if (next) return { word, name: short, value: next.value, valueWord: next };
  }
  return { word, name: value, value: undefined, valueWord: undefined };
}

/** Whether the command installs packages: `apt-get install`, `apk add`, `dnf install`, `zypper in`. */
export function isInstall(command: PackageManagerCommand): boolean {
  const sub = command.subcommand?.value;
  switch (command.manager) {
    case 'apt':
      return sub === 'install';
    case 'apk':
      return sub === 'add';
    case 'dnf':
      return sub === 'install' || sub === 'reinstall' || sub === 'localinstall';
    case 'zypper':
      return sub === 'install' || sub === 'in';
    case 'rpm':
      return false;
  }
}

/**
 * The package name of an install operand without its version, release or architecture:
 * `curl` for `curl=8.5.0-2`, `libc6:amd64`, `openssh~9.6` or `openssh-server-8.7p1`.
 */
export function packageName(manager: PackageManager, operand: string): string {
  switch (manager) {
    case 'apt':
      return operand.split(/[=/]/)[0]!.split(':')[0]!;
    case 'apk':
      return operand.split(/[=~<>]/)[0]!;
    case 'dnf':
    case 'zypper':
    case 'rpm':
      // name-version[-release][.arch]: the version starts at the first `-` followed by a digit.
      return operand.split(/[=<>]/)[0]!.replace(/-\d.*$/, '').replace(/\.(x86_64|aarch64|i686|noarch|ppc64le|s390x)$/, '');
  }
}
