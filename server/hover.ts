import { MarkupKind, type Hover, type Position } from 'vscode-languageserver/node';
import { findRule, type Finding, type Range } from '../engine';
import { ruleDocumentationUri } from './ruleDocs';

/** Explains the findings under the cursor: rule title, message, the rule's rationale, a link to its doc. */
export function hoverAt(findings: readonly Finding[], position: Position): Hover | null {
  const here = findings.filter((finding) => contains(finding.range, position));
  const first = here[0];
  if (!first) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: here.map(explain).join('\n\n---\n\n') },
    range: first.range,
  };
}

function explain(finding: Finding): string {
  const rule = findRule(finding.ruleId);
  if (!rule) return `**Ballast** \`${finding.ruleId}\`\n\n${finding.message}`;
  const href = ruleDocumentationUri(rule.id);
  const parts = [`**${rule.title}** \`${rule.id}\``, finding.message, rule.description];
  if (href) parts.push(`[Documentation for ${rule.id}](${href})`);
  return parts.join('\n\n');
}

function contains(range: Range, position: Position): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}
