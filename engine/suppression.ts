import type { LineIndex } from './text';
import type { Finding, Position, TextEdit } from './types';

/** A `# ballast-ignore` / `# hadolint ignore=` comment, resolved to the Ballast rule ids it names. */
export interface Suppression {
  ruleIds: Set<string>;
  /** Lines (inclusive) it covers; undefined for a whole-file suppression. */
  lines: { first: number; last: number } | undefined;
}

const BALLAST_DIRECTIVE = /^\s*#\s*ballast-ignore(-file)?(?:\s+(.*))?$/;
const HADOLINT_DIRECTIVE = /^\s*#\s*hadolint\s+(global\s+)?ignore\s*=\s*([A-Za-z0-9_, ]+)/;
const TRIVY_DIRECTIVE = /^\s*#\s*trivy:ignore:([A-Za-z0-9-]+)/;

/** Parses the rule list of a directive: `a, b -- reason` gives `[a, b]`. */
export function parseRuleList(rest: string | undefined): string[] {
  const list = (rest ?? '').split(/\s--(?:\s|$)|^--(?:\s|$)/)[0] ?? '';
  return list
    .split(/[,\s]+/)
    .map((id) => id.trim())
    .filter((id) => id !== '');
}

export interface SuppressionOptions {
  /** Whether hadolint and Trivy comments count too. */
  honorOtherTools: boolean;
  /** The Ballast rule ids equivalent to another tool's check id (`DL3002`, `KSV-0017`). */
  equivalentRules: (tool: 'hadolint' | 'trivy', code: string) => string[];
}

/**
 * Reads suppression comments. `spanBelow(line)` tells which lines the statement that follows a
 * comment line occupies (a whole multi-line instruction for Dockerfiles), or undefined when the
 * comment is not directly above a statement.
 */
export function collectSuppressions(lines: LineIndex, spanBelow: (commentLine: number) => { first: number; last: number } | undefined, options: SuppressionOptions): Suppression[] {
  const result: Suppression[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    if (!text.trimStart().startsWith('#')) continue;
    const ballast = BALLAST_DIRECTIVE.exec(text);
    if (ballast) {
      const ruleIds = new Set(parseRuleList(ballast[2]));
      if (ruleIds.size === 0) continue;
      if (ballast[1]) result.push({ ruleIds, lines: undefined });
      else {
        const span = spanBelow(line);
        if (span) result.push({ ruleIds, lines: span });
      }
      continue;
    }
    const trivy = options.honorOtherTools ? TRIVY_DIRECTIVE.exec(text) : null;
    if (trivy) {
      const ruleIds = new Set(options.equivalentRules('trivy', trivy[1]!));
      const span = spanBelow(line);
      if (ruleIds.size > 0 && span) result.push({ ruleIds, lines: span });
      continue;
    }
    const hadolint = options.honorOtherTools ? HADOLINT_DIRECTIVE.exec(text) : null;
    if (hadolint) {
      const ruleIds = new Set(parseRuleList(hadolint[2]).flatMap((code) => options.equivalentRules('hadolint', code.toUpperCase())));
      if (ruleIds.size === 0) continue;
      if (hadolint[1]) result.push({ ruleIds, lines: undefined });
      else {
        const span = spanBelow(line);
        if (span) result.push({ ruleIds, lines: span });
      }
    }
  }
  return result;
}

export function isSuppressed(finding: Finding, suppressions: readonly Suppression[]): boolean {
  return suppressions.some(
    (s) => s.ruleIds.has(finding.ruleId) && (s.lines === undefined || (finding.range.start.line >= s.lines.first && finding.range.start.line <= s.lines.last)),
  );
}

/** An edit that adds a suppression, and where the cursor goes so the user can type the reason. */
export interface SuppressionEdit {
  edit: TextEdit;
  cursor: Position;
}

/**
 * Adds `# ballast-ignore <id> -- ` above `statementLine`, or appends the id to a ballast-ignore
 * comment already there.
 */
export function lineSuppressionEdit(lines: LineIndex, statementLine: number, ruleId: string): SuppressionEdit {
  const above = statementLine > 0 ? lines.lineText(statementLine - 1) : undefined;
  const existing = above !== undefined ? /^(\s*#\s*ballast-ignore\s+)([^\n]*?)(\s+--(?:\s.*)?)?$/.exec(above) : null;
  if (existing && !parseRuleList(existing[2]).includes(ruleId)) {
    const listEnd = existing[1]!.length + existing[2]!.length;
    const at = { line: statementLine - 1, character: listEnd };
    const reasonCursor = existing[3] ? { line: statementLine - 1, character: above!.length } : { line: statementLine - 1, character: listEnd + ruleId.length + 2 + 4 };
    return {
      edit: { range: { start: at, end: at }, newText: existing[3] ? `, ${ruleId}` : `, ${ruleId} -- ` },
      cursor: existing[3] ? { line: reasonCursor.line, character: reasonCursor.character + ruleId.length + 2 } : reasonCursor,
    };
  }
  const indent = /^\s*/.exec(lines.lineText(statementLine))?.[0] ?? '';
  const comment = `${indent}# ballast-ignore ${ruleId} -- `;
  const at = { line: statementLine, character: 0 };
  return { edit: { range: { start: at, end: at }, newText: comment + lines.eol }, cursor: { line: statementLine, character: comment.length } };
}

/** Adds `# ballast-ignore-file <id> -- ` at `line` (after any header that must stay first). */
export function fileSuppressionEdit(lines: LineIndex, line: number, ruleId: string): SuppressionEdit {
  const comment = `# ballast-ignore-file ${ruleId} -- `;
  const at = { line, character: 0 };
  return { edit: { range: { start: at, end: at }, newText: comment + lines.eol }, cursor: { line, character: comment.length } };
}

/** The rule id of findings about suppression comments that name no Ballast rule. */
export const UNKNOWN_RULE_ID = 'ballast/unknown-rule';

/**
 * Finds rule ids in `# ballast-ignore` comments that match no rule: a typo there silently
 * suppresses nothing. Offers the closest known id as a fix.
 */
export function checkDirectiveIds(lines: LineIndex, knownIds: readonly string[], target: string): Finding[] {
  const findings: Finding[] = [];
  const known = new Set(knownIds);
  for (let line = 0; line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    const match = /^(\s*#\s*ballast-ignore(?:-file)?\s+)(.*)$/.exec(text);
    if (!match) continue;
    const listStart = match[1]!.length;
    const list = match[2]!.split(/\s--(?:\s|$)|^--(?:\s|$)/)[0] ?? '';
    for (const token of list.matchAll(/[^,\s]+/g)) {
      const id = token[0];
      if (known.has(id)) continue;
      const start = { line, character: listStart + token.index };
      const range = { start, end: { line, character: start.character + id.length } };
      const closest = closestId(id, knownIds, target);
      findings.push({
        ruleId: UNKNOWN_RULE_ID,
        severity: 'warning',
        message: `Unknown rule id ${id}: this comment suppresses nothing.${closest ? ` Did you mean ${closest}?` : ''}`,
        range,
        fixes: closest ? [{ title: `Change to ${closest}`, kind: 'safe', edits: [{ range, newText: closest }] }] : [],
      });
    }
  }
  return findings;
}

/**
 * The known id a typo most likely meant: the same name without its target (this file's target
 * first, since several targets have rules of the same name), the one id of the target that starts
 * with what was written (`kubernetes/privileged` for `kubernetes/privileged-container`), or the id
 * within 3 edits.
 */
export function closestId(id: string, knownIds: readonly string[], target: string): string | undefined {
  const bySuffix = knownIds.filter((known) => known.endsWith(`/${id}`));
  const sameTarget = bySuffix.filter((known) => known.startsWith(`${target}/`));
  if (sameTarget.length === 1) return sameTarget[0];
  if (bySuffix.length === 1) return bySuffix[0];
  const byPrefix = id.includes('/') ? knownIds.filter((known) => known.startsWith(id)) : [];
  if (byPrefix.length === 1) return byPrefix[0];
  let best: string | undefined;
  let bestDistance = 4;
  for (const known of knownIds) {
    const distance = editDistance(id, known);
    if (distance < bestDistance) {
      best = known;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return Infinity;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
