import { effectiveCommand, runScript, type ShellCommand, type ShellWord } from '../../engine/dockerfile/shell';
import type { DockerfileRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'dockerfile/no-sudo',
  target: 'dockerfile',
  title: 'sudo, doas or su -c in RUN',
  defaultSeverity: 'warning',
  description: `Build steps already run as the current \`USER\`, so \`sudo\` in \`RUN\` either does nothing (the
step runs as root) or only works because the image lets an unprivileged user become root without
a password, which an attacker in the running container can use just as well. \`sudo\` also
behaves unpredictably without a TTY and keeps its own environment and signal handling. Switch
users with the \`USER\` instruction around the steps that need root, and do not ship \`sudo\`,
\`doas\` or a usable \`su\` in the final image.

The rule looks at every command of every \`RUN\` (shell form, exec form, heredocs and
\`sh -c '…'\` strings), including commands run through \`env\`, \`xargs\` or \`nohup\`; \`su\` is reported
when it is given a command to run (\`-c\`, \`--command\`).

**Bad:**
\`\`\`dockerfile
FROM debian:12
USER app
RUN sudo apt-get update && sudo apt-get install -y curl
\`\`\`

**Good:**
\`\`\`dockerfile
FROM debian:12
RUN apt-get update && apt-get install -y curl
USER 10001
\`\`\``,
  references: [
    { title: 'CIS Docker Benchmark 4.1: Ensure that a user for the container has been created', url: 'https://www.cisecurity.org/benchmark/docker' },
    { title: 'NIST SP 800-190, 4.1.2: Image configuration defects', url: 'https://csrc.nist.gov/publications/detail/sp/800-190/final' },
    { title: 'OWASP Docker Security Cheat Sheet, rule #4: Prevent in-container privilege escalation', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html' },
    { title: 'Docker build best practices: USER', url: 'https://docs.docker.com/build/building/best-practices/#user' },
  ],
  fix: 'none',
  equivalents: { hadolint: ['DL3004'], trivy: ['DS-0010'], checkov: ['CKV2_DOCKER_1'] },
};

export function check(context: DockerfileRuleContext): void {
  const { model } = context;
  for (const instruction of model.instructions) {
    if (instruction.getKeyword() !== 'RUN') continue;
    for (const command of runScript(model, instruction).commands) {
      const found = privilegeSwitch(command);
      if (!found) continue;
      const how = found.program === 'su' ? 'su -c' : found.program;
      context.report({
        message: `Do not use ${how} in RUN. Switch users with the USER instruction around the steps that need root.`,
        range: found.word.range,
      });
    }
  }
}

const ESCALATORS = new Set(['sudo', 'doas']);

/**
 * The word that switches user in a command: `sudo`/`doas` as the program or behind wrappers
 * (`env X=1 sudo …`, `xargs sudo …`), or `su` when it is given a command to run.
 */
function privilegeSwitch(command: ShellCommand): { program: string; word: ShellWord } | undefined {
  const runs = effectiveCommand(command).words[0];
  const end = runs ? command.words.indexOf(runs) : 0;
  // Wrappers are skipped up to the command that really runs; sudo is one of them, so look at
  // every word in command position up to and including that command.
  for (let index = 0; index <= end; index++) {
    const word = command.words[index];
    const program = baseName(word?.value);
    if (!word || program === undefined) continue;
    if (ESCALATORS.has(program)) return { program, word };
  }
  const program = baseName(runs?.value);
  if (runs && program === 'su' && givesCommand(command.words.slice(end + 1))) return { program, word: runs };
  return undefined;
}

function givesCommand(args: readonly ShellWord[]): boolean {
  return args.some((arg) => {
    const value = arg.value ?? '';
    return value === '--command' || value.startsWith('--command=') || value === '--session-command' || /^-[flmpP]*c/.test(value);
  });
}

function baseName(value: string | undefined): string | undefined {
  return value === undefined ? undefined : value.slice(value.lastIndexOf('/') + 1);
}
