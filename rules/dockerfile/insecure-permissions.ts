import type { Flag, Instruction, JSONInstruction } from 'dockerfile-ast';
import { normalizeRange, type DockerfileModel } from '../../engine/dockerfile/model';
import { offsetInWord } from '../../engine/dockerfile/removal';
import { effectiveCommand, runScript, type ShellWord } from '../../engine/dockerfile/shell';
import type { DockerfileRuleContext } from '../../engine/rule';
import type { Fix, Range, RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'dockerfile/insecure-permissions',
  target: 'dockerfile',
  title: 'World-writable or setuid/setgid permissions',
  defaultSeverity: 'warning',
  description: `A world-writable file or directory in an image can be changed by every user in the container, so a
compromised low-privilege process can rewrite the programs and configuration that others run. A
setuid or setgid file runs with its owner's or group's privileges whoever starts it, which turns a
bug in it into privilege escalation. Neither is needed by ordinary applications: give files to
the user that needs them (\`COPY --chown\`) and keep modes such as \`755\` and \`644\`.

Ballast reports modes that add the write bit for others, the setuid bit or the setgid bit in
\`chmod\` (\`777\`, \`666\`, \`o+w\`, \`a+w\`, \`u+s\`, \`g+s\`, \`4755\`, \`2755\`, with or without \`-R\`),
\`mkdir -m\`, \`install -m\`, and \`COPY\`/\`ADD --chmod\`. It checks every stage, since \`COPY --from\`
keeps the modes a builder stage set. Not reported:
- \`chmod +w\` with no \`u\`, \`g\`, \`o\` or \`a\`: it honours the umask (\`022\` in Docker builds), so
  only the owner gets write permission. In \`--chmod\`, which has no umask, \`+w\` is reported.
- World-writable modes with the sticky bit (\`1777\`, \`+t\`): that is how shared directories such as
  \`/tmp\` are meant to be, and only a file's owner can delete or rename it there.

For numeric modes the suggestion keeps every other bit and drops the offending ones (\`777\` becomes
\`775\`, \`4755\` becomes \`755\`); it is a suggestion because something may rely on the old mode.

Bad:
\`\`\`dockerfile
FROM alpine:3.20
COPY app /app
RUN chmod -R 777 /app
\`\`\`

Good:
\`\`\`dockerfile
FROM alpine:3.20
COPY --chown=10001:10001 app /app
\`\`\``,
  references: [
    { title: 'CIS Docker Benchmark 4.8: Ensure setuid and setgid permissions are removed', url: 'https://www.cisecurity.org/benchmark/docker' },
    { title: 'NIST SP 800-190, 4.1.2: Image configuration defects', url: 'https://csrc.nist.gov/publications/detail/sp/800-190/final' },
    { title: 'OWASP Docker Security Cheat Sheet, rule 4: Prevent in-container privilege escalation', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html' },
  ],
  fix: 'suggestion',
  equivalents: {},
};

interface ModeProblems {
  worldWritable: boolean;
  setuid: boolean;
  setgid: boolean;
}

const WORLD_WRITE = 0o002;
const SETUID = 0o4000;
const SETGID = 0o2000;
const STICKY = 0o1000;

/** chmod's own options; anything else in front of the files is the mode (`-w` is a mode). */
const CHMOD_OPTION = /^(-[Rvcf]+|--(recursive|verbose|changes|silent|quiet|preserve-root|no-preserve-root))$/;

export function check(context: DockerfileRuleContext): void {
  const { model } = context;
  for (const instruction of model.instructions) {
    const keyword = instruction.getKeyword();
    if (keyword === 'RUN') checkRun(context, model, instruction);
    else if (keyword === 'COPY' || keyword === 'ADD') checkChmodFlag(context, instruction, keyword);
  }
}

function checkRun(context: DockerfileRuleContext, model: DockerfileModel, run: Instruction): void {
  for (const command of runScript(model, run).commands) {
    const { program, args } = effectiveCommand(command);
    const chmod = chmodArguments(program, args);
    if (chmod) {
      if (chmod.some((w) => w.value?.startsWith('--reference'))) continue;
      const mode = chmod.find((w) => w.value === undefined || !CHMOD_OPTION.test(w.value));
      if (mode?.value !== undefined) reportShellMode(context, model, mode, { subject: `chmod ${mode.value}`, target: 'files', mode: mode.value, umask: true });
    } else if (program === 'mkdir' || program === 'install') {
      const option = modeOption(args);
      if (option) {
        // mkdir -m and install -m set the mode as given, without the umask.
        const target = program === 'mkdir' ? 'directories' : 'files';
        reportShellMode(context, model, option.word, { subject: `${program} ${option.written}`, target, mode: option.mode, umask: false });
      }
    }
  }
}

/** The arguments of a chmod call: `chmod …` itself, or `find … -exec chmod … {} +`. */
function chmodArguments(program: string | undefined, args: ShellWord[]): ShellWord[] | undefined {
  if (program === 'chmod') return args;
  if (program !== 'find') return undefined;
  const exec = args.findIndex((w, i) => ['-exec', '-execdir'].includes(w.value ?? '') && args[i + 1]?.value?.split('/').at(-1) === 'chmod');
  if (exec < 0) return undefined;
  const end = args.findIndex((w, i) => i > exec && (w.value === ';' || w.value === '+'));
  return args.slice(exec + 2, end < 0 ? undefined : end);
}

/** `-m 777`, `-m777`, `--mode=777` or `--mode 777`: the word holding the mode, the mode, and the option as written. */
function modeOption(args: ShellWord[]): { word: ShellWord; mode: string; written: string } | undefined {
  for (let i = 0; i < args.length; i++) {
    const value = args[i]!.value;
    if (value === undefined) continue;
    const next = args[i + 1];
    if ((value === '-m' || value === '--mode') && next?.value !== undefined) return { word: next, mode: next.value, written: `${value} ${next.value}` };
    if (/^-m./.test(value)) return { word: args[i]!, mode: value.slice(2), written: value };
    if (value.startsWith('--mode=')) return { word: args[i]!, mode: value.slice('--mode='.length), written: value };
  }
  return undefined;
}

function checkChmodFlag(context: DockerfileRuleContext, instruction: Instruction, keyword: string): void {
  const flags: Flag[] = (instruction as JSONInstruction).getFlags?.() ?? [];
  for (const flag of flags) {
    const mode = flag.getValue();
    const valueRange = flag.getValueRange();
    if (flag.getName().toLowerCase() !== 'chmod' || !mode || !valueRange || mode.includes('$')) continue;
    // BuildKit applies --chmod as written: no umask limits a symbolic mode.
    reportMode(context, { subject: `${keyword} --chmod=${mode}`, target: 'files', mode, umask: false, range: normalizeRange(valueRange), replaceable: true });
  }
}

/** A mode found in the Dockerfile and how to talk about it. */
interface ModeUse {
  /** How the finding names it: `chmod 777`, `COPY --chmod=777`. */
  subject: string;
  target: 'files' | 'directories';
  mode: string;
  umask: boolean;
  range: Range;
  /** Whether `range` covers exactly the mode, so that a fix may replace it. */
  replaceable: boolean;
}

function reportShellMode(context: DockerfileRuleContext, model: DockerfileModel, word: ShellWord, use: Omit<ModeUse, 'range' | 'replaceable'>): void {
  const exact = rangeWithinWord(model, word, use.mode);
  reportMode(context, { ...use, range: exact ?? word.range, replaceable: exact !== undefined });
}

function reportMode(context: DockerfileRuleContext, use: ModeUse): void {
  const problems = modeProblems(use.mode, { umask: use.umask });
  if (!problems) return;
  const safe = use.replaceable ? safeOctalMode(use.mode, problems) : undefined;
  const what = [problems.worldWritable && 'world-writable', problems.setuid && 'setuid', problems.setgid && 'setgid'].filter(isText);
  const effects = [problems.worldWritable && 'any process in the container can change them', (problems.setuid || problems.setgid) && 'they run with raised privileges'].filter(isText);
  const special = problems.setuid && problems.setgid ? 'the setuid and setgid bits' : problems.setuid ? 'the setuid bit' : problems.setgid && 'the setgid bit';
  const bits = [problems.worldWritable && 'the write bit for others', special].filter(isText);
  const remedy = safe !== undefined ? `Use ${safe} instead.` : `Remove ${bits.join(' and ')}.`;
  const fixes: Fix[] = safe !== undefined ? [{ title: `Use mode ${safe}`, kind: 'suggestion', edits: [{ range: use.range, newText: safe }] }] : [];
  context.report({ message: `${use.subject} makes the ${use.target} ${joinWords(what)}, so ${effects.join(' and ')}. ${remedy}`, range: use.range, fixes });
}

function isText(value: string | false): value is string {
  return value !== false;
}

/**
 * The permission problems a chmod mode creates, or undefined when it creates none or cannot be
 * read. `umask` says whether a symbolic mode without `u`, `g`, `o` or `a` is limited by the umask.
 */
export function modeProblems(mode: string, options: { umask: boolean }): ModeProblems | undefined {
  const problems = /^[0-7]{1,4}$/.test(mode) ? octalProblems(parseInt(mode, 8)) : symbolicProblems(mode, options);
  if (!problems || (!problems.worldWritable && !problems.setuid && !problems.setgid)) return undefined;
  return problems;
}

function octalProblems(bits: number): ModeProblems {
  return { worldWritable: (bits & WORLD_WRITE) !== 0 && (bits & STICKY) === 0, setuid: (bits & SETUID) !== 0, setgid: (bits & SETGID) !== 0 };
}

function symbolicProblems(mode: string, options: { umask: boolean }): ModeProblems | undefined {
  const problems: ModeProblems = { worldWritable: false, setuid: false, setgid: false };
  let sticky = false;
  for (const clause of mode.split(',')) {
    const parsed = /^([ugoa]*)((?:[-+=][rwxXst]*)+)$/.exec(clause);
    if (!parsed) return undefined;
    const who = parsed[1]!;
    const all = who.includes('a') || who === '';
    for (const [, op, perms] of parsed[2]!.matchAll(/([-+=])([rwxXst]*)/g)) {
      if (op === '-') continue;
      if (perms!.includes('t')) sticky = true;
      const reachesOthers = who.includes('o') || who.includes('a') || (who === '' && !options.umask);
      if (perms!.includes('w') && reachesOthers) problems.worldWritable = true;
      if (perms!.includes('s') && (all || who.includes('u'))) problems.setuid = true;
      if (perms!.includes('s') && (all || who.includes('g'))) problems.setgid = true;
    }
  }
  if (sticky) problems.worldWritable = false;
  return problems;
}

/** For a numeric mode, the same mode without the bits that cause its problems. */
export function safeOctalMode(mode: string, problems: ModeProblems): string | undefined {
  if (!/^[0-7]{1,4}$/.test(mode)) return undefined;
  const offending = (problems.worldWritable ? WORLD_WRITE : 0) | (problems.setuid ? SETUID : 0) | (problems.setgid ? SETGID : 0);
  const bits = parseInt(mode, 8) & ~offending;
  const digits = bits.toString(8);
  const width = mode.length === 4 && (mode.startsWith('0') || bits > 0o777) ? 4 : Math.min(mode.length, 3);
  return digits.padStart(width, '0');
}

/** The range of `mode` inside the word that holds it (`777` in `-m777` or `"777"`), when it can be located. */
function rangeWithinWord(model: DockerfileModel, word: ShellWord, mode: string): Range | undefined {
  const offset = offsetInWord(model, word, (word.value ?? '').lastIndexOf(mode));
  return offset === undefined ? undefined : model.lines.rangeOf(offset, offset + mode.length);
}

function joinWords(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
