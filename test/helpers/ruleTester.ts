import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, lint, type ChartMetadata, type EngineSettings, type FileKind, type Finding, type FixKind } from '../../engine';

/** `[startLine, startCharacter, endLine, endCharacter]`, 0-based like LSP. */
export type RangeTuple = [number, number, number, number];

export interface ExpectedFix {
  title: string;
  kind: FixKind;
  /** The whole text after applying only this fix. */
  output: string;
}

export interface ExpectedFinding {
  message: string;
  range: RangeTuple;
  /** Every fix the finding offers, in order. Omit only when the rule offers none. */
  fixes?: ExpectedFix[];
}

export interface ValidCase {
  name: string;
  code: string;
  settings?: Partial<EngineSettings>;
  /** For Helm values: the chart's Chart.yaml metadata; without it, the file is outside any chart. */
  chart?: ChartMetadata;
  /** For Helm values: the file overrides the chart's values.yaml. */
  overrides?: boolean;
}

export interface InvalidCase extends ValidCase {
  findings: ExpectedFinding[];
}

function tuple(finding: Finding): RangeTuple {
  const { start, end } = finding.range;
  return [start.line, start.character, end.line, end.character];
}

/**
 * Data-table tests for one rule: valid cases produce none of its findings; invalid cases produce
 * exactly the listed ones (message and range), each fix yields exactly the expected text, and that
 * text, linted again, no longer has the finding.
 */
export function testRule(ruleId: string, kind: FileKind, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const findingsOf = (code: string, settings?: Partial<EngineSettings>, chart?: ChartMetadata, overrides?: boolean) => {
    const result = lint({ text: code, kind, settings, chart, overridesChartValues: overrides });
    assert.deepEqual(result.ruleFailures, [], `rules threw: ${result.ruleFailures.map((f) => f.error).join('\n')}`);
    return result.findings.filter((f) => f.ruleId === ruleId);
  };

  describe(ruleId, () => {
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        assert.deepEqual(findingsOf(c.code, c.settings, c.chart, c.overrides).map((f) => `${tuple(f).join(',')} ${f.message}`), []);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const actual = findingsOf(c.code, c.settings, c.chart, c.overrides);
        assert.deepEqual(
          actual.map((f) => ({ message: f.message, range: tuple(f) })),
          c.findings.map((f) => ({ message: f.message, range: f.range })),
        );
        actual.forEach((finding, index) => {
          const expected = c.findings[index]!;
          assert.deepEqual(
            finding.fixes.map((fix) => ({ title: fix.title, kind: fix.kind, output: applyEdits(c.code, fix.edits) })),
            expected.fixes ?? [],
            `fixes of finding ${index}`,
          );
          for (const fix of finding.fixes) {
            const fixed = applyEdits(c.code, fix.edits);
            const again = findingsOf(fixed, c.settings, c.chart, c.overrides);
            assert.ok(
              again.length < actual.length,
              `after "${fix.title}" the finding is still there:\n${fixed}\n${again.map((f) => `${tuple(f).join(',')} ${f.message}`).join('\n')}`,
            );
          }
        });
      });
    }
  });
}
