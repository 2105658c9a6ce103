import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EQUIVALENT_TOOLS, lint, listRules, type ChartMetadata, type FileKind, type RuleMeta } from '../../engine';

/** How each target's examples are linted; Helm examples are values files of a chart without appVersion. */
const KIND_OF_TARGET: Record<RuleMeta['target'], { kind: FileKind; fence: string; chart?: ChartMetadata }> = {
  dockerfile: { kind: 'dockerfile', fence: 'dockerfile' },
  kubernetes: { kind: 'kubernetes', fence: 'yaml' },
  helm: { kind: 'helm-values', fence: 'yaml', chart: { name: 'example', appVersion: undefined } },
};

/** The fenced example that follows a `Bad:` or `Good:` label in a rule's description. */
function example(description: string, label: 'Bad' | 'Good', fence: string): string | undefined {
  const match = new RegExp(`\\*{0,2}${label}:?\\*{0,2}:?\\s*\\n\`\`\`${fence}\\n([\\s\\S]*?)\`\`\``).exec(description);
  return match?.[1];
}

describe('rule metadata', () => {
  const rules = listRules();

  it('ids are unique, kebab-case and prefixed by their target', () => {
    const ids = rules.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const meta of rules) assert.match(meta.id, new RegExp(`^${meta.target}/[a-z0-9]+(-[a-z0-9]+)*$`), meta.id);
  });

  for (const meta of rules) {
    describe(meta.id, () => {
      it('has a title, references and only known equivalent tools', () => {
        assert.ok(meta.title.length > 5 && !meta.title.endsWith('.'));
        assert.ok(meta.references.length > 0);
        for (const r of meta.references) assert.match(r.url, /^https:\/\//);
        for (const tool of Object.keys(meta.equivalents)) assert.ok((EQUIVALENT_TOOLS as readonly string[]).includes(tool), tool);
      });

      const target = KIND_OF_TARGET[meta.target];
      const settings = { rules: { [meta.id]: meta.defaultSeverity }, trustedRegistries: ['registry.example.com'] };

      it('its Bad example triggers it', () => {
        const bad = example(meta.description, 'Bad', target.fence);
        assert.ok(bad, 'the description has a Bad example');
        const ids = lint({ text: bad, kind: target.kind, chart: target.chart, settings }).findings.map((f) => f.ruleId);
        assert.ok(ids.includes(meta.id), `findings: ${ids.join(', ')}`);
      });

      it('its Good example does not', () => {
        const good = example(meta.description, 'Good', target.fence);
        assert.ok(good, 'the description has a Good example');
        const ids = lint({ text: good, kind: target.kind, chart: target.chart, settings }).findings.map((f) => f.ruleId);
        assert.ok(!ids.includes(meta.id), `findings: ${ids.join(', ')}`);
      });
    });
  }
});
