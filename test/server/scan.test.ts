// The workspace scan over the protocol: the server lints files it was never sent the text of,
// from real folders on disk, in worker threads, and keeps the open documents' live diagnostics.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, afterEach, before, describe, it } from 'node:test';
import { CancellationTokenSource, DidChangeWatchedFilesNotification, FileChangeType, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver/node';
import {
  CLEAR_SCAN_RESULTS_REQUEST,
  SCAN_FILES_REQUEST,
  SCAN_FINISHED_REQUEST,
  SCAN_PROGRESS_NOTIFICATION,
  type ClearScanResultsResult,
  type ScanFilesResult,
  type ScanProgressParams,
} from '../../server/protocol';
import { TestClient, onlyRules } from './lspClient';

const LATEST = 'dockerfile/image-tag-latest';
const ROOT_USER = 'dockerfile/no-root-user';
const PRIVILEGED = 'kubernetes/privileged-container';
const RULES = onlyRules({ [LATEST]: 'default', [ROOT_USER]: 'default', [PRIVILEGED]: 'default' });

const DOCKERFILE = 'FROM node:latest\nUSER root\n';
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n';
const TEMPLATE = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  containers:\n    - name: app\n      securityContext: {privileged: true}\n';

const LATEST_DIAGNOSTIC = {
  code: LATEST,
  severity: 2,
  range: { start: { line: 0, character: 10 }, end: { line: 0, character: 16 } },
  message: 'Base image node:latest uses the latest tag. Pin a version tag.',
};
const ROOT_USER_DIAGNOSTIC = {
  code: ROOT_USER,
  severity: 2,
  range: { start: { line: 1, character: 5 }, end: { line: 1, character: 9 } },
  message: 'The final stage runs as root (USER root). Switch to a non-root user.',
};
const PRIVILEGED_DIAGNOSTIC = {
  code: PRIVILEGED,
  severity: 1,
  range: { start: { line: 9, character: 20 }, end: { line: 9, character: 24 } },
  message: 'Container app is privileged: root in it is root on the node. Set privileged: false and add only the capabilities it needs.',
};

function brief(diagnostics: readonly Diagnostic[]) {
  return diagnostics.map((d) => ({ code: d.code, severity: d.severity, range: d.range, message: d.message }));
}

/** A project folder on disk, removed after the test. */
class Project {
  readonly root = mkdtempSync(path.join(tmpdir(), 'ballast-scan-'));

  write(relative: string, text: string | Buffer): string {
    const file = path.join(this.root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return this.uri(relative);
  }

  uri(relative: string): string {
    return pathToFileURL(path.join(this.root, relative)).href;
  }

  remove(relative: string): void {
    rmSync(path.join(this.root, relative), { recursive: true, force: true });
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

let scans = 0;

function scanFiles(client: TestClient, uris: string[], scan = ++scans, token?: CancellationTokenSource): Promise<ScanFilesResult> {
  const params = { scan, uris };
  // An undefined third argument would be sent as a parameter of its own.
  return token ? client.connection.sendRequest<ScanFilesResult>(SCAN_FILES_REQUEST, params, token.token) : client.connection.sendRequest<ScanFilesResult>(SCAN_FILES_REQUEST, params);
}

/** Scans the files as one complete scan of `folder`, as the client does for Scan Workspace. */
async function scan(client: TestClient, folder: string, uris: string[]): Promise<ScanFilesResult> {
  const number = ++scans;
  const result = await scanFiles(client, uris, number);
  await client.connection.sendRequest(SCAN_FINISHED_REQUEST, { scan: number, folders: [folder] });
  return result;
}

/** Everything published for `uri` after the first `since` notifications. */
function publishedSince(client: TestClient, since: number, uri: string): PublishDiagnosticsParams[] {
  return client.published.slice(since).filter((params) => params.uri === uri);
}

describe('language server: workspace scan', { timeout: 60_000 }, () => {
  let client: TestClient;
  let project: Project;

  before(async () => {
    client = await TestClient.start({ settings: { rules: RULES } });
  });
  after(() => client.stop());
  afterEach(async () => {
    await client.connection.sendRequest(CLEAR_SCAN_RESULTS_REQUEST);
    project.dispose();
  });

  it('publishes the findings of files that were never opened, and passes Helm templates by', async () => {
    project = new Project();
    const dockerfile = project.write('services/api/Dockerfile', DOCKERFILE);
    const pod = project.write('deploy/pod.yaml', POD);
    const clean = project.write('deploy/config.yaml', 'name: not a manifest\n');
    project.write('chart/Chart.yaml', 'apiVersion: v2\nname: web\nversion: 0.1.0\n');
    const template = project.write('chart/templates/pod.yaml', TEMPLATE);
    const chartFile = project.uri('chart/Chart.yaml');

    const result = await scan(client, project.uri(''), [dockerfile, pod, clean, chartFile, template]);
    assert.deepEqual(result, { processed: 5, files: 4, errors: 1, warnings: 2, infos: 0, cancelled: false });

    const dockerfileDiagnostics = await client.waitForDiagnostics(dockerfile);
    assert.equal(dockerfileDiagnostics.version, undefined, 'a file on disk has no document version');
    assert.deepEqual(brief(dockerfileDiagnostics.diagnostics), [LATEST_DIAGNOSTIC, ROOT_USER_DIAGNOSTIC]);
    assert.deepEqual(brief((await client.waitForDiagnostics(pod)).diagnostics), [PRIVILEGED_DIAGNOSTIC]);
    await client.settle();
    // Files without findings get no notification at all: there is nothing to clear yet.
    assert.deepEqual(client.publishedFor(clean), []);
    assert.deepEqual(client.publishedFor(chartFile), []);
    assert.deepEqual(client.publishedFor(template), []);
  });

  it('reports progress while it goes, up to every file of the scan', async () => {
    project = new Project();
    const uris = Array.from({ length: 30 }, (_, index) => project.write(`services/s${index}/Dockerfile`, DOCKERFILE));
    const progress: ScanProgressParams[] = [];
    const listener = client.connection.onNotification(SCAN_PROGRESS_NOTIFICATION, (params: ScanProgressParams) => void progress.push(params));
    try {
      const number = ++scans;
      const first = await scanFiles(client, uris.slice(0, 20), number);
      const second = await scanFiles(client, uris.slice(20), number);
      assert.deepEqual([first.processed, second.processed], [20, 10]);
      const mine = progress.filter((params) => params.scan === number).map((params) => params.processed);
      assert.ok(mine.length >= 2, `progress was reported: ${JSON.stringify(mine)}`);
      assert.deepEqual(mine, [...mine].sort((a, b) => a - b), 'progress never goes back');
      // Counted over the whole scan, both batches together, and reported when each batch ends.
      assert.ok(mine.includes(20), `the end of the first batch was reported: ${JSON.stringify(mine)}`);
      assert.equal(mine.at(-1), 30);
    } finally {
      listener.dispose();
    }
  });

  it('stops before the end when the request is cancelled', async () => {
    project = new Project();
    // Heavy enough (tens of milliseconds each) that the scan cannot finish before the cancellation arrives.
    const pods = Array.from({ length: 40 }, (_, index) => POD.replace('name: web', `name: web-${index}`)).join('---\n');
    const uris = Array.from({ length: 60 }, (_, index) => project.write(`deploy/d${index}.yaml`, pods));
    const number = ++scans;
    const source = new CancellationTokenSource();
    const listener = client.connection.onNotification(SCAN_PROGRESS_NOTIFICATION, (params: ScanProgressParams) => {
      if (params.scan === number && params.processed > 0) source.cancel();
    });
    const since = client.published.length;
    try {
      const result = await scanFiles(client, uris, number, source);
      assert.equal(result.cancelled, true);
      assert.ok(result.processed > 0 && result.processed < uris.length, `it stopped part way: ${result.processed} of ${uris.length}`);
      const mine = new Set(uris);
      const publishedUris = () => new Set(client.published.slice(since).map((params) => params.uri).filter((uri) => mine.has(uri)));
      assert.equal(publishedUris().size, result.processed, 'exactly the files done were published');
      // Nothing more arrives once the answer is in.
      await client.settle();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await client.settle();
      assert.equal(publishedUris().size, result.processed);
    } finally {
      listener.dispose();
    }
  });

  it('never publishes for an open document, and counts its live diagnostics', async () => {
    project = new Project();
    const uri = project.write('app/Dockerfile', DOCKERFILE);
    // Unsaved edits: the editor's text has no latest tag, the file on disk has.
    const document = client.open(uri, 'FROM node:22\nUSER root\n');
    assert.deepEqual(brief(await client.diagnostics(document)), [ROOT_USER_DIAGNOSTIC]);
    const since = client.published.length;

    const result = await scan(client, project.uri(''), [uri]);
    assert.deepEqual(result, { processed: 1, files: 1, errors: 0, warnings: 1, infos: 0, cancelled: false });
    await client.settle();
    assert.deepEqual(publishedSince(client, since, uri), [], 'the scan published nothing for the open document');

    // Typing goes on as before.
    document.setText('FROM node:latest\nUSER 10001\n');
    const typed = await client.waitForDiagnostics(uri, (params) => params.version === document.version);
    assert.deepEqual(brief(typed.diagnostics), [LATEST_DIAGNOSTIC]);
    document.close();
    await client.settle();
  });

  it('lints a scanned file from disk again when it is closed; an unscanned one is cleared', async () => {
    project = new Project();
    const scanned = project.write('a/Dockerfile', DOCKERFILE);
    const unscanned = project.write('b/Dockerfile', DOCKERFILE);
    await scan(client, project.uri('a'), [scanned]);
    await client.waitForDiagnostics(scanned);

    const document = client.open(scanned, DOCKERFILE);
    document.setText('FROM node:22\nUSER 10001\n');
    assert.deepEqual(await client.diagnostics(document), []);
    const since = client.published.length;
    document.close();
    // Back to what the file on disk says, in one notification: no empty one first.
    const reopened = await client.waitForDiagnostics(scanned, (params) => client.published.indexOf(params) >= since);
    assert.equal(reopened.version, undefined);
    assert.deepEqual(brief(reopened.diagnostics), [LATEST_DIAGNOSTIC, ROOT_USER_DIAGNOSTIC]);
    assert.equal(publishedSince(client, since, scanned).length, 1);

    const other = client.open(unscanned, DOCKERFILE);
    assert.equal((await client.diagnostics(other)).length, 2);
    other.close();
    assert.deepEqual((await client.waitForDiagnostics(unscanned, (params) => params.diagnostics.length === 0)).diagnostics, []);
  });

  it('clears the results of the scan, but not the diagnostics of open documents', async () => {
    project = new Project();
    const closed = project.write('closed/Dockerfile', DOCKERFILE);
    const open = project.write('open/Dockerfile', DOCKERFILE);
    const clean = project.write('clean/Dockerfile', 'FROM node:22\nUSER 10001\n');
    const document = client.open(open, DOCKERFILE);
    await client.diagnostics(document);
    await scan(client, project.uri(''), [closed, open, clean]);
    await client.waitForDiagnostics(closed);
    const since = client.published.length;

    const cleared = await client.connection.sendRequest<ClearScanResultsResult>(CLEAR_SCAN_RESULTS_REQUEST);
    assert.deepEqual(cleared, { files: 3 });
    assert.deepEqual(publishedSince(client, since, closed), [{ uri: closed, diagnostics: [] }]);
    await client.settle();
    assert.deepEqual(publishedSince(client, since, open), [], 'the open document keeps its live diagnostics');
    assert.deepEqual(publishedSince(client, since, clean), [], 'a file without findings has nothing to clear');

    // No longer part of a scan: closing the document clears it.
    document.close();
    assert.deepEqual((await client.waitForDiagnostics(open, (params) => params.diagnostics.length === 0)).diagnostics, []);
  });

  it('drops the findings of deleted files and of files in deleted folders', async () => {
    project = new Project();
    const file = project.write('one/Dockerfile', DOCKERFILE);
    const inFolder = project.write('two/deep/Dockerfile', DOCKERFILE);
    const kept = project.write('three/Dockerfile', DOCKERFILE);
    await scan(client, project.uri(''), [file, inFolder, kept]);
    await client.waitForDiagnostics(inFolder);
    const since = client.published.length;

    project.remove('one/Dockerfile');
    project.remove('two');
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [
        { uri: file, type: FileChangeType.Deleted },
        { uri: project.uri('two'), type: FileChangeType.Deleted },
      ],
    });
    assert.deepEqual((await client.waitForDiagnostics(file, (params) => client.published.indexOf(params) >= since)).diagnostics, []);
    assert.deepEqual((await client.waitForDiagnostics(inFolder, (params) => client.published.indexOf(params) >= since)).diagnostics, []);
    await client.settle();
    assert.deepEqual(publishedSince(client, since, kept), []);
    assert.deepEqual(await client.connection.sendRequest(CLEAR_SCAN_RESULTS_REQUEST), { files: 1 }, 'only the file left has a result');
  });

  it('lints a scanned file again when it changes on disk', async () => {
    project = new Project();
    const uri = project.write('Dockerfile', DOCKERFILE);
    await scan(client, project.uri(''), [uri]);
    await client.waitForDiagnostics(uri);
    project.write('Dockerfile', 'FROM node:latest\nUSER 10001\n');
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: FileChangeType.Changed }] });
    const relinted = await client.waitForDiagnostics(uri, (params) => params.diagnostics.length === 1);
    assert.deepEqual(brief(relinted.diagnostics), [LATEST_DIAGNOSTIC]);
  });

  it('a finished scan drops earlier results of files it no longer found', async () => {
    project = new Project();
    const kept = project.write('kept/Dockerfile', DOCKERFILE);
    const ignored = project.write('ignored/Dockerfile', DOCKERFILE);
    const elsewhere = project.write('elsewhere/Dockerfile', DOCKERFILE);
    await scan(client, project.uri('kept'), [kept]);
    await scan(client, project.uri('ignored'), [ignored]);
    await scan(client, project.uri('elsewhere'), [elsewhere]);
    await client.waitForDiagnostics(elsewhere);
    const since = client.published.length;

    // Scan Folder on `ignored` again, now that the file is (say) git-ignored: the client no longer sends it.
    await scan(client, project.uri('ignored'), []);
    assert.deepEqual((await client.waitForDiagnostics(ignored, (params) => client.published.indexOf(params) >= since)).diagnostics, []);
    await client.settle();
    assert.deepEqual(publishedSince(client, since, kept), [], 'results outside the scanned folder stay');
    assert.deepEqual(publishedSince(client, since, elsewhere), []);
  });

  it('reports binary and oversized files instead of analysing them', async () => {
    project = new Project();
    const binary = project.write('bin/Dockerfile', Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x00, 0x01, 0x02]));
    const huge = project.write('huge.yaml', Buffer.alloc(16 * 1024 * 1024, 'a'));
    const result = await scan(client, project.uri(''), [binary, huge]);
    assert.deepEqual(result, { processed: 2, files: 2, errors: 0, warnings: 0, infos: 2, cancelled: false });
    const at = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    assert.deepEqual(brief((await client.waitForDiagnostics(binary)).diagnostics), [
      { code: 'ballast/file-skipped', severity: 3, range: at, message: 'This file looks binary (it contains NUL or other control characters), so Ballast did not analyse it.' },
    ]);
    assert.deepEqual(brief((await client.waitForDiagnostics(huge)).diagnostics), [
      { code: 'ballast/file-skipped', severity: 3, range: at, message: "This file is 16.0 MB, above Ballast's limit of 5.0 MB (ballast.maxFileSizeMB), so it was not analysed." },
    ]);
  });

  it('passes by files that vanished since they were found', async () => {
    project = new Project();
    const present = project.write('Dockerfile', DOCKERFILE);
    const result = await scan(client, project.uri(''), [present, project.uri('gone/Dockerfile')]);
    assert.deepEqual(result, { processed: 2, files: 1, errors: 0, warnings: 2, infos: 0, cancelled: false });
    await client.settle();
    assert.deepEqual(client.publishedFor(project.uri('gone/Dockerfile')), []);
  });
});
