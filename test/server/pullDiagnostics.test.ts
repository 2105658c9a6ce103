import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DocumentDiagnosticReport } from 'vscode-languageserver/node';
import { TestClient, onlyRules } from './lspClient';

const ROOT_USER = 'dockerfile/no-root-user';
const TAG = 'dockerfile/image-tag-latest';

describe('language server: pulled diagnostics', { timeout: 30_000 }, () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ pullDiagnostics: true, settings: { rules: onlyRules({ [ROOT_USER]: 'default', [TAG]: 'default' }) } });
  });
  after(() => client.stop());

  const pull = async (uri: string) => {
    const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as DocumentDiagnosticReport;
    assert.equal(report.kind, 'full');
    return report.kind === 'full' ? report.items.map((d) => [d.code, d.range.start.line, d.range.start.character]) : [];
  };

  it('offers pulled diagnostics to a client that can pull them', () => {
    assert.deepEqual(client.initializeResult.capabilities.diagnosticProvider, { identifier: 'ballast', interFileDependencies: false, workspaceDiagnostics: false });
  });

  it('answers with the findings of the current version, and pushes nothing for open documents', async () => {
    const document = client.open('file:///pull/Dockerfile', 'FROM node:22\nUSER root\n');
    assert.deepEqual(await pull(document.uri), [[ROOT_USER, 1, 5]]);
    document.setText('FROM node:latest\nUSER root\n');
    assert.deepEqual(await pull(document.uri), [[TAG, 0, 10], [ROOT_USER, 1, 5]]);
    document.setText('FROM node:22\nUSER 10001\n');
    assert.deepEqual(await pull(document.uri), []);
    // Every change was handled before the pull of a document opened after them.
    const later = client.open('file:///pull/later/Dockerfile', 'FROM node:22\n');
    await pull(later.uri);
    assert.deepEqual(client.publishedFor(document.uri), []);
  });

  it('asks the client to pull again when the settings change', async () => {
    const document = client.open('file:///pull/refresh/Dockerfile', 'FROM node:latest\n');
    assert.deepEqual(await pull(document.uri), [[ROOT_USER, 0, 0], [TAG, 0, 10]]);
    const refreshes = client.diagnosticRefreshes;
    await client.changeSettings({ rules: onlyRules({ [TAG]: 'default' }) });
    // The refresh request is sent while the settings change is handled, before the pull is answered.
    assert.deepEqual(await pull(document.uri), [[TAG, 0, 10]]);
    assert.ok(client.diagnosticRefreshes > refreshes);
  });

  it('answers unchanged when the findings are those the client holds, and in full when they change', async () => {
    // The settings are those of the test above: the tag rule alone.
    const document = client.open('file:///pull/unchanged/Dockerfile', '# base image\nFROM node:latest\n');
    const request = (previousResultId?: string) =>
      client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: document.uri }, ...(previousResultId ? { previousResultId } : {}) }) as Promise<DocumentDiagnosticReport>;
    const first = await request();
    assert.ok(first.kind === 'full' && first.resultId !== undefined, JSON.stringify(first));
    assert.deepEqual(first.items.map((d) => d.code), [TAG]);
    document.setText('# the base image\nFROM node:latest\n');
    assert.deepEqual(await request(first.resultId), { kind: 'unchanged', resultId: first.resultId });
    // Without the previous id, or once the findings differ, the report is a full one.
    assert.equal((await request()).kind, 'full');
    document.setText('# the base image\nFROM node:22\n');
    const changed = await request(first.resultId);
    assert.ok(changed.kind === 'full' && changed.resultId !== first.resultId);
    assert.deepEqual(changed.items, []);
  });

  it('answers for a document it does not know with nothing', async () => {
    assert.deepEqual(await pull('file:///pull/never-opened/Dockerfile'), []);
  });
});

describe('language server: a client that can pull but asks for pushed diagnostics', { timeout: 30_000 }, () => {
  it('pushes them with the version, and offers no pull', async () => {
    const client = await TestClient.start({ pullDiagnostics: true, initializationOptions: { diagnostics: 'push' }, settings: { rules: onlyRules({ [ROOT_USER]: 'default' }) } });
    try {
      assert.equal(client.initializeResult.capabilities.diagnosticProvider, undefined);
      const document = client.open('file:///push/Dockerfile', 'FROM node:22\nUSER root\n');
      assert.deepEqual((await client.diagnostics(document)).map((d) => d.code), [ROOT_USER]);
      document.setText('FROM node:22\nUSER 10001\n');
      assert.deepEqual(await client.diagnostics(document), []);
    } finally {
      await client.stop();
    }
  });
});
