// Runs every test/**/*.test.ts with node's test runner (TypeScript through tsx).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2);

function find(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' || entry.name === 'e2e' ? [] : find(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const files = find(join(root, 'test'))
  .map((file) => relative(root, file))
  .filter((file) => only.length === 0 || only.some((filter) => file.includes(filter)))
  .sort();
if (files.length === 0) {
  console.error('No test files matched.');
  process.exit(1);
}
// Ballast makes no network requests: every process of the run (test files, the language server,
// the CLI, worker threads) refuses sockets, DNS and fetch, and logs any attempt here.
const guard = join(root, 'test', 'helpers', 'noNetwork.cjs');
const logFolder = mkdtempSync(join(tmpdir(), 'ballast-network-'));
const networkLog = join(logFolder, 'attempts.log');
const env = {
  ...process.env,
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(guard)}`.trim(),
  BALLAST_NETWORK_LOG: networkLog,
};
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { cwd: root, stdio: 'inherit', env });
let attempts = '';
try {
  attempts = readFileSync(networkLog, 'utf8');
} catch {
  // No attempt was logged.
}
rmSync(logFolder, { recursive: true, force: true });
if (attempts !== '') {
  console.error(`\nThe run attempted network access, which Ballast never does:\n${attempts}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
