import { createHash } from 'node:crypto';
import { LineIndex, type Finding } from '../engine';

/**
 * SARIF `partialFingerprints` that survive lines moving, one per finding: a hash of the rule id and
 * the offending line's trimmed text, plus a counter telling apart identical lines with the same
 * finding in one file. Worked out where the file's text is at hand, so the text need not travel.
 */
export function fingerprintFindings(text: string, findings: readonly Finding[]): string[] {
  const lines = new LineIndex(text);
  const occurrences = new Map<string, number>();
  return findings.map((finding) => {
    const hash = createHash('sha256').update(`${finding.ruleId}\u0000${lines.lineText(finding.range.start.line).trim()}`).digest('hex').slice(0, 32);
    const occurrence = (occurrences.get(hash) ?? 0) + 1;
    occurrences.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  });
}
