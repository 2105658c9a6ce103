import type { PropertyInstruction } from 'dockerfile-ast';
import type { DockerfileModel } from '../../engine/dockerfile/model';
import { deleteInstructionEdit, deleteShellWordsEdit, deleteSpanEdit, offsetInWord } from '../../engine/dockerfile/removal';
import { effectiveCommand, runScript, type ShellCommand, type ShellScript, type ShellWord } from '../../engine/dockerfile/shell';
import type { DockerfileRuleContext, Report } from '../../engine/rule';
import type { Fix, RuleMeta, TextEdit } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'dockerfile/tls-verification-disabled',
  target: 'dockerfile',
  title: 'TLS certificate verification disabled',
  defaultSeverity: 'error',
  description: `Turning off certificate verification lets anyone on the network path (a proxy, a hijacked DNS
entry, a compromised mirror) serve the build their own packages and scripts over what still looks
like HTTPS. The usual cause is a corporate proxy that re-signs traffic: install its CA
certificate in the image (\`COPY corp-ca.crt /usr/local/share/ca-certificates/\` then
\`update-ca-certificates\`, or \`NODE_EXTRA_CA_CERTS\`, \`PIP_CERT\`, \`GIT_SSL_CAINFO\`) instead.

Reported in \`RUN\` (shell form, exec form, heredocs, \`sh -c '…'\`, behind \`sudo\` or \`env\`):
- \`curl -k\` / \`--insecure\` (also inside combined flags such as \`-fsSLk\`), \`--proxy-insecure\`, \`--doh-insecure\`;
- \`wget --no-check-certificate\`;
- \`git -c http.sslVerify=false\` and \`git config http.sslVerify false\` (also \`http.<url>.sslVerify\`);
- \`pip install --trusted-host <host>\` (also \`python -m pip\`) and \`pip config set global.trusted-host\`;
- \`npm|pnpm|yarn config set strict-ssl false\` (and Yarn's \`enableStrictSsl\`), \`npm --strict-ssl=false\`;
- \`yum|dnf|microdnf|tdnf --setopt=sslverify=0\` and \`yum-config-manager\`/\`dnf config-manager --setopt=<repo>.sslverify=false\`.

And variables set by \`ENV\`, \`ARG\` (with a value), \`export\`, \`env\` or a command prefix:
\`NODE_TLS_REJECT_UNAUTHORIZED=0\`, \`PYTHONHTTPSVERIFY=0\`, \`GIT_SSL_NO_VERIFY\` (git honours any
value, even empty), \`NPM_CONFIG_STRICT_SSL=false\`, \`YARN_ENABLE_STRICT_SSL=false\`,
\`PIP_TRUSTED_HOST\`, \`GOINSECURE\` and \`BUNDLE_SSL_VERIFY_MODE=0\`.

The suggested fix removes the flag (only the \`k\` of \`-fsSLk\`; \`--trusted-host\` together with its
host), sets the configuration back to \`true\`, or removes the variable (the whole \`ENV\`/\`ARG\` when
it is the only one). It is a suggestion: the build fails until the certificate problem is fixed.

**Bad:**
\`\`\`dockerfile
FROM debian:12
ENV NODE_TLS_REJECT_UNAUTHORIZED=0
RUN curl -fsSLk https://deb.nodesource.com/setup_22.x -o /tmp/setup.sh
\`\`\`

**Good:**
\`\`\`dockerfile
FROM debian:12
COPY corp-ca.crt /usr/local/share/ca-certificates/corp-ca.crt
RUN update-ca-certificates && curl -fsSL https://deb.nodesource.com/setup_22.x -o /tmp/setup.sh
\`\`\``,
  references: [
    { title: 'NIST SP 800-190, 4.2.1: Insecure connections to registries', url: 'https://csrc.nist.gov/publications/detail/sp/800-190/final' },
    { title: 'CIS Docker Benchmark 4.11: Ensure only verified packages are installed', url: 'https://www.cisecurity.org/benchmark/docker' },
    { title: 'OWASP Docker Security Cheat Sheet, rule #13: Enhance supply chain security', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html' },
    { title: 'curl: --insecure', url: 'https://curl.se/docs/manpage.html#-k' },
    { title: 'Node.js: NODE_TLS_REJECT_UNAUTHORIZED', url: 'https://nodejs.org/api/cli.html#node_tls_reject_unauthorizedvalue' },
    { title: 'PEP 493: HTTPS verification migration tools (PYTHONHTTPSVERIFY)', url: 'https://peps.python.org/pep-0493/' },
    { title: 'git: http.sslVerify and GIT_SSL_NO_VERIFY', url: 'https://git-scm.com/docs/git-config#Documentation/git-config.txt-httpsslVerify' },
  ],
  fix: 'suggestion',
  equivalents: {
    checkov: ['CKV2_DOCKER_2', 'CKV2_DOCKER_3', 'CKV2_DOCKER_4', 'CKV2_DOCKER_5', 'CKV2_DOCKER_6', 'CKV2_DOCKER_12', 'CKV2_DOCKER_13', 'CKV2_DOCKER_14', 'CKV2_DOCKER_15', 'CKV2_DOCKER_16', 'CKV2_DOCKER_18'],
  },
};

const ADVICE = 'and fix the certificate problem instead.';

/** Environment variables that turn verification off, and the values that do it. */
const INSECURE_VARIABLES: { name: string; anyCase?: boolean; tool: string; disables(value: string): boolean }[] = [
  { name: 'NODE_TLS_REJECT_UNAUTHORIZED', tool: 'Node.js', disables: (value) => value === '0' },
  { name: 'PYTHONHTTPSVERIFY', tool: 'Python', disables: (value) => value === '0' },
  { name: 'GIT_SSL_NO_VERIFY', tool: 'git', disables: () => true },
  { name: 'NPM_CONFIG_STRICT_SSL', anyCase: true, tool: 'npm', disables: (value) => /^false$/i.test(value) },
  { name: 'YARN_ENABLE_STRICT_SSL', tool: 'Yarn', disables: (value) => /^(false|0)$/i.test(value) },
  { name: 'PIP_TRUSTED_HOST', tool: 'pip', disables: (value) => value.trim() !== '' },
  { name: 'GOINSECURE', tool: 'Go', disables: (value) => value.trim() !== '' },
  { name: 'BUNDLE_SSL_VERIFY_MODE', tool: 'Bundler', disables: (value) => value === '0' },
];

const CURL_INSECURE_FLAGS = new Set(['--insecure', '--proxy-insecure', '--doh-insecure']);
/** curl's short options that take a value: in `-fsSLo file`, everything after `o` is its value. */
const CURL_SHORT_WITH_VALUE = new Set('AbcCdDeEFHKmoPQrtTuUwxXyYz');
const GIT_GLOBAL_OPTIONS_WITH_VALUE = new Set(['-C', '--git-dir', '--work-tree', '--namespace', '--exec-path', '--config-env', '--super-prefix']);
const GIT_CONFIG_OPTIONS_WITH_VALUE = new Set(['-f', '--file', '--blob', '--type', '--default', '--comment', '--value']);
const RPM_PACKAGE_MANAGERS = new Set(['yum', 'dnf', 'dnf5', 'microdnf', 'tdnf', 'yum-config-manager']);

export function check(context: DockerfileRuleContext): void {
  const { model } = context;
  for (const instruction of model.instructions) {
    const keyword = instruction.getKeyword();
    if (keyword === 'ENV' || keyword === 'ARG') {
      for (const report of variableInstructionFindings(model, instruction as PropertyInstruction)) context.report(report);
    } else if (keyword === 'RUN') {
      const script = runScript(model, instruction);
      for (const command of script.commands) {
        for (const report of new CommandCheck(model, script, command).findings()) context.report(report);
      }
    }
  }
}

function variableInstructionFindings(model: DockerfileModel, instruction: PropertyInstruction): Report[] {
  const properties = instruction.getProperties();
  const reports: Report[] = [];
  for (const property of properties) {
    const value = property.getValue();
    // `ARG NAME` without a value sets nothing.
    if (value === null) continue;
    const variable = insecureVariable(property.getName(), value);
    if (!variable) continue;
    const range = property.getRange();
    const edit =
      properties.length === 1
        ? deleteInstructionEdit(model, instruction)
        : deleteSpanEdit(model, { start: model.lines.offsetAt(range.start), end: model.lines.offsetAt(range.end) }, model.escapeChar);
    reports.push(variableReport(property.getName(), value, variable.tool, range, [edit]));
  }
  return reports;
}

function insecureVariable(name: string, value: string): { tool: string } | undefined {
  return INSECURE_VARIABLES.find((variable) => (variable.anyCase ? variable.name === name.toUpperCase() : variable.name === name) && variable.disables(value));
}

function variableReport(name: string, value: string, tool: string, range: Report['range'], edits: TextEdit[] | undefined): Report {
  return {
    message: `${name}=${value} disables TLS certificate verification in ${tool}. Remove it ${ADVICE}`,
    range,
    fixes: edits ? [{ title: `Remove ${name}`, kind: 'suggestion', edits }] : [],
  };
}

/** The checks for one shell command, with what is needed to build its fixes. */
class CommandCheck {
  private readonly reports: Report[] = [];
  private readonly runs: ReturnType<typeof effectiveCommand>;
  /** Index in `command.words` of the program that really runs. */
  private readonly programIndex: number;

  constructor(
    private readonly model: DockerfileModel,
    private readonly script: ShellScript,
    private readonly command: ShellCommand,
  ) {
    this.runs = effectiveCommand(command);
    this.programIndex = Math.max(0, command.words.indexOf(this.runs.words[0]!));
  }

  findings(): Report[] {
    this.checkAssignments();
    // Windows images call `curl.exe` and `git.exe`.
    const program = this.runs.program?.replace(/\.exe$/i, '');
    if (program === undefined) return this.reports;
    if (program === 'curl') this.checkCurl();
    else if (program === 'wget') this.checkWget();
    else if (program === 'git') this.checkGit();
    else if (/^pip[0-9.]*$/.test(program)) this.checkPip(0);
    else if (/^python[0-9.]*$/.test(program) && this.arg(0)?.value === '-m' && /^pip[0-9.]*$/.test(this.arg(1)?.value ?? '')) this.checkPip(2);
    else if (program === 'npm' || program === 'pnpm' || program === 'yarn') this.checkNodePackageManager(program);
    else if (RPM_PACKAGE_MANAGERS.has(program)) this.checkSetopt(program);
    return this.reports;
  }

  /** `X=1 cmd`, `env X=1 cmd` and `export X=1`. */
  private checkAssignments(): void {
    const { command } = this;
    command.assignments.forEach((word, index) => this.checkAssignment(word, command.assignments, index));
    for (let index = 1; index < this.programIndex; index++) this.checkAssignment(command.words[index]!, command.words, index);
    if (command.program === 'export') {
      const exported = command.args.filter((arg) => arg.value?.includes('='));
      for (const arg of exported) this.checkAssignment(arg, command.words, command.words.indexOf(arg), exported.length > 1);
    }
  }

  private checkAssignment(word: ShellWord, words: readonly ShellWord[], index: number, removable = true): void {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(word.value ?? '');
    if (!match) return;
    const [, name, value] = match as unknown as [string, string, string];
    const variable = insecureVariable(name, value);
    if (!variable) return;
    const edits = removable ? [deleteShellWordsEdit(this.model, this.script, words, index, index)] : undefined;
    this.reports.push(variableReport(name, value, variable.tool, word.range, edits));
  }

  private checkCurl(): void {
    const args = this.runs.args;
    for (let index = 0; index < args.length; index++) {
      const word = args[index]!;
      const value = word.value;
      if (value === undefined) continue;
      if (CURL_INSECURE_FLAGS.has(value)) {
        this.flag(`curl ${value}`, value, word, this.removeArgs(index, index));
        continue;
      }
      if (!/^-[^-]/.test(value)) continue;
      for (let letter = 1; letter < value.length; letter++) {
        const option = value[letter]!;
        if (option === 'k') {
          this.reportCurlK(word, index, letter);
          break;
        }
        if (CURL_SHORT_WITH_VALUE.has(option)) {
          // The value is the rest of this word, or the next word.
          if (letter === value.length - 1) index++;
          break;
        }
      }
    }
  }

  private reportCurlK(word: ShellWord, index: number, letter: number): void {
    if (word.value === '-k') {
      this.flag('curl -k', '-k', word, this.removeArgs(index, index));
      return;
    }
    // `-fsSLk`: point at the `k` and remove only it, when the word maps onto the text one to one.
    const at = offsetInWord(this.model, word, letter);
    const range = at === undefined ? word.range : this.model.lines.rangeOf(at, at + 1);
    this.flag('curl -k', '-k', { ...word, range }, at === undefined ? undefined : [{ range, newText: '' }]);
  }

  private checkWget(): void {
    this.runs.args.forEach((word, index) => {
      if (word.value === '--no-check-certificate') this.flag('wget --no-check-certificate', '--no-check-certificate', word, this.removeArgs(index, index));
    });
  }

  private checkGit(): void {
    const args = this.runs.args;
    let index = 0;
    for (; index < args.length; index++) {
      const value = args[index]!.value;
      if (value === undefined) return;
      if (value === '-c') {
        const setting = args[index + 1];
        const [key, assigned] = splitSetting(setting?.value);
        if (setting && isSslVerifyKey(key) && assigned !== undefined && isGitFalse(assigned)) {
          this.reports.push({
            message: `git -c ${setting.value} disables TLS certificate verification. Remove it ${ADVICE}`,
            range: setting.range,
            fixes: [{ title: `Remove -c ${setting.value}`, kind: 'suggestion', edits: this.removeArgs(index, index + 1) }],
          });
        }
        index++;
        continue;
      }
      if (GIT_GLOBAL_OPTIONS_WITH_VALUE.has(value)) index++;
      else if (!value.startsWith('-')) break;
    }
    if (args[index]?.value !== 'config') return;
    const operands = operandsOf(args.slice(index + 1), GIT_CONFIG_OPTIONS_WITH_VALUE);
    if (operands[0]?.value === 'set') operands.shift();
    const [name, value] = operands;
    if (!name || !value || !isSslVerifyKey(name.value) || !isGitFalse(value.value ?? 'true')) return;
    this.reports.push({
      message: `git config ${name.value} ${value.value} disables TLS certificate verification for later git commands. Set it to true ${ADVICE}`,
      range: value.range,
      fixes: [{ title: `Set ${name.value} to true`, kind: 'suggestion', edits: [{ range: value.range, newText: 'true' }] }],
    });
  }

  /** `pip install --trusted-host host`, from the argument at `from` (after `python -m pip`). */
  private checkPip(from: number): void {
    const args = this.runs.args;
    for (let index = from; index < args.length; index++) {
      const word = args[index]!;
      const value = word.value ?? '';
      if (value === '--trusted-host' && args[index + 1]) {
        const host = args[index + 1]!.value ?? args[index + 1]!.raw;
        this.reportTrustedHost(word, host, `--trusted-host ${host}`, this.removeArgs(index, index + 1));
        index++;
      } else if (value.startsWith('--trusted-host=')) {
        this.reportTrustedHost(word, value.slice('--trusted-host='.length), value, this.removeArgs(index, index));
      }
    }
    const operands = operandsOf(args.slice(from), new Set());
    const [subcommand, action, key] = operands;
    if (subcommand?.value === 'config' && action?.value === 'set' && key && /^[a-z]+\.trusted-host$/.test(key.value ?? '')) {
      this.reports.push({ message: `pip config set ${key.value} disables TLS certificate verification for those hosts. Remove it ${ADVICE}`, range: key.range, fixes: [] });
    }
  }

  private reportTrustedHost(word: ShellWord, host: string, written: string, edits: TextEdit[]): void {
    this.reports.push({
      message: `pip --trusted-host ${host} disables TLS certificate verification for ${host}. Remove it ${ADVICE}`,
      range: word.range,
      fixes: [{ title: `Remove ${written}`, kind: 'suggestion', edits }],
    });
  }

  private checkNodePackageManager(program: string): void {
    const args = this.runs.args;
    args.forEach((word, index) => {
      if (program !== 'yarn' && (word.value === '--no-strict-ssl' || /^--strict-ssl=false$/i.test(word.value ?? ''))) {
        this.flag(`${program} ${word.value}`, word.value!, word, this.removeArgs(index, index));
      }
    });
    const operands = operandsOf(args, new Set());
    const start = operands[0]?.value === 'config' || operands[0]?.value === 'c' ? 1 : 0;
    if (operands[start]?.value !== 'set' || (start === 0 && program !== 'npm')) return;
    const keyWord = operands[start + 1];
    if (!keyWord?.value) return;
    const inline = keyWord.value.includes('=');
    const [key, inlineValue] = inline ? splitSetting(keyWord.value) : [keyWord.value, undefined];
    const valueWord = inline ? keyWord : operands[start + 2];
    const value = inline ? inlineValue : valueWord?.value;
    if (!valueWord || value === undefined || !/^(strict-ssl|enablestrictssl)$/i.test(key ?? '') || !/^false$/i.test(value)) return;
    const written = operands.slice(0, start + (inline ? 2 : 3)).map((word) => word.value).join(' ');
    this.reports.push({
      message: `${program} ${written} disables TLS certificate verification. Set it to true ${ADVICE}`,
      range: valueWord.range,
      fixes: [{ title: `Set ${key} to true`, kind: 'suggestion', edits: [{ range: valueWord.range, newText: inline ? `${key}=true` : 'true' }] }],
    });
  }

  /** `--setopt=sslverify=0` or `--setopt <repo>.sslverify=false` for the RPM package managers. */
  private checkSetopt(program: string): void {
    const args = this.runs.args;
    for (let index = 0; index < args.length; index++) {
      const value = args[index]!.value ?? '';
      const separate = value === '--setopt';
      const settingWord = separate ? args[index + 1] : args[index];
      const setting = separate ? settingWord?.value : value.startsWith('--setopt=') ? value.slice('--setopt='.length) : undefined;
      const [key, assigned] = splitSetting(setting);
      if (settingWord && key !== undefined && /(^|\.)sslverify$/i.test(key) && assigned !== undefined && /^(0|false|no|off)$/i.test(assigned)) {
        const written = separate ? `--setopt ${setting}` : value;
        this.flag(`${program} ${written}`, written, settingWord, this.removeArgs(index, separate ? index + 1 : index), 'for package downloads');
      }
      if (separate) index++;
    }
  }

  /** Reports a flag that disables verification, with a fix that removes it. */
  private flag(what: string, written: string, word: ShellWord, edits: TextEdit[] | undefined, scope?: string): void {
    const fixes: Fix[] = edits ? [{ title: `Remove ${written}`, kind: 'suggestion', edits }] : [];
    this.reports.push({ message: `${what} disables TLS certificate verification${scope ? ` ${scope}` : ''}. Remove ${written} ${ADVICE}`, range: word.range, fixes });
  }

  private arg(index: number): ShellWord | undefined {
    return this.runs.args[index];
  }

  /** The edit removing arguments `[first, last]` of the program that runs. */
  private removeArgs(first: number, last: number): TextEdit[] {
    const offset = this.programIndex + 1;
    return [deleteShellWordsEdit(this.model, this.script, this.command.words, offset + first, offset + last)];
  }
}

/** Words that are not options, skipping the values of options that take one. */
function operandsOf(args: readonly ShellWord[], optionsWithValue: ReadonlySet<string>): ShellWord[] {
  const operands: ShellWord[] = [];
  for (let index = 0; index < args.length; index++) {
    const value = args[index]!.value ?? '';
    if (!value.startsWith('-')) operands.push(args[index]!);
    else if (optionsWithValue.has(value)) index++;
  }
  return operands;
}

/** `key=value` → [key, value]; `key` → [key, undefined]. */
function splitSetting(setting: string | undefined): [string | undefined, string | undefined] {
  if (setting === undefined) return [undefined, undefined];
  const equals = setting.indexOf('=');
  return equals < 0 ? [setting, undefined] : [setting.slice(0, equals), setting.slice(equals + 1)];
}

function isSslVerifyKey(key: string | undefined): boolean {
  return key !== undefined && /^http\.(.+\.)?sslverify$/i.test(key);
}

/** git's boolean false: `false`, `no`, `off`, `0`, or empty. */
function isGitFalse(value: string): boolean {
  return /^(false|no|off|0|)$/i.test(value);
}
