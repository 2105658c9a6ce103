// Fixing from the editor: Ctrl+. on a finding, the fix-all command and fix-on-save.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe } from 'node:test';
import { editorSession } from './harness/session';
import { waitFor } from './harness/waitFor';

describe('code actions in VS Code', () => {
  const editor = editorSession({
    fixture: 'workspace',
    settings: { 'editor.codeActionsOnSave': { 'source.fixAll.ballast': 'explicit' } },
  });

  editor.test('Ctrl+. offers the fix, the two disable actions and the documentation; the fix edits the text and the finding goes', async (workbench) => {
    await workbench.openFile('quick-fix/Dockerfile');
    await workbench.waitForSquiggles('the squiggle under ADD', (found) => found.some((s) => s.line === 2 && s.text === 'ADD'));

    const titles = await workbench.quickFixTitles(2, 'ADD');
    assert.deepEqual(titles, [
      'Replace ADD with COPY',
      'Disable dockerfile/prefer-copy for this line',
      'Disable dockerfile/prefer-copy for this file',
      'Show documentation for dockerfile/prefer-copy',
    ]);
    await workbench.pickQuickFix('Replace ADD with COPY');

    await workbench.waitForText('FROM node:22-slim\nCOPY app.py /app/\nUSER root\n');
    const squiggles = await workbench.waitForSquiggles('no squiggle left on line 2', (found) => !found.some((s) => s.line === 2));
    assert.deepEqual(
      squiggles.filter((squiggle) => squiggle.severity === 'warning'),
      [{ severity: 'warning', line: 3, text: 'root' }],
    );
  });

  editor.test('behaviour-changing fixes say so in their title', async (workbench) => {
    await workbench.openFile('quick-fix/Dockerfile');
    await workbench.waitForSquiggles('the squiggle under root', (found) => found.some((s) => s.text === 'root'));
    const titles = await workbench.quickFixTitles(3, 'root');
    await workbench.dismissQuickFixes();
    assert.deepEqual(titles, [
      'Run as UID 10001 instead of root (changes behaviour)',
      'Disable dockerfile/no-root-user for this line',
      'Disable dockerfile/no-root-user for this file',
      'Show documentation for dockerfile/no-root-user',
    ]);
  });

  editor.test('"Disable for this line" inserts the comment above, the finding goes and the reason is typed in place', async (workbench) => {
    await workbench.openFile('disable/Dockerfile');
    await workbench.waitForSquiggles('the squiggle under root', (found) => found.some((s) => s.line === 2 && s.text === 'root'));

    await workbench.applyQuickFix(2, 'root', 'Disable dockerfile/no-root-user for this line');
    await workbench.waitForText('FROM node:22-slim\n# ballast-ignore dockerfile/no-root-user -- \nUSER root\n');
    await workbench.waitForSquiggles('the squiggle under root to go', (found) => !found.some((s) => s.text === 'root'));

    await workbench.page.keyboard.type('the base image drops privileges at run time');
    await workbench.waitForText('FROM node:22-slim\n# ballast-ignore dockerfile/no-root-user -- the base image drops privileges at run time\nUSER root\n');
  });

  editor.test('"Show documentation" opens the rule\'s page', async (workbench) => {
    await workbench.openFile('documentation/Dockerfile');
    await workbench.waitForSquiggles('the squiggle under root', (found) => found.some((s) => s.text === 'root'));
    await workbench.applyQuickFix(2, 'root', 'Show documentation for dockerfile/no-root-user');
    await workbench.waitForActiveTab('Preview no-root-user.md');
    assert.equal(await workbench.webviewText('h1'), 'dockerfile/no-root-user');
    await workbench.closeActiveTab();
  });

  editor.test('"Ballast: Fix all auto-fixable problems" applies every safe fix and no suggestion', async (workbench) => {
    await workbench.openFile('fix-all/Dockerfile');
    await workbench.waitForSquiggles('the squiggles under both ADDs', (found) => found.filter((s) => s.text === 'ADD').length === 2);

    await workbench.runCommand('Ballast: Fix all auto-fixable problems');

    // Both ADDs become COPY; USER root, whose fix changes behaviour, stays.
    await workbench.waitForText('FROM node:22-slim\nCOPY app.py /app/\nCOPY package.json /app/\nUSER root\n');
    const squiggles = await workbench.waitForSquiggles('only the root squiggle left among the warnings', (found) =>
      found.filter((s) => s.severity === 'warning').length === 1,
    );
    assert.deepEqual(
      squiggles.filter((squiggle) => squiggle.severity === 'warning'),
      [{ severity: 'warning', line: 4, text: 'root' }],
    );
  });

  editor.test('saving with source.fixAll.ballast in editor.codeActionsOnSave applies the safe fixes to the saved file', async (workbench) => {
    await workbench.openFile('fix-on-save/Dockerfile');
    await workbench.waitForSquiggles('the squiggles under both ADDs', (found) => found.filter((s) => s.text === 'ADD').length === 2);
    await workbench.typeAtEnd('ADD start.sh /app/');
    await workbench.save();

    const expected = 'FROM node:22-slim\nCOPY app.py /app/\nCOPY package.json /app/\nUSER root\nCOPY start.sh /app/';
    await workbench.waitForText(expected);
    const saved = await waitFor('the saved file', async () => readFileSync(workbench.absolute('fix-on-save/Dockerfile'), 'utf8'), (text) => text === expected);
    assert.equal(saved, expected);
  });
});
