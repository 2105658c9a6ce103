// A Helm chart in the editor: values.yaml is linted as it is typed, templates are left alone.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'node:test';
import { editorSession } from './harness/session';

const RULE = 'helm/empty-security-context';
const FILL = 'Fill in a restricted security context (changes behaviour)';

describe('Helm charts in VS Code', () => {
  const editor = editorSession({ fixture: 'workspace' });

  editor.test("values.yaml's empty securityContext is squiggled and filled with Ctrl+.; the chart's template shows nothing", async (workbench) => {
    // The template first: the server lints in the order files open, so once values.yaml shows its
    // squiggle, the template has been through the server too.
    await workbench.openFile('helm/web/templates/deployment.yaml');
    await workbench.openFile('helm/web/values.yaml');
    const squiggles = await workbench.waitForSquiggles('the squiggle under {}', (found) => found.some((s) => s.line === 12));
    assert.deepEqual(squiggles, [{ severity: 'warning', line: 12, text: '{}' }]);

    const titles = await workbench.quickFixTitles(12, '{}');
    assert.deepEqual(titles, [FILL, `Disable ${RULE} for this line`, `Disable ${RULE} for this file`, `Show documentation for ${RULE}`]);
    await workbench.pickQuickFix(FILL);

    // The block goes below the key; helm create's commented-out example lines stay where they were.
    const original = readFileSync(join(__dirname, 'fixtures', 'workspace', 'helm', 'web', 'values.yaml'), 'utf8');
    const filled = original.replace(
      'securityContext: {}\n',
      'securityContext:\n  allowPrivilegeEscalation: false\n  capabilities:\n    drop: [ALL]\n  runAsNonRoot: true\n  seccompProfile:\n    type: RuntimeDefault\n',
    );
    await workbench.waitForText(filled);
    await workbench.waitForSquiggles('no squiggle left', (found) => found.length === 0);

    await workbench.showProblems();
    await workbench.waitForProblems('no problem listed for the chart', (rows) => rows.length === 0);

    await workbench.openFile('helm/web/templates/deployment.yaml');
    assert.deepEqual(await workbench.squiggles(), []);
  });
});
