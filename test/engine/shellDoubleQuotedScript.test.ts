import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Instruction } from 'dockerfile-ast';
import { parseDockerfile } from '../../engine/dockerfile/model';
import { runScript, type ShellCommand } from '../../engine/dockerfile/shell';

function commandsOf(text: string): ShellCommand[] {
  const model = parseDockerfile(text);
  return model.instructions.filter((i: Instruction) => i.getKeyword() === 'RUN').flatMap((run) => runScript(model, run).commands);
}

function covered(text: string, command: ShellCommand): string[] {
  const lines = text.split('\n');
  return command.words.map((w) => lines[w.range.start.line]!.slice(w.range.start.character, w.range.end.character));
}

// The outer shell removes one level of backslashes from a double-quoted `sh -c "…"` string before
// the inner shell parses it; reading the raw text instead left `\"x\"` as the literal `"x"`.
describe('sh -c with a double-quoted script', () => {
  it('removes the backslashes the outer shell removes', () => {
    const text = 'FROM a:1\nRUN sh -c "apt-get install \\"openssh-server\\" x\\\\y"\n';
    const apt = commandsOf(text).find((c) => c.program === 'apt-get')!;
    // `x\\y` is `x\y` to the inner shell, which reads it as `xy`.
    assert.deepEqual(apt.words.map((w) => w.value), ['apt-get', 'install', 'openssh-server', 'xy']);
  });

  it('keeps word ranges on what is written, backslashes included', () => {
    const text = 'FROM a:1\nRUN sh -c "apt-get install \\"openssh-server\\" x"\n';
    const apt = commandsOf(text).find((c) => c.program === 'apt-get')!;
    assert.deepEqual(covered(text, apt), ['apt-get', 'install', '\\"openssh-server\\"', 'x']);
  });

  it('lets an escaped dollar expand in the inner shell', () => {
    const text = 'FROM a:1\nRUN bash -c "chmod \\$MODE /x && chmod 777 /y"\n';
    const chmods = commandsOf(text).filter((c) => c.program === 'chmod');
    assert.deepEqual(chmods.map((c) => c.args[0]!.value), [undefined, '777']);
    assert.deepEqual(covered(text, chmods[0]!), ['chmod', '\\$MODE', '/x']);
  });
});
