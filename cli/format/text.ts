import type { Finding, Severity } from '../../engine';
import { FILE_ERROR_ID, type ScanTally, type ScannedFile } from '../scan';
import type { WalkError } from '../walk';
import type { Reporter, Write } from './reporter';

export interface TextOptions {
  /** ANSI colours: for a terminal, and not when NO_COLOR is set, unless --color or --no-color says otherwise. */
  color: boolean;
}

const SEVERITY_COLORS: Record<Severity, string> = { error: '31', warning: '33', info: '36' };

/** SGR codes and what turns each off again, so a painted span leaves other attributes alone. */
const STYLES = { bold: ['1', '22'], dim: ['90', '39'], red: ['31', '39'], yellow: ['33', '39'], cyan: ['36', '39'], green: ['32', '39'] } as const;
type Style = keyof typeof STYLES;

export type Painter = (style: Style, text: string) => string;

export function painter(color: boolean): Painter {
  return (style, text) => (color && text !== '' ? `\u001b[${STYLES[style][0]}m${text}\u001b[${STYLES[style][1]}m` : text);
}

const SEVERITY_STYLES: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'cyan' };

/**
 * For people: each file with problems as a heading, then one row per problem,
 * `  line:col  severity  message  rule-id`, columns aligned within the file; then the files that
 * could not be analysed with the reason, and a summary line. Everything goes to stdout, so
 * `ballast scan | less` shows it all.
 */
export function textReporter(write: Write, options: TextOptions): Reporter {
  const paint = painter(options.color);
  const notAnalysed: { path: string; reason: string }[] = [];
  let wroteGroup = false;
  return {
    file(file) {
      if (file.error !== undefined) notAnalysed.push({ path: file.path, reason: file.error });
      if (file.findings.length === 0) return;
      write(`${wroteGroup ? '\n' : ''}${paint('bold', file.path)}\n${findingRows(file.findings, paint)}`);
      wroteGroup = true;
    },
    end(tally, walkErrors) {
      const unread = [...walkErrors.map((error) => ({ path: `${error.displayPath}/`, reason: sentence(error.message) })), ...notAnalysed];
      let output = '';
      if (unread.length > 0) {
        const width = Math.max(...unread.map((entry) => entry.path.length));
        output += `${wroteGroup ? '\n' : ''}${paint('bold', 'Not analysed:')}\n`;
        output += unread.map((entry) => `  ${entry.path.padEnd(width)}  ${paint('red', oneLine(entry.reason))}\n`).join('');
      }
      const summary = summaryLine(tally);
      const style: Style = tally.counts.error > 0 ? 'red' : tally.counts.warning > 0 ? 'yellow' : tally.problems > 0 ? 'cyan' : 'green';
      output += `${wroteGroup || unread.length > 0 ? '\n' : ''}${paint('bold', paint(style, summary))}\n`;
      write(output);
    },
  };
}

function findingRows(findings: readonly Finding[], paint: Painter): string {
  const rows = findings.map((finding) => ({
    position: `${finding.range.start.line + 1}:${finding.range.start.character + 1}`,
    severity: finding.severity,
    message: oneLine(finding.message),
    ruleId: finding.ruleId,
  }));
  const widths = {
    position: Math.max(...rows.map((row) => row.position.length)),
    severity: Math.max(...rows.map((row) => row.severity.length)),
    message: Math.max(...rows.map((row) => row.message.length)),
  };
  return rows
    .map((row) => {
      // Padding goes outside the colour codes, so columns line up with colour as without.
      const pad = (text: string, width: number) => ' '.repeat(width - text.length);
      return (
        `  ${paint('dim', row.position)}${pad(row.position, widths.position)}` +
        `  ${paint(SEVERITY_STYLES[row.severity], row.severity)}${pad(row.severity, widths.severity)}` +
        `  ${row.message}${pad(row.message, widths.message)}` +
        `  ${paint('dim', row.ruleId)}\n`
      );
    })
    .join('');
}

/**
 * For tools and editors: one line per problem, `path:line:col severity rule-id message`, 1-based,
 * the shape compilers use so that terminals and editors turn the location into a link. A file
 * that could not be analysed is one line at 1:1 under the pseudo rule id `ballast/file-error`.
 * The summary goes to stderr, so stdout holds problems only.
 */
export function compactReporter(write: Write, writeSummary: Write, options: TextOptions): Reporter {
  const paint = painter(options.color);
  const line = (path: string, lineNumber: number, column: number, severity: Severity, ruleId: string, message: string) =>
    `${path}:${lineNumber}:${column} ${paint(SEVERITY_STYLES[severity], severity)} ${paint('dim', ruleId)} ${oneLine(message)}\n`;
  return {
    file(file: ScannedFile) {
      let output = '';
      if (file.error !== undefined) output += line(file.path, 1, 1, 'error', FILE_ERROR_ID, file.error);
      for (const finding of file.findings) {
        const { start } = finding.range;
        output += line(file.path, start.line + 1, start.character + 1, finding.severity, finding.ruleId, finding.message);
      }
      if (output !== '') write(output);
    },
    end(tally: ScanTally, _walkErrors: readonly WalkError[]) {
      writeSummary(`${summaryLine(tally)}\n`);
    },
  };
}

/** `3 problems (1 error, 2 warnings) in 2 of 14 files`; information findings are counted when there are any. */
export function summaryLine(tally: ScanTally): string {
  const { counts } = tally;
  if (tally.files === 0) return 'No files to scan: no Dockerfiles or YAML files were found.';
  if (tally.problems === 0) return `No problems in ${plural(tally.files, 'file')}.`;
  const breakdown = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), ...(counts.info > 0 ? [`${counts.info} info`] : [])].join(', ');
  return `${plural(tally.problems, 'problem')} (${breakdown}) in ${tally.filesWithProblems} of ${plural(tally.files, 'file')}`;
}

export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/** Keeps one problem on one line even if a message ever spans lines. */
function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** `cannot read this directory: EACCES: …` as the sentence the other reasons are. */
function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
