import type { DocumentDiagnosticReport } from 'vscode-languageserver/node';
import type { Finding } from '../engine';
import { toDiagnostic } from './diagnostics';

/**
 * Answers `textDocument/diagnostic` with `unchanged` when the findings are those the client
 * already holds (its `previousResultId`): typing in a comment or a value of a large manifest then
 * sends a few bytes, not every diagnostic of the file again. Findings of unchanged documents are
 * the very same objects from one lint to the next (see `lintByDocument`), so the comparison costs
 * little more than the edited document's own findings.
 */
export class PulledReports {
  private readonly last = new Map<string, { resultId: string; findings: readonly Finding[] }>();
  private counter = 0;

  report(uri: string, previousResultId: string | undefined, findings: readonly Finding[]): DocumentDiagnosticReport {
    const last = this.last.get(uri);
    if (last && previousResultId === last.resultId && sameFindings(last.findings, findings)) {
      this.last.set(uri, { resultId: last.resultId, findings });
      return { kind: 'unchanged', resultId: last.resultId };
    }
    const resultId = String(++this.counter);
    this.last.set(uri, { resultId, findings });
    return { kind: 'full', resultId, items: findings.map(toDiagnostic) };
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }

  /** Settings changed: whatever the findings, the next answers are full ones. */
  clear(): void {
    this.last.clear();
  }
}

function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i] && JSON.stringify(a[i]) !== JSON.stringify(b[i])) return false;
  }
  return true;
}
