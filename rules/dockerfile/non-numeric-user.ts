import type { Instruction } from 'dockerfile-ast';
import type { Stage } from '../../engine/dockerfile/model';
import type { DockerfileRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';
import { isRootUser } from './no-root-user';

export const meta: RuleMeta = {
  id: 'dockerfile/non-numeric-user',
  target: 'dockerfile',
  title: 'Final stage runs as a user name, not a numeric UID',
  defaultSeverity: 'info',
  description: `Kubernetes' \`runAsNonRoot: true\` checks the image's user before starting the container, but it
can only verify a numeric UID: for a user name it cannot tell whether the name maps to UID 0, so
the kubelet refuses to start the pod ("image has non-numeric user … cannot verify user is
non-root") unless the pod also sets \`runAsUser\`. A numeric \`USER\` lets the policy do its job and
does not depend on the image's \`/etc/passwd\`.

Only the final stage's user matters (inherited from an earlier stage when the final stage has no
\`USER\`). \`root\` is left to \`dockerfile/no-root-user\`, and users given through a variable
(\`USER $APP_UID\`) are not judged.

**Bad:**
\`\`\`dockerfile
FROM node:22-alpine
RUN adduser -D -u 10001 app
USER app
\`\`\`

**Good:**
\`\`\`dockerfile
FROM node:22-alpine
RUN adduser -D -u 10001 app
USER 10001
\`\`\``,
  references: [
    { title: 'Kubernetes: Configure a Security Context for a Pod or Container (runAsNonRoot)', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/' },
    { title: 'CIS Docker Benchmark 4.1: Ensure that a user for the container has been created', url: 'https://www.cisecurity.org/benchmark/docker' },
    { title: 'NIST SP 800-190, 4.4.3: Insecure container runtime configurations', url: 'https://csrc.nist.gov/publications/detail/sp/800-190/final' },
    { title: 'OWASP Docker Security Cheat Sheet, rule #2: Set a user', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html' },
    { title: 'Dockerfile reference: USER', url: 'https://docs.docker.com/reference/dockerfile/#user' },
  ],
  fix: 'none',
  equivalents: {},
};

export function check(context: DockerfileRuleContext): void {
  const user = effectiveUser(context.model.finalStage);
  const argument = user?.getArguments()[0];
  if (!argument) return;
  const written = argument.getValue();
  const name = written.split(':')[0]!;
  if (name === '' || /^\d+$/.test(name) || name.includes('$') || isRootUser(written)) return;
  const range = argument.getRange();
  context.report({
    message: `USER ${name} is a name, so Kubernetes runAsNonRoot cannot verify that it is not root. Use its numeric UID instead.`,
    range: { start: { ...range.start }, end: { line: range.start.line, character: range.start.character + name.length } },
  });
}

/** The last `USER` that applies to a stage, looking through the earlier stages it builds on. */
function effectiveUser(stage: Stage | undefined): Instruction | undefined {
  for (let current = stage; current; current = current.baseStage) {
    const user = current.instructions.filter((instruction) => instruction.getKeyword() === 'USER').at(-1);
    if (user) return user;
  }
  return undefined;
}
