/**
 * The Ballast language server: LSP wiring around the engine. Started as `node dist/server.js
 * --stdio` or by the extension over IPC; `createConnection` picks the transport from argv.
 */
import { ProposedFeatures, TextDocumentSyncKind, TextDocuments, createConnection, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { listRules } from '../engine';
import { CODE_ACTION_KINDS, provideCodeActions } from './codeActions';
import { SERVER_COMMANDS, executeCommand } from './commands';
import { guarded } from './guard';
import { hoverAt } from './hover';
import { DocumentClassifier, isChartFile } from './documentTarget';
import { DocumentLinter } from './linting';
import { RULES_REQUEST, type RulesResponse } from './protocol';
import { SettingsProvider } from './settings';

const connection = createConnection(ProposedFeatures.all);
const logger = connection.console;
const documents = new TextDocuments(TextDocument);
const settings = new SettingsProvider(connection, logger);
const classifier = new DocumentClassifier(documents);
const linter = new DocumentLinter({
  documents,
  settings,
  logger,
  targetOf: (document, documentSettings) => classifier.targetOf(document, documentSettings),
  // Fails only when the client has gone away, and then there is no one left to tell.
  publish: (params) => void connection.sendDiagnostics(params).catch(() => undefined),
});
let versionedEdits = false;

connection.onInitialize((params): InitializeResult => {
  const workspace = params.capabilities.workspace;
  settings.configure({ pull: workspace?.configuration === true, initializationOptions: params.initializationOptions });
  versionedEdits = workspace?.workspaceEdit?.documentChanges === true;
  classifier.setWorkspaceFolders((params.workspaceFolders ?? []).map((folder) => folder.uri));
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
      hoverProvider: true,
      executeCommandProvider: { commands: SERVER_COMMANDS },
    },
    serverInfo: { name: 'Ballast' },
  };
});

documents.onDidOpen(guarded(logger, 'didOpen', undefined, ({ document }) => linter.request(document.uri, 'open')));
documents.onDidChangeContent(
  guarded(logger, 'didChange', undefined, ({ document }) => {
    // A chart's Chart.yaml (its appVersion) changes how the chart's values files are read.
    if (isChartFile(document.uri)) relintChartFiles();
    else linter.request(document.uri, 'change');
  }),
);
documents.onDidSave(guarded(logger, 'didSave', undefined, ({ document }) => linter.request(document.uri, 'save')));
documents.onDidClose(
  guarded(logger, 'didClose', undefined, ({ document }) => {
    linter.forget(document.uri);
    settings.forget(document.uri);
    // Chart.yaml is read from disk again, without the edits that were not saved.
    if (isChartFile(document.uri)) relintChartFiles();
  }),
);

/** Chart.yaml files changed: read them again and lint the open YAML documents again. */
function relintChartFiles(): void {
  classifier.chartsChanged();
  linter.relintAll(documents.all().filter((document) => !isChartFile(document.uri)).map((document) => document.uri));
}

connection.onDidChangeWatchedFiles(guarded(logger, 'didChangeWatchedFiles', undefined, () => relintChartFiles()));

connection.onDidChangeConfiguration(
  guarded(logger, 'didChangeConfiguration', undefined, (params) => {
    settings.changed(params.settings);
    linter.relintAll(documents.keys());
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

documents.listen(connection);
connection.listen();
