// Properties of the engine over generated input, with a fixed seed so every run checks the same
// cases: whatever the text, linting returns findings (never an exception, never a failing rule),
// and fix-all reaches a fixed point.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fixAll, lint, type FileKind, type LintRequest } from '../../engine';

const SEED = 20261123;
const RUNS = 1500;

/** Every fixture of the project, by kind: real text to mutate. */
function fixtures(): { kind: FileKind; text: string }[] {
  const root = path.join(__dirname, '..', 'fixtures');
  const found: { kind: FileKind; text: string }[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/Dockerfile/i.test(entry.name)) found.push({ kind: 'dockerfile', text: readFileSync(full, 'utf8') });
      else if (/values.*\.ya?ml$/.test(entry.name)) found.push({ kind: 'helm-values', text: readFileSync(full, 'utf8') });
      else if (/\.ya?ml$/.test(entry.name)) found.push({ kind: 'kubernetes', text: readFileSync(full, 'utf8') });
    }
  };
  walk(root);
  return found;
}

const KINDS: FileKind[] = ['dockerfile', 'kubernetes', 'helm-values', 'helm-template', 'ballast-config'];

type Mutation = { op: 'delete' | 'duplicate' | 'swap' | 'truncate'; at: number } | { op: 'insert'; at: number; text: string };

/** Mutations a half-typed or pasted file goes through: lines deleted, doubled, swapped, cut, odd characters. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom('\t', '\u0000', '{{', '}}', '&a ', '*a', '- ', ': ', '\\\n', '"', "'", '#', '\r\n', '---\n', '<<EOF\n', '\u2028', '\ud800') }),
);

function mutate(text: string, steps: Mutation[]): string {
  let result = text;
  for (const step of steps) {
    const lines = result.split('\n');
    const line = lines.length === 0 ? 0 : step.at % lines.length;
    switch (step.op) {
      case 'delete':
        lines.splice(line, 1);
        result = lines.join('\n');
        break;
      case 'duplicate':
        lines.splice(line, 0, lines[line] ?? '');
        result = lines.join('\n');
        break;
      case 'swap':
        if (lines.length > 1) [lines[line], lines[(line + 1) % lines.length]] = [lines[(line + 1) % lines.length]!, lines[line]!];
        result = lines.join('\n');
        break;
      case 'truncate':
        result = result.slice(0, step.at % (result.length + 1));
        break;
      case 'insert': {
        const at = step.at % (result.length + 1);
        result = result.slice(0, at) + step.text + result.slice(at);
        break;
      }
    }
  }
  return result;
}

function checkLint(request: LintRequest): void {
  const result = lint(request);
  assert.deepEqual(result.ruleFailures, [], `a rule failed on:\n${JSON.stringify(request.text)}\n${result.ruleFailures.map((f) => f.error).join('\n')}`);
  for (const finding of result.findings) {
    assert.ok(finding.range.start.line <= finding.range.end.line, 'ranges run forwards');
  }
}

describe('engine properties', () => {
  const corpus = fixtures();

  it('lints any text of any kind without throwing or failing a rule', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), fc.string({ unit: 'binary', maxLength: 400 }), (kind, text) => checkLint({ text, kind })),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('lints every mutation of the project fixtures without failing a rule', () => {
    assert.ok(corpus.length > 10, `fixtures found: ${corpus.length}`);
    fc.assert(
      fc.property(fc.nat({ max: corpus.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (index, steps) => {
        const { kind, text } = corpus[index]!;
        checkLint({ text: mutate(text, steps), kind, chart: { name: 'fuzz', appVersion: undefined } });
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('fix-all applied twice gives what it gives once', () => {
    fc.assert(
      fc.property(fc.nat({ max: corpus.length - 1 }), fc.array(mutation, { maxLength: 2 }), (index, steps) => {
        const { kind, text } = corpus[index]!;
        const request = { text: mutate(text, steps), kind, chart: { name: 'fuzz', appVersion: undefined } };
        const once = fixAll(request, ['safe', 'suggestion']).text;
        assert.equal(fixAll({ ...request, text: once }, ['safe', 'suggestion']).text, once);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
