/**
 * `npm run bench`: how long linting takes on generated, deterministic Dockerfiles. Prints a
 * Markdown table and writes .bench/results.json. A script, not a test: nothing asserts timings.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixAll, lint } from '../engine';
import { parseDockerfile } from '../engine/dockerfile/model';
import { generateDockerfile } from './benchInputs';

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
