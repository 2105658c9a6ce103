import { isInstall, packageManagerCommand } from '../../engine/dockerfile/packageManagers';
import { runScript } from '../../engine/dockerfile/shell';
import type { DockerfileRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'dockerfile/apt-unpinned-versions',
  target: 'dockerfile',
  title: 'apt package installed without a version pin',
  defaultSeverity: 'info',
  description: `\`apt-get install curl\` installs whatever version the mirror has on the day of the build. Two builds
of the same commit can then ship different packages, a rebuild cannot reproduce what was tested,
and a broken or malicious update arrives without any change to the Dockerfile. Pinning
(\`curl=8.5.0-2ubuntu10.6\`) makes the package list part of the reviewed source, and tools such as
Renovate can propose the updates.

Each unpinned package of \`apt-get install\` and \`apt install\` is reported on its own. Not reported:
packages given through variables (\`$PACKAGES\`), which Ballast cannot see; local \`.deb\` files and
words with a \`/\` (a path, or a \`package/release\` selection), as hadolint does; patterns
(\`libfoo*\`); and option values such as \`-t bookworm-backports\`. There is no automatic fix: only the
repository knows which versions exist.

Bad:
\`\`\`dockerfile
FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl
\`\`\`

Good:
\`\`\`dockerfile
FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8
\`\`\``,
  references: [
    { title: 'Docker build best practices: apt-get', url: 'https://docs.docker.com/build/building/best-practices/#apt-get' },
    { title: 'NIST SP 800-190, 4.1.1: Image vulnerabilities', url: 'https://csrc.nist.gov/publications/detail/sp/800-190/final' },
    { title: 'hadolint DL3008', url: 'https://github.com/hadolint/hadolint/wiki/DL3008' },
  ],
  fix: 'none',
  equivalents: { hadolint: ['DL3008'] },
};

export function check(context: DockerfileRuleContext): void {
  const { model, report } = context;
  for (const run of model.instructions) {
    if (run.getKeyword() !== 'RUN') continue;
    for (const command of runScript(model, run).commands) {
      const invocation = packageManagerCommand(command);
      if (invocation?.manager !== 'apt' || !isInstall(invocation)) continue;
      for (const operand of invocation.operands) {
        const name = operand.value;
        if (name === undefined || isPinnedOrNotAPackage(name)) continue;
        report({
          message: `${name} is installed without a version, so each build can get a different one. Pin it as ${name}=<version>.`,
          range: operand.range,
        });
      }
    }
  }
}

function isPinnedOrNotAPackage(operand: string): boolean {
  return operand.includes('=') || operand.includes('/') || operand.endsWith('.deb') || /[*?[\]]/.test(operand) || operand.endsWith('-') || operand === '';
}
