import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, lint, suppressionEdit } from '../../engine';

const ROOT_USER = 'dockerfile/no-root-user';
const LATEST = 'dockerfile/image-tag-latest';

/** Findings of the two rules these tests suppress, and Ballast's own; other rules (such as
 * healthcheck-missing, which fires on most of these snippets) are beside the point here. */
function ids(text: string, settings = {}): string[] {
  return lint({ text, kind: 'dockerfile', settings })
    .findings.filter((f) => f.ruleId === ROOT_USER || f.ruleId === LATEST || f.ruleId.startsWith('ballast/'))
    .map((f) => `${f.ruleId}@${f.range.start.line}`);
}

describe('suppression comments', () => {
  it('ballast-ignore covers every line of the instruction below it, and nothing else', () => {
    const text = 'FROM node:latest\n# ballast-ignore dockerfile/image-tag-latest, dockerfile/no-root-user -- base stage\nFROM \\\n  node:latest\nUSER root\n';
    assert.deepEqual(ids(text), [`${LATEST}@0`, `${ROOT_USER}@4`]);
  });

  it('a blank line between the comment and the instruction breaks the link', () => {
    assert.deepEqual(ids('FROM a:1\n# ballast-ignore dockerfile/no-root-user\n\nUSER root\n'), [`${ROOT_USER}@3`]);
  });

  it('several comment lines may stand above one instruction', () => {
    assert.deepEqual(ids('FROM a:1\n# ballast-ignore dockerfile/no-root-user -- reason\n# plain comment\nUSER root\n'), []);
  });

  it('hadolint ignore and global ignore are honoured through equivalents, unless turned off', () => {
    assert.deepEqual(ids('FROM a:1\n# hadolint ignore=DL3002,DL3008\nUSER root\n'), []);
    assert.deepEqual(ids('# hadolint global ignore=DL3007\nFROM node:latest\nUSER 1000\n'), []);
    assert.deepEqual(ids('FROM a:1\n# hadolint ignore=DL3002\nUSER root\n', { honorOtherToolIgnores: false }), [`${ROOT_USER}@2`]);
  });

  it('a suppression for another rule does not hide the finding', () => {
    assert.deepEqual(ids('FROM a:1\n# ballast-ignore dockerfile/image-tag-latest\nUSER root\n'), [`${ROOT_USER}@2`]);
  });
});

describe('suppression edits', () => {
  const text = 'FROM a:1\nRUN true\n  USER root\n';

  it('disabling for a line inserts a comment with the indentation and puts the cursor where the reason goes', () => {
    const { edit, cursor } = suppressionEdit({ text, kind: 'dockerfile' }, ROOT_USER, 2, 'line');
    const fixed = applyEdits(text, [edit]);
    assert.equal(fixed, 'FROM a:1\nRUN true\n  # ballast-ignore dockerfile/no-root-user -- \n  USER root\n');
    assert.deepEqual(cursor, { line: 2, character: 46 });
    assert.equal(fixed.split('\n')[2]!.length, 46);
    assert.deepEqual(ids(fixed), []);
  });

  it('the comment goes above the first line of a multi-line instruction', () => {
    const multi = 'FROM a:1\nUSER \\\n  root\n';
    const { edit } = suppressionEdit({ text: multi, kind: 'dockerfile' }, ROOT_USER, 2, 'line');
    assert.equal(applyEdits(multi, [edit]), 'FROM a:1\n# ballast-ignore dockerfile/no-root-user -- \nUSER \\\n  root\n');
  });

  it('an id is added to an existing ballast-ignore comment, keeping its reason', () => {
    const withComment = 'FROM node:latest\n# ballast-ignore dockerfile/image-digest -- pinned elsewhere\nUSER root\n';
    const { edit, cursor } = suppressionEdit({ text: withComment, kind: 'dockerfile' }, ROOT_USER, 2, 'line');
    const fixed = applyEdits(withComment, [edit]);
    assert.equal(fixed, 'FROM node:latest\n# ballast-ignore dockerfile/image-digest, dockerfile/no-root-user -- pinned elsewhere\nUSER root\n');
    assert.deepEqual(cursor, { line: 1, character: fixed.split('\n')[1]!.length });
  });

  it('disabling for the file goes below parser directives, keeps CRLF, and clears the finding', () => {
    const crlf = '# syntax=docker/dockerfile:1\r\n# escape=`\r\nFROM a:1\r\nUSER root\r\n';
    const { edit, cursor } = suppressionEdit({ text: crlf, kind: 'dockerfile' }, ROOT_USER, 3, 'file');
    const fixed = applyEdits(crlf, [edit]);
    assert.equal(fixed, '# syntax=docker/dockerfile:1\r\n# escape=`\r\n# ballast-ignore-file dockerfile/no-root-user -- \r\nFROM a:1\r\nUSER root\r\n');
    assert.deepEqual(cursor, { line: 2, character: 49 });
    assert.deepEqual(ids(fixed), []);
  });
});

describe('suppression comments that name no rule', () => {
  it('a typo is reported on the id, with the closest rule as a safe fix that clears it', () => {
    const text = 'FROM a:1\n# ballast-ignore dockerfile/no-rot-user, no-root-user -- reason\nUSER root\n';
    const findings = lint({ text, kind: 'dockerfile' }).findings.filter((f) => f.ruleId === 'ballast/unknown-rule');
    assert.deepEqual(
      findings.map((f) => ({ message: f.message, range: f.range, fixes: f.fixes.map((x) => applyEdits(text, x.edits)) })),
      [
        {
          message: 'Unknown rule id dockerfile/no-rot-user: this comment suppresses nothing. Did you mean dockerfile/no-root-user?',
          range: { start: { line: 1, character: 17 }, end: { line: 1, character: 39 } },
          fixes: ['FROM a:1\n# ballast-ignore dockerfile/no-root-user, no-root-user -- reason\nUSER root\n'],
        },
        {
          message: 'Unknown rule id no-root-user: this comment suppresses nothing. Did you mean dockerfile/no-root-user?',
          range: { start: { line: 1, character: 41 }, end: { line: 1, character: 53 } },
          fixes: ['FROM a:1\n# ballast-ignore dockerfile/no-rot-user, dockerfile/no-root-user -- reason\nUSER root\n'],
        },
      ],
    );
  });

  it('words after -- are the reason, not ids', () => {
    const text = 'FROM a:1\n# ballast-ignore-file dockerfile/no-root-user -- not-a-rule here\nUSER root\n';
    assert.deepEqual(ids(text), []);
  });
});

describe('a rule name shared by several targets', () => {
  it('completes to the rule of the file’s own target', () => {
    const text = 'FROM node:latest\n# ballast-ignore-file image-tag-latest\n';
    const [finding] = lint({ text, kind: 'dockerfile' }).findings.filter((f) => f.ruleId === 'ballast/unknown-rule');
    assert.equal(finding?.message, 'Unknown rule id image-tag-latest: this comment suppresses nothing. Did you mean dockerfile/image-tag-latest?');
  });
});
