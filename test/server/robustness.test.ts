import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource, ErrorCodes, LSPErrorCodes, ResponseError, type Diagnostic } from 'vscode-languageserver/node';
import { listRules } from '../../engine';
import { TestClient, onlyRules } from './lspClient';

const ROOT_USER = 'dockerfile/no-root-user';

/** Asserts the server still lints: it has survived whatever the test sent before. */
async function assertStillLints(client: TestClient, uri: string): Promise<void> {
  const document = client.open(uri, 'FROM node:22\nUSER root\n');
  assert.deepEqual((await client.diagnostics(document)).map((d) => d.code), [ROOT_USER]);
}

describe('language server: bad traffic', { timeout: 30_000 }, () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ settings: { rules: onlyRules({ [ROOT_USER]: 'default' }) } });
  });
  after(() => client.stop());

  it('answers ballast/rules with every rule', async () => {
    assert.deepEqual(await client.connection.sendRequest('ballast/rules'), listRules());
  });

  it('ignores a change to a document that was never opened', async () => {
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: 'file:///project/never-opened/Dockerfile', version: 2 },
      contentChanges: [{ text: 'FROM node:latest\n' }],
    });
    await assertStillLints(client, 'file:///project/after-unknown-change/Dockerfile');
    assert.deepEqual(client.publishedFor('file:///project/never-opened/Dockerfile'), []);
  });

  it('answers requests about a closed document with nothing', async () => {
    const document = client.open('file:///project/closed/Dockerfile', 'FROM node:22\nUSER root\n');
    const [rootUser] = await client.diagnostics(document);
    assert.ok(rootUser);
    document.close();
    assert.deepEqual(await client.codeActions(document, rootUser.range, [rootUser]), []);
    assert.equal(await client.hover(document, rootUser.range.start), null);
    await assert.rejects(client.executeCommand('ballast.applyAllFixes', document.uri, 1), (error: unknown) => {
      assert.ok(error instanceof ResponseError);
      assert.equal(error.code, ErrorCodes.InvalidParams);
      assert.equal(error.message, `${document.uri} is not open.`);
      return true;
    });
    await assertStillLints(client, 'file:///project/after-closed/Dockerfile');
  });

  it('rejects unknown commands and malformed command arguments', async () => {
    await assert.rejects(client.executeCommand('ballast.nothing'), { code: ErrorCodes.InvalidParams, message: 'Unknown command ballast.nothing.' });
    await assert.rejects(client.executeCommand('ballast.applyAllFixes', 42), {
      code: ErrorCodes.InvalidParams,
      message: "ballast.applyAllFixes takes the document's URI and version.",
    });
  });

  it('offers the rule actions but no fix when a diagnostic comes back with malformed data', async () => {
    const document = client.open('file:///project/malformed/Dockerfile', 'FROM node:22\nUSER root\n');
    const [rootUser] = await client.diagnostics(document);
    assert.ok(rootUser);
    const tampered: Diagnostic = { ...rootUser, data: { fixes: [{ title: 'Break things', kind: 'safe', edits: 'everything' }] } };
    const actions = await client.codeActions(document, rootUser.range, [tampered]);
    assert.deepEqual(actions?.map((action) => action.title), [
      'Disable dockerfile/no-root-user for this line',
      'Disable dockerfile/no-root-user for this file',
      'Show documentation for dockerfile/no-root-user',
    ]);
    const rangeless = { source: 'Ballast', code: ROOT_USER, message: 'no range' };
    assert.deepEqual(await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: document.uri }, range: rootUser.range, context: { diagnostics: [rangeless] } }), []);
  });

  it('logs a handler that throws and answers with an empty result', async () => {
    assert.equal(await client.connection.sendRequest('textDocument/hover', {}), null);
    assert.ok(
      client.logMessages.some((message) => message.startsWith('Ballast: hover failed: TypeError')),
      client.logMessages.join('\n'),
    );
    await assertStillLints(client, 'file:///project/after-throw/Dockerfile');
  });

  it('survives opening a document twice, closing one never opened, and a change past the end of the text', async () => {
    const uri = 'file:///project/out-of-order/Dockerfile';
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///project/never-opened-either/Dockerfile' } });
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: 'FROM node:22\n' } });
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 5, text: 'FROM node:22\nUSER root\n' } });
    assert.deepEqual((await client.waitForDiagnostics(uri, (p) => p.version === 5)).diagnostics.map((d) => d.code), [ROOT_USER]);
    // A range beyond the last line is clamped to the end of the text, as the LSP text document does.
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 6 },
      contentChanges: [{ range: { start: { line: 40, character: 0 }, end: { line: 41, character: 3 } }, text: 'USER 10001\n' }],
    });
    assert.deepEqual((await client.waitForDiagnostics(uri, (p) => p.version === 6)).diagnostics, []);
    // A stale version number does not stop the text from being linted as it now is.
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: 'FROM node:22\nUSER root\n' }] });
    assert.deepEqual((await client.waitForDiagnostics(uri, (p) => p.version === 3)).diagnostics.map((d) => d.code), [ROOT_USER]);
    await assertStillLints(client, 'file:///project/after-out-of-order/Dockerfile');
  });

  it('survives notifications with missing or mistyped parameters', async () => {
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///project/no-text/Dockerfile', languageId: 'dockerfile', version: 1 } });
    await client.connection.sendNotification('textDocument/didOpen', {});
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 42 }, contentChanges: 'everything' });
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: 'not a uri', type: 99 }, null] });
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { ballast: { rules: 'all of them', maxFileSizeMB: -3 } } });
    await assertStillLints(client, 'file:///project/after-mistyped/Dockerfile');
  });

  it('answers a cancelled request with a cancellation or a result, and keeps serving', async () => {
    const document = client.open('file:///project/cancelled/Dockerfile', 'FROM node:22\nUSER root\n');
    const [rootUser] = await client.diagnostics(document);
    assert.ok(rootUser);
    const source = new CancellationTokenSource();
    const request = client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: document.uri }, range: rootUser.range, context: { diagnostics: [rootUser] } }, source.token);
    source.cancel();
    await request.then(
      (actions) => assert.ok(Array.isArray(actions)),
      (error: unknown) => assert.equal((error as ResponseError<unknown>).code, LSPErrorCodes.RequestCancelled),
    );
    await assertStillLints(client, 'file:///project/after-cancel/Dockerfile');
  });

  it('answers an unknown request with MethodNotFound and ignores an unknown notification', async () => {
    await client.connection.sendNotification('ballast/noSuchNotification', { x: 1 });
    await assert.rejects(client.connection.sendRequest('ballast/noSuchRequest', {}), { code: ErrorCodes.MethodNotFound });
    await assertStillLints(client, 'file:///project/after-unknown/Dockerfile');
  });

  it('survives a message that is not JSON', async () => {
    const garbage = '{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {';
    client.writeRaw(`Content-Length: ${Buffer.byteLength(garbage)}\r\n\r\n${garbage}`);
    await assertStillLints(client, 'file:///project/after-garbage/Dockerfile');
    assert.ok(client.running);
  });
});
