// The .vsix the end-to-end tests install is the one that ships: it must hold the two bundles and the
// documents a user reads, and nothing else (no sources, node_modules or source maps).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT, prepareVsix } from './harness/install';
import { listVsixEntries } from './harness/vsix';

/** Every rule document under docs/rules, as paths relative to the repository. */
function ruleDocuments(): string[] {
  return readdirSync(path.join(REPO_ROOT, 'docs/rules'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(REPO_ROOT, path.join(entry.parentPath, entry.name)));
}

const SHIPPED = ['package.json', 'README.md', 'LICENSE', 'images/icon.png', 'dist/extension.js', 'dist/server.js', 'dist/scanWorker.js', 'schemas/ballast-config.schema.json'];

test('the packaged extension contains exactly the bundles, package.json, README, LICENSE, the icon, the config schema and the rule docs', () => {
  const documents = ruleDocuments();
  assert.ok(documents.length > 0, 'there are rule documents to ship');
  const entries = listVsixEntries(prepareVsix());
  // vsce adds its manifest and content types, and renames README.md and LICENSE inside the archive.
  const expected = [
    '[Content_Types].xml',
    'extension.vsixmanifest',
    'extension/LICENSE.txt',
    'extension/readme.md',
    ...SHIPPED.filter((file) => file !== 'README.md' && file !== 'LICENSE').map((file) => `extension/${file}`),
    ...documents.map((file) => `extension/${file}`),
  ];
  assert.deepEqual([...entries].sort(), expected.sort());
});

test('vsce ls selects the same files from the working tree', () => {
  prepareVsix();
  const listed = execFileSync(path.join(REPO_ROOT, 'node_modules/.bin/vsce'), ['ls', '--no-dependencies'], { cwd: REPO_ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.trim() !== '');
  assert.deepEqual([...listed].sort(), [...SHIPPED, ...ruleDocuments()].sort());
});
