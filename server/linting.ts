import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatMs, internalFinding, lint, type BallastSettings, type Finding, type LintRequest, type LintResult, type LintTarget, type RuleFailure } from '../engine';
import { toDiagnostic } from './diagnostics';
import { describeError, type Logger } from './guard';
import { RuleFailureLog } from './ruleFailureLog';
import type { SettingsProvider } from './settings';

/** Why a document is to be linted; `ballast.run` decides which reasons count. */
export type LintTrigger = 'open' | 'change' | 'save' | 'configuration';

export interface LintedVersion {
  version: number;
  findings: Finding[];
}

export interface LinterDependencies {
  documents: { get(uri: string): TextDocument | undefined };
  settings: Pick<SettingsProvider, 'forDocument'>;
  publish(params: PublishDiagnosticsParams): void;
  logger: Logger;
  /** What a document is (kind, chart); see `DocumentClassifier`. */
  targetOf(document: TextDocument, settings: BallastSettings): LintTarget | undefined;
  /** False while the editor's workspace is not trusted (see `SettingsProvider`). */
  workspaceTrusted?: () => boolean;
  /** The engine's `lint`; tests give a variant that runs their own rules. */
  lint?: (request: LintRequest) => LintResult;
}

/**
 * Decides when open documents are linted and keeps the result of the last lint of each, so that
 * every document version is linted at most once and hover reuses the findings.
 *
 * Requests are queued and handled one document at a time, always against the document's latest
 * version: changes that arrive while settings are fetched or another document is linted fold into
 * one lint, and a version that was superseded before its turn is never linted.
 */
export class DocumentLinter {
  private readonly linted = new Map<string, LintedVersion>();
  /** Documents that were sent diagnostics, so they can be cleared when Ballast stops linting them. */
  private readonly published = new Set<string>();
  private readonly queue = new Map<string, LintTrigger>();
  private draining = false;
  /** Bumped when the settings change, so a lint that started with the old settings is dropped. */
  private generation = 0;
  /**
   * Rules that ran over their time budget on a document, by document: they are not run on it again
   * until it is reopened, so one pathological file cannot make every keystroke slow.
   */
  private readonly pausedRules = new Map<string, Map<string, Extract<RuleFailure, { kind: 'slow' }>>>();

  private readonly failureLog: RuleFailureLog;

  constructor(private readonly deps: LinterDependencies) {
    this.failureLog = new RuleFailureLog(deps.logger, '; it is paused on that file until the file is reopened');
  }

  request(uri: string, trigger: LintTrigger): void {
    const queued = this.queue.get(uri);
    // A change must not hide an open, save or settings change: those lint even in `onSave` mode.
    if (queued === undefined || queued === 'change') this.queue.set(uri, trigger);
    if (this.draining) return;
    this.draining = true;
    setImmediate(() => void this.drain());
  }

  /** The settings changed: forget every result and lint the given documents again. */
  relintAll(uris: readonly string[]): void {
    this.generation++;
    this.linted.clear();
    for (const uri of uris) this.request(uri, 'configuration');
  }

  /**
   * The document was closed. Its diagnostics are cleared, unless `keepDiagnostics`: the workspace
   * scan then replaces them with those of the file on disk, and clearing first would only flicker.
   */
  forget(uri: string, options: { keepDiagnostics?: boolean } = {}): void {
    this.queue.delete(uri);
    this.linted.delete(uri);
    this.pausedRules.delete(uri);
    if (options.keepDiagnostics) this.published.delete(uri);
    else this.clearDiagnostics(uri);
  }

  /**
   * The findings of the document's current version: from the last lint, or linted now when the
   * settings lint as you type. Undefined when Ballast does not lint the document, or, in `onSave`
   * mode, when it changed since it was last linted.
   */
  async findingsFor(uri: string): Promise<Finding[] | undefined> {
    const generation = this.generation;
    const settings = await this.deps.settings.forDocument(uri);
    const document = this.deps.documents.get(uri);
    if (!document || generation !== this.generation) return undefined;
    const cached = this.linted.get(uri);
    if (cached?.version === document.version) return cached.findings;
    const target = this.deps.targetOf(document, settings);
    if (!settings.enable || !target || settings.run !== 'onType') return undefined;
    return this.lintNow(document, target, settings);
  }

  /** The findings of the last lint of the document, whatever its version since. */
  lastFindings(uri: string): Finding[] | undefined {
    return this.linted.get(uri)?.findings;
  }

  private async drain(): Promise<void> {
    try {
      for (let next = this.queue.entries().next(); !next.done; next = this.queue.entries().next()) {
        const [uri, trigger] = next.value;
        this.queue.delete(uri);
        try {
          await this.lintLatest(uri, trigger);
        } catch (error) {
          this.deps.logger.error(`Ballast: linting ${uri} failed: ${describeError(error)}`);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  private async lintLatest(uri: string, trigger: LintTrigger): Promise<void> {
    const generation = this.generation;
    const settings = await this.deps.settings.forDocument(uri);
    // The settings changed while they were fetched; a lint with the new ones is already queued.
    if (generation !== this.generation) return;
    const document = this.deps.documents.get(uri);
    if (!document) return;
    const target = this.deps.targetOf(document, settings);
    if (!settings.enable || !target) {
      this.linted.delete(uri);
      this.clearDiagnostics(uri);
      return;
    }
    if (trigger === 'change' && settings.run === 'onSave') return;
    if (this.linted.get(uri)?.version === document.version) return;
    this.lintNow(document, target, settings);
  }

  private lintNow(document: TextDocument, target: LintTarget, settings: BallastSettings): Finding[] {
    const paused = this.pausedRules.get(document.uri);
    const { findings, ruleFailures } = (this.deps.lint ?? lint)({
      text: document.getText(),
      ...target,
      settings,
      pausedRules: paused && new Set(paused.keys()),
      workspaceTrusted: this.deps.workspaceTrusted?.() ?? true,
    });
    this.failureLog.report(ruleFailures, document.uri);
    for (const failure of paused?.values() ?? []) {
      findings.unshift(
        internalFinding(
          `Ballast rule ${failure.ruleId} is paused on this file: it took ${formatMs(failure.durationMs)} here, over its budget of ${formatMs(failure.budgetMs)}. Reopen the file to run it again.`,
        ),
      );
    }
    for (const failure of ruleFailures) {
      if (failure.kind !== 'slow') continue;
      const rules = this.pausedRules.get(document.uri) ?? new Map<string, Extract<RuleFailure, { kind: 'slow' }>>();
      rules.set(failure.ruleId, failure);
      this.pausedRules.set(document.uri, rules);
    }
    this.linted.set(document.uri, { version: document.version, findings });
    this.published.add(document.uri);
    this.deps.publish({ uri: document.uri, version: document.version, diagnostics: findings.map(toDiagnostic) });
    return findings;
  }

  private clearDiagnostics(uri: string): void {
    if (!this.published.delete(uri)) return;
    this.deps.publish({ uri, diagnostics: [] });
  }

}
