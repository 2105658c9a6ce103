import assert from 'node:assert/strict';
import { chmodSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REFERENCE_RULES, ROOT_RULE, TAG_RULE, buildCli, copyFixtureProject, createProject, onlyRulesArgs, removeDirectory, runCli, runOnTerminal } from './cliHarness';

function lines(...text: string[]): string {
  return text.map((line) => `${line}\n`).join('');
}

/** The fixture project's three problems, grouped by file, columns aligned within each file. */
const GROUPED = lines(
  'Dockerfile',
  '  1:11  warning  Base image node:latest uses the latest tag. Pin a version tag.        dockerfile/image-tag-latest',
  '  4:6   warning  The final stage runs as root (USER root). Switch to a non-root user.  dockerfile/no-root-user',
  '',
  'services/api/Dockerfile',
  '  1:6  warning  Base image python has no tag, so it means latest. Pin a version tag.  dockerfile/image-tag-latest',
  '',
  '3 problems (0 errors, 3 warnings) in 2 of 3 files',
);

describe('ballast scan: text output for people', () => {
  let project: string;
  before(async () => {
    await buildCli();
    project = copyFixtureProject();
  });
  after(() => removeDirectory(project));

  it('groups problems under each file, aligns the columns, and ends with a summary, all on stdout', () => {
    const run = runCli(['scan', ...REFERENCE_RULES], project);
    assert.deepEqual(run, { status: 0, stdout: GROUPED, stderr: '' });
  });

  it('is the default format, and writes no colour when stdout is not a terminal', () => {
    assert.equal(runCli(['scan', '--format', 'text', ...REFERENCE_RULES], project).stdout, GROUPED);
    assert.doesNotMatch(runCli(['scan', ...REFERENCE_RULES], project).stdout, /\u001b/);
  });

  it('counts information findings only when there are some', () => {
    const run = runCli(['scan', 'Dockerfile', ...REFERENCE_RULES, '--rule', `${ROOT_RULE}=error`, '--rule', `${TAG_RULE}=info`], project);
    assert.equal(
      run.stdout,
      lines(
        'Dockerfile',
        '  1:11  info   Base image node:latest uses the latest tag. Pin a version tag.        dockerfile/image-tag-latest',
        '  4:6   error  The final stage runs as root (USER root). Switch to a non-root user.  dockerfile/no-root-user',
        '',
        '2 problems (1 error, 0 warnings, 1 info) in 1 of 1 file',
      ),
    );
    assert.equal(run.status, 1);
  });

  it('says so when there are no problems, or no files', () => {
    assert.deepEqual(runCli(['scan', 'clean.dockerfile', ...REFERENCE_RULES], project), { status: 0, stdout: 'No problems in 1 file.\n', stderr: '' });
    mkdirSync(path.join(project, 'nothing'));
    assert.deepEqual(runCli(['scan', 'nothing'], project), { status: 0, stdout: 'No files to scan: no Dockerfiles or YAML files were found.\n', stderr: '' });
  });

  it('--color forces ANSI colours on a pipe, and --no-color wins when it comes last', () => {
    const coloured = runCli(['scan', 'Dockerfile', '--color', ...REFERENCE_RULES], project).stdout;
    assert.equal(
      coloured,
      lines(
        '\u001b[1mDockerfile\u001b[22m',
        '  \u001b[90m1:11\u001b[39m  \u001b[33mwarning\u001b[39m  Base image node:latest uses the latest tag. Pin a version tag.        \u001b[90mdockerfile/image-tag-latest\u001b[39m',
        '  \u001b[90m4:6\u001b[39m   \u001b[33mwarning\u001b[39m  The final stage runs as root (USER root). Switch to a non-root user.  \u001b[90mdockerfile/no-root-user\u001b[39m',
        '',
        '\u001b[1m\u001b[33m2 problems (0 errors, 2 warnings) in 1 of 1 file\u001b[39m\u001b[22m',
      ),
    );
    assert.equal(runCli(['scan', 'Dockerfile', '--color', '--no-color', ...REFERENCE_RULES], project).stdout, runCli(['scan', 'Dockerfile', ...REFERENCE_RULES], project).stdout);
    assert.equal(runCli(['scan', 'Dockerfile', '--no-color', '--color', ...REFERENCE_RULES], project).stdout, coloured);
    assert.equal(runCli(['scan', 'Dockerfile', '--color', ...REFERENCE_RULES], project, { NO_COLOR: '1' }).stdout, coloured, '--color wins over NO_COLOR');
  });

  it('colours on a terminal, unless NO_COLOR is set or --no-color given', () => {
    const args = ['scan', 'Dockerfile', ...REFERENCE_RULES];
    const coloured = runCli([...args, '--color'], project).stdout;
    assert.equal(runOnTerminal(args, project).output, coloured);
    assert.equal(runOnTerminal(args, project, { NO_COLOR: '1' }).output, runCli(args, project).stdout);
    assert.equal(runOnTerminal([...args, '--no-color'], project).output, runCli(args, project).stdout);
  });
});

describe('ballast scan: files that could not be analysed, in the text output', () => {
  let project: string;
  before(async () => {
    await buildCli();
    project = createProject({
      'Dockerfile': 'FROM node:latest\n',
      'binary/Dockerfile': Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x00, 0x01, 0x02, 0x0a]),
      'locked/Dockerfile': 'FROM node:latest\n',
      'secret/Dockerfile': 'FROM node:latest\n',
    });
  });
  after(() => {
    chmodSync(path.join(project, 'secret'), 0o755);
    removeDirectory(project);
  });

  it('lists them with the reason after the problems, and counts each as an error', (t) => {
    if (process.getuid?.() === 0) {
      // root reads whatever its mode: the unreadable cases cannot be made, the binary one still can.
      const run = runCli(['scan', 'Dockerfile', 'binary', ...onlyRulesArgs([TAG_RULE])], project);
      assert.equal(
        run.stdout,
        lines(
          'Dockerfile',
          '  1:11  warning  Base image node:latest uses the latest tag. Pin a version tag.  dockerfile/image-tag-latest',
          '',
          'Not analysed:',
          '  binary/Dockerfile  This file looks binary (it contains NUL or other control characters), so Ballast did not analyse it.',
          '',
          '2 problems (1 error, 1 warning) in 2 of 2 files',
        ),
      );
      assert.equal(run.status, 1);
      t.diagnostic('running as root: unreadable files and directories not exercised');
      return;
    }
    chmodSync(path.join(project, 'locked', 'Dockerfile'), 0o000);
    chmodSync(path.join(project, 'secret'), 0o000);
    const run = runCli(['scan', ...onlyRulesArgs([TAG_RULE])], project);
    assert.equal(
      run.stdout,
      lines(
        'Dockerfile',
        '  1:11  warning  Base image node:latest uses the latest tag. Pin a version tag.  dockerfile/image-tag-latest',
        '',
        'Not analysed:',
        '  secret/            Cannot read this directory: EACCES: permission denied.',
        '  binary/Dockerfile  This file looks binary (it contains NUL or other control characters), so Ballast did not analyse it.',
        '  locked/Dockerfile  This file could not be read (EACCES: permission denied).',
        '',
        '4 problems (3 errors, 1 warning) in 3 of 3 files',
      ),
    );
  });
});
