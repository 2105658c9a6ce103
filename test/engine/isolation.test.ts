import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { INTERNAL_ERROR_ID, lintWithRules, type RuleMeta } from '../../engine';
import type { DockerfileRule } from '../../engine/rule';
import { dockerfileRules } from '../../rules';

function meta(id: string): RuleMeta {
  return { id, target: 'dockerfile', title: id, defaultSeverity: 'warning', description: '', references: [], fix: 'none', equivalents: {} };
}

/** A rule with a bug: it reports once, then throws. */
const brokenRule: DockerfileRule = {
  meta: meta('dockerfile/test-broken'),
  check(context) {
    context.report({ message: 'reported before the crash', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } } });
    throw new Error('model.stages[3] is undefined');
  },
};

/** A healthy rule that flags every FROM keyword. */
const fromRule: DockerfileRule = {
  meta: meta('dockerfile/test-from'),
  check(context) {
    for (const stage of context.model.stages) {
      const start = stage.from.getRange().start;
      context.report({ message: 'a FROM', range: { start, end: { line: start.line, character: start.character + 4 } } });
    }
  },
};

/** A rule that keeps the thread busy for `ms` and then reports, as a pathological input might make one. */
function slowRule(ms: number): DockerfileRule {
  return {
    meta: meta('dockerfile/test-slow'),
    check(context) {
      const start = performance.now();
      while (performance.now() - start < ms) {
        // busy, as a runaway loop would be
      }
      context.report({ message: 'slow but right', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } } });
    },
  };
}

describe('rule isolation', () => {
  const text = 'FROM node:22\nUSER 10001\n';

  it('a rule that throws loses its own findings, is reported once, and the other rules still run', () => {
    const result = lintWithRules({ text, kind: 'dockerfile' }, { dockerfile: [brokenRule, fromRule] });
    assert.deepEqual(result.findings, [
      {
        ruleId: INTERNAL_ERROR_ID,
        severity: 'warning',
        message: 'Ballast rule dockerfile/test-broken failed on this file and was skipped: model.stages[3] is undefined. The other rules ran normally.',
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        fixes: [],
      },
      { ruleId: 'dockerfile/test-from', severity: 'warning', message: 'a FROM', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, fixes: [] },
    ]);
    assert.deepEqual(result.ruleFailures.map((failure) => failure.ruleId), ['dockerfile/test-broken']);
    assert.match(result.ruleFailures[0]!.error, /^Error: model\.stages\[3\] is undefined\n\s+at /);
  });

  it('a throwing rule that is turned off does not run', () => {
    const result = lintWithRules({ text, kind: 'dockerfile', settings: { rules: { 'dockerfile/test-broken': 'off' } } }, { dockerfile: [brokenRule, fromRule] });
    assert.deepEqual(result.findings.map((f) => f.ruleId), ['dockerfile/test-from']);
    assert.deepEqual(result.ruleFailures, []);
  });

  it('the registered rules run alongside a broken one', () => {
    const result = lintWithRules({ text: 'FROM node:latest\nUSER 10001\n', kind: 'dockerfile' }, { dockerfile: [brokenRule, ...dockerfileRules] });
    assert.ok(result.findings.some((f) => f.ruleId === 'dockerfile/image-tag-latest'));
    assert.equal(result.findings.filter((f) => f.ruleId === INTERNAL_ERROR_ID).length, 1);
  });

  it('a rule over its time budget keeps its findings, and is reported once as slow', () => {
    const result = lintWithRules({ text, kind: 'dockerfile', ruleTimeBudgetMs: 5 }, { dockerfile: [slowRule(40), fromRule] });
    assert.deepEqual(
      result.findings.map((f) => [f.ruleId, f.message.replace(/took [\d,]+ ms/, 'took N ms')]),
      [
        [INTERNAL_ERROR_ID, 'Ballast rule dockerfile/test-slow took N ms on this file, over its budget of 5 ms. Its findings are shown; the other rules ran normally.'],
        ['dockerfile/test-from', 'a FROM'],
        ['dockerfile/test-slow', 'slow but right'],
      ],
    );
    assert.equal(result.ruleFailures.length, 1);
    const failure = result.ruleFailures[0]!;
    assert.ok(failure.kind === 'slow' && failure.durationMs >= 40 && failure.budgetMs === 5);
  });

  it('a paused rule does not run', () => {
    const result = lintWithRules({ text, kind: 'dockerfile', pausedRules: new Set(['dockerfile/test-slow']) }, { dockerfile: [slowRule(1000), fromRule] });
    assert.deepEqual(result.findings.map((f) => f.ruleId), ['dockerfile/test-from']);
    assert.deepEqual(result.ruleFailures, []);
  });
});
