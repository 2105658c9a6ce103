// Settings take effect in the open editor without reopening the file.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { editorSession } from './harness/session';

describe('settings in VS Code', () => {
  const editor = editorSession({ fixture: 'workspace' });

  editor.test('turning a rule off in the ballast.rules setting removes its findings from the open editor, turning it back on restores them', async (workbench, session) => {
    await workbench.openFile('settings/Dockerfile');
    const warnings = (found: { severity: string }[]) => found.filter((squiggle) => squiggle.severity === 'warning');
    await workbench.waitForSquiggles('squiggles under latest and root', (found) => warnings(found).length === 2);

    session.updateWorkspaceSettings({ 'ballast.rules': { 'dockerfile/image-tag-latest': 'off' } });
    const withRuleOff = await workbench.waitForSquiggles('the latest squiggle to go', (found) => !found.some((s) => s.text === 'latest'));
    assert.deepEqual(warnings(withRuleOff), [{ severity: 'warning', line: 2, text: 'root' }]);
    await workbench.showProblems();
    const file = workbench.absolute('settings/Dockerfile');
    const rows = await workbench.waitForProblems('the Problems panel without image-tag-latest', (found) =>
      found.some((row) => row.file === file) && !found.some((row) => row.file === file && row.code === 'dockerfile/image-tag-latest'),
    );
    assert.deepEqual(
      rows.filter((row) => row.file === file && row.severity === 'warning').map((row) => row.code),
      ['dockerfile/no-root-user'],
    );

    session.updateWorkspaceSettings({ 'ballast.rules': {} });
    const restored = await workbench.waitForSquiggles('the latest squiggle to come back', (found) => warnings(found).length === 2);
    assert.deepEqual(warnings(restored), [
      { severity: 'warning', line: 1, text: 'latest' },
      { severity: 'warning', line: 2, text: 'root' },
    ]);
  });
});
