// Runs code-server (VS Code served to a browser) with its own user data, extensions and settings,
// so that every test session starts from a fresh, known editor with only Ballast installed.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, closeSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { waitFor } from './waitFor';

const execFileAsync = promisify(execFile);

/**
 * Settings that keep a first start quiet: no welcome page, tips, trust prompt, update checks or
 * telemetry notifications, which would otherwise cover the editor or steal focus.
 */
export const QUIET_SETTINGS: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  // code-server saves after a delay by default; tests decide when a file is saved.
  'files.autoSave': 'off',
};

export interface CodeServerDirectories {
  /** A fresh temporary folder owned by this session. */
  root: string;
  userData: string;
  extensions: string;
}

export function codeServerDirectories(root: string): CodeServerDirectories {
  const directories = { root, userData: path.join(root, 'user-data'), extensions: path.join(root, 'extensions') };
  mkdirSync(path.join(directories.userData, 'User'), { recursive: true });
  mkdirSync(directories.extensions, { recursive: true });
  return directories;
}

export function userSettingsPath(directories: CodeServerDirectories): string {
  return path.join(directories.userData, 'User', 'settings.json');
}

export function writeUserSettings(directories: CodeServerDirectories, settings: Record<string, unknown>): void {
  writeFileSync(userSettingsPath(directories), `${JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2)}\n`);
}

/**
 * code-server must not find the editor it may be started from (a VS Code terminal sets VSCODE_IPC_HOOK_CLI,
 * which would send --install-extension to that editor) nor read or write the user's own config.
 */
function isolatedEnvironment(directories: CodeServerDirectories): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('VSCODE_')) environment[name] = value;
  }
  environment.XDG_CONFIG_HOME = path.join(directories.root, 'config');
  environment.XDG_DATA_HOME = path.join(directories.root, 'data');
  return environment;
}

function commonArguments(directories: CodeServerDirectories): string[] {
  return [
    '--config', path.join(directories.root, 'code-server.yaml'),
    '--user-data-dir', directories.userData,
    '--extensions-dir', directories.extensions,
  ];
}

function entryPoint(codeServerDir: string): string {
  return path.join(codeServerDir, 'out/node/entry.js');
}

export async function installExtension(codeServerDir: string, directories: CodeServerDirectories, vsix: string): Promise<void> {
  await execFileAsync(
    process.execPath,
    [entryPoint(codeServerDir), ...commonArguments(directories), '--force', '--install-extension', vsix],
    { env: isolatedEnvironment(directories) },
  );
}

async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export class CodeServer {
  private exited = false;
  private readonly killOnExit = (): void => this.killGroup('SIGKILL');

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
    readonly logPath: string,
  ) {
    child.once('exit', () => {
      this.exited = true;
    });
    // Should the test process end without reaching teardown, leave no editor running behind it.
    process.once('exit', this.killOnExit);
  }

  static async start(codeServerDir: string, directories: CodeServerDirectories, workspace: string): Promise<CodeServer> {
    const port = await freeLoopbackPort();
    const logPath = path.join(directories.root, 'code-server.log');
    const log = openSync(logPath, 'a');
    const child = spawn(
      process.execPath,
      [
        entryPoint(codeServerDir),
        ...commonArguments(directories),
        '--auth', 'none',
        '--bind-addr', `127.0.0.1:${port}`,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        workspace,
      ],
      // Its own process group, so that stopping it also stops the extension host and other helpers it starts.
      { env: isolatedEnvironment(directories), stdio: ['ignore', log, log], detached: true },
    );
    closeSync(log);
    const server = new CodeServer(child, port, logPath);
    try {
      await waitFor('code-server to answer on /healthz', () => server.healthy(), (healthy) => healthy);
    } catch (error) {
      await server.stop();
      throw new Error(`${String(error)}\ncode-server log:\n${server.log()}`);
    }
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  log(): string {
    return readFileSync(this.logPath, 'utf8');
  }

  private async healthy(): Promise<boolean> {
    if (this.exited) throw new Error('code-server exited');
    const response = await fetch(`${this.url}/healthz`).catch(() => undefined);
    return response?.ok ?? false;
  }

  private killGroup(signal: NodeJS.Signals): void {
    if (this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, signal);
    } catch {
      // The whole group is gone already.
    }
  }

  async stop(): Promise<void> {
    process.off('exit', this.killOnExit);
    if (!this.exited) {
      const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
      this.killGroup('SIGTERM');
      const forced = setTimeout(() => this.killGroup('SIGKILL'), 5_000);
      await exited;
      clearTimeout(forced);
    }
    // Helpers that outlive code-server itself (extension host, file watcher) are in its process group.
    this.killGroup('SIGKILL');
  }
}
