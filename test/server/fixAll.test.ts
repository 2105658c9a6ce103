import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { minimalEdit } from '../../server/fixAll';

function check(before: string, after: string, expected: [number, number, number, number, string] | undefined): void {
  const document = TextDocument.create('file:///Dockerfile', 'dockerfile', 1, before);
  const edit = minimalEdit(document, after);
  if (!expected) return assert.equal(edit, undefined);
  assert.ok(edit);
  const { start, end } = edit.range;
  assert.deepEqual([start.line, start.character, end.line, end.character, edit.newText], expected);
  assert.equal(TextDocument.applyEdits(document, [edit]), after);
}

describe('minimal fix-all edit', () => {
  it('replaces only what lies between the common prefix and suffix', () => {
    check('FROM a\nADD x /x\nUSER 1\n', 'FROM a\nCOPY x /x\nUSER 1\n', [1, 0, 1, 3, 'COPY']);
  });

  it('is an insertion when text is only added', () => {
    check('FROM a\nCMD x\n', 'FROM a\nUSER 1\nCMD x\n', [1, 0, 1, 0, 'USER 1\n']);
  });

  it('is nothing when the text does not change', () => {
    check('FROM a\n', 'FROM a\n', undefined);
  });

  it('never ends or starts between the \\r and \\n of a line break', () => {
    check('FROM a\r\nRUN x\r\n', 'FROM a\n\nRUN x\r\n', [0, 6, 1, 0, '\n\n']);
    check('FROM a\r\n', 'FROM a\r\r\n', [0, 6, 1, 0, '\r\r\n']);
  });

  it('never splits a surrogate pair', () => {
    check('LABEL x="😀"\n', 'LABEL x="😃"\n', [0, 9, 0, 11, '😃']);
  });
});
