import type { Severity } from '../../engine';
import { FILE_ERROR_ID, countProblems, type ScanResult } from '../scan';

const SEVERITY_COLORS: Record<Severity, string> = { error: '31', warning: '33', info: '36' };
const DIM = '90';

export interface TextOptions {
  /** ANSI colours: only for a terminal, and never when NO_COLOR is set. */
  color: boolean;
}

/**
 * One line per problem, `path:line:col severity rule-id message`, 1-based, the shape compilers use
 * so that terminals and editors turn the location into a link. A file that could not be analysed
 * is one line at 1:1 under the pseudo rule id `ballast/file-error`.
 */
export function formatText(result: ScanResult, options: TextOptions): string {
  const paint = (code: string, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[39m` : text);
  const line = (path: string, lineNumber: number, column: number, severity: Severity, ruleId: string, message: string) =>
    `${path}:${lineNumber}:${column} ${paint(SEVERITY_COLORS[severity], severity)} ${paint(DIM, ruleId)} ${oneLine(message)}\n`;
  let output = '';
  for (const file of result.files) {
    if (file.error !== undefined) output += line(file.path, 1, 1, 'error', FILE_ERROR_ID, file.error);
    for (const finding of file.findings) {
      const { start } = finding.range;
      output += line(file.path, start.line + 1, start.character + 1, finding.severity, finding.ruleId, finding.message);
    }
  }
  return output;
}

/** `3 problems (1 error, 2 warnings, 0 info) in 2 of 5 files`, for stderr after the findings. */
export function formatSummary(result: ScanResult): string {
  const counts = countProblems(result);
  const total = counts.error + counts.warning + counts.info;
  const scanned = result.files.length;
  if (scanned === 0) return 'No files to scan: no Dockerfiles were found.\n';
  if (total === 0) return `No problems in ${plural(scanned, 'file')}.\n`;
  const withProblems = result.files.filter((file) => file.error !== undefined || file.findings.length > 0).length;
  const breakdown = `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info`;
  return `${plural(total, 'problem')} (${breakdown}) in ${withProblems} of ${plural(scanned, 'file')}\n`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Keeps the one-line-per-problem contract even if a message ever spans lines. */
function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}
