import { picker, seededRandom } from './random';

const PACKAGES = ['curl', 'ca-certificates', 'git', 'build-essential', 'python3', 'libssl-dev', 'openssh-client', 'jq', 'unzip', 'gnupg'];

/**
 * A multi-stage Dockerfile of about `count` instructions, with long RUN chains.
 *
 * `salt`, when given, adds a shell comment to every RUN script. The engine caches parsed shell
 * scripts by their text, so salted copies are parsed afresh while linting to the same findings.
 */
export function generateDockerfile(count: number, seed = 1, salt?: string): string {
  const next = seededRandom(seed);
  const pick = picker(next);
  const tail = salt === undefined ? '' : ` # ${salt}`;
  const lines = ['# syntax=docker/dockerfile:1', 'ARG BASE_TAG=22.11-bookworm'];
  let instructions = 0;
  let stage = 0;
  while (instructions < count) {
    lines.push(`FROM node:\${BASE_TAG} AS stage${stage++}`);
    instructions++;
    for (let i = 0; i < 40 && instructions < count; i++, instructions++) {
      const roll = next();
      if (roll < 0.35) {
        const packages = Array.from({ length: 3 + Math.floor(next() * 6) }, () => pick(PACKAGES));
        lines.push(`RUN apt-get update \\\n    && apt-get install -y --no-install-recommends \\\n      ${packages.join(' \\\n      ')} \\\n    && rm -rf /var/lib/apt/lists/*${tail}`);
      } else if (roll < 0.5) {
        lines.push(`RUN curl -fsSL https://example.com/install-${i}.sh -o /tmp/i.sh && sh /tmp/i.sh && rm /tmp/i.sh${tail}`);
      } else if (roll < 0.65) {
        lines.push(`COPY --chown=10001:10001 src/${i} /app/${i}`);
      } else if (roll < 0.75) {
        lines.push(`ENV APP_${i}=value-${i}`);
      } else if (roll < 0.85) {
        lines.push(`# step ${i}\nWORKDIR /app/${i}`);
      } else {
        lines.push(`RUN <<EOF\nset -eux\n${salt === undefined ? '' : `# ${salt}\n`}npm ci --omit=dev\nnpm run build -- --stage ${i}\nEOF`);
      }
    }
  }
  lines.push('USER 10001', 'HEALTHCHECK CMD ["node", "healthcheck.js"]', 'CMD ["node", "server.js"]');
  return `${lines.join('\n')}\n`;
}
