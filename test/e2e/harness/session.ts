// One editor session per test file: a fresh code-server with the packaged extension installed, a copy
// of a fixture workspace, and Debian's chromium showing it. Torn down after the file, also on failure.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { CodeServer, codeServerDirectories, installExtension, writeUserSettings, type CodeServerDirectories } from './codeServer';
import { REPO_ROOT, prepareCodeServer, prepareVsix } from './install';
import { Workbench } from './workbench';

const CHROMIUM = process.env.BALLAST_E2E_CHROMIUM ?? '/usr/bin/chromium';
// The machine has no network but the package registries: without these, chromium keeps trying to
// reach Google's services at start and while running.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const FIXTURES = path.join(REPO_ROOT, 'test/e2e/fixtures');
const ARTIFACTS = path.join(REPO_ROOT, '.e2e');

export interface SessionOptions {
  /** Folder under test/e2e/fixtures copied as the workspace. */
  fixture: string;
  /** User settings on top of the quiet defaults. */
  settings?: Record<string, unknown>;
}

export class EditorSession {
  private readonly workspaceSettings: Record<string, unknown> = {};

  private constructor(
    readonly workbench: Workbench,
    readonly workspace: string,
    private readonly directories: CodeServerDirectories,
    private readonly server: CodeServer,
    private readonly browser: Browser,
  ) {}

  static async open(options: SessionOptions): Promise<EditorSession> {
    const codeServerDir = prepareCodeServer();
    const vsix = prepareVsix();
    const directories = codeServerDirectories(mkdtempSync(path.join(os.tmpdir(), 'ballast-e2e-')));
    const workspace = path.join(directories.root, 'workspace');
    cpSync(path.join(FIXTURES, options.fixture), workspace, { recursive: true });
    writeUserSettings(directories, options.settings ?? {});
    let server: CodeServer | undefined;
    let browser: Browser | undefined;
    try {
      await installExtension(codeServerDir, directories, vsix);
      server = await CodeServer.start(codeServerDir, directories, workspace);
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      // tsx compiles with esbuild's keepNames, which wraps named functions in calls to `__name`; the
      // functions sent to the page by page.evaluate carry those calls, so the page needs the helper.
      await page.addInitScript('globalThis.__name = (target) => target');
      await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
      const workbench = new Workbench(page, workspace);
      await workbench.ready();
      return new EditorSession(workbench, workspace, directories, server, browser);
    } catch (error) {
      await browser?.close();
      await server?.stop();
      saveLogs(directories, `startup-${options.fixture}`);
      rmSync(directories.root, { recursive: true, force: true });
      throw error;
    }
  }

  /**
   * Changes workspace settings the way a user editing .vscode/settings.json does; VS Code notices the
   * file change and tells the extension, and tests wait for the effect they expect. (code-server does
   * not watch the user settings file for changes made outside the editor, so user settings are only
   * written before it starts.)
   */
  updateWorkspaceSettings(settings: Record<string, unknown>): void {
    Object.assign(this.workspaceSettings, settings);
    mkdirSync(path.join(this.workspace, '.vscode'), { recursive: true });
    writeFileSync(path.join(this.workspace, '.vscode', 'settings.json'), `${JSON.stringify(this.workspaceSettings, null, 2)}\n`);
  }

  /** Keeps what explains a failure: a screenshot and the editor's logs, under .e2e/ (ignored by git). */
  async recordFailure(testName: string): Promise<void> {
    const name = slug(testName);
    mkdirSync(path.join(ARTIFACTS, 'screenshots'), { recursive: true });
    const screenshot = path.join(ARTIFACTS, 'screenshots', `${name}.png`);
    await this.workbench.page.screenshot({ path: screenshot }).catch(() => undefined);
    saveLogs(this.directories, name);
    console.error(`e2e: screenshot ${path.relative(REPO_ROOT, screenshot)}, logs .e2e/logs/${name}/`);
  }

  async close(): Promise<void> {
    try {
      await this.browser.close();
    } finally {
      await this.server.stop();
      rmSync(this.directories.root, { recursive: true, force: true });
    }
  }
}

function saveLogs(directories: CodeServerDirectories, name: string): void {
  const target = path.join(ARTIFACTS, 'logs', name);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const [source, destination] of [
    [path.join(directories.root, 'code-server.log'), 'code-server.log'],
    [path.join(directories.userData, 'logs'), 'vscode'],
  ] as const) {
    try {
      cpSync(source, path.join(target, destination), { recursive: true });
    } catch {
      // Not written yet when startup failed early.
    }
  }
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 100);
}

/**
 * Declares the session of a test file: opened before its first test, closed after its last. Its
 * `test` records a screenshot and the logs when a test fails.
 */
export function editorSession(options: SessionOptions): {
  test(name: string, body: (workbench: Workbench, session: EditorSession) => Promise<void>): void;
} {
  let session: EditorSession | undefined;
  before(async () => {
    session = await EditorSession.open(options);
  });
  after(async () => {
    await session?.close();
  });
  return {
    test(name, body) {
      test(name, async () => {
        if (!session) throw new Error('the editor session did not start');
        try {
          await body(session.workbench, session);
        } catch (error) {
          await session.recordFailure(name);
          // Close any menu or widget the failure left open, so that the next test starts clean.
          await session.workbench.page.keyboard.press('Escape').catch(() => undefined);
          throw error;
        }
      });
    },
  };
}
