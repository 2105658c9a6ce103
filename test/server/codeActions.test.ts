import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LSPErrorCodes, ResponseError, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver/node';
import { TestClient, onlyRules, type OpenDocument } from './lspClient';

const ROOT_USER = 'dockerfile/no-root-user';

/** Edits of a code action that edits only `uri`. */
function editsOf(action: CodeAction, uri: string): TextEdit[] {
  const edits = action.edit?.changes?.[uri];
  assert.ok(edits, `${action.title} edits ${uri}`);
  return edits;
}

describe('language server: code actions', { timeout: 30_000 }, () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ settings: { rules: onlyRules({ [ROOT_USER]: 'default' }) } });
  });
  after(() => client.stop());

  async function openWithDiagnostics(uri: string, text: string): Promise<{ document: OpenDocument; diagnostics: Diagnostic[] }> {
    const document = client.open(uri, text);
    return { document, diagnostics: await client.diagnostics(document) };
  }

  it('offers the suggestion, disabling the rule for the line or the file, and the documentation', async () => {
    const { document, diagnostics } = await openWithDiagnostics('file:///project/actions/Dockerfile', 'FROM node:22\nRUN echo hi\nUSER root\n');
    const rootUser = diagnostics.find((d) => d.code === ROOT_USER);
    assert.ok(rootUser);
    const { uri } = document;
    assert.deepEqual(await client.codeActions(document, rootUser.range, [rootUser]), [
      {
        title: 'Run as UID 10001 instead of root (changes behaviour)',
        kind: 'quickfix',
        diagnostics: [rootUser],
        isPreferred: false,
        edit: { changes: { [uri]: [{ range: { start: { line: 2, character: 5 }, end: { line: 2, character: 9 } }, newText: '10001' }] } },
      },
      {
        title: 'Disable dockerfile/no-root-user for this line',
        kind: 'quickfix',
        diagnostics: [rootUser],
        edit: { changes: { [uri]: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '# ballast-ignore dockerfile/no-root-user -- \n' }] } },
        command: { title: 'Type the reason', command: 'ballast.placeCursor', arguments: [uri, 2, 44] },
      },
      {
        title: 'Disable dockerfile/no-root-user for this file',
        kind: 'quickfix',
        diagnostics: [rootUser],
        edit: { changes: { [uri]: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '# ballast-ignore-file dockerfile/no-root-user -- \n' }] } },
        command: { title: 'Type the reason', command: 'ballast.placeCursor', arguments: [uri, 0, 49] },
      },
      {
        title: 'Show documentation for dockerfile/no-root-user',
        kind: 'quickfix',
        diagnostics: [rootUser],
        command: { title: 'Show documentation for dockerfile/no-root-user', command: 'ballast.showRuleDocumentation', arguments: [ROOT_USER] },
      },
    ]);
  });

  it('applying a fix updates the diagnostics of the new version', async () => {
    const { document, diagnostics } = await openWithDiagnostics('file:///project/apply/Dockerfile', 'FROM node:22\nUSER root\nCMD ["node"]\n');
    assert.deepEqual(diagnostics.map((d) => d.code), [ROOT_USER]);
    const [fix] = (await client.codeActions(document, diagnostics[0]!.range, diagnostics)) as CodeAction[];
    assert.ok(fix);
    document.edit(editsOf(fix, document.uri));
    assert.equal(document.text, 'FROM node:22\nUSER 10001\nCMD ["node"]\n');
    assert.deepEqual(await client.diagnostics(document), []);
  });

  it('disabling for the line silences the finding once the reason is typed', async () => {
    const { document, diagnostics } = await openWithDiagnostics('file:///project/disable/Dockerfile', 'FROM node:22\nUSER root\n');
    const actions = (await client.codeActions(document, diagnostics[0]!.range, diagnostics)) as CodeAction[];
    const disable = actions.find((action) => action.title === `Disable ${ROOT_USER} for this line`);
    assert.ok(disable);
    document.edit(editsOf(disable, document.uri));
    assert.deepEqual(disable.command?.arguments, [document.uri, 1, 44]);
    document.edit([{ range: { start: { line: 1, character: 44 }, end: { line: 1, character: 44 } }, newText: 'init needs root' }]);
    assert.equal(document.text, 'FROM node:22\n# ballast-ignore dockerfile/no-root-user -- init needs root\nUSER root\n');
    assert.deepEqual(await client.diagnostics(document), []);
  });

  it('marks a safe fix preferred, and offers no disable or documentation for Ballast notices that are not rules', async () => {
    const { document, diagnostics } = await openWithDiagnostics('file:///project/safe/Dockerfile', 'FROM node:22\n# ballast-ignore no-root-user -- runs as root on purpose\nUSER root\n');
    const unknownId = diagnostics.find((d) => d.code === 'ballast/unknown-rule');
    assert.ok(unknownId);
    const range = { start: { line: 1, character: 17 }, end: { line: 1, character: 29 } };
    assert.deepEqual(await client.codeActions(document, range, [unknownId]), [
      {
        title: 'Change to dockerfile/no-root-user',
        kind: 'quickfix',
        diagnostics: [unknownId],
        isPreferred: true,
        edit: { changes: { [document.uri]: [{ range, newText: 'dockerfile/no-root-user' }] } },
      },
    ]);
  });

  it('source.fixAll.ballast applies every safe fix as one minimal edit, only when source actions are asked for', async () => {
    const text = 'FROM node:22\n# ballast-ignore no-root-user -- runs as root on purpose\nUSER root\n# ballast-ignore-file image-tag-latest\n';
    const { document } = await openWithDiagnostics('file:///project/fix-all/Dockerfile', text);
    const expected = [
      {
        title: 'Fix all auto-fixable Ballast problems',
        kind: 'source.fixAll.ballast',
        edit: {
          changes: {
            [document.uri]: [{ range: { start: { line: 1, character: 17 }, end: { line: 3, character: 22 } }, newText: 'dockerfile/no-root-user -- runs as root on purpose\nUSER root\n# ballast-ignore-file dockerfile/' }],
          },
        },
      },
    ];
    const wholeFile = { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } };
    assert.deepEqual(await client.codeActions(document, wholeFile, [], ['source.fixAll.ballast']), expected);
    assert.deepEqual(await client.codeActions(document, wholeFile, [], ['source']), expected);
    assert.deepEqual(await client.codeActions(document, wholeFile, [], ['quickfix']), []);
    assert.deepEqual(await client.codeActions(document, wholeFile, []), []);

    document.edit(editsOf(expected[0]!, document.uri));
    assert.equal(document.text, 'FROM node:22\n# ballast-ignore dockerfile/no-root-user -- runs as root on purpose\nUSER root\n# ballast-ignore-file dockerfile/image-tag-latest\n');
    assert.deepEqual(await client.diagnostics(document), []);
    assert.deepEqual(await client.codeActions(document, wholeFile, [], ['source.fixAll.ballast']), [], 'nothing left to fix');
  });

  it('ballast.applyAllFixes sends the fix-all edit for the version the user saw', async () => {
    const { document } = await openWithDiagnostics('file:///project/command/Dockerfile', 'FROM node:22\n# ballast-ignore no-root-user\nUSER root\n');
    const result = await client.executeCommand('ballast.applyAllFixes', document.uri, document.version);
    assert.deepEqual(result, { fixed: 1 });
    assert.deepEqual(client.appliedEdits, [
      {
        edit: {
          documentChanges: [
            {
              textDocument: { uri: document.uri, version: document.version },
              edits: [{ range: { start: { line: 1, character: 17 }, end: { line: 1, character: 17 } }, newText: 'dockerfile/' }],
            },
          ],
        },
      },
    ]);
  });

  it('ballast.applyAllFixes refuses a stale version', async () => {
    const { document } = await openWithDiagnostics('file:///project/stale/Dockerfile', 'FROM node:22\n# ballast-ignore no-root-user\nUSER root\n');
    const applied = client.appliedEdits.length;
    document.setText('FROM node:22\n# ballast-ignore no-root-user\nUSER root\nCMD ["node"]\n');
    await assert.rejects(client.executeCommand('ballast.applyAllFixes', document.uri, document.version - 1), (error: unknown) => {
      assert.ok(error instanceof ResponseError);
      assert.equal(error.code, LSPErrorCodes.ContentModified);
      assert.equal(error.message, `${document.uri} changed (version 2, not 1); nothing was fixed.`);
      return true;
    });
    assert.equal(client.appliedEdits.length, applied);
  });

  it('ignores diagnostics of other tools', async () => {
    const { document } = await openWithDiagnostics('file:///project/foreign/Dockerfile', 'FROM node:22\nUSER root\n');
    const foreign: Diagnostic = { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 9 } }, source: 'hadolint', code: 'DL3002', message: 'Last USER should not be root' };
    assert.deepEqual(await client.codeActions(document, foreign.range, [foreign]), []);
  });
});
