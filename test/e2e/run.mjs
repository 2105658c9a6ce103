// `npm run test:e2e`: installs the editor (test/e2e/setup.sh), packages the extension once, then runs
// test/e2e/*.test.ts one file at a time, each against its own code-server and chromium.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const here = join(root, 'test/e2e');
const only = process.argv.slice(2);
const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

const setupStarted = Date.now();
const setupOutput = execFileSync('bash', [join(here, 'setup.sh')], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
const codeServer = setupOutput.trim().split('\n').at(-1);
console.log(`e2e: editor ready in ${seconds(setupStarted)} (${codeServer})`);

let vsix = process.env.BALLAST_E2E_VSIX;
if (!vsix) {
  const packageStarted = Date.now();
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  vsix = join(root, 'ballast.vsix');
  console.log(`e2e: packaged ${relative(root, vsix)} in ${seconds(packageStarted)}`);
}

const files = readdirSync(here)
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => relative(root, join(here, name)))
  .filter((file) => only.length === 0 || only.some((filter) => file.includes(filter)))
  .sort();
if (files.length === 0) {
  console.error('No end-to-end test files matched.');
  process.exit(1);
}
// One file at a time: each starts an editor and a browser, and two at once on a small machine only
// make both slow.
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files],
  { cwd: root, stdio: 'inherit', env: { ...process.env, BALLAST_E2E_CODE_SERVER: codeServer, BALLAST_E2E_VSIX: vsix } },
);
console.log(`e2e: finished in ${seconds(started)}`);
process.exit(result.status ?? 1);
