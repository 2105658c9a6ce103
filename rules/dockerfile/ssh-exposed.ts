import type { Instruction } from 'dockerfile-ast';
import { normalizeRange, stageLineage, type DockerfileModel } from '../../engine/dockerfile/model';
import { isInstall, packageManagerCommand, packageName, type PackageManager } from '../../engine/dockerfile/packageManagers';
import { runScript } from '../../engine/dockerfile/shell';
import type { DockerfileRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'dockerfile/ssh-exposed',
  target: 'dockerfile',
  title: 'SSH port exposed or SSH server installed',
  defaultSeverity: 'warning',
  description: `A container should run one program, and a shell is never more than \`docker exec\` or
\`kubectl exec\` away. An SSH server in the image is one more daemon to patch and configure, one more
set of credentials or keys to manage and leak, and a way in that bypasses the orchestrator's access
control and audit log. \`EXPOSE 22\` advertises it.

Ballast reports \`EXPOSE 22\` (also \`22/tcp\` and port ranges that include 22) and SSH servers installed
with a package manager in \`RUN\`: \`openssh-server\` (and Debian's \`ssh\` and Alpine's and SUSE's \`openssh\`
packages, which pull it in), \`dropbear\` and \`tinysshd\`. Only the final stage and the stages it builds
on are checked: a builder stage's ports and packages do not reach the image.

Bad:
\`\`\`dockerfile
FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends openssh-server
EXPOSE 22
CMD ["/usr/sbin/sshd", "-D"]
\`\`\`

Good:
\`\`\`dockerfile
FROM debian:12-slim
EXPOSE 8080
CMD ["/app/server"]
\`\`\``,
  references: [
    { title: 'CIS Docker Benchmark 5.6: Ensure sshd is not run within containers', url: 'https://www.cisecurity.org/benchmark/docker' },
    { title: 'CIS Docker Benchmark 4.3: Ensure that unnecessary packages are not installed in the container', url: 'https://www.cisecurity.org/benchmark/docker' },
    { title: 'NIST SP 800-190, 4.1.2: Image configuration defects', url: 'https://csrc.nist.gov/publications/detail/sp/800-190/final' },
    { title: 'Dockerfile reference: EXPOSE', url: 'https://docs.docker.com/reference/dockerfile/#expose' },
  ],
  fix: 'none',
  equivalents: { trivy: ['DS-0004'], checkov: ['CKV_DOCKER_1'] },
};

const SSH_PORT = 22;

/** Packages that install an SSH server, per package manager family. */
const SSH_SERVER_PACKAGES: Record<PackageManager, ReadonlySet<string>> = {
  apt: new Set(['openssh-server', 'ssh', 'dropbear', 'dropbear-bin', 'dropbear-run', 'tinysshd']),
  apk: new Set(['openssh', 'openssh-server', 'openssh-server-pam', 'dropbear', 'tinyssh']),
  dnf: new Set(['openssh-server', 'dropbear']),
  zypper: new Set(['openssh', 'openssh-server', 'dropbear']),
  rpm: new Set(),
};

export function check(context: DockerfileRuleContext): void {
  const { model } = context;
  if (!model.finalStage) return;
  for (const stage of stageLineage(model.finalStage)) {
    for (const instruction of stage.instructions) {
      const keyword = instruction.getKeyword();
      if (keyword === 'EXPOSE') checkExpose(context, instruction);
      else if (keyword === 'RUN') checkInstalls(context, model, instruction);
    }
  }
}

function checkExpose(context: DockerfileRuleContext, expose: Instruction): void {
  for (const argument of expose.getArguments()) {
    const port = argument.getValue();
    const match = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i.exec(port);
    if (!match || match[3]?.toLowerCase() === 'udp' || match[3]?.toLowerCase() === 'sctp') continue;
    const low = Number(match[1]);
    const high = match[2] !== undefined ? Number(match[2]) : low;
    if (low > SSH_PORT || high < SSH_PORT) continue;
    const what = low === high ? 'publishes the SSH port' : `includes the SSH port ${SSH_PORT}`;
    context.report({
      message: `EXPOSE ${port} ${what}. Get a shell with docker exec or kubectl exec instead of running an SSH server in the container.`,
      range: normalizeRange(argument.getRange()),
    });
  }
}

function checkInstalls(context: DockerfileRuleContext, model: DockerfileModel, run: Instruction): void {
  for (const command of runScript(model, run).commands) {
    const invocation = packageManagerCommand(command);
    if (!invocation || !isInstall(invocation)) continue;
    for (const operand of invocation.operands) {
      if (operand.value === undefined) continue;
      const name = packageName(invocation.manager, operand.value);
      if (!SSH_SERVER_PACKAGES[invocation.manager].has(name)) continue;
      context.report({
        message: `${operand.value} installs an SSH server in the image. Remove it and get a shell with docker exec or kubectl exec instead.`,
        range: operand.range,
      });
    }
  }
}
