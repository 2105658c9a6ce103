import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SKIPPED_ID, YAML_SYNTAX_ID, lint, type Finding } from '../../engine';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n';

/** Nine aliases to the level below, ten levels: 9^10 nodes once expanded. */
function billionLaughs(): string {
  const levels = ['l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < 10; i++) levels.push(`l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]`);
  return levels.join('\n');
}

const brief = (findings: Finding[]) => findings.filter((f) => f.ruleId.startsWith('ballast/')).map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, range: f.range }));
const at = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

describe('YAML that would blow up if expanded or walked', () => {
  it('reports an alias bomb in a manifest once, on its first alias, as Kubernetes refuses it', () => {
    const text = `${POD}  annotations:\n    ${billionLaughs().replace(/\n/g, '\n    ')}\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n`;
    const result = lint({ text, kind: 'kubernetes' });
    assert.deepEqual(brief(result.findings), [
      {
        ruleId: YAML_SYNTAX_ID,
        severity: 'error',
        message: 'The aliases in this document expand it to more than 100,000 nodes (an alias bomb): Kubernetes and Helm refuse such a document. Ballast reads it without expanding them.',
        range: at(6, 13, 16),
      },
    ]);
    // The rules still read the document as written: its container is checked.
    assert.ok(result.findings.some((f) => f.ruleId === 'kubernetes/run-as-non-root'));
    // A document that Kubernetes refuses offers no fixes.
    assert.ok(result.findings.every((f) => f.fixes.length === 0));
  });

  it('reports an alias bomb in a Helm values file', () => {
    const result = lint({ text: `${billionLaughs()}\nimage:\n  tag: latest\n`, kind: 'helm-values' });
    assert.deepEqual(
      result.findings.map((f) => [f.ruleId, f.range]),
      [
        [YAML_SYNTAX_ID, at(1, 9, 12)],
        ['helm/image-tag-latest', at(11, 7, 13)],
      ],
    );
  });

  it('leaves ordinary anchors and merge keys alone', () => {
    const text = `${POD}spec:\n  containers:\n    - &app\n      name: app\n      image: nginx:1.27\n    - <<: *app\n      name: sidecar\n`;
    assert.deepEqual(brief(lint({ text, kind: 'kubernetes' }).findings), []);
  });

  it('an alias to its own ancestor is counted once, not followed round the cycle', () => {
    assert.deepEqual(brief(lint({ text: `${POD}  labels: &a {self: *a}\n`, kind: 'kubernetes' }).findings), []);
  });

  it('skips a document nested deeper than it reads, with an information diagnostic at the level that is too deep', () => {
    const deep = `${POD}  labels: ${'['.repeat(120)}${']'.repeat(120)}\n`;
    assert.deepEqual(brief(lint({ text: deep, kind: 'kubernetes' }).findings), [
      {
        ruleId: SKIPPED_ID,
        severity: 'info',
        message: 'This document nests more than 100 levels deep, deeper than Ballast reads, so it was not analysed.',
        range: at(4, 108, 109),
      },
    ]);
  });

  it('says the same when the nesting is too deep for the YAML parser itself', () => {
    for (const kind of ['kubernetes', 'helm-values'] as const) {
      const deep = `${POD}  labels: ${'['.repeat(3000)}${']'.repeat(3000)}\n`;
      const findings = brief(lint({ text: deep, kind }).findings);
      assert.deepEqual(
        findings.map((f) => [f.ruleId, f.message]),
        [[SKIPPED_ID, 'This document nests more than 100 levels deep, deeper than Ballast reads, so it was not analysed.']],
        kind,
      );
    }
  });

  it('still checks the other documents of the file', () => {
    const text = `${POD}  labels: ${'{a: '.repeat(150)}1${'}'.repeat(150)}\n---\n${POD}spec:\n  hostNetwork: true\n  containers: []\n`;
    const findings = lint({ text, kind: 'kubernetes' }).findings;
    assert.deepEqual(brief(findings).map((f) => f.ruleId), [SKIPPED_ID]);
    assert.ok(findings.some((f) => f.ruleId === 'kubernetes/host-namespaces' && f.range.start.line === 11));
  });
});
