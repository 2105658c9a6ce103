// Ballast: Scan Workspace as a user runs it: from the Command Palette, with nothing open, and the
// Problems panel then lists the findings of files that were never opened, and only of those that
// .gitignore, files.exclude, ballast.exclude and node_modules leave.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe } from 'node:test';
import { listRules } from '../../engine';
import { editorSession } from './harness/session';
import { waitFor } from './harness/waitFor';
import type { Workbench } from './harness/workbench';

const LATEST = 'dockerfile/image-tag-latest';
const ROOT_USER = 'dockerfile/no-root-user';
const PRIVILEGED = 'kubernetes/privileged-container';
const ON = new Set([LATEST, ROOT_USER, PRIVILEGED]);

/** The text of the notification toasts on screen, one string each. */
async function notifications(workbench: Workbench): Promise<string[]> {
  return workbench.page.locator('.notifications-toasts .notification-list-item-message').allInnerTexts();
}

function waitForNotification(workbench: Workbench, description: string, accept: (text: string) => boolean): Promise<string[]> {
  return waitFor(description, () => notifications(workbench), (texts) => texts.some(accept), { timeoutMs: 60_000 });
}

describe('workspace scan in VS Code', () => {
  const editor = editorSession({
    fixture: 'scan',
    settings: {
      // Three rules, so that the counts and rows below do not change when rules are added.
      'ballast.rules': Object.fromEntries(listRules().map((rule) => [rule.id, ON.has(rule.id) ? rule.defaultSeverity : 'off'])),
      'ballast.exclude': ['excluded/**'],
      'files.exclude': { '**/hidden': true },
    },
  });

  editor.test('Scan Workspace from the palette lists files never opened in the Problems panel', async (workbench, session) => {
    // Folders git ignores and dependencies hold Dockerfiles too; they are made here, since the
    // repository's own .gitignore would keep them out of the fixture.
    for (const folder of ['build', 'node_modules/some-package']) {
      mkdirSync(path.join(session.workspace, folder), { recursive: true });
      writeFileSync(path.join(session.workspace, folder, 'Dockerfile'), 'FROM node:latest\n');
    }

    // The workspace has Dockerfiles, so Ballast starts with the editor: once its status bar item is
    // there, the palette knows its commands.
    await workbench.page.locator('.statusbar-item', { hasText: 'Ballast' }).waitFor();
    await workbench.runCommand('Ballast: Scan Workspace');
    // Chart.yaml is linted as YAML, with nothing to report; the chart's template is passed by.
    const summary = 'Ballast scanned 3 files: 1 error, 2 warnings, 0 infos.';
    await waitForNotification(workbench, 'the summary of the scan', (text) => text === summary);

    await workbench.page.locator('.notifications-toasts .notification-list-item', { hasText: summary }).getByRole('button', { name: 'Open Problems' }).click();
    await workbench.page.locator('.markers-panel').waitFor();
    const dockerfile = workbench.absolute('services/api/Dockerfile');
    const pod = workbench.absolute('deploy/pod.yaml');
    const rows = await workbench.waitForProblems('the findings of both files', (found) => found.length === 3);
    assert.deepEqual(rows, [
      {
        file: pod,
        severity: 'error',
        message: 'Container app is privileged: root in it is root on the node. Set privileged: false and add only the capabilities it needs.',
        source: 'Ballast',
        code: PRIVILEGED,
        position: '[Ln 10, Col 21]',
      },
      {
        file: dockerfile,
        severity: 'warning',
        message: 'Base image node:latest uses the latest tag. Pin a version tag.',
        source: 'Ballast',
        code: LATEST,
        position: '[Ln 1, Col 11]',
      },
      {
        file: dockerfile,
        severity: 'warning',
        message: 'The final stage runs as root (USER root). Switch to a non-root user.',
        source: 'Ballast',
        code: ROOT_USER,
        position: '[Ln 2, Col 6]',
      },
    ]);
    assert.equal(await workbench.page.locator('.tabs-container .tab').count(), 0, 'no file was opened');

    // The status bar keeps the counts; its item opens the Problems panel.
    const status = workbench.page.locator('.statusbar-item', { hasText: 'Ballast' });
    await waitFor('the counts in the status bar', async () => (await status.innerText()).replace(/\s+/g, ' ').trim(), (text) => text === 'Ballast 1 2 0');

    await workbench.runCommand('Ballast: Clear Scan Results');
    await workbench.waitForProblems('no problem left', (found) => found.length === 0);
    await waitFor('the status bar back to idle', async () => (await status.innerText()).trim(), (text) => text === 'Ballast');
  });

  editor.test("Scan Folder from the Explorer's context menu scans that folder only", async (workbench) => {
    await workbench.page.locator('.explorer-folders-view .monaco-list-row[aria-label="deploy"]').click({ button: 'right' });
    // A click can land while the menu still settles and go nowhere: point at the entry, wait until
    // the menu highlights it, and choose it with Enter, as the keyboard does.
    const entry = workbench.page.locator('.context-view .monaco-menu .action-item', { hasText: 'Scan Folder' });
    await entry.hover();
    await waitFor('"Scan Folder" to be highlighted', async () => (await entry.getAttribute('class')) ?? '', (classes) => classes.split(' ').includes('focused'));
    await workbench.page.keyboard.press('Enter');
    await workbench.page.locator('.context-view .monaco-menu').waitFor({ state: 'hidden' });
    await waitForNotification(workbench, 'the summary of the folder scan', (text) => text === 'Ballast scanned 1 file: 1 error, 0 warnings, 0 infos.');
    await workbench.showProblems();
    const rows = await workbench.waitForProblems('the finding of deploy/pod.yaml', (found) => found.length === 1);
    assert.deepEqual(
      rows.map((row) => [row.file, row.code]),
      [[workbench.absolute('deploy/pod.yaml'), PRIVILEGED]],
    );
  });
});
