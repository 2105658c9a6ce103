/**
 * Ballast: Scan Workspace / Scan Folder / Clear Scan Results. The client finds the files, since
 * VS Code knows the workspace folders, `files.exclude` and the folder the user picked; the server
 * lints them from disk and publishes their diagnostics, so the Problems panel lists files that
 * were never opened.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CLEAR_SCAN_RESULTS_REQUEST,
  SCAN_FILES_REQUEST,
  SCAN_FINISHED_REQUEST,
  SCAN_PROGRESS_NOTIFICATION,
  type ClearScanResultsResult,
  type ScanCounts,
  type ScanFilesParams,
  type ScanFilesResult,
  type ScanFinishedParams,
  type ScanProgressParams,
} from '../server/protocol';
import { ALWAYS_EXCLUDED, GitignoreRules, SCAN_INCLUDE, enabledGlobs, excludedByBallast, excludedLikeFilesExclude, findFilesExclude } from './scanFilter';

export const ScanCommands = {
  scanWorkspace: 'ballast.scanWorkspace',
  scanFolder: 'ballast.scanFolder',
  clearScanResults: 'ballast.clearScanResults',
} as const;

/** VS Code's own command that shows the Problems panel. */
export const SHOW_PROBLEMS_COMMAND = 'workbench.actions.view.problems';

/** Files per request: a batch is small enough to answer quickly and big enough that requests cost little. */
const BATCH_SIZE = 100;
/** Two batches under way, so the server's workers never wait for the next one to arrive. */
const BATCHES_IN_FLIGHT = 2;

export interface ScanSummary extends ScanCounts {
  /** Files found. */
  total: number;
  /** Files the server went through, the ones it passed by (Helm templates) included. */
  processed: number;
  cancelled: boolean;
}

/** What the status bar item shows of the scan. */
export interface ScanStatus {
  /** `total` is undefined while the files are being found. */
  scanning(processed: number, total: number | undefined): void;
  scanned(summary: ScanSummary): void;
  /** Settings or ignore files changed since the last scan. */
  stale(): void;
  cleared(): void;
}

/** A folder to scan: `base`, which lies in (or is) the workspace folder `folder`. */
interface ScanRoot {
  folder: vscode.WorkspaceFolder;
  base: vscode.Uri;
}

export class WorkspaceScan implements vscode.Disposable {
  private running: vscode.CancellationTokenSource | undefined;
  private scans = 0;
  private hasResults = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly client: LanguageClient,
    private readonly status: ScanStatus,
  ) {
    const staleWatcher = vscode.workspace.createFileSystemWatcher('**/{.gitignore,.ballast.yaml,.ballast.yml}');
    const markStale = () => {
      if (this.hasResults) status.stale();
    };
    this.disposables.push(
      staleWatcher,
      staleWatcher.onDidCreate(markStale),
      staleWatcher.onDidChange(markStale),
      staleWatcher.onDidDelete(markStale),
      // The scan's results were linted with the settings of their time; a full rescan on every
      // change would be costly, so the status says the results are stale and the user rescans.
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('ballast') || event.affectsConfiguration('files.exclude')) markStale();
      }),
    );
  }

  /** The language server stopped: the client dropped every diagnostic it had published. */
  serverStopped(): void {
    this.running?.cancel();
    if (this.hasResults) this.status.cleared();
    this.hasResults = false;
  }

  scanWorkspace(): Promise<void> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) {
      void vscode.window.showInformationMessage('Open a folder to scan it with Ballast.');
      return Promise.resolve();
    }
    return this.scan(folders.map((folder) => ({ folder, base: folder.uri })));
  }

  /**
   * From the Explorer's context menu: the folder clicked, or every folder selected with it. From
   * the command palette: a workspace folder to pick.
   */
  async scanFolder(clicked?: vscode.Uri, selected?: vscode.Uri[]): Promise<void> {
    let targets = selected && selected.length > 0 ? selected : clicked ? [clicked] : undefined;
    if (!targets) {
      const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: 'The folder to scan with Ballast' });
      if (!picked) return;
      targets = [picked.uri];
    }
    const roots: ScanRoot[] = [];
    for (const base of targets) {
      const folder = vscode.workspace.getWorkspaceFolder(base);
      if (folder) roots.push({ folder, base });
    }
    if (roots.length === 0) {
      void vscode.window.showInformationMessage('Ballast scans folders of the workspace only.');
      return;
    }
    // A folder selected together with one of its parents is scanned once, as part of the parent.
    const outermost = roots.filter((root) => !roots.some((other) => other !== root && isInside(root.base, other.base)));
    return this.scan(outermost);
  }

  async clear(): Promise<void> {
    this.running?.cancel();
    const result = await this.client.sendRequest<ClearScanResultsResult>(CLEAR_SCAN_RESULTS_REQUEST);
    this.hasResults = false;
    this.status.cleared();
    if (result.files === 0) void vscode.window.showInformationMessage('There are no Ballast scan results to clear.');
  }

  dispose(): void {
    this.running?.cancel();
    for (const disposable of this.disposables) disposable.dispose();
  }

  private async scan(roots: ScanRoot[]): Promise<void> {
    if (this.running) {
      void vscode.window.showInformationMessage('Ballast is already scanning. Wait for that scan to finish, or cancel it first.');
      return;
    }
    const source = new vscode.CancellationTokenSource();
    this.running = source;
    let summary: ScanSummary | undefined;
    try {
      summary = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Ballast', cancellable: true }, (progress, token) => {
        token.onCancellationRequested(() => source.cancel());
        return this.run(roots, progress, source.token);
      });
    } catch (error) {
      this.status.cleared();
      void vscode.window.showErrorMessage(`Ballast could not scan the workspace: ${error instanceof Error ? error.message : String(error)}`);
      return;
    } finally {
      this.running = undefined;
      source.dispose();
    }
    if (summary.processed > 0) this.hasResults = true;
    this.status.scanned(summary);
    void vscode.window.showInformationMessage(describeSummary(summary), 'Open Problems').then((choice) => {
      if (choice) void vscode.commands.executeCommand(SHOW_PROBLEMS_COMMAND);
    });
  }

  private async run(roots: ScanRoot[], progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken): Promise<ScanSummary> {
    progress.report({ message: 'finding files…' });
    this.status.scanning(0, undefined);
    let files: vscode.Uri[];
    try {
      files = await findScanFiles(roots, token);
    } catch (error) {
      if (!token.isCancellationRequested) throw error;
      files = [];
    }
    const summary: ScanSummary = { total: files.length, processed: 0, files: 0, errors: 0, warnings: 0, infos: 0, cancelled: token.isCancellationRequested };
    if (summary.cancelled) return summary;
    const scan = ++this.scans;
    let shown = 0;
    const show = (processed: number) => {
      if (processed < shown || (processed === shown && shown > 0)) return;
      progress.report({ message: `scanning ${processed}/${files.length} files`, increment: files.length === 0 ? 0 : ((processed - shown) / files.length) * 100 });
      shown = processed;
      this.status.scanning(processed, files.length);
    };
    show(0);
    const listener = this.client.onNotification(SCAN_PROGRESS_NOTIFICATION, (params: ScanProgressParams) => {
      if (params.scan === scan) show(params.processed);
    });
    try {
      const uris = files.map((file) => this.client.code2ProtocolConverter.asUri(file));
      let next = 0;
      const sendBatches = async () => {
        while (next < uris.length && !token.isCancellationRequested) {
          const params: ScanFilesParams = { scan, uris: uris.slice(next, next + BATCH_SIZE) };
          next += BATCH_SIZE;
          const result = await this.client.sendRequest<ScanFilesResult>(SCAN_FILES_REQUEST, params, token);
          summary.processed += result.processed;
          summary.files += result.files;
          summary.errors += result.errors;
          summary.warnings += result.warnings;
          summary.infos += result.infos;
          show(summary.processed);
        }
      };
      await Promise.all(Array.from({ length: BATCHES_IN_FLIGHT }, sendBatches));
    } catch (error) {
      // A batch still under way when the scan was cancelled may be answered with an error.
      if (!token.isCancellationRequested) throw error;
    } finally {
      listener.dispose();
    }
    summary.cancelled = token.isCancellationRequested;
    if (!summary.cancelled) {
      const params: ScanFinishedParams = { scan, folders: roots.map((root) => this.client.code2ProtocolConverter.asUri(root.base)) };
      await this.client.sendRequest(SCAN_FINISHED_REQUEST, params);
    }
    return summary;
  }
}

/**
 * The files to scan under the roots, each once, in path order: Dockerfiles and YAML files that
 * `files.exclude`, `ballast.exclude` and the `.gitignore` files leave, never in `node_modules` or
 * `.git`. Only files on disk: the server reads them there.
 */
export async function findScanFiles(roots: readonly ScanRoot[], token: vscode.CancellationToken): Promise<vscode.Uri[]> {
  const found = new Map<string, vscode.Uri>();
  for (const root of roots) {
    if (root.base.scheme !== 'file' || token.isCancellationRequested) continue;
    const filesExclude = [...ALWAYS_EXCLUDED, ...enabledGlobs(vscode.workspace.getConfiguration('files', root.folder.uri).get('exclude'))];
    const ballastExclude = strings(vscode.workspace.getConfiguration('ballast', root.folder.uri).get('exclude'));
    const anchored = root.base.toString() === root.folder.uri.toString();
    const [files, gitignore] = await Promise.all([
      vscode.workspace.findFiles(new vscode.RelativePattern(root.base, SCAN_INCLUDE), findFilesExclude(filesExclude, ballastExclude, anchored), undefined, token),
      readGitignores(root, findFilesExclude(filesExclude, ballastExclude, false), token),
    ]);
    const folderPath = root.folder.uri.path.replace(/\/+$/, '');
    for (const file of files) {
      const relative = file.path.slice(folderPath.length + 1);
      if (excludedLikeFilesExclude(relative, filesExclude) || excludedByBallast(relative, ballastExclude) || gitignore.ignores(file.path)) continue;
      found.set(file.toString(), file);
    }
  }
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The `.gitignore` files that apply under `root.base`: those below it, and those of the folders
 * above it up to the repository's root (the folder with `.git`). Above the workspace folder only
 * when that is inside a repository: git applies nothing outside one.
 *
 * `workspace.findFiles` does not apply .gitignore (only the proposed `findFiles2` can), and git's
 * rules have enough corners (negation, anchoring, folder-only patterns, escapes, a file per folder)
 * that the `ignore` package, which ESLint and many others use for exactly this, reads them.
 */
async function readGitignores(root: ScanRoot, exclude: string | null, token: vscode.CancellationToken): Promise<GitignoreRules> {
  const rules = new GitignoreRules();
  const below = await vscode.workspace.findFiles(new vscode.RelativePattern(root.base, '**/.gitignore'), exclude, undefined, token);
  const texts = await Promise.all(below.map(async (file) => [parentPath(file), await readText(file)] as const));
  for (const [folder, text] of texts) if (text !== undefined) rules.add(folder, text);

  const folderPath = root.folder.uri.path.replace(/\/+$/, '');
  const inside: Array<[string, string]> = [];
  const outside: Array<[string, string]> = [];
  let inRepository = await exists(vscode.Uri.joinPath(root.base, '.git'));
  for (let folder = root.base; !inRepository; ) {
    const parent = vscode.Uri.joinPath(folder, '..');
    if (parent.path === folder.path) break;
    folder = parent;
    const text = await readText(vscode.Uri.joinPath(folder, '.gitignore'));
    if (text !== undefined) (folder.path === folderPath || folder.path.startsWith(`${folderPath}/`) ? inside : outside).push([folder.path, text]);
    inRepository = await exists(vscode.Uri.joinPath(folder, '.git'));
  }
  for (const [folder, text] of inRepository ? [...inside, ...outside] : inside) rules.add(folder, text);
  return rules;
}

function parentPath(uri: vscode.Uri): string {
  return uri.path.slice(0, uri.path.lastIndexOf('/'));
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function isInside(uri: vscode.Uri, folder: vscode.Uri): boolean {
  return uri.scheme === folder.scheme && uri.authority === folder.authority && uri.path.startsWith(`${folder.path.replace(/\/+$/, '')}/`);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((item) => item.trim()) : [];
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

/** The problems found, as the summary and the status bar's tooltip say them. */
export function describeCounts(counts: ScanCounts): string {
  if (counts.errors + counts.warnings + counts.infos === 0) return 'no problems';
  return `${count(counts.errors, 'error')}, ${count(counts.warnings, 'warning')}, ${count(counts.infos, 'info')}`;
}

export function describeSummary(summary: ScanSummary): string {
  if (summary.cancelled) {
    if (summary.processed === 0) return 'Ballast scan cancelled.';
    return `Ballast scan cancelled after ${summary.processed.toLocaleString('en-US')} of ${count(summary.total, 'file')}: ${describeCounts(summary)} so far.`;
  }
  if (summary.total === 0) return 'Ballast found no Dockerfiles or YAML files to scan.';
  const found = describeCounts(summary);
  return found === 'no problems' ? `Ballast scanned ${count(summary.files, 'file')} and found no problems.` : `Ballast scanned ${count(summary.files, 'file')}: ${found}.`;
}
