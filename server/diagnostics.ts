import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { Finding, Fix, Position, Range, Severity, TextEdit } from '../engine';
import { DIAGNOSTIC_SOURCE } from './protocol';
import { ruleDocumentationUri } from './ruleDocs';

/**
 * What a Ballast diagnostic carries in `data`: everything its code actions need, so that they
 * can be computed from the request alone.
 */
export interface BallastDiagnosticData {
  fixes: Fix[];
}

/** A diagnostic Ballast published, read back from a code action request. */
export interface BallastDiagnostic {
  diagnostic: Diagnostic;
  ruleId: string;
  range: Range;
  fixes: Fix[];
}

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toDiagnostic(finding: Finding): Diagnostic {
  const href = ruleDocumentationUri(finding.ruleId);
  const data: BallastDiagnosticData = { fixes: finding.fixes };
  return {
    range: finding.range,
    severity: SEVERITIES[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    message: finding.message,
    data,
  };
}

/**
 * Reads a diagnostic the client sent back. It is only trusted as far as it checks out: a
 * diagnostic from another source, or with malformed data, is not Ballast's.
 */
export function readBallastDiagnostic(diagnostic: Diagnostic): BallastDiagnostic | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string' || !isRange(diagnostic.range)) return undefined;
  const data: unknown = diagnostic.data;
  const fixes = isRecord(data) && Array.isArray(data.fixes) ? data.fixes : [];
  return { diagnostic, ruleId: diagnostic.code, range: diagnostic.range, fixes: fixes.filter(isFix) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isPosition(value: unknown): value is Position {
  return isRecord(value) && Number.isInteger(value.line) && Number.isInteger(value.character);
}

function isRange(value: unknown): value is Range {
  return isRecord(value) && isPosition(value.start) && isPosition(value.end);
}

function isTextEdit(value: unknown): value is TextEdit {
  return isRecord(value) && isRange(value.range) && typeof value.newText === 'string';
}

function isFix(value: unknown): value is Fix {
  return (
    isRecord(value) &&
    typeof value.title === 'string' &&
    (value.kind === 'safe' || value.kind === 'suggestion') &&
    Array.isArray(value.edits) &&
    value.edits.every(isTextEdit)
  );
}
