import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { ROOT, TestClient, onlyRules } from './lspClient';

const docHref = (ruleId: string) => pathToFileURL(path.join(ROOT, 'docs', 'rules', `${ruleId}.md`)).href;

/** One finding of each severity, and one with a safe fix. */
const DOCKERFILE = 'FROM node:latest\n# ballast-ignore no-root-user -- runs as root on purpose\nUSER root\n';

const EXPECTED: Diagnostic[] = [
  {
    range: { start: { line: 0, character: 10 }, end: { line: 0, character: 16 } },
    severity: DiagnosticSeverity.Error,
    source: 'Ballast',
    code: 'dockerfile/image-tag-latest',
    codeDescription: { href: docHref('dockerfile/image-tag-latest') },
    message: 'Base image node:latest uses the latest tag. Pin a version tag.',
    data: { fixes: [] },
  },
  {
    range: { start: { line: 1, character: 17 }, end: { line: 1, character: 29 } },
    severity: DiagnosticSeverity.Warning,
    source: 'Ballast',
    code: 'ballast/unknown-rule',
    message: 'Unknown rule id no-root-user: this comment suppresses nothing. Did you mean dockerfile/no-root-user?',
    data: {
      fixes: [
        {
          title: 'Change to dockerfile/no-root-user',
          kind: 'safe',
          edits: [{ range: { start: { line: 1, character: 17 }, end: { line: 1, character: 29 } }, newText: 'dockerfile/no-root-user' }],
        },
      ],
    },
  },
  {
    range: { start: { line: 2, character: 5 }, end: { line: 2, character: 9 } },
    severity: DiagnosticSeverity.Information,
    source: 'Ballast',
    code: 'dockerfile/no-root-user',
    codeDescription: { href: docHref('dockerfile/no-root-user') },
    message: 'The final stage runs as root (USER root). Switch to a non-root user.',
    data: {
      fixes: [
        {
          title: 'Run as UID 10001 instead of root',
          kind: 'suggestion',
          edits: [{ range: { start: { line: 2, character: 5 }, end: { line: 2, character: 9 } }, newText: '10001' }],
        },
      ],
    },
  },
];

describe('language server: diagnostics', { timeout: 30_000 }, () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ settings: { rules: onlyRules({ 'dockerfile/image-tag-latest': 'error', 'dockerfile/no-root-user': 'info' }) } });
  });
  after(() => client.stop());

  it('announces incremental sync, code action kinds, hover and the fix-all command', () => {
    assert.deepEqual(client.initializeResult.capabilities, {
      textDocumentSync: { openClose: true, change: 2, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.ballast'], resolveProvider: false },
      hoverProvider: true,
      executeCommandProvider: { commands: ['ballast.applyAllFixes'] },
    });
    assert.deepEqual(client.initializeResult.serverInfo, { name: 'Ballast' });
  });

  it('publishes each finding with its exact range, severity, rule id, documentation link and fixes', async () => {
    const document = client.open('file:///project/diagnostics/Dockerfile', DOCKERFILE);
    assert.deepEqual(await client.diagnostics(document), EXPECTED);
    assert.deepEqual(client.configurationRequests.includes(document.uri), true, 'settings are pulled for the document itself');
  });

  it('lints Containerfile and *.Dockerfile names in plain text documents', async () => {
    for (const uri of ['file:///project/by-name/Containerfile', 'file:///project/by-name/web.Dockerfile']) {
      const document = client.open(uri, 'FROM node:latest\nUSER 10001\n', 'plaintext');
      assert.deepEqual(
        (await client.diagnostics(document)).map((d) => d.code),
        ['dockerfile/image-tag-latest'],
        uri,
      );
    }
  });

  it('publishes nothing for a document that is not a Dockerfile', async () => {
    const document = client.open('file:///project/notes/README.md', 'FROM node:latest\nUSER root\n', 'markdown');
    await client.settle();
    assert.deepEqual(client.publishedFor(document.uri), []);
  });

  it('clears the diagnostics of a document when it is closed', async () => {
    const document = client.open('file:///project/closing/Dockerfile', 'FROM node:latest\nUSER 10001\n');
    assert.equal((await client.diagnostics(document)).length, 1);
    document.close();
    const cleared = await client.waitForDiagnostics(document.uri, (params) => params.diagnostics.length === 0);
    assert.deepEqual(cleared, { uri: document.uri, diagnostics: [] });
  });

  it('lints the latest text after a burst of changes and never publishes an older version after a newer one', async () => {
    const document = client.open('file:///project/burst/Dockerfile', 'FROM node:latest\nUSER 10001\n');
    for (let i = 0; i < 20; i++) document.setText(i % 2 === 0 ? 'FROM node:22\nUSER 10001\n' : 'FROM node:latest\nUSER 10001\n');
    document.setText('FROM node:22\nUSER root\n');
    assert.deepEqual(
      (await client.diagnostics(document)).map((d) => d.code),
      ['dockerfile/no-root-user'],
    );
    const versions = client.publishedFor(document.uri).map((params) => params.version ?? -1);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'versions only go up');
    assert.equal(new Set(versions).size, versions.length, 'no version is linted twice');
  });
});
