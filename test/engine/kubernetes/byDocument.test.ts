// Linting a manifest document by document, reusing what did not change: the result must be the
// result of linting the text afresh, whatever the edits that led to it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { INTERNAL_ERROR_ID, lint, lintWithRules, type Finding, type LintResult } from '../../../engine';
import { commonPrefixLength, commonSuffixLength } from '../../../engine/kubernetes/byDocument';
import type { KubernetesRule } from '../../../engine/rule';
import { kubernetesRules } from '../../../rules';

const AUTOMOUNT = 'kubernetes/automount-service-account-token';

function pod(name: string, extra = ''): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  serviceAccountName: app${extra}\n  containers:\n    - name: c\n      image: nginx:1.27\n`;
}
const ACCOUNT = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: app\nautomountServiceAccountToken: false\n';

/** Lints with an empty cache: a rule set the engine has never seen. */
function fresh(text: string): LintResult {
  return lintWithRules({ text, kind: 'kubernetes' }, { kubernetes: [...kubernetesRules] });
}

const where = (findings: Finding[], ruleId: string) => findings.filter((f) => f.ruleId === ruleId).map((f) => `${f.range.start.line}:${f.range.start.character}`);

describe('Kubernetes files linted document by document', () => {
  it('moves the findings of the documents below an edit that adds lines, and keeps them right', () => {
    const text = `${pod('a')}---\n${pod('b')}---\n${pod('c')}`;
    const before = lint({ text, kind: 'kubernetes' }).findings;
    const edited = text.replace('  name: a\n', '  name: a\n  labels:\n    app: a\n');
    const after = lint({ text: edited, kind: 'kubernetes' }).findings;
    assert.deepEqual(after, fresh(edited).findings);
    assert.deepEqual(where(after, AUTOMOUNT), where(before, AUTOMOUNT).map((at, i) => (i === 0 ? at : `${Number(at.split(':')[0]) + 2}:${at.split(':')[1]}`)));
  });

  it('a ServiceAccount in another document decides, and editing it changes the pods of the other documents', () => {
    const withAccount = `${pod('a')}---\n${ACCOUNT}`;
    assert.deepEqual(where(lint({ text: withAccount, kind: 'kubernetes' }).findings, AUTOMOUNT), []);
    const mounted = withAccount.replace('automountServiceAccountToken: false', 'automountServiceAccountToken: true');
    assert.deepEqual(where(lint({ text: mounted, kind: 'kubernetes' }).findings, AUTOMOUNT), ['1:6', '14:30']);
    assert.deepEqual(lint({ text: mounted, kind: 'kubernetes' }).findings, fresh(mounted).findings);
  });

  it('a ballast-ignore-file comment in one document silences the rule in all of them', () => {
    const text = `${pod('a')}---\n# ballast-ignore-file ${AUTOMOUNT} -- tokens are needed here\n${pod('b')}`;
    const findings = lint({ text, kind: 'kubernetes' }).findings;
    assert.deepEqual(where(findings, AUTOMOUNT), []);
    assert.ok(findings.some((f) => f.ruleId === 'kubernetes/run-as-non-root'));
  });

  it('reports a rule that throws once, at the top of the file, however many documents it failed in', () => {
    const broken: KubernetesRule = {
      meta: { id: 'kubernetes/test-broken', target: 'kubernetes', title: 'Broken', defaultSeverity: 'warning', description: '', references: [], fix: 'none', equivalents: {} },
      check({ model }) {
        if (model.objects.length > 0) throw new Error('no');
      },
    };
    const result = lintWithRules({ text: `${pod('a')}---\n${pod('b')}`, kind: 'kubernetes' }, { kubernetes: [broken] });
    assert.deepEqual(
      result.findings.map((f) => [f.ruleId, f.range.start.line]),
      [[INTERNAL_ERROR_ID, 0]],
    );
    assert.deepEqual(result.ruleFailures.map((f) => f.ruleId), ['kubernetes/test-broken']);
  });

  it('after any sequence of edits, gives what linting the text afresh gives', () => {
    const base = `# deployments\n${pod('a')}---\n${ACCOUNT}---\n${pod('b', '\n  hostNetwork: true')}...\n---\n${pod('c')}`;
    const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: fc.constantFrom('', 'x', '\n', '---\n', '\n---\n', '  labels: {a: b}\n', '# ballast-ignore-file kubernetes/run-as-non-root\n', 'automountServiceAccountToken: true\n', '\r\n', ': [') });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = base;
        lint({ text, kind: 'kubernetes' });
        for (const { at, remove, insert } of edits) {
          const start = at % (text.length + 1);
          text = text.slice(0, start) + insert + text.slice(start + remove);
          assert.deepEqual(lint({ text, kind: 'kubernetes' }), fresh(text), JSON.stringify(text));
        }
      }),
      { seed: 20261123, numRuns: 60 },
    );
  });
});

describe('shared start and end of two texts', () => {
  it('are measured exactly, the end never overlapping the start', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), fc.string({ maxLength: 300 }), (head, x, y, tail) => {
        const a = head + x + tail;
        const b = head + y + tail;
        const prefix = commonPrefixLength(a, b);
        const suffix = commonSuffixLength(a, b, prefix);
        let expectedPrefix = 0;
        while (expectedPrefix < Math.min(a.length, b.length) && a[expectedPrefix] === b[expectedPrefix]) expectedPrefix++;
        let expectedSuffix = 0;
        while (expectedSuffix < Math.min(a.length, b.length) - expectedPrefix && a[a.length - 1 - expectedSuffix] === b[b.length - 1 - expectedSuffix]) expectedSuffix++;
        assert.equal(prefix, expectedPrefix);
        assert.equal(suffix, expectedSuffix);
      }),
      { seed: 20261123, numRuns: 500 },
    );
    assert.equal(commonPrefixLength('a'.repeat(70_000) + 'b', 'a'.repeat(70_000) + 'c'), 70_000);
    assert.equal(commonSuffixLength('b' + 'a'.repeat(70_000), 'c' + 'a'.repeat(70_000), 0), 70_000);
  });
});
