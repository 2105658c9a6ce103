// Kubernetes manifests in the editor: a squiggle on the privileged container, fixed with Ctrl+.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'node:test';
import { editorSession } from './harness/session';

describe('Kubernetes manifests in VS Code', () => {
  const editor = editorSession({ fixture: 'workspace' });

  editor.test('a privileged container is squiggled on its value, and Ctrl+. sets privileged: false', async (workbench) => {
    await workbench.openFile('kubernetes/deploy.yaml');
    const squiggles = await workbench.waitForSquiggles('the squiggle under true', (found) => found.some((s) => s.line === 12 && s.text === 'true'));
    assert.deepEqual(
      squiggles.filter((s) => s.line === 12),
      [{ severity: 'error', line: 12, text: 'true' }],
    );

    const titles = await workbench.quickFixTitles(12, 'true');
    assert.deepEqual(
      titles.filter((title) => title.includes('privileged')),
      [
        'Set privileged: false (changes behaviour)',
        'Disable kubernetes/privileged-container for this line',
        'Disable kubernetes/privileged-container for this file',
        'Show documentation for kubernetes/privileged-container',
      ],
    );
    await workbench.pickQuickFix('Set privileged: false (changes behaviour)');

    const original = readFileSync(join(__dirname, 'fixtures', 'workspace', 'kubernetes', 'deploy.yaml'), 'utf8');
    await workbench.waitForText(original.replace('privileged: true # needs /dev', 'privileged: false # needs /dev'));
    await workbench.waitForSquiggles('no squiggle left on the privileged line', (found) => !found.some((s) => s.line === 12));
  });
});
