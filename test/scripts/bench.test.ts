// `npm run bench` as a program: its options, the helpers its figures rest on, and a quick run of
// its cheapest section, whose JSON must hold a finite figure for every input. No timing is asserted.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { BenchUsageError, parseBenchArgs } from '../../scripts/bench/options';
import { percentile, summarize } from '../../scripts/bench/measure';
import { runBench, type BenchResults } from '../../scripts/bench/run';
import { commentNearMiddle } from '../../scripts/bench/typing';

describe('bench options', () => {
  it('runs every section by default and writes to the default file', () => {
    assert.deepEqual(parseBenchArgs([], '/out.json'), { quick: false, sections: ['engine', 'editor', 'typing-during-scan', 'scan', 'activation'], output: '/out.json' });
  });

  it('takes --quick, --only (repeated or comma-separated, run in section order) and --output', () => {
    assert.deepEqual(parseBenchArgs(['--only', 'scan,engine', '--quick', '--only=activation', '--output', 'r.json'], '/out.json'), { quick: true, sections: ['engine', 'scan', 'activation'], output: 'r.json' });
  });

  it('rejects unknown sections and options', () => {
    assert.throws(() => parseBenchArgs(['--only', 'parse'], '/out.json'), new BenchUsageError("unknown section 'parse'"));
    assert.throws(() => parseBenchArgs(['--fast'], '/out.json'), new BenchUsageError("unknown option '--fast'"));
    assert.throws(() => parseBenchArgs(['--only'], '/out.json'), new BenchUsageError('--only needs a value'));
  });
});

describe('bench measures', () => {
  it('takes nearest-rank percentiles, so each figure is a measured one', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    assert.equal(percentile(values, 50), 5);
    assert.equal(percentile(values, 95), 10);
    assert.deepEqual(summarize(values), { median: 5, p95: 10, min: 1, max: 10, count: 10 });
  });

  it('types at the end of the comment line nearest the middle, never in a directive', () => {
    const text = '# syntax=docker/dockerfile:1\nFROM node:22\n# install\nRUN npm ci\nUSER node\n# run\nCMD ["node"]\n';
    assert.deepEqual(commentNearMiddle(text), { line: 5, character: 5 });
    assert.deepEqual(commentNearMiddle('FROM a\n# escape=`\nRUN x\n# note\n'), { line: 3, character: 6 });
    assert.throws(() => commentNearMiddle('# syntax=docker/dockerfile:1\nFROM scratch\n'), /no comment line/);
  });
});

describe('npm run bench -- --quick --only engine', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'ballast-bench-test-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('measures every quick input and writes the figures as JSON', async () => {
    const output = path.join(scratch, 'results.json');
    const printed: string[] = [];
    const returned = await runBench(parseBenchArgs(['--quick', '--only', 'engine', '--output', output], '/unused.json'), { log: () => undefined, print: (text) => printed.push(text) });
    const results = JSON.parse(readFileSync(output, 'utf8')) as BenchResults;
    assert.deepEqual(results, JSON.parse(JSON.stringify(returned)));

    assert.equal(results.quick, true);
    assert.deepEqual(results.sections, ['engine']);
    assert.equal(results.machine.cpus, cpus().length);
    assert.equal(results.machine.node, process.version);
    assert.equal(results.machine.loadAverageAtStart.length, 3);
    assert.equal(results.editor, undefined);
    // Salted copies lint to the same findings as their input, or the cold figures would say so here.
    assert.deepEqual(results.observations, []);

    const rows = results.engine ?? [];
    assert.deepEqual(
      rows.map((row) => [row.input, row.label]),
      [
        ['dockerfile-50', 'Dockerfile, 50 instructions'],
        ['kubernetes-1', 'Kubernetes, 1 Deployment'],
        ['kubernetes-10', 'Kubernetes, 10 Deployments'],
        ['helm-values-1', 'Helm values, 60 lines'],
      ],
    );
    for (const row of rows) {
      assert.ok(row.lines > 0 && row.bytes > 0 && row.findings > 0, row.input);
      for (const summary of [row.parseFloorMs, row.lintColdMs, row.lintWarmMs]) {
        assert.ok(summary.count >= 3, row.input);
        for (const figure of [summary.median, summary.p95, summary.min, summary.max]) assert.ok(Number.isFinite(figure) && figure > 0, row.input);
      }
      assert.ok(Number.isFinite(row.coldToFloor) && Number.isFinite(row.warmToFloor), row.input);
    }
    const table = printed.find((text) => text.includes('## Engine'));
    assert.ok(table?.includes('| Input | Lines | Findings | Parse floor (ms) | Lint, cold (ms) | Cold ÷ floor | Lint, warm (ms) | Warm ÷ floor |'));
  });
});
