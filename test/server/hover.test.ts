import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { findRule } from '../../engine';
import { ROOT, TestClient, onlyRules, type OpenDocument } from './lspClient';

const ROOT_USER = 'dockerfile/no-root-user';

describe('language server: hover', { timeout: 30_000 }, () => {
  let client: TestClient;
  let document: OpenDocument;
  before(async () => {
    client = await TestClient.start({ settings: { rules: onlyRules({ [ROOT_USER]: 'default' }) } });
    document = client.open('file:///project/hover/Dockerfile', 'FROM node:22\nUSER root\n');
    await client.diagnostics(document);
  });
  after(() => client.stop());

  it('explains the finding under the cursor with the rule title, message, description and a documentation link', async () => {
    const rule = findRule(ROOT_USER);
    assert.ok(rule);
    const href = pathToFileURL(path.join(ROOT, 'docs', 'rules', `${ROOT_USER}.md`)).href;
    assert.deepEqual(await client.hover(document, { line: 1, character: 6 }), {
      contents: {
        kind: 'markdown',
        value: [
          '**Final stage runs as root** `dockerfile/no-root-user`',
          'The final stage runs as root (USER root). Switch to a non-root user.',
          rule.description,
          `[Documentation for dockerfile/no-root-user](${href})`,
        ].join('\n\n'),
      },
      range: { start: { line: 1, character: 5 }, end: { line: 1, character: 9 } },
    });
  });

  it('covers the whole range of the finding, both ends included', async () => {
    for (const character of [5, 9]) {
      const hover = await client.hover(document, { line: 1, character });
      assert.deepEqual(hover?.range, { start: { line: 1, character: 5 }, end: { line: 1, character: 9 } }, `character ${character}`);
    }
  });

  it('shows nothing away from findings', async () => {
    assert.equal(await client.hover(document, { line: 1, character: 4 }), null);
    assert.equal(await client.hover(document, { line: 0, character: 7 }), null);
  });

  it('shows the findings of the latest version right after a change', async () => {
    document.setText('FROM node:22\n\nUSER root\n');
    const hover = await client.hover(document, { line: 2, character: 6 });
    assert.deepEqual(hover?.range, { start: { line: 2, character: 5 }, end: { line: 2, character: 9 } });
    assert.equal(await client.hover(document, { line: 1, character: 6 }), null);
    // The hover's lint is the one that is published: the version is linted once.
    await client.diagnostics(document);
    assert.deepEqual(
      client.publishedFor(document.uri).map((params) => params.version),
      [1, 2],
    );
  });
});
