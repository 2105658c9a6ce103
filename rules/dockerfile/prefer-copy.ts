import { addSources, hasFlag } from '../../engine/dockerfile/addSources';
import { keywordRange } from '../../engine/dockerfile/model';
import type { DockerfileRuleContext } from '../../engine/rule';
import type { Fix, RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'dockerfile/prefer-copy',
  target: 'dockerfile',
  title: 'ADD used where COPY does the job',
  defaultSeverity: 'warning',
  description: `\`ADD\` does more than copy: it downloads URLs, clones Git repositories and unpacks local tar
archives. Used for plain files it hides that behaviour from readers, and a file that later turns
into an archive (or a source that turns into a URL) silently changes what the build does. \`COPY\`
only copies, so use it unless you want one of \`ADD\`'s extras.

The rule reports \`ADD\` whose sources are all local paths (or heredocs) that are not archives. Docker
unpacks any local tar archive whatever its name; Ballast recognises archives by their extension
(\`.tar\`, \`.tar.gz\`, \`.tgz\`, \`.tar.bz2\`, \`.tar.xz\`, \`.tar.zst\`, …) and leaves alone wildcards
that could match one (\`dist/*\`). Sources held in variables are not judged.

The fix replaces the keyword with \`COPY\`, keeping its case and every flag. It is not offered when
the instruction uses a flag that only \`ADD\` accepts (\`--checksum\`, \`--keep-git-dir\`, \`--unpack\`).

**Bad:**
\`\`\`dockerfile
FROM nginx:1.27
ADD nginx.conf /etc/nginx/nginx.conf
\`\`\`

**Good:**
\`\`\`dockerfile
FROM nginx:1.27
COPY nginx.conf /etc/nginx/nginx.conf
ADD rootfs.tar.gz /
\`\`\``,
  references: [
    { title: 'CIS Docker Benchmark 4.9: Ensure that COPY is used instead of ADD in Dockerfiles', url: 'https://www.cisecurity.org/benchmark/docker' },
    { title: 'NIST SP 800-190, 4.1.2: Image configuration defects', url: 'https://csrc.nist.gov/publications/detail/sp/800-190/final' },
    { title: 'Docker build best practices: ADD or COPY', url: 'https://docs.docker.com/build/building/best-practices/#add-or-copy' },
    { title: 'Dockerfile reference: ADD', url: 'https://docs.docker.com/reference/dockerfile/#add' },
  ],
  fix: 'safe',
  equivalents: { hadolint: ['DL3020'], trivy: ['DS-0005'], checkov: ['CKV_DOCKER_4'] },
};

/** Flags that COPY rejects. */
const ADD_ONLY_FLAGS = ['checksum', 'keep-git-dir', 'unpack'];

export function check(context: DockerfileRuleContext): void {
  const { model } = context;
  for (const instruction of model.instructions) {
    if (instruction.getKeyword() !== 'ADD') continue;
    const add = addSources(model, instruction);
    if (add.sources.length === 0) continue;
    const copiesOnly = add.sources.every((source) => (source.kind === 'local' && !source.mayBeArchive) || source.kind === 'heredoc');
    if (!copiesOnly) continue;
    const range = keywordRange(instruction);
    const fixes: Fix[] = ADD_ONLY_FLAGS.some((flag) => hasFlag(add, flag))
      ? []
      : [{ title: 'Replace ADD with COPY', kind: 'safe', edits: [{ range, newText: copyKeyword(instruction.getInstruction()) }] }];
    context.report({
      message: 'ADD only copies local files here. Use COPY, which cannot download URLs or unpack archives by surprise.',
      range,
      fixes,
    });
  }
}

/** `COPY` in the case the keyword was written in: `ADD` → `COPY`, `add` → `copy`, `Add` → `Copy`. */
function copyKeyword(written: string): string {
  if (written === written.toLowerCase()) return 'copy';
  if (written === written.toUpperCase()) return 'COPY';
  return written[0] === written[0]!.toUpperCase() ? 'Copy' : 'COPY';
}
