import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { buildCli, createProject, removeDirectory, runCli } from './cliHarness';

/** Two ADDs far apart, so the diff has two hunks; USER root has a suggestion, never applied. */
const DOCKERFILE = [
  'FROM node:22',
  'ADD package.json /app/',
  'WORKDIR /app',
  'RUN npm ci',
  'ENV NODE_ENV=production',
  'EXPOSE 8080',
  'LABEL team=web',
  'ARG VERSION',
  'ENV VERSION=$VERSION',
  'USER root',
  'ADD . /app',
  'CMD ["node", "server.js"]',
  '',
].join('\n');

const DEPLOYMENT = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  template:',
  '    spec:',
  '      serviceAccount: web',
  '      containers:',
  '        - name: app',
  '          image: nginx:1.27',
  '          securityContext:',
  '            privileged: true',
  '          ports:',
  '            - containerPort: 80',
  '              hostPort: 0',
  '',
].join('\n');

const FILES: Record<string, string | Buffer> = {
  'Dockerfile': DOCKERFILE,
  'k8s/deploy.yaml': DEPLOYMENT,
  'clean.Dockerfile': 'FROM node:22\nCOPY . /app\n',
  'windows/Dockerfile': 'FROM node:22\r\nADD app.js /app/\r\nCMD ["node", "/app/app.js"]\r\n',
  'bom/Dockerfile': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('FROM node:22\nADD app.js /app/\n')]),
  // Latin-1, not UTF-8: writing it back would mangle the é.
  'latin1/Dockerfile': Buffer.from('# caf\u00e9\nFROM node:22\nADD app.js /app/\n', 'latin1'),
};

const DOCKERFILE_DIFF = [
  '--- a/Dockerfile',
  '+++ b/Dockerfile',
  '@@ -1,5 +1,5 @@',
  ' FROM node:22',
  '-ADD package.json /app/',
  '+COPY package.json /app/',
  ' WORKDIR /app',
  ' RUN npm ci',
  ' ENV NODE_ENV=production',
  '@@ -8,5 +8,5 @@',
  ' ARG VERSION',
  ' ENV VERSION=$VERSION',
  ' USER root',
  '-ADD . /app',
  '+COPY . /app',
  ' CMD ["node", "server.js"]',
  '',
].join('\n');

/** serviceAccount and hostPort are 8 lines apart: two hunks, as their contexts do not meet. */
const SERVICE_ACCOUNT_HUNK = [
  '--- a/k8s/deploy.yaml',
  '+++ b/k8s/deploy.yaml',
  '@@ -5,7 +5,7 @@',
  ' spec:',
  '   template:',
  '     spec:',
  '-      serviceAccount: web',
  '+      serviceAccountName: web',
  '       containers:',
  '         - name: app',
  '           image: nginx:1.27',
  '',
].join('\n');
const DEPLOYMENT_DIFF =
  SERVICE_ACCOUNT_HUNK + ['@@ -13,4 +13,3 @@', '             privileged: true', '           ports:', '             - containerPort: 80', '-              hostPort: 0', ''].join('\n');

// The byte-order mark is part of the first line, so that the diff applies to the file's bytes.
const BOM_DIFF = ['--- a/bom/Dockerfile', '+++ b/bom/Dockerfile', '@@ -1,2 +1,2 @@', ' \uFEFFFROM node:22', '-ADD app.js /app/', '+COPY app.js /app/', ''].join('\n');

const WINDOWS_DIFF = [
  '--- a/windows/Dockerfile',
  '+++ b/windows/Dockerfile',
  '@@ -1,3 +1,3 @@',
  ' FROM node:22\r',
  '-ADD app.js /app/\r',
  '+COPY app.js /app/\r',
  ' CMD ["node", "/app/app.js"]\r',
  '',
].join('\n');

const NOT_UTF8 = 'ballast: latin1/Dockerfile: This file is not valid UTF-8 (the first bad byte is at offset 5), so Ballast did not fix it. Save it as UTF-8 to have it fixed.\n';

function snapshot(directory: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[path.relative(directory, full)] = readFileSync(full).toString('base64');
    }
  };
  walk(directory);
  return files;
}

describe('ballast fix', () => {
  let project: string;
  before(buildCli);
  beforeEach(() => {
    if (project) removeDirectory(project);
    project = createProject(FILES);
  });
  after(() => removeDirectory(project));

  it('--dry-run prints the unified diff of every safe fix, with 3 lines of context, and writes nothing', () => {
    const before = snapshot(project);
    const run = runCli(['fix', '--dry-run'], project);
    // Files in walk order: Dockerfile, bom/, clean.Dockerfile, k8s/, latin1/, windows/.
    assert.equal(run.stdout, DOCKERFILE_DIFF + BOM_DIFF + DEPLOYMENT_DIFF + WINDOWS_DIFF);
    assert.equal(run.stderr, `${NOT_UTF8}Would apply 6 fixes to 4 of 6 files (dry run: no file was written).\n`);
    assert.equal(run.status, 1, 'a file could not be fixed');
    assert.deepEqual(snapshot(project), before);
  });

  it('writes the fixed files in place, keeping CRLF line breaks and the byte-order mark, and never applies suggestions', () => {
    const run = runCli(['fix'], project);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, `${NOT_UTF8}Applied 6 fixes to 4 of 6 files.\n`);
    assert.equal(run.status, 1);
    const read = (relative: string) => readFileSync(path.join(project, relative));
    assert.equal(read('Dockerfile').toString(), DOCKERFILE.replace('ADD package.json', 'COPY package.json').replace('ADD . /app', 'COPY . /app'));
    assert.match(read('Dockerfile').toString(), /^USER root$/m, 'the suggestion to switch users is not applied');
    assert.equal(read('k8s/deploy.yaml').toString(), DEPLOYMENT.replace('serviceAccount: web', 'serviceAccountName: web').replace('\n              hostPort: 0', ''));
    assert.equal(read('windows/Dockerfile').toString(), 'FROM node:22\r\nCOPY app.js /app/\r\nCMD ["node", "/app/app.js"]\r\n');
    assert.deepEqual(read('bom/Dockerfile'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('FROM node:22\nCOPY app.js /app/\n')]));
    assert.deepEqual(read('latin1/Dockerfile'), FILES['latin1/Dockerfile']);
    assert.equal(read('clean.Dockerfile').toString(), FILES['clean.Dockerfile']);

    // A second run finds nothing left to fix.
    assert.deepEqual(runCli(['fix', 'Dockerfile', 'k8s', 'windows', 'bom'], project), { status: 0, stdout: '', stderr: 'Nothing to fix in 4 files.\n' });
  });

  it('the dry-run diff applies with git apply and gives what fix writes', () => {
    const diff = runCli(['fix', '--dry-run'], project).stdout;
    const patched = mkdtempSync(path.join(tmpdir(), 'ballast-patched-'));
    try {
      cpSync(project, patched, { recursive: true });
      writeFileSync(path.join(patched, 'fixes.diff'), diff);
      const applied = spawnSync('git', ['apply', '--whitespace=nowarn', 'fixes.diff'], { cwd: patched, encoding: 'utf8' });
      assert.equal(applied.status, 0, applied.stderr);
      runCli(['fix'], project);
      const { 'fixes.diff': _diff, ...result } = snapshot(patched);
      assert.deepEqual(result, snapshot(project));
    } finally {
      removeDirectory(patched);
    }
  });

  it('fixes the files named, takes the settings scan takes, and leaves excluded files alone', () => {
    writeFileSync(path.join(project, '.ballast.yaml'), 'rules:\n  kubernetes/host-port-zero: off\n');
    const run = runCli(['fix', '--dry-run', 'k8s', 'Dockerfile', '--rule', 'dockerfile/prefer-copy=off'], project);
    assert.equal(run.stdout, SERVICE_ACCOUNT_HUNK);
    assert.equal(run.stderr, 'Would apply 1 fix to 1 of 2 files (dry run: no file was written).\n');
    assert.equal(run.status, 0);
    assert.deepEqual(runCli(['fix', '--dry-run', '--exclude', 'k8s/**', 'k8s', 'clean.Dockerfile'], project), {
      status: 0,
      stdout: '',
      stderr: "ballast: k8s is excluded (by --exclude or a configuration file's exclude), so it was not looked at\nNothing to fix in 1 file.\n",
    });
  });

  it('colours the diff on request', () => {
    const run = runCli(['fix', '--dry-run', '--color', 'bom'], project);
    assert.equal(
      run.stdout,
      '\u001b[1m--- a/bom/Dockerfile\u001b[22m\n\u001b[1m+++ b/bom/Dockerfile\u001b[22m\n\u001b[36m@@ -1,2 +1,2 @@\u001b[39m\n \uFEFFFROM node:22\n\u001b[31m-ADD app.js /app/\u001b[39m\n\u001b[32m+COPY app.js /app/\u001b[39m\n',
    );
  });

  it('usage errors exit 2 and print nothing on stdout', () => {
    for (const [args, message] of [
      [['fix', '--format', 'json'], "Unknown option '--format'"],
      [['fix', 'missing'], 'no such file or directory: missing'],
      [['fix', '--rule', 'nope=off'], "unknown rule id 'nope' in --rule (run 'ballast rules' to list them)"],
    ] as const) {
      assert.deepEqual(runCli(args, project), { status: 2, stdout: '', stderr: `ballast: ${message}\nRun 'ballast fix --help' for usage.\n` }, args.join(' '));
    }
  });

  it('says so when there is nothing to fix', () => {
    const empty = createProject({ 'README.md': '# nothing\n' });
    try {
      assert.deepEqual(runCli(['fix'], empty), { status: 0, stdout: '', stderr: 'No files to fix: no Dockerfiles or YAML files were found.\n' });
    } finally {
      removeDirectory(empty);
    }
  });
});
