/**
 * `npm run bench`: how long linting takes on generated, deterministic Dockerfiles. Prints a
 * Markdown table and writes .bench/results.json. A script, not a test: nothing asserts timings.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixAll, lint } from '../engine';
import { parseDockerfile } from '../engine/dockerfile/model';

/** A small deterministic PRNG (mulberry32) so every run measures the same inputs. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PACKAGES = ['curl', 'ca-certificates', 'git', 'build-essential', 'python3', 'libssl-dev', 'openssh-client', 'jq', 'unzip', 'gnupg'];

/** A multi-stage Dockerfile of about `count` instructions, with long RUN chains. */
export function generateDockerfile(count: number, seed = 1): string {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
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
        lines.push(`RUN apt-get update \\\n    && apt-get install -y --no-install-recommends \\\n      ${packages.join(' \\\n      ')} \\\n    && rm -rf /var/lib/apt/lists/*`);
      } else if (roll < 0.5) {
        lines.push(`RUN curl -fsSL https://example.com/install-${i}.sh -o /tmp/i.sh && sh /tmp/i.sh && rm /tmp/i.sh`);
      } else if (roll < 0.65) {
        lines.push(`COPY --chown=10001:10001 src/${i} /app/${i}`);
      } else if (roll < 0.75) {
        lines.push(`ENV APP_${i}=value-${i}`);
      } else if (roll < 0.85) {
        lines.push(`# step ${i}\nWORKDIR /app/${i}`);
      } else {
        lines.push(`RUN <<EOF\nset -eux\nnpm ci --omit=dev\nnpm run build -- --stage ${i}\nEOF`);
      }
    }
  }
  lines.push('USER 10001', 'HEALTHCHECK CMD ["node", "healthcheck.js"]', 'CMD ["node", "server.js"]');
  return `${lines.join('\n')}\n`;
}

function measure(run: () => void, minimumMs = 300): { medianMs: number; runs: number } {
  run(); // warm-up: JIT and caches
  const times: number[] = [];
  const start = performance.now();
  while (times.length < 5 || (performance.now() - start < minimumMs && times.length < 200)) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)]!, runs: times.length };
}

const rows: { input: string; lines: number; parseMs: number; lintMs: number; fixAllMs: number; findings: number }[] = [];
for (const size of [50, 500, 5000]) {
  const text = generateDockerfile(size);
  const lineCount = text.split('\n').length;
  const parse = measure(() => parseDockerfile(text));
  const linted = measure(() => lint({ text, kind: 'dockerfile' }));
  const fixed = measure(() => fixAll({ text, kind: 'dockerfile' }));
  rows.push({
    input: `Dockerfile, ${size} instructions`,
    lines: lineCount,
    parseMs: parse.medianMs,
    lintMs: linted.medianMs,
    fixAllMs: fixed.medianMs,
    findings: lint({ text, kind: 'dockerfile' }).findings.length,
  });
}

const format = (ms: number) => ms.toFixed(2);
console.log('| Input | Lines | Parse only (ms) | Lint (ms) | Fix all (ms) | Findings |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) console.log(`| ${r.input} | ${r.lines} | ${format(r.parseMs)} | ${format(r.lintMs)} | ${format(r.fixAllMs)} | ${r.findings} |`);
console.log(`\nMedians; Node ${process.version}, ${process.platform}/${process.arch}.`);
mkdirSync(join(__dirname, '..', '.bench'), { recursive: true });
writeFileSync(join(__dirname, '..', '.bench', 'results.json'), `${JSON.stringify({ node: process.version, rows }, null, 2)}\n`);
