import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Instruction } from 'dockerfile-ast';
import { applyEdits } from '../../engine';
import { parseDockerfile } from '../../engine/dockerfile/model';
import { deleteInstructionEdit, deleteShellWordsEdit, offsetInWord } from '../../engine/dockerfile/removal';
import { runScript } from '../../engine/dockerfile/shell';

/** Deletes words `[first, last]` of the RUN command whose program is `program`. */
function withoutWords(text: string, program: string, first: number, last = first): string {
  const model = parseDockerfile(text);
  for (const run of model.instructions.filter((i: Instruction) => i.getKeyword() === 'RUN')) {
    const script = runScript(model, run);
    const command = script.commands.find((c) => c.program === program);
    if (command) return applyEdits(text, [deleteShellWordsEdit(model, script, command.words, first, last)]);
  }
  throw new Error(`no ${program} command`);
}

describe('deleting shell words', () => {
  it('takes the space after a word in the middle of a line', () => {
    assert.equal(withoutWords('FROM a\nRUN curl -k https://x\n', 'curl', 1), 'FROM a\nRUN curl https://x\n');
  });

  it('takes the space before a word at the end of a line', () => {
    assert.equal(withoutWords('FROM a\nRUN curl https://x -k\n', 'curl', 2), 'FROM a\nRUN curl https://x\n');
  });

  it('drops a continuation line that held only the word', () => {
    assert.equal(withoutWords('FROM a\r\nRUN curl \\\r\n    -k \\\r\n    https://x\r\n', 'curl', 1), 'FROM a\r\nRUN curl \\\r\n    https://x\r\n');
  });

  it('ends the instruction on the line before when the word was alone on its last line', () => {
    assert.equal(withoutWords('FROM a\nRUN curl https://x \\\n    -k\nUSER 1\n', 'curl', 2), 'FROM a\nRUN curl https://x\nUSER 1\n');
  });

  it('uses the escape directive character for continuations', () => {
    assert.equal(withoutWords('# escape=`\nFROM a\nRUN curl `\n    -k `\n    https://x\n', 'curl', 1), '# escape=`\nFROM a\nRUN curl `\n    https://x\n');
  });

  it('uses a backslash for continuations inside a heredoc script', () => {
    assert.equal(withoutWords('FROM a\nRUN <<EOF\ncurl \\\n  -k \\\n  https://x\nEOF\n', 'curl', 1), 'FROM a\nRUN <<EOF\ncurl \\\n  https://x\nEOF\n');
  });

  it('deletes a flag and its value together', () => {
    assert.equal(withoutWords('FROM a\nRUN pip install x --trusted-host pypi.org\n', 'pip', 3, 4), 'FROM a\nRUN pip install x\n');
  });

  it('deletes exec-form array elements with their comma', () => {
    assert.equal(withoutWords('FROM a\nRUN ["curl", "-k", "https://x"]\n', 'curl', 1), 'FROM a\nRUN ["curl", "https://x"]\n');
    assert.equal(withoutWords('FROM a\nRUN ["curl", "https://x", "-k"]\n', 'curl', 2), 'FROM a\nRUN ["curl", "https://x"]\n');
  });

  it('treats words inside an exec-form sh -c string as shell words', () => {
    assert.equal(withoutWords('FROM a\nRUN ["sh", "-c", "curl -k https://x"]\n', 'curl', 1), 'FROM a\nRUN ["sh", "-c", "curl https://x"]\n');
  });
});

describe('deleting instructions', () => {
  const without = (text: string, index: number) => {
    const model = parseDockerfile(text);
    return applyEdits(text, [deleteInstructionEdit(model, model.instructions[index]!)]);
  };

  it('takes the instruction with its continuation lines and line break', () => {
    assert.equal(without('FROM a\r\nENV A=1 \\\r\n    B=2\r\nUSER 1\r\n', 1), 'FROM a\r\nUSER 1\r\n');
  });

  it('takes the line break before a last line that has none', () => {
    assert.equal(without('FROM a\nENV A=1', 1), 'FROM a');
  });
});

describe('offsets inside a word', () => {
  it('maps bare and wholly quoted words, and nothing else', () => {
    const text = 'FROM a\nRUN curl -fsSLk "-sk" "-s"k\n';
    const model = parseDockerfile(text);
    const curl = runScript(model, model.instructions[1]!).commands[0]!;
    const [, bare, quoted, mixed] = curl.words;
    assert.equal(text[offsetInWord(model, bare!, 5)!], 'k');
    assert.equal(text[offsetInWord(model, quoted!, 2)!], 'k');
    assert.equal(offsetInWord(model, mixed!, 2), undefined);
  });
});
