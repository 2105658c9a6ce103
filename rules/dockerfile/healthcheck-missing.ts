import { keywordRange, stageLineage } from '../../engine/dockerfile/model';
import type { DockerfileRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'dockerfile/healthcheck-missing',
  target: 'dockerfile',
  title: 'No HEALTHCHECK in the final stage',
  defaultSeverity: 'info',
  description: `Without a \`HEALTHCHECK\`, Docker only knows whether the container's process is running, not whether
it still answers: a server that deadlocks or loses its database connection stays "up". With one,
\`docker ps\` shows \`unhealthy\`, Swarm replaces the task, and Compose can wait on
\`condition: service_healthy\`.

The final stage is checked, together with the stages of this file it builds on (\`FROM base\`
inherits \`base\`'s \`HEALTHCHECK\`). \`HEALTHCHECK NONE\` counts as a deliberate choice: use it for images
whose health is checked elsewhere, such as Kubernetes workloads, which ignore \`HEALTHCHECK\` and use
liveness and readiness probes. A \`HEALTHCHECK\` inherited from a base image in a registry cannot be
seen from the Dockerfile; add \`HEALTHCHECK NONE\` or suppress the finding if you rely on one. Images
built \`FROM scratch\` are not exempt: an exec-form \`HEALTHCHECK\` runs a binary of the image and needs
no shell.

Bad:
\`\`\`dockerfile
FROM nginx:1.27-alpine
COPY site/ /usr/share/nginx/html/
\`\`\`

Good:
\`\`\`dockerfile
FROM nginx:1.27-alpine
COPY site/ /usr/share/nginx/html/
HEALTHCHECK --interval=30s --timeout=3s CMD wget -q --spider http://localhost/ || exit 1
\`\`\``,
  references: [
    { title: 'CIS Docker Benchmark 4.6: Ensure that HEALTHCHECK instructions have been added to container images', url: 'https://www.cisecurity.org/benchmark/docker' },
    { title: 'Dockerfile reference: HEALTHCHECK', url: 'https://docs.docker.com/reference/dockerfile/#healthcheck' },
  ],
  fix: 'none',
  equivalents: { hadolint: ['DL3057'], trivy: ['DS-0026'], checkov: ['CKV_DOCKER_2'] },
};

export function check(context: DockerfileRuleContext): void {
  const final = context.model.finalStage;
  if (!final) return;
  const lineage = stageLineage(final);
  if (lineage.some((stage) => stage.instructions.some((i) => i.getKeyword() === 'HEALTHCHECK'))) return;
  context.report({
    message: 'The final stage has no HEALTHCHECK, so Docker cannot tell when the container stops working. Add HEALTHCHECK CMD …, or HEALTHCHECK NONE if something else checks its health.',
    range: keywordRange(final.from),
  });
}
