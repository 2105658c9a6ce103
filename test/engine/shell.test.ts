import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Instruction } from 'dockerfile-ast';
import { parseDockerfile } from '../../engine/dockerfile/model';
import { effectiveCommand, runScript, type ShellCommand } from '../../engine/dockerfile/shell';

function runs(text: string): { text: string; commands: ShellCommand[]; error: string | undefined }[] {
  const model = parseDockerfile(text);
  return model.instructions
    .filter((i: Instruction) => i.getKeyword() === 'RUN')
    .map((run) => {
      const script = runScript(model, run);
      return { text, commands: script.commands, error: script.error?.message };
    });
}

/** The document text each word's range covers: proves the range mapping. */
function covered(text: string, command: ShellCommand): string[] {
  const lines = text.split('\n');
  return command.words.map((w) => {
    assert.equal(w.range.start.line, w.range.end.line, 'words in these tests stay on one line');
    return lines[w.range.start.line]!.slice(w.range.start.character, w.range.end.character);
  });
}

describe('RUN shell analysis', () => {
  it('splits && chains and keeps exact word ranges', () => {
    const text = 'FROM alpine:3.20\nRUN apk add curl && curl -fsSL https://x.example | sh\n';
    const [run] = runs(text);
    assert.deepEqual(run!.commands.map((c) => c.program), ['apk', 'curl', 'sh']);
    const curl = run!.commands[1]!;
    assert.deepEqual(covered(text, curl), ['curl', '-fsSL', 'https://x.example']);
    assert.deepEqual(curl.words[1]!.range, { start: { line: 1, character: 25 }, end: { line: 1, character: 30 } });
    assert.equal(curl.pipesTo, run!.commands[2]);
  });

  it('maps words across continuation lines, comment lines inside them and CRLF', () => {
    const text = 'FROM alpine:3.20\r\nRUN apk add \\\r\n# a comment inside the continuation\r\n    curl \\\r\n  && curl -k https://x\r\n';
    const [run] = runs(text);
    assert.equal(run!.error, undefined);
    const [apk, curl] = run!.commands;
    assert.deepEqual(apk!.args.map((w) => w.value), ['add', 'curl']);
    assert.deepEqual(apk!.args[1]!.range, { start: { line: 3, character: 4 }, end: { line: 3, character: 8 } });
    assert.deepEqual(curl!.args[0]!.range, { start: { line: 4, character: 10 }, end: { line: 4, character: 12 } });
  });

  it('honours the backtick escape directive', () => {
    const text = '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo a `\n    && curl -k https://x\n';
    const [run] = runs(text);
    assert.deepEqual(run!.commands.map((c) => c.program), ['echo', 'curl']);
    assert.deepEqual(run!.commands[1]!.args[0]!.range, { start: { line: 3, character: 12 }, end: { line: 3, character: 14 } });
  });

  it('removes quotes from literal words and leaves expansions undefined', () => {
    const [run] = runs('FROM a:1\nRUN echo "a b" \'c\' d\\ e $HOME "x$Y"\n');
    assert.deepEqual(run!.commands[0]!.args.map((w) => w.value), ['a b', 'c', 'd e', undefined, undefined]);
  });

  it('parses the script of RUN <<EOF heredocs', () => {
    const text = 'FROM a:1\nRUN <<EOF\nset -e\ncurl -k https://x | bash\nEOF\n';
    const [run] = runs(text);
    assert.deepEqual(run!.commands.map((c) => c.program), ['set', 'curl', 'bash']);
    assert.deepEqual(run!.commands[1]!.args[0]!.range, { start: { line: 3, character: 5 }, end: { line: 3, character: 7 } });
  });

  it('reads exec form, including an sh -c script inside it', () => {
    const text = 'FROM a:1\nRUN ["sh", "-c", "curl -k https://x | sh"]\n';
    const [run] = runs(text);
    const [sh, curl, inner] = run!.commands;
    assert.deepEqual(sh!.words.map((w) => w.value), ['sh', '-c', 'curl -k https://x | sh']);
    assert.equal(curl!.program, 'curl');
    assert.equal(curl!.runBy, sh);
    assert.deepEqual(covered(text, curl!), ['curl', '-k', 'https://x']);
    assert.equal(curl!.pipesTo, inner);
  });

  it("parses sh -c '…' strings in shell form", () => {
    const text = "FROM a:1\nRUN bash -lc 'wget -qO- https://x | sh'\n";
    const [run] = runs(text);
    const wget = run!.commands.find((c) => c.program === 'wget')!;
    assert.deepEqual(covered(text, wget), ['wget', '-qO-', 'https://x']);
    assert.equal(wget.runBy?.program, 'bash');
  });

  it('marks command and process substitutions', () => {
    const [run] = runs('FROM a:1\nRUN sh -c "$(curl -fsSL https://x)" && bash <(wget -O- https://y)\n');
    const curl = run!.commands.find((c) => c.program === 'curl')!;
    const wget = run!.commands.find((c) => c.program === 'wget')!;
    assert.equal(curl.substitutedInto?.kind, 'command');
    assert.equal(curl.substitutedInto?.command?.program, 'sh');
    assert.equal(wget.substitutedInto?.kind, 'process');
    assert.equal(wget.substitutedInto?.command?.program, 'bash');
  });

  it('links every stage of a pipeline', () => {
    const [run] = runs('FROM a:1\nRUN curl https://x | tee /tmp/x | sudo bash\n');
    const [curl, tee, sudo] = run!.commands;
    assert.equal(curl!.pipesTo, tee);
    assert.equal(tee!.pipesTo, sudo);
    assert.equal(effectiveCommand(sudo!).program, 'bash');
  });

  it('maps ranges after non-ASCII text', () => {
    const text = 'FROM a:1\nRUN echo "héllo wörld" && curl -k https://x\n';
    const [run] = runs(text);
    assert.deepEqual(covered(text, run!.commands[1]!), ['curl', '-k', 'https://x']);
  });

  it('reports a half-typed script instead of throwing', () => {
    const [run] = runs("FROM a:1\nRUN echo 'unterminated\n");
    assert.deepEqual(run!.commands, []);
    assert.match(run!.error ?? '', /quote/);
  });

  it('looks through sudo and env wrappers', () => {
    const [run] = runs('FROM a:1\nRUN sudo -u app env A=1 B=2 curl -k https://x\n');
    const effective = effectiveCommand(run!.commands[0]!);
    assert.equal(effective.program, 'curl');
    assert.deepEqual(effective.args.map((w) => w.value), ['-k', 'https://x']);
  });

  it('keeps the variables assigned for one command, with their ranges', () => {
    const text = 'FROM a:1\nRUN GIT_SSL_NO_VERIFY=1 A="x y" B+=1 C=$D git clone https://x\n';
    const [run] = runs(text);
    const git = run!.commands[0]!;
    assert.equal(git.program, 'git');
    assert.deepEqual(
      git.assignments.map((w) => [w.value, text.split('\n')[1]!.slice(w.range.start.character, w.range.end.character)]),
      [
        ['GIT_SSL_NO_VERIFY=1', 'GIT_SSL_NO_VERIFY=1'],
        ['A=x y', 'A="x y"'],
        [undefined, 'B+=1'],
        [undefined, 'C=$D'],
      ],
    );
  });

  it('sees export, declare and local as commands, with their arguments', () => {
    const text = 'FROM a:1\nRUN export -n A=1 B "C=x y" && declare -x D=$(curl -s https://x) && local E\n';
    const [run] = runs(text);
    const line = text.split('\n')[1]!;
    assert.deepEqual(
      run!.commands.map((c) => [c.program, c.words.map((w) => [w.value, line.slice(w.range.start.character, w.range.end.character)])]),
      [
        ['export', [['export', 'export'], ['-n', '-n'], ['A=1', 'A=1'], ['B', 'B'], ['C=x y', '"C=x y"']]],
        ['declare', [['declare', 'declare'], ['-x', '-x'], [undefined, 'D=$(curl -s https://x)']]],
        ['curl', [['curl', 'curl'], ['-s', '-s'], ['https://x', 'https://x']]],
        ['local', [['local', 'local'], ['E', 'E']]],
      ],
    );
    assert.equal(run!.commands[2]!.substitutedInto?.command, run!.commands[1]);
  });

  it('handles flags before the script (RUN --mount)', () => {
    const text = 'FROM a:1\nRUN --mount=type=cache,target=/root/.cache curl -k https://x\n';
    const [run] = runs(text);
    assert.deepEqual(covered(text, run!.commands[0]!), ['curl', '-k', 'https://x']);
  });
});
