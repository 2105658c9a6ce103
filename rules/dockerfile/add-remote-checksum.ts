import { addSources, hasFlag, type AddSource } from '../../engine/dockerfile/addSources';
import type { DockerfileRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'dockerfile/add-remote-checksum',
  target: 'dockerfile',
  title: 'ADD downloads remote content without verifying it',
  defaultSeverity: 'warning',
  description: `\`ADD https://…\` puts whatever the server returns today into the image. If the file is replaced,
by its publisher, a compromised mirror or anyone on the network path of a plain \`http://\` URL,
the next build ships it without a trace. \`ADD --checksum=sha256:…\` makes BuildKit verify the
download and fail the build when it does not match (Dockerfile syntax 1.6 and later).

Git sources (\`ADD https://github.com/org/repo.git#ref\`, \`git@…\`) are cloned rather than
downloaded. Branches and tags can be moved, so the rule reports them unless they are pinned to a
commit: a full commit SHA as the fragment (\`repo.git#<40 hex digits>\`), a \`commit=\` /
\`checksum=\` query (\`repo.git?tag=v1.2.3&commit=<sha>\`), or \`--checksum=<commit sha>\`
(Dockerfile syntax 1.16 and later), all of which BuildKit verifies.

**Bad:**
\`\`\`dockerfile
FROM alpine:3.20
ADD https://example.com/tool-1.4.2.tar.gz /tmp/
\`\`\`

**Good:**
\`\`\`dockerfile
FROM alpine:3.20
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool-1.4.2.tar.gz /tmp/
\`\`\``,
  references: [
    { title: 'Dockerfile reference: ADD --checksum', url: 'https://docs.docker.com/reference/dockerfile/#add---checksum' },
    { title: 'Dockerfile reference: ADD (Git repositories)', url: 'https://docs.docker.com/reference/dockerfile/#add' },
    { title: 'CIS Docker Benchmark 4.9: Ensure that COPY is used instead of ADD in Dockerfiles', url: 'https://www.cisecurity.org/benchmark/docker' },
    { title: 'NIST SP 800-190, 4.1.3: Embedded malware', url: 'https://csrc.nist.gov/publications/detail/sp/800-190/final' },
    { title: 'OWASP Docker Security Cheat Sheet, rule #13: Enhance supply chain security', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html' },
  ],
  fix: 'none',
  equivalents: {},
};

export function check(context: DockerfileRuleContext): void {
  const { model } = context;
  for (const instruction of model.instructions) {
    if (instruction.getKeyword() !== 'ADD') continue;
    const add = addSources(model, instruction);
    for (const source of add.sources) {
      if (source.kind === 'http' && !hasFlag(add, 'checksum')) {
        context.report({
          message: `ADD downloads ${source.value} without --checksum, so a changed or tampered file goes unnoticed. Add --checksum=sha256:<digest of the file>.`,
          range: source.range,
        });
      } else if (source.kind === 'git' && !hasFlag(add, 'checksum') && !isPinnedToCommit(source)) {
        context.report({
          message: `ADD clones ${source.value} at a branch or tag, which can be moved. Pin a commit: add #<full commit SHA> to the URL, or --checksum=<commit SHA>.`,
          range: source.range,
        });
      }
    }
  }
}

function isPinnedToCommit(source: AddSource): boolean {
  const { value } = source;
  const fragment = value.includes('#') ? value.slice(value.indexOf('#') + 1) : undefined;
  // `#<ref>:<subdir>`: the ref is what is pinned.
  const ref = fragment?.split(':')[0];
  if (ref !== undefined && /^([0-9a-f]{40}|[0-9a-f]{64})$/i.test(ref)) return true;
  const query = /\?([^#]*)/.exec(value)?.[1];
  return query !== undefined && query.split('&').some((pair) => /^(commit|checksum)=[0-9a-f]{7,64}$/i.test(pair));
}
