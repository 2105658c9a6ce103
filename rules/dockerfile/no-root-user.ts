import type { User } from 'dockerfile-ast';
import { keywordRange, normalizeRange } from '../../engine/dockerfile/model';
import type { DockerfileRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'dockerfile/no-root-user',
  target: 'dockerfile',
  title: 'Final stage runs as root',
  defaultSeverity: 'warning',
  description: `A container whose final stage has no \`USER\`, or whose last \`USER\` is \`root\` or UID 0, runs its
process as root. Anyone who breaks into that process is root inside the container, one kernel bug or
one mounted socket away from root on the node. Builder stages may run as root: only the final stage
decides who the container runs as. Images built \`FROM scratch\` have no user database and are exempt
from the "no USER" half of this rule.

Use a numeric UID (Kubernetes' \`runAsNonRoot\` can only verify numbers), created in the image if
the program needs a home directory.

Bad:
\`\`\`dockerfile
FROM node:22-alpine
COPY . /app
CMD ["node", "/app/server.js"]
\`\`\`

Good:
\`\`\`dockerfile
FROM node:22-alpine
COPY . /app
USER 10001
CMD ["node", "/app/server.js"]
\`\`\``,
  references: [
    { title: 'CIS Docker Benchmark 4.1: Ensure that a user for the container has been created', url: 'https://www.cisecurity.org/benchmark/docker' },
    { title: 'NIST SP 800-190, 4.4.3', url: 'https://csrc.nist.gov/publications/detail/sp/800-190/final' },
    { title: 'Dockerfile reference: USER', url: 'https://docs.docker.com/reference/dockerfile/#user' },
  ],
  fix: 'suggestion',
  equivalents: { hadolint: ['DL3002'], trivy: ['DS-0002'], checkov: ['CKV_DOCKER_3', 'CKV_DOCKER_8'] },
};

/** A non-root UID well above distribution ranges, the conventional choice for images. */
const SUGGESTED_UID = '10001';

export function isRootUser(user: string): boolean {
  const name = user.split(':')[0]!.trim();
  return name === 'root' || /^0+$/.test(name);
}

export function check(context: DockerfileRuleContext): void {
  const { model, report } = context;
  const stage = model.finalStage;
  if (!stage) return;
  const users = stage.instructions.filter((i): i is User => i.getKeyword() === 'USER');
  const last = users[users.length - 1];
  if (last) {
    const argument = last.getArguments()[0];
    if (!argument || !isRootUser(argument.getValue())) return;
    const userRange = normalizeRange(argument.getRange());
    const nameLength = argument.getValue().split(':')[0]!.length;
    report({
      message: `The final stage runs as root (USER ${argument.getValue()}). Switch to a non-root user.`,
      range: { start: userRange.start, end: { line: userRange.start.line, character: userRange.start.character + nameLength } },
      fixes: [{ title: `Run as UID ${SUGGESTED_UID} instead of root`, kind: 'suggestion', edits: [{ range: userRange, newText: SUGGESTED_UID }] }],
    });
    return;
  }
  // An image that inherits its user from an earlier stage of this file is judged by that stage.
  if (stage.isScratch || inheritsNonRootUser(stage)) return;
  const eol = model.lines.eol;
  const insertBefore = stage.instructions.find((i) => ['CMD', 'ENTRYPOINT'].includes(i.getKeyword()));
  const at = insertBefore ? { line: insertBefore.getRange().start.line, character: 0 } : undefined;
  const lastLine = stage.instructions.at(-1)?.getRange().end.line ?? stage.from.getRange().end.line;
  const edit = at
    ? { range: { start: at, end: at }, newText: `USER ${SUGGESTED_UID}${eol}` }
    : { range: { start: { line: lastLine, character: model.lines.lineText(lastLine).length }, end: { line: lastLine, character: model.lines.lineText(lastLine).length } }, newText: `${eol}USER ${SUGGESTED_UID}` };
  report({
    message: 'The final stage has no USER instruction, so the container runs as root. Add a USER with a non-root UID.',
    range: keywordRange(stage.from),
    fixes: [{ title: `Add USER ${SUGGESTED_UID}`, kind: 'suggestion', edits: [edit] }],
  });
}

function inheritsNonRootUser(stage: import('../../engine/dockerfile/model').Stage): boolean {
  for (let base = stage.baseStage; base; base = base.baseStage) {
    const users = base.instructions.filter((i) => i.getKeyword() === 'USER');
    const last = users[users.length - 1]?.getArguments()[0]?.getValue();
    if (last !== undefined) return !isRootUser(last);
  }
  return false;
}
