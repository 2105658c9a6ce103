import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { TestClient, onlyRules } from './lspClient';

const ROOT_USER = 'dockerfile/no-root-user';
const LATEST = 'dockerfile/image-tag-latest';
const TEXT = 'FROM node:latest\nUSER root\n';
const BOTH_RULES = onlyRules({ [ROOT_USER]: 'default', [LATEST]: 'default' });

describe('language server: settings', { timeout: 30_000 }, () => {
  let client: TestClient | undefined;
  afterEach(() => client?.stop());

  it('re-lints open documents with the new settings when they change', async () => {
    client = await TestClient.start({ settings: { rules: BOTH_RULES } });
    const document = client.open('file:///project/settings/Dockerfile', TEXT);
    assert.deepEqual((await client.diagnostics(document)).map((d) => d.code), [LATEST, ROOT_USER]);

    await client.changeSettings({ rules: { ...BOTH_RULES, [LATEST]: 'off', [ROOT_USER]: 'error' } });
    const relinted = await client.waitForDiagnostics(document.uri, (params) => !params.diagnostics.some((d) => d.code === LATEST));
    assert.equal(relinted.version, document.version);
    assert.deepEqual(relinted.diagnostics.map((d) => [d.code, d.severity]), [[ROOT_USER, 1]]);
    assert.deepEqual(client.configurationRequests.filter((uri) => uri === document.uri).length, 2, 'the settings were pulled again');
  });

  it('ballast.enable false clears the diagnostics and lints nothing', async () => {
    client = await TestClient.start({ settings: { rules: BOTH_RULES } });
    const linted = client.open('file:///project/enable/Dockerfile', TEXT);
    assert.equal((await client.diagnostics(linted)).length, 2);

    await client.changeSettings({ enable: false, rules: BOTH_RULES });
    assert.deepEqual(await client.waitForDiagnostics(linted.uri, (params) => params.diagnostics.length === 0), { uri: linted.uri, diagnostics: [] });

    const opened = client.open('file:///project/enable/other/Dockerfile', TEXT);
    await client.settle();
    assert.deepEqual(client.publishedFor(opened.uri), []);
    const range = { start: { line: 1, character: 5 }, end: { line: 1, character: 9 } };
    assert.deepEqual(await client.codeActions(opened, range, [], ['source.fixAll.ballast']), []);
    assert.equal(await client.hover(opened, { line: 1, character: 6 }), null);
  });

  it('with run onSave, lints on open and save but not while typing', async () => {
    client = await TestClient.start({ settings: { run: 'onSave', rules: BOTH_RULES } });
    const document = client.open('file:///project/on-save/Dockerfile', TEXT);
    assert.deepEqual((await client.diagnostics(document)).map((d) => d.code), [LATEST, ROOT_USER]);

    document.setText('FROM node:22\nUSER root\n');
    await client.settle();
    assert.deepEqual(client.publishedFor(document.uri).map((params) => params.version), [1]);
    assert.equal(await client.hover(document, { line: 1, character: 6 }), null, 'no findings for the unsaved version');

    document.save();
    assert.deepEqual((await client.diagnostics(document)).map((d) => d.code), [ROOT_USER]);
    assert.equal(document.version, 2);
  });

  it('without workspace/configuration, reads initializationOptions and pushed settings', async () => {
    client = await TestClient.start({ pullConfiguration: false, initializationOptions: { rules: onlyRules({ [ROOT_USER]: 'info' }) } });
    const document = client.open('file:///project/init-options/Dockerfile', TEXT);
    assert.deepEqual((await client.diagnostics(document)).map((d) => [d.code, d.severity]), [[ROOT_USER, 3]]);

    await client.changeSettings({ rules: onlyRules({ [LATEST]: 'default' }) });
    const relinted = await client.waitForDiagnostics(document.uri, (params) => params.diagnostics.every((d) => d.code !== ROOT_USER));
    assert.deepEqual(relinted.diagnostics.map((d) => d.code), [LATEST]);
    assert.deepEqual(client.configurationRequests, []);
  });
});
