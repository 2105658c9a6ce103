/**
 * A minimal LSP client for protocol tests: spawns the built server over stdio, plays the editor's
 * part (documents, settings, applying edits) and lets tests wait for what the server sends.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import {
  ApplyWorkspaceEditRequest,
  CodeActionRequest,
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  ExecuteCommandRequest,
  ExitNotification,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type ApplyWorkspaceEditParams,
  type CodeAction,
  type Command,
  type Diagnostic,
  type Hover,
  type InitializeResult,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { listRules, type BallastSettings } from '../../engine';

export const ROOT = path.resolve(__dirname, '../..');
export const SERVER_BUNDLE = path.join(ROOT, 'dist', 'server.js');
/** The workspace scan's worker, which the server starts from beside its own bundle. */
export const SCAN_WORKER_BUNDLE = path.join(ROOT, 'dist', 'scanWorker.js');

let built: Promise<void> | undefined;

/**
 * Bundles the server to dist/server.js and its scan worker to dist/scanWorker.js, as `npm run
 * build` does, so this suite also runs alone.
 * Test files run in parallel processes: each writes its bundle beside the target and renames it
 * into place, so no process ever starts a half-written server.
 */
export function buildServer(): Promise<void> {
  built ??= (async () => {
    const result = await esbuild.build({
      entryPoints: { [path.parse(SERVER_BUNDLE).name]: path.join(ROOT, 'server', 'main.ts'), [path.parse(SCAN_WORKER_BUNDLE).name]: path.join(ROOT, 'server', 'scanWorker.ts') },
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      write: false,
      outdir: path.dirname(SERVER_BUNDLE),
      logLevel: 'warning',
    });
    mkdirSync(path.dirname(SERVER_BUNDLE), { recursive: true });
    for (const file of result.outputFiles) {
      const temporary = `${file.path}.${process.pid}.tmp`;
      writeFileSync(temporary, file.contents);
      renameSync(temporary, file.path);
    }
  })();
  return built;
}

/** Settings that run only the named rules (at their default severity unless given), so tests do not change when rules are added. */
export function onlyRules(rules: Record<string, BallastSettings['rules'][string] | 'default'>): BallastSettings['rules'] {
  const result: BallastSettings['rules'] = {};
  for (const rule of listRules()) {
    const wanted = rules[rule.id];
    result[rule.id] = wanted === undefined ? 'off' : wanted === 'default' ? rule.defaultSeverity : wanted;
  }
  return result;
}

export interface StartOptions {
  /** Whether the client answers `workspace/configuration` (default true). */
  pullConfiguration?: boolean;
  initializationOptions?: unknown;
  /** What `workspace/configuration` answers for the `ballast` section. */
  settings?: Partial<BallastSettings>;
  /** Whether the client can pull diagnostics (`textDocument/diagnostic`), as VS Code's can. */
  pullDiagnostics?: boolean;
}

interface Waiter {
  matches(params: PublishDiagnosticsParams): boolean;
  resolve(params: PublishDiagnosticsParams): void;
  reject(error: Error): void;
}

/** Documents used by `settle()`; they always get the default settings. */
const BARRIER_PREFIX = 'file:///ballast-test/barrier/';

export class TestClient {
  /** What `workspace/configuration` answers for the `ballast` section; tests change it. */
  settings: Partial<BallastSettings>;
  readonly published: PublishDiagnosticsParams[] = [];
  readonly appliedEdits: ApplyWorkspaceEditParams[] = [];
  readonly logMessages: string[] = [];
  readonly configurationRequests: Array<string | undefined> = [];
  /** How many times the server asked the client to pull diagnostics again. */
  diagnosticRefreshes = 0;
  initializeResult!: InitializeResult;
  private readonly waiters: Waiter[] = [];
  private exitError: Error | undefined;
  private stderr = '';
  private barriers = 0;

  private constructor(
    private readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
    options: StartOptions,
  ) {
    this.settings = options.settings ?? {};
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    await buildServer();
    const child = spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(child, connection, options);
    client.listen();
    const pull = options.pullConfiguration ?? true;
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      initializationOptions: options.initializationOptions,
      capabilities: {
        workspace: { configuration: pull, workspaceEdit: { documentChanges: true }, didChangeConfiguration: { dynamicRegistration: false } },
        textDocument: {
          synchronization: { didSave: true },
          publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          ...(options.pullDiagnostics ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
        },
        ...(options.pullDiagnostics ? { workspace: { configuration: pull, workspaceEdit: { documentChanges: true }, didChangeConfiguration: { dynamicRegistration: false }, diagnostics: { refreshSupport: true } } } : {}),
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private listen(): void {
    const { connection, child } = this;
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      for (const waiter of [...this.waiters]) {
        if (!waiter.matches(params)) continue;
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      this.logMessages.push(params.message);
    });
    connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => {
        this.configurationRequests.push(item.scopeUri);
        return item.scopeUri?.startsWith(BARRIER_PREFIX) ? {} : this.settings;
      }),
    );
    connection.onRequest('workspace/diagnostic/refresh', () => {
      this.diagnosticRefreshes++;
      return null;
    });
    connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      this.appliedEdits.push(params);
      return { applied: true };
    });
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    child.on('exit', (code, signal) => {
      this.exitError = new Error(`The server exited (code ${code}, signal ${signal}).\n${this.stderr}`);
      for (const waiter of this.waiters.splice(0)) waiter.reject(this.exitError);
    });
    connection.listen();
  }

  /** Resolves with the first diagnostics published for `uri` that match, including ones already received. */
  waitForDiagnostics(uri: string, matches: (params: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    const received = this.published.find((params) => params.uri === uri && matches(params));
    if (received) return Promise.resolve(received);
    if (this.exitError) return Promise.reject(this.exitError);
    return new Promise((resolve, reject) => this.waiters.push({ matches: (params) => params.uri === uri && matches(params), resolve, reject }));
  }

  /** The diagnostics of the document's current version. */
  async diagnostics(document: OpenDocument): Promise<Diagnostic[]> {
    return (await this.waitForDiagnostics(document.uri, (params) => params.version === document.version)).diagnostics;
  }

  /** Diagnostics published for `uri`, oldest first. */
  publishedFor(uri: string): PublishDiagnosticsParams[] {
    return this.published.filter((params) => params.uri === uri);
  }

  /**
   * Waits until the server has handled every document event sent so far: it lints documents in
   * the order they were queued, so once a document opened now has diagnostics, the earlier ones
   * are done. Lets a test assert that something was *not* published without sleeping.
   */
  async settle(): Promise<void> {
    const barrier = this.open(`${BARRIER_PREFIX}${++this.barriers}/Dockerfile`, 'FROM scratch\n');
    await this.diagnostics(barrier);
    barrier.close();
  }

  open(uri: string, text: string, languageId = 'dockerfile'): OpenDocument {
    const document = new OpenDocument(this.connection, uri, languageId, text);
    void this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: document.version, text } });
    return document;
  }

  async changeSettings(settings: Partial<BallastSettings>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { ballast: settings } });
  }

  codeActions(document: OpenDocument, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<Array<CodeAction | Command> | null> {
    return this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: document.uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
  }

  hover(document: OpenDocument, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri: document.uri }, position });
  }

  executeCommand(command: string, ...args: unknown[]): Promise<unknown> {
    return this.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  }

  /** Writes bytes to the server's input as they are, for tests of what a broken client might send. */
  writeRaw(bytes: string): void {
    this.child.stdin!.write(bytes);
  }

  /** Whether the server process is still running. */
  get running(): boolean {
    return this.exitError === undefined;
  }

  async stop(): Promise<void> {
    if (this.exitError) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    await exited;
    this.connection.dispose();
  }

  /** Whether the server process has exited, with its stderr when it has. */
  get exited(): Error | undefined {
    return this.exitError;
  }
}

/** A document the test client has open; it tracks the text and version as an editor would. */
export class OpenDocument {
  private document: TextDocument;

  constructor(
    private readonly connection: ProtocolConnection,
    readonly uri: string,
    languageId: string,
    text: string,
  ) {
    this.document = TextDocument.create(uri, languageId, 1, text);
  }

  get version(): number {
    return this.document.version;
  }

  get text(): string {
    return this.document.getText();
  }

  /** Applies edits the way an editor does and sends them as incremental changes. */
  edit(edits: TextEdit[]): void {
    const version = this.version + 1;
    // Bottom-up, so each edit's range still refers to the text the server has.
    const ordered = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
    this.document = TextDocument.create(this.uri, this.document.languageId, version, TextDocument.applyEdits(this.document, edits));
    void this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: this.uri, version },
      contentChanges: ordered.map((edit) => ({ range: edit.range, text: edit.newText })),
    });
  }

  /** Replaces the whole text. */
  setText(text: string): void {
    const version = this.version + 1;
    this.document = TextDocument.create(this.uri, this.document.languageId, version, text);
    void this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: this.uri, version }, contentChanges: [{ text }] });
  }

  save(): void {
    void this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: this.uri } });
  }

  close(): void {
    void this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: this.uri } });
  }
}
