import type { FileKind, FixKind, ObjectRef, Range, Severity } from '../../engine';
import type { ScanResult, ScannedFile } from '../scan';
import { JsonArrayWriter, type Reporter, type Write } from './reporter';

/** The `--format json` document. Its shape is a public contract: version 1 never gains or loses keys. */
export interface JsonReport {
  version: 1;
  files: JsonFile[];
}

export interface JsonFile {
  path: string;
  kind: FileKind;
  findings: JsonFinding[];
  error?: string;
}

export interface JsonFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** 0-based line and UTF-16 character, as in the Language Server Protocol. */
  range: Range;
  fixes: { title: string; kind: FixKind }[];
  /** Kubernetes findings only: the object and container concerned (absent values are null). */
  object?: { apiVersion: string; kind: string; name: string | null; namespace: string | null; container: string | null };
}

function jsonObject(object: ObjectRef): NonNullable<JsonFinding['object']> {
  return { apiVersion: object.apiVersion, kind: object.kind, name: object.name ?? null, namespace: object.namespace ?? null, container: object.container ?? null };
}

export function toJsonFile(file: ScannedFile): JsonFile {
  return {
    path: file.path,
    kind: file.kind,
    findings: file.findings.map((finding) => ({
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      range: {
        start: { line: finding.range.start.line, character: finding.range.start.character },
        end: { line: finding.range.end.line, character: finding.range.end.character },
      },
      fixes: finding.fixes.map((fix) => ({ title: fix.title, kind: fix.kind })),
      ...(finding.object ? { object: jsonObject(finding.object) } : {}),
    })),
    ...(file.error !== undefined ? { error: file.error } : {}),
  };
}

export function toJsonReport(result: ScanResult): JsonReport {
  return { version: 1, files: result.files.map(toJsonFile) };
}

/** The report written file by file; the text is that of `JSON.stringify(toJsonReport(…), null, 2)`. */
export function jsonReporter(write: Write): Reporter {
  write('{\n  "version": 1,\n  "files": [');
  const files = new JsonArrayWriter(write, 4);
  return {
    file: (file) => files.push(toJsonFile(file)),
    end: () => write(`${files.close()}\n}\n`),
  };
}

export function formatJson(result: ScanResult): string {
  return `${JSON.stringify(toJsonReport(result), null, 2)}\n`;
}
