/**
 * A minimal editor for the latency figures: spawns `node <dist>/server.js --stdio`, speaks LSP to it
 * over JSON-RPC, answers what the server asks (settings: the defaults), and notes the time every
 * diagnostics notification arrives, so edits can be timed to the diagnostics of their version.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  ConfigurationRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  LogMessageNotification,
  MessageType,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  createProtocolConnection,
  type DocumentDiagnosticReport,
  type InitializeResult,
  type Position,
  type ProtocolConnection,
} from 'vscode-languageserver/node';
import { defaultSettings } from '../../engine';
import { within } from './measure';

/** One `textDocument/publishDiagnostics` as it arrived. */
export interface Published {
  version: number | undefined;
  diagnostics: number;
  /** `performance.now()` when it was read. */
  at: number;
}

export interface StartOptions {
  /** The server's bundle, started with `--stdio`. */
  serverScript: string;
  /** Whether the client declares `textDocument.diagnostic` (pull diagnostics). */
  pullDiagnostics: boolean;
  /** A workspace folder URI. */
  workspaceFolder?: string;
}

interface Waiter {
  uri: string;
  version: number;
  resolve(published: Published | undefined): void;
}

export class BenchServer {
  /** Every diagnostics notification, by document URI, oldest first. */
  readonly published = new Map<string, Published[]>();
  /** Spawn to the `initialize` result, in milliseconds. */
  coldStartMs = Number.NaN;
  initializeResult: InitializeResult = { capabilities: {} };
  /** What the server logged as errors (`window/logMessage`). */
  readonly loggedErrors: string[] = [];
  private readonly waiters: Waiter[] = [];
  private stderr = '';
  private exited = false;

  private constructor(
    private readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const entry: Published = { version: params.version, diagnostics: params.diagnostics.length, at: performance.now() };
      const list = this.published.get(params.uri) ?? [];
      list.push(entry);
      this.published.set(params.uri, list);
      for (const waiter of this.waiters.filter((candidate) => candidate.uri === params.uri && candidate.version === params.version)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(entry);
      }
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      if (params.type === MessageType.Error) this.loggedErrors.push(params.message);
    });
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => defaultSettings()));
    // Acknowledged, should the server ask: no editor feature measured here depends on them.
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    child.on('exit', () => {
      this.exited = true;
      for (const waiter of this.waiters.splice(0)) waiter.resolve(undefined);
    });
    connection.listen();
  }

  static async start(options: StartOptions): Promise<BenchServer> {
    const spawned = performance.now();
    const child = spawn(process.execPath, [options.serverScript, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const server = new BenchServer(child, createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!)));
    const folder = options.workspaceFolder;
    server.initializeResult = await server.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folder ?? null,
      workspaceFolders: folder ? [{ uri: folder, name: path.basename(folder) }] : null,
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: false } },
        textDocument: {
          synchronization: { didSave: true, dynamicRegistration: false },
          publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          ...(options.pullDiagnostics ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
        },
      },
    });
    server.coldStartMs = performance.now() - spawned;
    await server.connection.sendNotification(InitializedNotification.type, {});
    return server;
  }

  /** Whether the server offers pull diagnostics (`diagnosticProvider` in its capabilities). */
  get offersPullDiagnostics(): boolean {
    return this.initializeResult.capabilities.diagnosticProvider !== undefined;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Sends `didOpen` at version 1; returns when it was sent. */
  open(uri: string, languageId: string, text: string): number {
    const sent = performance.now();
    void this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return sent;
  }

  /** Sends an incremental `didChange` inserting `text` at `at`; returns when it was sent. */
  insert(uri: string, version: number, at: Position, text: string): number {
    const sent = performance.now();
    void this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range: { start: at, end: at }, text }] });
    return sent;
  }

  /** The diagnostics published for `uri` at `version`, or undefined when none came within `timeoutMs`. */
  diagnosticsFor(uri: string, version: number, timeoutMs: number): Promise<Published | undefined> {
    const received = this.published.get(uri)?.find((entry) => entry.version === version);
    if (received) return Promise.resolve(received);
    if (this.exited) return Promise.reject(this.exitError());
    let waiter: Waiter | undefined;
    const arrived = new Promise<Published | undefined>((resolve) => {
      waiter = { uri, version, resolve };
      this.waiters.push(waiter);
    });
    return within(arrived, timeoutMs).then((entry) => {
      const index = this.waiters.indexOf(waiter!);
      if (index >= 0) this.waiters.splice(index, 1);
      if (!entry && this.exited) throw this.exitError();
      return entry;
    });
  }

  /** `textDocument/diagnostic`; resolves with the report and when it arrived. */
  async pull(uri: string): Promise<{ report: DocumentDiagnosticReport; at: number }> {
    const report = await this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    return { report, at: performance.now() };
  }

  /** A `textDocument/hover` round trip in ms: what any answer costs, besides the work behind it. */
  async hoverRoundTrip(uri: string, at: Position): Promise<number> {
    const sent = performance.now();
    await this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at });
    return performance.now() - sent;
  }

  /** The server process's peak resident set (VmHWM, worker threads included), where /proc has it. */
  peakRssBytes(): number | undefined {
    try {
      const kilobytes = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'))?.[1];
      return kilobytes === undefined ? undefined : Number(kilobytes) * 1024;
    } catch {
      return undefined;
    }
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    try {
      await within(this.connection.sendRequest(ShutdownRequest.type), 10_000);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // The server is gone already or does not answer: it is killed below.
    }
    if ((await within(exited.then(() => true), 10_000)) === undefined) this.child.kill();
    this.connection.dispose();
  }

  private exitError(): Error {
    return new Error(`The language server exited.\n${this.stderr}`);
  }
}
