import { EQUIVALENT_TOOLS, type EquivalentTool, type RuleMeta } from '../engine';

/** One entry of `ballast rules --format json`; every equivalents key is present, empty when none. */
export interface RuleListing {
  id: string;
  target: RuleMeta['target'];
  defaultSeverity: RuleMeta['defaultSeverity'];
  title: string;
  fix: RuleMeta['fix'];
  equivalents: Record<EquivalentTool, string[]>;
}

export function toRuleListing(meta: RuleMeta): RuleListing {
  const equivalents = Object.fromEntries(EQUIVALENT_TOOLS.map((tool) => [tool, [...(meta.equivalents[tool] ?? [])]])) as Record<EquivalentTool, string[]>;
  return { id: meta.id, target: meta.target, defaultSeverity: meta.defaultSeverity, title: meta.title, fix: meta.fix, equivalents };
}

export function formatRulesJson(rules: readonly RuleMeta[]): string {
  return `${JSON.stringify(rules.map(toRuleListing), null, 2)}\n`;
}

/** An aligned table; a rule that ships off says so in its severity column. */
export function formatRulesText(rules: readonly RuleMeta[]): string {
  const header = ['RULE', 'SEVERITY', 'FIX', 'TITLE'];
  const rows = rules.map((meta) => [
    meta.id,
    meta.enabledByDefault === false ? `${meta.defaultSeverity} (off)` : meta.defaultSeverity,
    meta.fix,
    meta.title,
  ]);
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]!.length)));
  return [header, ...rows].map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ')).join('\n') + '\n';
}
