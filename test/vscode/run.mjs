// `npm run test:vscode`: the extension-host checks in test/vscode/suite, run by @vscode/test-electron
// in a desktop VS Code. That VS Code is downloaded at test time (or given by BALLAST_VSCODE_EXECUTABLE);
// where none can be had, this says so and fails: a suite that did not run has not passed.
// The end-to-end tests (npm run test:e2e) cover the same ground offline, in code-server.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const VSCODE_VERSION = '1.100.3'; // the version code-server 4.100.3 embeds, so both suites see one editor
const root = new URL('../..', import.meta.url).pathname;

async function vscodeExecutable() {
  if (process.env.BALLAST_VSCODE_EXECUTABLE) return process.env.BALLAST_VSCODE_EXECUTABLE;
  try {
    return await downloadAndUnzipVSCode({ version: VSCODE_VERSION, cachePath: join(root, '.vscode-test'), timeout: 30_000 });
  } catch (error) {
    console.error(`test:vscode: NOT RUN. No VS Code build is available: ${error instanceof Error ? error.message : String(error)}`);
    console.error('test:vscode: VS Code could not be downloaded (no network access to its update service?).');
    console.error('test:vscode: set BALLAST_VSCODE_EXECUTABLE to a VS Code executable, or run npm run test:e2e, which tests the same in code-server.');
    return undefined;
  }
}

const executable = await vscodeExecutable();
if (!executable) process.exit(2);

// The extension host loads plain JavaScript: bundle the suite, with `vscode` provided by the host.
const suite = join(root, '.e2e', 'vscode-suite', 'index.js');
await esbuild.build({
  entryPoints: [join(root, 'test/vscode/suite/index.ts')],
  outfile: suite,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  logLevel: 'warning',
});
// The extension under development runs from dist/, like the packaged one.
execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });

const scratch = mkdtempSync(join(os.tmpdir(), 'ballast-vscode-'));
const workspace = join(scratch, 'workspace');
cpSync(join(root, 'test/e2e/fixtures/workspace'), workspace, { recursive: true });
try {
  await runTests({
    vscodeExecutablePath: executable,
    extensionDevelopmentPath: root,
    extensionTestsPath: suite,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--user-data-dir', join(scratch, 'user-data')],
  });
  console.log('test:vscode: all extension-host checks passed');
} catch (error) {
  console.error(`test:vscode: failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
