import { FileChangeType, type CancellationToken, type FileEvent, type PublishDiagnosticsParams } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SKIPPED_ID, type BallastSettings, type Finding, type LintTarget } from '../engine';
import { toDiagnostic } from './diagnostics';
import { filePath } from './documentTarget';
import { describeError, type Logger } from './guard';
import type { ScanCounts, ScanFilesParams, ScanFilesResult, ScanFinishedParams, ScanProgressParams } from './protocol';
import type { ScanJob, ScanJobResult } from './scanFile';
import type { RunOptions } from './scanPool';
import { RuleFailureLog } from './ruleFailureLog';
import type { SettingsProvider } from './settings';

export interface ScannerDependencies {
  documents: { get(uri: string): TextDocument | undefined };
  settings: Pick<SettingsProvider, 'forDocument' | 'forget'>;
  /** What a file is (kind, chart), or undefined when Ballast does not lint it; see `DocumentClassifier`. */
  targetOf(document: Pick<TextDocument, 'uri' | 'languageId'>, settings: BallastSettings): LintTarget | undefined;
  /** The live findings of an open document's current version (`DocumentLinter.findingsFor`). */
  liveFindings(uri: string): Promise<Finding[] | undefined>;
  /** Lints a file from disk off the main thread (`LintPool.run`). */
  lintFile(job: ScanJob, options: RunOptions): Promise<ScanJobResult | undefined>;
  publish(params: PublishDiagnosticsParams): void;
  progress(params: ScanProgressParams): void;
  logger: Logger;
}

/** A file of the last scans: it is re-linted from disk when it is closed or changes on disk. */
interface ScannedFile {
  /** Whether the scan published diagnostics for it that are not empty, so clearing them means something. */
  published: boolean;
}

interface Session {
  scan: number;
  processed: number;
  lastProgress: number;
  /** Every file the client sent in this scan, so that the end of the scan can drop the others. */
  sent: Set<string>;
}

type FileOutcome = { findings: Finding[] } | 'passed' | 'cancelled';

const PROGRESS_INTERVAL_MILLISECONDS = 100;

/**
 * Lints files that are not open: the workspace scan, and the scanned files again when they are
 * closed or change on disk. Open documents belong to `DocumentLinter`: the scanner never publishes
 * for a document that is open, so its live diagnostics always win.
 */
export class WorkspaceScanner {
  private readonly scanned = new Map<string, ScannedFile>();
  /** The newest lint of each file in flight; an older one that finishes late is dropped. */
  private readonly inFlight = new Map<string, number>();
  private tickets = 0;
  private session: Session | undefined;

  private readonly failureLog: RuleFailureLog;

  constructor(private readonly deps: ScannerDependencies) {
    this.failureLog = new RuleFailureLog(deps.logger, ' in the workspace scan');
  }

  /** Lints a batch of files of scan `params.scan` and publishes their diagnostics. */
  async scanFiles(params: ScanFilesParams, token: CancellationToken): Promise<ScanFilesResult> {
    const session = this.sessionFor(params.scan);
    const result: ScanFilesResult = { processed: 0, files: 0, errors: 0, warnings: 0, infos: 0, cancelled: false };
    const cancelled = () => token.isCancellationRequested || this.session !== session;
    for (const uri of params.uris) session.sent.add(uri);
    await Promise.all(
      params.uris.map(async (uri) => {
        const outcome = await this.scanFile(uri, cancelled);
        if (outcome === 'cancelled') return;
        result.processed++;
        if (outcome !== 'passed') addCounts(result, outcome.findings);
        session.processed++;
        this.reportProgress(session, false);
      }),
    );
    result.cancelled = result.processed < params.uris.length;
    this.reportProgress(session, true);
    return result;
  }

  /** The scan went through every file under `folders`: earlier results of files it did not send are dropped. */
  scanFinished(params: ScanFinishedParams): void {
    const session = this.session;
    if (!session || session.scan !== params.scan) return;
    this.session = undefined;
    const folders = params.folders.map((folder) => (folder.endsWith('/') ? folder : `${folder}/`));
    for (const uri of [...this.scanned.keys()]) {
      if (!session.sent.has(uri) && folders.some((folder) => uri.startsWith(folder))) this.drop(uri);
    }
  }

  /** Drops every scan result; answers how many files had one. A scan under way stops. */
  clear(): number {
    this.session = undefined;
    const count = this.scanned.size;
    for (const uri of [...this.scanned.keys()]) this.drop(uri);
    this.inFlight.clear();
    return count;
  }

  /** Whether the file was part of a scan. */
  has(uri: string): boolean {
    return this.scanned.has(uri);
  }

  /**
   * A document was opened while its diagnostics are pulled: the scan's pushed ones for it would
   * show beside the pulled ones, so they are cleared (they come back when it is closed).
   */
  openedForPull(uri: string): void {
    if (this.scanned.get(uri)?.published) this.deps.publish({ uri, diagnostics: [] });
  }

  /**
   * A document was closed. A file of the last scan is linted again from disk, and its diagnostics
   * replace the live ones: true then, and the caller leaves them in place until that is done.
   */
  closed(uri: string): boolean {
    if (!this.scanned.has(uri)) return false;
    void this.relint(uri, true);
    return true;
  }

  /** Files changed on disk: deleted ones (folders too) lose their results; scanned ones that changed are linted again. */
  filesChanged(changes: readonly FileEvent[]): void {
    // A checkout can delete thousands of files at once: one pass over the results, not one per deletion.
    const deleted = new Set(changes.filter((change) => change.type === FileChangeType.Deleted).map((change) => change.uri.replace(/\/+$/, '')));
    if (deleted.size > 0) {
      for (const uri of [...this.scanned.keys(), ...this.inFlight.keys()]) {
        if (isAtOrBelow(uri, deleted)) this.drop(uri);
      }
    }
    for (const change of changes) {
      if (change.type !== FileChangeType.Deleted && this.scanned.has(change.uri) && !this.deps.documents.get(change.uri)) void this.relint(change.uri, false);
    }
  }

  private sessionFor(scan: number): Session {
    if (this.session?.scan !== scan) this.session = { scan, processed: 0, lastProgress: 0, sent: new Set() };
    return this.session;
  }

  private reportProgress(session: Session, force: boolean): void {
    const now = Date.now();
    if (!force && now - session.lastProgress < PROGRESS_INTERVAL_MILLISECONDS) return;
    session.lastProgress = now;
    this.deps.progress({ scan: session.scan, processed: session.processed });
  }

  private async scanFile(uri: string, cancelled: () => boolean): Promise<FileOutcome> {
    if (cancelled()) return 'cancelled';
    const settings = await this.deps.settings.forDocument(uri);
    try {
      if (cancelled()) return 'cancelled';
      const target = this.targetOf(uri, settings);
      if (!target) {
        this.drop(uri);
        return 'passed';
      }
      if (this.deps.documents.get(uri)) {
        // Open: the live lint owns its diagnostics; the scan only counts them and remembers the file.
        this.scanned.set(uri, this.scanned.get(uri) ?? { published: false });
        return { findings: (await this.deps.liveFindings(uri)) ?? [] };
      }
      return await this.lintFromDisk(uri, target, settings, { cancelled }, false);
    } catch (error) {
      this.deps.logger.error(`Ballast: scanning ${uri} failed: ${describeError(error)}`);
      return 'passed';
    } finally {
      // The settings of files that are not open would otherwise be kept for as long as the server runs.
      if (!this.deps.documents.get(uri)) this.deps.settings.forget(uri);
    }
  }

  /** A scanned file closed or changed on disk: lint it again from disk. */
  private async relint(uri: string, replaceLive: boolean): Promise<void> {
    try {
      const settings = await this.deps.settings.forDocument(uri);
      if (this.deps.documents.get(uri)) return;
      const target = this.targetOf(uri, settings);
      if (!target) {
        this.drop(uri, replaceLive);
        return;
      }
      await this.lintFromDisk(uri, target, settings, { priority: replaceLive }, replaceLive);
    } catch (error) {
      this.deps.logger.error(`Ballast: linting ${uri} from disk failed: ${describeError(error)}`);
    } finally {
      if (!this.deps.documents.get(uri)) this.deps.settings.forget(uri);
    }
  }

  /** The file's target, or undefined when the scan passes it by: Helm templates have nothing to say. */
  private targetOf(uri: string, settings: BallastSettings): LintTarget | undefined {
    if (!settings.enable || filePath(uri) === undefined) return undefined;
    // No language id: a file that is not open is known by its name, as in `ballast scan`.
    const target = this.deps.targetOf({ uri, languageId: '' }, settings);
    return target?.kind === 'helm-template' ? undefined : target;
  }

  /**
   * Lints the file in a worker and publishes the result, unless the file was opened meanwhile or
   * a newer lint, a clear or a deletion overtook this one. `force` publishes even an empty result,
   * to replace the live diagnostics of a document just closed.
   */
  private async lintFromDisk(uri: string, target: LintTarget, settings: BallastSettings, options: RunOptions, force: boolean): Promise<FileOutcome> {
    const ticket = ++this.tickets;
    this.inFlight.set(uri, ticket);
    let result: ScanJobResult | undefined;
    try {
      result = await this.deps.lintFile({ path: filePath(uri)!, target, settings }, options);
    } catch (error) {
      result = { status: 'linted', findings: [workerFailure(error)], ruleFailures: [] };
    }
    // Overtaken: what overtook it (a clear, a deletion, a newer lint) has the last word.
    if (this.inFlight.get(uri) !== ticket) return 'passed';
    this.inFlight.delete(uri);
    if (!result) return 'cancelled';
    if (result.status === 'missing') {
      this.drop(uri, force);
      return 'passed';
    }
    this.failureLog.report(result.ruleFailures, uri);
    const previous = this.scanned.get(uri);
    const published = result.findings.length > 0;
    this.scanned.set(uri, { published });
    if (!this.deps.documents.get(uri) && (published || force || previous?.published)) {
      this.deps.publish({ uri, diagnostics: result.findings.map(toDiagnostic) });
    }
    return { findings: result.findings };
  }

  /** Forgets the file's result and clears what the scan published for it, unless the document is open. */
  private drop(uri: string, force = false): void {
    this.inFlight.delete(uri);
    const previous = this.scanned.get(uri);
    this.scanned.delete(uri);
    if ((previous?.published || force) && !this.deps.documents.get(uri)) this.deps.publish({ uri, diagnostics: [] });
  }

}

/** Whether `uri` is one of `folders` (URIs without a trailing `/`) or lies below one of them. */
function isAtOrBelow(uri: string, folders: ReadonlySet<string>): boolean {
  for (let end = uri.length; end > 0; end = uri.lastIndexOf('/', end - 1)) {
    if (folders.has(uri.slice(0, end))) return true;
  }
  return false;
}

function addCounts(counts: ScanCounts, findings: readonly Finding[]): void {
  counts.files++;
  for (const finding of findings) {
    if (finding.severity === 'error') counts.errors++;
    else if (finding.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
}

/** A worker died on this file alone: the user sees that the file was not analysed, and why. */
function workerFailure(error: unknown): Finding {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    ruleId: SKIPPED_ID,
    severity: 'info',
    message: `Ballast could not analyse this file: its scan worker failed (${reason}). Open the file to lint it in the editor.`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    fixes: [],
  };
}
