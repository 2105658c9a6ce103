import { SHELL_PROGRAMS, effectiveCommand, runScript, type ShellCommand, type ShellWord } from '../../engine/dockerfile/shell';
import type { DockerfileRuleContext } from '../../engine/rule';
import { comparePositions } from '../../engine/text';
import type { Range, RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'dockerfile/pipe-to-shell',
  target: 'dockerfile',
  title: 'Remote script piped into a shell',
  defaultSeverity: 'error',
  description: `\`curl https://… | sh\` runs whatever the server sends, as it arrives, with the build's privileges:
nothing checks that it is the script you reviewed, a compromised server or CDN can serve
something else (even only to non-browser clients), and a connection cut halfway runs half a
script. Download the script to a file, verify its checksum (or signature), then run it, or better,
install the tool from a package manager or a release artefact with \`ADD --checksum\`.

Reported forms, in shell form, exec form, heredocs and \`sh -c '…'\` strings alike:
- a pipeline from \`curl\` or \`wget\` into a shell or script interpreter reading standard input,
  directly or through other commands: \`curl … | sh\`, \`wget -qO- … | sudo bash -s --\`,
  \`curl … | tee install.sh | sh\`, \`curl … | python3 -\`;
- process substitution: \`bash <(curl …)\`, \`. <(curl …)\`, \`source <(wget -qO- …)\`;
- command substitution as code: \`sh -c "$(curl …)"\`, \`eval "$(curl …)"\`, \`python3 -c "$(curl …)"\`.

The finding is on the downloading command (\`curl\`/\`wget\`), once per pipeline.

**Bad:**
\`\`\`dockerfile
FROM debian:12
RUN curl -fsSL https://example.com/install.sh | sh
\`\`\`

**Good:**
\`\`\`dockerfile
FROM debian:12
RUN curl -fsSLo /tmp/install.sh https://example.com/install.sh \\
 && echo "5f2b4c0e3c1d8a9e7b6a5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a  /tmp/install.sh" | sha256sum -c - \\
 && sh /tmp/install.sh
\`\`\``,
  references: [
    { title: 'NIST SP 800-190, 4.1.3: Embedded malware', url: 'https://csrc.nist.gov/publications/detail/sp/800-190/final' },
    { title: 'CIS Docker Benchmark 4.11: Ensure only verified packages are installed', url: 'https://www.cisecurity.org/benchmark/docker' },
    { title: 'OWASP Docker Security Cheat Sheet, rule #13: Enhance supply chain security', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html' },
  ],
  fix: 'none',
  equivalents: {},
};

const DOWNLOADERS = new Set(['curl', 'wget']);

/** Interpreters that run a script from standard input, and their options that take code inline. */
const INTERPRETERS: Record<string, { inlineCode: RegExp }> = {
  python: { inlineCode: /^-c$/ },
  perl: { inlineCode: /^-[eE]$/ },
  ruby: { inlineCode: /^-e$/ },
  node: { inlineCode: /^(-e|-p|--eval|--print)$/ },
  php: { inlineCode: /^-r$/ },
};

/** Shell options whose value is the next word. */
const SHELL_OPTIONS_WITH_VALUE = new Set(['-o', '+o', '-O', '+O', '--rcfile', '--init-file']);

/** The program a command runs, with its arguments, looking through wrappers and `busybox`. */
interface Invocation {
  program: string | undefined;
  words: ShellWord[];
  args: ShellWord[];
}

export function check(context: DockerfileRuleContext): void {
  const { model } = context;
  for (const instruction of model.instructions) {
    if (instruction.getKeyword() !== 'RUN') continue;
    const reportedRunners = new Set<ShellCommand>();
    for (const command of runScript(model, instruction).commands) {
      const downloader = invocation(command);
      if (!downloader.program || !DOWNLOADERS.has(downloader.program)) continue;
      const runner = scriptRunner(command);
      if (!runner || reportedRunners.has(runner.command)) continue;
      reportedRunners.add(runner.command);
      context.report({
        message: `${downloader.program} downloads a script that ${runner.label} runs without any verification. Download it to a file, check its checksum, then run it.`,
        range: downloader.words[0]!.range,
      });
    }
  }
}

/** The command that runs what `download` prints as code, if any, and how to name it. */
function scriptRunner(download: ShellCommand): { command: ShellCommand; label: string } | undefined {
  const piped = stdinRunner(download);
  if (piped) return piped;
  const substitution = download.substitutedInto;
  const owner = substitution?.command;
  if (!substitution || !owner) return undefined;
  const ownerRuns = invocation(owner);
  const label = ownerRuns.program === '.' ? 'source' : (ownerRuns.program ?? 'the shell');
  if (substitution.kind === 'process') {
    return ownerRuns.program && (runsScripts(ownerRuns.program) || ownerRuns.program === '.' || ownerRuns.program === 'source') ? { command: owner, label } : undefined;
  }
  // `$(curl …)` as the command itself runs the download's words as a command line.
  if (contains(owner.words[0]!.range, download.range)) return { command: owner, label: owner.runBy?.program ?? 'the shell' };
  if (ownerRuns.program === 'eval') return { command: owner, label };
  const codeWord = inlineCodeWord(ownerRuns);
  if (codeWord && contains(codeWord.range, download.range)) return { command: owner, label };
  // `echo "$(curl …)" | sh`
  return stdinRunner(owner);
}

/** The first command down the pipeline from `command` that runs its standard input as a script. */
function stdinRunner(command: ShellCommand): { command: ShellCommand; label: string } | undefined {
  for (let next = command.pipesTo; next; next = next.pipesTo) {
    const runs = invocation(next);
    if (runs.program && readsScriptFromStdin(runs)) return { command: next, label: runs.program };
  }
  return undefined;
}

function readsScriptFromStdin({ program, args }: Invocation): boolean {
  if (!program || !runsScripts(program)) return false;
  const shell = SHELL_PROGRAMS.has(program);
  for (let index = 0; index < args.length; index++) {
    const value = args[index]!.value;
    if (value === undefined) return false;
    if (value === '-' || value === '/dev/stdin') return true;
    if (value === '--') {
      const operand = args[index + 1]?.value;
      return operand === undefined || operand === '-' || operand === '/dev/stdin';
    }
    if (!value.startsWith('-') && !(shell && value.startsWith('+'))) return false;
    if (shell && /^-[a-zA-Z]*s[a-zA-Z]*$/.test(value)) return true;
    if (isInlineCodeOption(program, value)) return false;
    if (shell && SHELL_OPTIONS_WITH_VALUE.has(value)) index++;
  }
  return true;
}

/** The word holding inline code: the script of `sh -c '…'`, `python -c '…'`, `perl -e '…'`. */
function inlineCodeWord({ program, args }: Invocation): ShellWord | undefined {
  if (!program || !runsScripts(program)) return undefined;
  for (let index = 0; index < args.length; index++) {
    const value = args[index]!.value;
    if (value === undefined || !value.startsWith('-')) return undefined;
    if (isInlineCodeOption(program, value)) return args[index + 1];
  }
  return undefined;
}

function isInlineCodeOption(program: string, option: string): boolean {
  if (SHELL_PROGRAMS.has(program)) return /^-[a-zA-Z]*c[a-zA-Z]*$/.test(option);
  return interpreter(program)?.inlineCode.test(option) ?? false;
}

function runsScripts(program: string): boolean {
  return SHELL_PROGRAMS.has(program) || interpreter(program) !== undefined;
}

/** `python3.12` and `nodejs` are python and node. */
function interpreter(program: string): { inlineCode: RegExp } | undefined {
  const family = program.replace(/[0-9.]+$/, '').replace(/^nodejs$/, 'node');
  return INTERPRETERS[family];
}

function invocation(command: ShellCommand): Invocation {
  const runs = effectiveCommand(command);
  if (runs.program === 'busybox' && runs.words.length > 1) {
    const words = runs.words.slice(1);
    const name = words[0]!.value;
    return { program: name?.slice(name.lastIndexOf('/') + 1), words, args: words.slice(1) };
  }
  return runs;
}

function contains(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}
