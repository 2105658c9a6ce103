/**
 * The Ballast extension: starts the language server and gives it the editor. Everything Ballast
 * knows about Dockerfiles lives in the server; this file only starts it, registers commands and
 * shows its state.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LSPErrorCodes, LanguageClient, ResponseError, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { Commands, RULES_REQUEST, SETTINGS_SECTION, WORKSPACE_TRUSTED_NOTIFICATION, type ApplyAllFixesResult, type BallastInitializationOptions, type RulesResponse } from '../server/protocol';
import { SHOW_PROBLEMS_COMMAND, ScanCommands, WorkspaceScan, describeCounts, type ScanStatus, type ScanSummary } from './scan';
import { SCAN_INCLUDE } from './scanFilter';

/** File names Ballast lints even when VS Code does not know them as Dockerfiles. */
const DOCKERFILE_NAMES = '**/{Dockerfile,Containerfile,Dockerfile.*,Containerfile.*,*.Dockerfile,*.dockerfile}';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const initializationOptions: BallastInitializationOptions = { workspaceTrusted: vscode.workspace.isTrusted, diagnostics: 'push' };
  const clientOptions: LanguageClientOptions = {
    initializationOptions,
    documentSelector: [
      { scheme: 'file', language: 'dockerfile' },
      { scheme: 'untitled', language: 'dockerfile' },
      { scheme: 'file', pattern: DOCKERFILE_NAMES },
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    // Chart.yaml decides which YAML files are Helm values and templates, and gives appVersion;
    // .ballast.yaml gives the settings of the files below it.
    synchronize: {
      configurationSection: SETTINGS_SECTION,
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/Chart.yaml'),
        vscode.workspace.createFileSystemWatcher('**/.ballast.{yaml,yml}'),
        // Scanned files changed on disk are linted again; deleted ones, or ones in a deleted folder
        // (reported as the folder alone, hence `**/*`), lose their scan results.
        vscode.workspace.createFileSystemWatcher(SCAN_INCLUDE, false, false, true),
        vscode.workspace.createFileSystemWatcher('**/*', true, true, false),
      ],
    },
  };
  const languageClient = new LanguageClient('ballast', 'Ballast', serverOptions, clientOptions);
  client = languageClient;
  const status = new ServerStatus(languageClient);
  const scan = new WorkspaceScan(languageClient, status);

  context.subscriptions.push(
    status,
    scan,
    languageClient.onDidChangeState(({ newState }) => {
      if (newState === State.Stopped) scan.serverStopped();
    }),
    // In an untrusted workspace a .ballast.yaml cannot widen what Ballast trusts; once trusted, it can.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void languageClient.sendNotification(WORKSPACE_TRUSTED_NOTIFICATION).catch(() => undefined)),
    vscode.commands.registerCommand(ScanCommands.scanWorkspace, () => scan.scanWorkspace()),
    vscode.commands.registerCommand(ScanCommands.scanFolder, (clicked?: vscode.Uri, selected?: vscode.Uri[]) => scan.scanFolder(clicked, selected)),
    vscode.commands.registerCommand(ScanCommands.clearScanResults, () => scan.clear()),
    vscode.commands.registerCommand(Commands.showRuleDocumentation, (ruleId?: string) => showRuleDocumentation(context, languageClient, ruleId)),
    vscode.commands.registerCommand('ballast.fixAll', () => fixAll(languageClient)),
    vscode.commands.registerCommand('ballast.restartServer', () => status.track(languageClient.restart())),
    vscode.commands.registerCommand('ballast.showOutput', () => languageClient.outputChannel.show()),
    vscode.commands.registerCommand(Commands.placeCursor, (uri: string, line: number, character: number) => placeCursor(languageClient, uri, line, character)),
  );
  await status.track(languageClient.start());
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}

/**
 * `$(shield) Ballast` in the status bar: the workspace scan's progress and last counts in the
 * text, the server's state in the tooltip; a click opens the Problems panel, or the output when
 * the server failed to start.
 */
class ServerStatus implements vscode.Disposable, ScanStatus {
  private readonly item = vscode.window.createStatusBarItem('ballast.status', vscode.StatusBarAlignment.Right, 100);
  private readonly subscription: vscode.Disposable;
  private lastError: string | undefined;
  private scan: { kind: 'scanning'; processed: number; total: number | undefined } | { kind: 'scanned'; summary: ScanSummary; stale: boolean } | undefined;

  constructor(private readonly languageClient: LanguageClient) {
    this.item.name = 'Ballast';
    this.subscription = languageClient.onDidChangeState(() => this.render());
    this.render();
    this.item.show();
  }

  /** Starting or restarting: a failure shows in the status bar instead of as an unhandled rejection. */
  async track(starting: Promise<void>): Promise<void> {
    this.lastError = undefined;
    try {
      await starting;
    } catch (error) {
      this.lastError = error instanceof Error ? error.message : String(error);
      this.render();
    }
  }

  scanning(processed: number, total: number | undefined): void {
    this.scan = { kind: 'scanning', processed, total };
    this.render();
  }

  scanned(summary: ScanSummary): void {
    this.scan = { kind: 'scanned', summary, stale: false };
    this.render();
  }

  stale(): void {
    if (this.scan?.kind !== 'scanned') return;
    this.scan.stale = true;
    this.render();
  }

  cleared(): void {
    this.scan = undefined;
    this.render();
  }

  private render(): void {
    const state = this.languageClient.state;
    const failed = state === State.Stopped && this.lastError !== undefined;
    const description = state === State.Running ? 'running' : state === State.Starting ? 'starting…' : failed ? `stopped: ${this.lastError}` : 'stopped';
    const scan = this.scan;
    const lines = [`Ballast language server ${description}.`];
    if (scan?.kind === 'scanning') {
      this.item.text = scan.total === undefined ? '$(sync~spin) Ballast' : `$(sync~spin) Ballast ${scan.processed}/${scan.total}`;
      lines.push(scan.total === undefined ? 'Finding the files to scan…' : `Scanning: ${scan.processed} of ${scan.total} files done.`);
    } else if (scan?.kind === 'scanned') {
      const { summary } = scan;
      this.item.text = scan.stale
        ? '$(shield) Ballast: stale — rescan'
        : `$(shield) Ballast $(error) ${summary.errors} $(warning) ${summary.warnings} $(info) ${summary.infos}`;
      lines.push(`Last scan${summary.cancelled ? ' (cancelled)' : ''}: ${summary.files} files, ${describeCounts(summary)}.`);
      if (scan.stale) lines.push('Settings or ignore files changed since: scan again to bring the results up to date.');
    } else {
      this.item.text = '$(shield) Ballast';
    }
    const tooltip = new vscode.MarkdownString(lines.join('\n\n'));
    tooltip.appendMarkdown(`\n\n[Open Problems](command:${SHOW_PROBLEMS_COMMAND}) · [Scan workspace](command:${ScanCommands.scanWorkspace}) · [Show output](command:ballast.showOutput)`);
    tooltip.isTrusted = { enabledCommands: [SHOW_PROBLEMS_COMMAND, ScanCommands.scanWorkspace, 'ballast.showOutput'] };
    this.item.tooltip = tooltip;
    this.item.command = failed ? 'ballast.showOutput' : SHOW_PROBLEMS_COMMAND;
    this.item.backgroundColor = failed ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}

async function showRuleDocumentation(context: vscode.ExtensionContext, languageClient: LanguageClient, ruleId?: string): Promise<void> {
  const id = ruleId ?? (await pickRule(languageClient));
  if (!id) return;
  const doc = vscode.Uri.file(context.asAbsolutePath(`docs/rules/${id}.md`));
  try {
    await vscode.workspace.fs.stat(doc);
  } catch {
    void vscode.window.showErrorMessage(`Ballast has no documentation for ${id}.`);
    return;
  }
  await vscode.commands.executeCommand('markdown.showPreview', doc);
}

async function pickRule(languageClient: LanguageClient): Promise<string | undefined> {
  const rules = await languageClient.sendRequest<RulesResponse>(RULES_REQUEST);
  const picked = await vscode.window.showQuickPick(
    rules.map((rule) => ({ label: rule.title, description: rule.id, detail: `${rule.defaultSeverity}${rule.fix === 'none' ? '' : `, ${rule.fix} fix`}`, id: rule.id })),
    { title: 'Ballast rule documentation', placeHolder: 'Search rules by title or id', matchOnDescription: true },
  );
  return picked?.id;
}

async function fixAll(languageClient: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('Open a Dockerfile to fix its Ballast problems.');
    return;
  }
  const { document } = editor;
  try {
    const result = await languageClient.sendRequest(ExecuteCommandRequest.type, {
      command: Commands.applyAllFixes,
      arguments: [languageClient.code2ProtocolConverter.asUri(document.uri), document.version],
    });
    if ((result as ApplyAllFixesResult | null)?.fixed === 0) void vscode.window.showInformationMessage('Ballast found no auto-fixable problems.');
  } catch (error) {
    const changed = error instanceof ResponseError && error.code === LSPErrorCodes.ContentModified;
    void vscode.window.showWarningMessage(changed ? 'The document changed while Ballast was fixing it. Run the command again.' : `Ballast could not fix the document: ${String(error)}`);
  }
}

/** After a "disable" action inserted its comment, put the cursor where the reason is typed. */
function placeCursor(languageClient: LanguageClient, uri: string, line: number, character: number): void {
  const target = languageClient.protocol2CodeConverter.asUri(uri).toString();
  const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === target);
  if (!editor) return;
  const position = new vscode.Position(line, character);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position));
}
