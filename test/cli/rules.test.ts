import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { before, describe, it } from 'node:test';
import { EQUIVALENT_TOOLS, listRules } from '../../engine';
import { buildCli, runCli } from './cliHarness';

describe('ballast rules', () => {
  before(() => buildCli());

  it('--format json lists every rule in order with every key, and every equivalents key', () => {
    const run = runCli(['rules', '--format', 'json'], tmpdir());
    assert.equal(run.status, 0);
    assert.equal(run.stderr, '');
    const listed = JSON.parse(run.stdout) as Record<string, unknown>[];
    assert.deepEqual(
      listed.map((entry) => entry.id),
      listRules().map((rule) => rule.id),
    );
    for (const [index, meta] of listRules().entries()) {
      assert.deepEqual(listed[index], {
        id: meta.id,
        target: meta.target,
        defaultSeverity: meta.defaultSeverity,
        title: meta.title,
        fix: meta.fix,
        equivalents: Object.fromEntries(EQUIVALENT_TOOLS.map((tool) => [tool, meta.equivalents[tool] ?? []])),
      });
      assert.deepEqual(Object.keys(listed[index]!.equivalents as object), ['hadolint', 'trivy', 'checkov', 'kube-linter', 'kube-score', 'polaris', 'pss']);
    }
  });

  it('--format json gives a reference rule exactly', () => {
    const listed = JSON.parse(runCli(['rules', '--format', 'json'], tmpdir()).stdout) as { id: string }[];
    assert.deepEqual(
      listed.find((entry) => entry.id === 'dockerfile/no-root-user'),
      {
        id: 'dockerfile/no-root-user',
        target: 'dockerfile',
        defaultSeverity: 'warning',
        title: 'Final stage runs as root',
        fix: 'suggestion',
        equivalents: {
          hadolint: ['DL3002'],
          trivy: ['DS-0002'],
          checkov: ['CKV_DOCKER_3', 'CKV_DOCKER_8'],
          'kube-linter': [],
          'kube-score': [],
          polaris: [],
          pss: [],
        },
      },
    );
  });

  it('prints an aligned table by default, one row per rule', () => {
    const run = runCli(['rules'], tmpdir());
    assert.equal(run.status, 0);
    const rows = run.stdout.split('\n');
    assert.equal(rows.pop(), '', 'ends with a newline');
    const [header, ...body] = rows;
    assert.match(header!, /^RULE +SEVERITY +FIX +TITLE$/);
    const columns = ['SEVERITY', 'FIX', 'TITLE'].map((name) => header!.indexOf(name));
    assert.equal(body.length, listRules().length);
    for (const [index, meta] of listRules().entries()) {
      const row = body[index]!;
      const severity = meta.enabledByDefault === false ? `${meta.defaultSeverity} (off)` : meta.defaultSeverity;
      assert.equal(row.slice(0, columns[0]).trimEnd(), meta.id);
      assert.equal(row.slice(columns[0], columns[1]).trimEnd(), severity);
      assert.equal(row.slice(columns[1], columns[2]).trimEnd(), meta.fix);
      assert.equal(row.slice(columns[2]), meta.title);
    }
  });
});
