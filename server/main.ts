/**
 * The Ballast language server: LSP wiring around the engine. Started as `node dist/server.js
 * --stdio` or by the extension over IPC; `createConnection` picks the transport from argv.
 */
import * as path from 'node:path';
import {
  FileChangeType,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type CancellationToken,
  type DocumentDiagnosticReport,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { listRules } from '../engine';
import { CODE_ACTION_KINDS, provideCodeActions } from './codeActions';
import { SERVER_COMMANDS, executeCommand } from './commands';
import { guarded } from './guard';
import { hoverAt } from './hover';
import { PulledReports } from './pulledReports';
import { DocumentClassifier, isProjectFile } from './documentTarget';
import { DocumentLinter } from './linting';
import {
  CLEAR_SCAN_RESULTS_REQUEST,
  RULES_REQUEST,
  SCAN_FILES_REQUEST,
  SCAN_FINISHED_REQUEST,
  SCAN_PROGRESS_NOTIFICATION,
  WORKSPACE_TRUSTED_NOTIFICATION,
  type BallastInitializationOptions,
  type ClearScanResultsResult,
  type RulesResponse,
  type ScanFilesParams,
  type ScanFilesResult,
  type ScanFinishedParams,
} from './protocol';
import { WorkspaceScanner } from './scan';
import { LintPool } from './scanPool';
import { SettingsProvider } from './settings';

const connection = createConnection(ProposedFeatures.all);
const logger = connection.console;
const documents = new TextDocuments(TextDocument);
const classifier = new DocumentClassifier(documents);
const settings = new SettingsProvider(connection, logger, (uri) => classifier.configFor(uri));
const linter = new DocumentLinter({
  documents,
  settings,
  logger,
  targetOf: (document, documentSettings) => classifier.targetOf(document, documentSettings),
  workspaceTrusted: () => settings.workspaceTrusted,
  // Fails only when the client has gone away, and then there is no one left to tell. Clients that
  // pull diagnostics ask for them; pushing them as well would show them twice.
  publish: (params) => {
    if (!pullDiagnostics) void connection.sendDiagnostics(params).catch(() => undefined);
  },
});
// The scan worker is bundled next to this file (dist/scanWorker.js).
const pool = new LintPool(path.join(__dirname, 'scanWorker.js'), logger);
const scanner = new WorkspaceScanner({
  documents,
  settings,
  logger,
  targetOf: (document, documentSettings) => classifier.targetOf(document, documentSettings),
  liveFindings: (uri) => linter.findingsFor(uri),
  lintFile: (job, options) => pool.run(job, options),
  publish: (params) => void connection.sendDiagnostics(params).catch(() => undefined),
  progress: (params) => void connection.sendNotification(SCAN_PROGRESS_NOTIFICATION, params).catch(() => undefined),
});
let versionedEdits = false;
const pulledReports = new PulledReports();
let pullDiagnostics = false;

connection.onInitialize((params): InitializeResult => {
  const workspace = params.capabilities.workspace;
  settings.configure({ pull: workspace?.configuration === true, initializationOptions: params.initializationOptions });
  versionedEdits = workspace?.workspaceEdit?.documentChanges === true;
  const options = params.initializationOptions as BallastInitializationOptions | null | undefined;
  pullDiagnostics = params.capabilities.textDocument?.diagnostic !== undefined && options?.diagnostics !== 'push';
  classifier.setWorkspaceFolders((params.workspaceFolders ?? []).map((folder) => folder.uri));
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
      hoverProvider: true,
      executeCommandProvider: { commands: SERVER_COMMANDS },
      ...(pullDiagnostics ? { diagnosticProvider: { identifier: 'ballast', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
    },
    serverInfo: { name: 'Ballast' },
  };
});

documents.onDidOpen(
  guarded(logger, 'didOpen', undefined, ({ document }) => {
    if (pullDiagnostics) scanner.openedForPull(document.uri);
    linter.request(document.uri, 'open');
  }),
);

// Pulled diagnostics: those of the document's current version, linted now if need be (a version
// is linted once, whether pulled, hovered or queued).
connection.languages.diagnostics.on(
  guarded(logger, 'textDocument/diagnostic', { kind: 'full', items: [] } as DocumentDiagnosticReport, async (params): Promise<DocumentDiagnosticReport> => {
    const findings = (await linter.findingsFor(params.textDocument.uri)) ?? linter.lastFindings(params.textDocument.uri) ?? [];
    return pulledReports.report(params.textDocument.uri, params.previousResultId, findings);
  }),
);
documents.onDidChangeContent(
  guarded(logger, 'didChange', undefined, ({ document }) => {
    // A chart's Chart.yaml (its appVersion) changes how its values files are read, a .ballast.yaml
    // the settings of every file below it.
    if (isProjectFile(document.uri)) projectFilesChanged();
    else linter.request(document.uri, 'change');
  }),
);
documents.onDidSave(guarded(logger, 'didSave', undefined, ({ document }) => linter.request(document.uri, 'save')));
documents.onDidClose(
  guarded(logger, 'didClose', undefined, ({ document }) => {
    // A file of the last workspace scan goes back to the diagnostics of its text on disk.
    linter.forget(document.uri, { keepDiagnostics: scanner.closed(document.uri) });
    pulledReports.forget(document.uri);
    settings.forget(document.uri);
    // Chart.yaml or .ballast.yaml is read from disk again, without the edits that were not saved.
    if (isProjectFile(document.uri)) projectFilesChanged();
  }),
);

/** Chart.yaml or .ballast.yaml files changed: read them again and lint every open document again. */
function projectFilesChanged(): void {
  classifier.projectFilesChanged();
  settings.changed(undefined);
  linter.relintAll(documents.keys());
  refreshPulledDiagnostics();
}

/** Tells a client that pulls diagnostics to pull them again: settings or project files changed. */
function refreshPulledDiagnostics(): void {
  pulledReports.clear();
  if (pullDiagnostics) void connection.languages.diagnostics.refresh().catch(() => undefined);
}

connection.onDidChangeWatchedFiles(
  guarded(logger, 'didChangeWatchedFiles', undefined, (params) => {
    // A deleted folder may have held a Chart.yaml or .ballast.yaml; other files matter to the scan only.
    if (params.changes.some((change) => isProjectFile(change.uri) || change.type === FileChangeType.Deleted)) projectFilesChanged();
    scanner.filesChanged(params.changes);
  }),
);

connection.onDidChangeConfiguration(
  guarded(logger, 'didChangeConfiguration', undefined, (params) => {
    settings.changed(params.settings);
    linter.relintAll(documents.keys());
    refreshPulledDiagnostics();
  }),
);

connection.onNotification(
  WORKSPACE_TRUSTED_NOTIFICATION,
  guarded(logger, WORKSPACE_TRUSTED_NOTIFICATION, undefined, () => {
    settings.trustGranted();
    linter.relintAll(documents.keys());
    refreshPulledDiagnostics();
  }),
);

connection.onCodeAction(
  guarded(logger, 'codeAction', [], async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const documentSettings = await settings.forDocument(document.uri);
    return provideCodeActions(params, { document, settings: documentSettings, target: classifier.targetOf(document, documentSettings) });
  }),
);

connection.onHover(
  guarded(logger, 'hover', null, async (params) => {
    const findings = await linter.findingsFor(params.textDocument.uri);
    return findings ? hoverAt(findings, params.position) : null;
  }),
);

connection.onExecuteCommand(
  guarded(logger, 'executeCommand', null, (params) =>
    executeCommand(params, {
      documents,
      settingsFor: (uri) => settings.forDocument(uri),
      targetOf: (document, documentSettings) => classifier.targetOf(document, documentSettings),
      applyEdit: (edit) => connection.workspace.applyEdit(edit),
      versionedEdits,
    }),
  ),
);

connection.onRequest(RULES_REQUEST, guarded(logger, RULES_REQUEST, [], (): RulesResponse => listRules()));

const NOTHING_SCANNED: ScanFilesResult = { processed: 0, files: 0, errors: 0, warnings: 0, infos: 0, cancelled: true };
connection.onRequest(
  SCAN_FILES_REQUEST,
  guarded(logger, SCAN_FILES_REQUEST, NOTHING_SCANNED, (params: ScanFilesParams, token: CancellationToken) => scanner.scanFiles(params, token)),
);
connection.onRequest(SCAN_FINISHED_REQUEST, guarded(logger, SCAN_FINISHED_REQUEST, null, (params: ScanFinishedParams) => (scanner.scanFinished(params), null)));
connection.onRequest(
  CLEAR_SCAN_RESULTS_REQUEST,
  guarded(logger, CLEAR_SCAN_RESULTS_REQUEST, { files: 0 }, (): ClearScanResultsResult => ({ files: scanner.clear() })),
);
connection.onShutdown(() => pool.dispose());

documents.listen(connection);
connection.listen();
