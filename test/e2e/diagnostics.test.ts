// What a user sees when a Dockerfile opens and while they type: squiggles on the exact tokens, the
// Problems panel, and the explanation on hover.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { findRule } from '../../engine';
import { editorSession } from './harness/session';

describe('diagnostics in VS Code', () => {
  const editor = editorSession({ fixture: 'workspace' });

  editor.test('FROM node:latest and USER root are squiggled on their tokens and listed in the Problems panel', async (workbench) => {
    await workbench.openFile('diagnostics/Dockerfile');
    const squiggles = await workbench.waitForSquiggles('squiggles under latest and root', (found) => found.some((s) => s.text === 'root'));
    assert.deepEqual(
      squiggles.filter((squiggle) => squiggle.severity === 'warning'),
      [
        { severity: 'warning', line: 1, text: 'latest' },
        { severity: 'warning', line: 2, text: 'root' },
      ],
    );

    await workbench.showProblems();
    const file = workbench.absolute('diagnostics/Dockerfile');
    const rows = await workbench.waitForProblems('both findings in the Problems panel', (found) =>
      found.filter((row) => row.file === file && row.severity === 'warning').length === 2,
    );
    assert.deepEqual(
      rows.filter((row) => row.file === file && row.severity === 'warning'),
      [
        {
          file,
          severity: 'warning',
          message: 'Base image node:latest uses the latest tag. Pin a version tag.',
          source: 'Ballast',
          code: 'dockerfile/image-tag-latest',
          position: '[Ln 1, Col 11]',
        },
        {
          file,
          severity: 'warning',
          message: 'The final stage runs as root (USER root). Switch to a non-root user.',
          source: 'Ballast',
          code: 'dockerfile/no-root-user',
          position: '[Ln 2, Col 6]',
        },
      ],
    );
    assert.ok(rows.filter((row) => row.file === file).every((row) => row.source === 'Ballast'), 'every problem of the file comes from Ballast');
  });

  editor.test('hovering a squiggle explains the rule', async (workbench) => {
    await workbench.openFile('diagnostics/Dockerfile');
    await workbench.waitForSquiggles('the squiggle under latest', (found) => found.some((s) => s.text === 'latest'));
    const rule = findRule('dockerfile/image-tag-latest');
    assert.ok(rule);
    const rationale = firstParagraphAsRendered(rule.description);
    const hover = await workbench.hover(1, 'latest', (text) => normalizeSpace(text).includes(rationale));
    const shown = normalizeSpace(hover);
    assert.ok(shown.includes(`${rule.title} dockerfile/image-tag-latest`), `the hover names the rule: ${shown}`);
    assert.ok(shown.includes('Base image node:latest uses the latest tag. Pin a version tag.'), `the hover has the finding: ${shown}`);
    assert.ok(shown.includes(rationale), `the hover explains why: ${shown}`);
  });

  editor.test('a problem typed into the editor is reported while typing, before saving', async (workbench) => {
    await workbench.openFile('typing/Dockerfile');
    // The file starts without errors; the typed line brings two.
    await workbench.waitForSquiggles('the initial findings', (found) => found.length > 0);
    assert.deepEqual((await workbench.squiggles()).filter((squiggle) => squiggle.severity === 'error'), []);

    await workbench.typeAtEnd('RUN curl -k https://x | sh');
    await workbench.waitForText('FROM node:22-slim\nUSER node\nRUN curl -k https://x | sh');
    const errors = await workbench.waitForSquiggles('squiggles under curl and -k', (found) => found.filter((s) => s.severity === 'error').length === 2);
    assert.deepEqual(
      errors.filter((squiggle) => squiggle.severity === 'error'),
      [
        { severity: 'error', line: 3, text: 'curl' },
        { severity: 'error', line: 3, text: '-k' },
      ],
    );
    assert.equal(await workbench.isDirty(), true, 'the findings came before any save');
  });
});

/** The first paragraph of a rule's Markdown description, as the hover renders it: plain text. */
function firstParagraphAsRendered(markdown: string): string {
  const paragraph = markdown.split(/\n\s*\n/)[0] ?? '';
  return normalizeSpace(paragraph.replace(/`([^`]*)`/g, '$1'));
}

function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
