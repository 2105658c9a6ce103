import type { Instruction } from 'dockerfile-ast';
import { stageOf, stageLineage, type DockerfileModel } from '../../engine/dockerfile/model';
import { isInstall, packageManagerCommand, type PackageManagerCommand } from '../../engine/dockerfile/packageManagers';
import { runScript, type ShellCommand, type ShellScript, type ShellWord } from '../../engine/dockerfile/shell';
import type { DockerfileRuleContext } from '../../engine/rule';
import type { RuleMeta, TextEdit } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'dockerfile/apt-no-install-recommends',
  target: 'dockerfile',
  title: 'apt install without --no-install-recommends',
  defaultSeverity: 'info',
  description: `By default \`apt-get install\` also installs every package that the requested ones merely recommend:
documentation, optional helpers, sometimes whole toolchains or daemons. They make the image larger
and slower to pull, and every one of them is code that can have vulnerabilities to scan, patch and
explain. \`--no-install-recommends\` installs what the packages need and nothing more; add anything
else you use by name.

Ballast reports \`apt-get install\` and \`apt install\` without \`--no-install-recommends\` or
\`-o APT::Install-Recommends=false\`. A \`RUN\` of the same stage (or of a stage it builds on) that
writes \`APT::Install-Recommends "false"\` into apt's configuration counts too. The fix adds the
option after \`install\`; it is a suggestion because a program may rely on a package that was only
recommended, so test the image after applying it.

Bad:
\`\`\`dockerfile
FROM debian:12-slim
RUN apt-get update && apt-get install -y curl=7.88.1-10+deb12u8
\`\`\`

Good:
\`\`\`dockerfile
FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8
\`\`\``,
  references: [
    { title: 'CIS Docker Benchmark 4.3: Ensure that unnecessary packages are not installed in the container', url: 'https://www.cisecurity.org/benchmark/docker' },
    { title: 'NIST SP 800-190, 4.1.1: Image vulnerabilities', url: 'https://csrc.nist.gov/publications/detail/sp/800-190/final' },
    { title: 'Docker build best practices: apt-get', url: 'https://docs.docker.com/build/building/best-practices/#apt-get' },
    { title: 'hadolint DL3015', url: 'https://github.com/hadolint/hadolint/wiki/DL3015' },
  ],
  fix: 'suggestion',
  equivalents: { hadolint: ['DL3015'], trivy: ['DS-0029'] },
};

const OPTION = '--no-install-recommends';
/** `APT::Install-Recommends=false` given with `-o`, or `APT::Install-Recommends "false";` written into apt.conf.d by a RUN. */
const RECOMMENDS_OFF_OPTION = /^APT::Install-Recommends=["']?(false|0|no|off)["']?$/i;
const RECOMMENDS_OFF_CONFIG = /APT::Install-Recommends\s+\\?["']?(false|0|no|off)\b/i;

export function check(context: DockerfileRuleContext): void {
  const { model, report } = context;
  for (const run of model.instructions) {
    if (run.getKeyword() !== 'RUN') continue;
    const script = runScript(model, run);
    for (const command of script.commands) {
      const invocation = packageManagerCommand(command);
      if (invocation?.manager !== 'apt' || !isInstall(invocation) || !invocation.subcommand) continue;
      if (skipsRecommends(invocation) || configuredOff(model, run)) continue;
      const install = invocation.subcommand;
      report({
        message: `${invocation.program} install without ${OPTION} also installs recommended packages, which grow the image and its attack surface. Add ${OPTION}.`,
        range: install.range,
        fixes: [{ title: `Add ${OPTION}`, kind: 'suggestion', edits: [insertAfter(script, command, install, OPTION)] }],
      });
    }
  }
}

function skipsRecommends(invocation: PackageManagerCommand): boolean {
  return invocation.options.some(
    (o) => o.name === OPTION || ((o.name === '-o' || o.name === '--option') && o.value !== undefined && RECOMMENDS_OFF_OPTION.test(o.value)),
  );
}

/** Whether this RUN, or one before it in the image's stages, turns recommends off in apt's configuration. */
function configuredOff(model: DockerfileModel, run: Instruction): boolean {
  const stage = stageOf(model, run);
  const line = run.getRange().start.line;
  const runs = (stage ? stageLineage(stage) : []).flatMap((s) => s.instructions).filter((i) => i.getKeyword() === 'RUN' && i.getRange().start.line <= line);
  return runs.some((i) => RECOMMENDS_OFF_CONFIG.test(model.text.slice(model.lines.offsetAt(i.getRange().start), model.lines.offsetAt(i.getRange().end))));
}

/** Inserts a word after `word`: another JSON string in an exec-form array, else a space and the word. */
function insertAfter(script: ShellScript, command: ShellCommand, word: ShellWord, newWord: string): TextEdit {
  const isExecArrayElement = script.form === 'exec' && script.commands[0]?.words === command.words;
  const newText = isExecArrayElement ? `, ${JSON.stringify(newWord)}` : ` ${newWord}`;
  return { range: { start: word.range.end, end: word.range.end }, newText };
}
