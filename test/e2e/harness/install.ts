// Locates what an end-to-end run needs: the code-server install (test/e2e/setup.sh) and the packaged
// extension. `npm run test:e2e` prepares both once and passes them on in the environment; a test file
// run on its own prepares them itself.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const VSIX_PATH = path.join(REPO_ROOT, 'ballast.vsix');

/** Environment variables through which `npm run test:e2e` hands the prepared pieces to each test file. */
export const CODE_SERVER_ENV = 'BALLAST_E2E_CODE_SERVER';
export const VSIX_ENV = 'BALLAST_E2E_VSIX';

/** Runs the idempotent setup script; its last line of output is the code-server directory. */
export function prepareCodeServer(): string {
  const given = process.env[CODE_SERVER_ENV];
  if (given) return given;
  const output = execFileSync('bash', [path.join(REPO_ROOT, 'test/e2e/setup.sh')], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const directory = output.trim().split('\n').at(-1) ?? '';
  if (!existsSync(path.join(directory, 'out/node/entry.js'))) {
    throw new Error(`test/e2e/setup.sh did not report a code-server directory (got "${directory}")`);
  }
  process.env[CODE_SERVER_ENV] = directory;
  return directory;
}

/** Packages the extension the way it is published, so the tests exercise the shipped .vsix. */
export function prepareVsix(): string {
  const given = process.env[VSIX_ENV];
  if (given) return given;
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (!existsSync(VSIX_PATH)) throw new Error(`npm run package did not produce ${VSIX_PATH}`);
  process.env[VSIX_ENV] = VSIX_PATH;
  return VSIX_PATH;
}
