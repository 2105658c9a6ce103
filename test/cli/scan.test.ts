import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { version } from '../../package.json';
import { REFERENCE_RULES, ROOT_RULE, TAG_RULE, buildCli, copyFixtureProject, removeDirectory, runCli } from './cliHarness';

const DOCKERFILE_TAG = 'Dockerfile:1:11 warning dockerfile/image-tag-latest Base image node:latest uses the latest tag. Pin a version tag.';
const DOCKERFILE_ROOT = 'Dockerfile:4:6 warning dockerfile/no-root-user The final stage runs as root (USER root). Switch to a non-root user.';
const API_TAG = 'services/api/Dockerfile:1:6 warning dockerfile/image-tag-latest Base image python has no tag, so it means latest. Pin a version tag.';

function lines(...text: string[]): string {
  return text.map((line) => `${line}\n`).join('');
}

describe('ballast scan: text output and the walk', () => {
  let project: string;
  before(async () => {
    await buildCli();
    project = copyFixtureProject();
  });
  after(() => removeDirectory(project));

  it('lints the current directory by default, skipping node_modules, .git and files of no known kind', () => {
    const run = runCli(['scan', '--format', 'compact', ...REFERENCE_RULES], project);
    assert.equal(run.stdout, lines(DOCKERFILE_TAG, DOCKERFILE_ROOT, API_TAG));
    assert.equal(run.stderr, '3 problems (0 errors, 3 warnings) in 2 of 3 files\n');
    assert.equal(run.status, 0);
  });

  it('shows paths relative to the working directory, also above it', () => {
    const run = runCli(['scan', '--format', 'compact', '../..', ...REFERENCE_RULES], path.join(project, 'services', 'api'));
    assert.equal(
      run.stdout,
      lines(
        '../../Dockerfile:1:11 warning dockerfile/image-tag-latest Base image node:latest uses the latest tag. Pin a version tag.',
        '../../Dockerfile:4:6 warning dockerfile/no-root-user The final stage runs as root (USER root). Switch to a non-root user.',
        'Dockerfile:1:6 warning dockerfile/image-tag-latest Base image python has no tag, so it means latest. Pin a version tag.',
      ),
    );
  });

  it('lints named files and directories in the order given, each file once', () => {
    const run = runCli(['scan', '--format', 'compact', 'services', 'Dockerfile', 'services/api/Dockerfile', 'clean.dockerfile', ...REFERENCE_RULES], project);
    assert.equal(run.stdout, lines(API_TAG, DOCKERFILE_TAG, DOCKERFILE_ROOT));
    assert.equal(run.stderr, '3 problems (0 errors, 3 warnings) in 2 of 3 files\n');
  });

  it('lints a file named on the command line even inside node_modules', () => {
    const run = runCli(['scan', '--format', 'compact', 'node_modules/pkg/Dockerfile', ...REFERENCE_RULES], project);
    assert.equal(
      run.stdout,
      lines(
        'node_modules/pkg/Dockerfile:1:11 warning dockerfile/image-tag-latest Base image node:latest uses the latest tag. Pin a version tag.',
        'node_modules/pkg/Dockerfile:2:6 warning dockerfile/no-root-user The final stage runs as root (USER root). Switch to a non-root user.',
      ),
    );
  });

  it('says so when a clean file has no problems', () => {
    const run = runCli(['scan', '--format', 'compact', 'clean.dockerfile', ...REFERENCE_RULES], project);
    assert.deepEqual(run, { status: 0, stdout: '', stderr: 'No problems in 1 file.\n' });
  });

  it('says so when there is nothing to scan', () => {
    const empty = path.join(project, 'empty');
    mkdirSync(empty);
    assert.deepEqual(runCli(['scan', '--format', 'compact', 'empty'], project), { status: 0, stdout: '', stderr: 'No files to scan: no Dockerfiles or YAML files were found.\n' });
  });

  it('follows no symbolic link met while walking, so a link loop ends and no file is linted twice', () => {
    const linked = copyFixtureProject();
    try {
      symlinkSync('.', path.join(linked, 'loop'));
      symlinkSync('Dockerfile', path.join(linked, 'linked.Dockerfile'));
      const run = runCli(['scan', '--format', 'compact', ...REFERENCE_RULES], linked);
      assert.equal(run.stdout, lines(DOCKERFILE_TAG, DOCKERFILE_ROOT, API_TAG));
      assert.equal(run.status, 0);
    } finally {
      removeDirectory(linked);
    }
  });

  it('--rule changes a severity and turns rules off', () => {
    const run = runCli(['scan', '--format', 'compact', ...REFERENCE_RULES, '--rule', `${ROOT_RULE}=error`, '--rule', `${TAG_RULE}=off`], project);
    assert.equal(run.stdout, lines('Dockerfile:4:6 error dockerfile/no-root-user The final stage runs as root (USER root). Switch to a non-root user.'));
    assert.equal(run.stderr, '1 problem (1 error, 0 warnings) in 1 of 3 files\n');
  });
});

describe('ballast scan: exit codes', () => {
  let project: string;
  before(async () => {
    await buildCli();
    project = copyFixtureProject();
  });
  after(() => removeDirectory(project));

  const status = (...args: string[]) => runCli(['scan', '--format', 'compact', ...REFERENCE_RULES, ...args], project).status;

  it('fails on errors by default, and only at or above --fail-on', () => {
    // The fixture has warnings only.
    assert.equal(status(), 0);
    assert.equal(status('--fail-on', 'error'), 0);
    assert.equal(status('--fail-on', 'warning'), 1);
    assert.equal(status('--fail-on', 'info'), 1);
    assert.equal(status('--fail-on', 'never'), 0);
  });

  it('counts an error found as a failure at every level but never', () => {
    const asError = ['--rule', `${ROOT_RULE}=error`];
    assert.equal(status(...asError), 1);
    assert.equal(status(...asError, '--fail-on', 'warning'), 1);
    assert.equal(status(...asError, '--fail-on', 'info'), 1);
    assert.equal(status(...asError, '--fail-on', 'never'), 0);
  });

  it('lets information findings pass unless --fail-on info', () => {
    const asInfo = ['--rule', `${ROOT_RULE}=info`, '--rule', `${TAG_RULE}=info`];
    assert.equal(status(...asInfo, '--fail-on', 'warning'), 0);
    assert.equal(status(...asInfo, '--fail-on', 'info'), 1);
  });

  it('exits 0 on a clean file whatever the level', () => {
    assert.equal(runCli(['scan', '--format', 'compact', 'clean.dockerfile', ...REFERENCE_RULES, '--fail-on', 'info'], project).status, 0);
  });
});

describe('ballast scan: usage errors exit 2 and print nothing on stdout', () => {
  let project: string;
  before(async () => {
    await buildCli();
    project = copyFixtureProject();
  });
  after(() => removeDirectory(project));

  const cases: { args: string[]; message: string; help?: string }[] = [
    { args: ['scan', '--bogus'], message: "Unknown option '--bogus'" },
    { args: ['scan', '--format'], message: "Option '-f, --format <value>' argument missing" },
    { args: ['scan', '--format', 'xml'], message: "invalid value 'xml' for --format: expected text, compact, json, sarif" },
    { args: ['scan', '--fail-on', 'critical'], message: "invalid value 'critical' for --fail-on: expected error, warning, info, never" },
    { args: ['scan', 'missing-dir'], message: 'no such file or directory: missing-dir' },
    {
      args: ['scan', 'README.md'],
      message: 'README.md is not a file Ballast lints (Dockerfile, Containerfile, Dockerfile.*, *.Dockerfile, *.dockerfile, *.yaml or *.yml)',
    },
    { args: ['scan', '--rule', 'dockerfile/no-such-rule=error'], message: "unknown rule id 'dockerfile/no-such-rule' in --rule (run 'ballast rules' to list them)" },
    { args: ['scan', '--rule', `${ROOT_RULE}=loud`], message: `invalid value 'loud' for --rule ${ROOT_RULE}: expected off, error, warning, info` },
    { args: ['scan', '--rule', ROOT_RULE], message: `invalid --rule '${ROOT_RULE}': expected <rule-id>=<off|error|warning|info>` },
    { args: ['scan', '--trusted-registry', ' '], message: '--trusted-registry needs a registry, such as docker.io or ghcr.io/my-org' },
    { args: ['rules', '--format', 'sarif'], message: "invalid value 'sarif' for --format: expected text, json", help: 'ballast rules --help' },
    { args: ['rules', 'extra'], message: "Unexpected argument 'extra'. This command does not take positional arguments", help: 'ballast rules --help' },
    { args: ['lint'], message: "unknown command 'lint'", help: 'ballast --help' },
    { args: ['--verbose'], message: "Unknown option '--verbose'", help: 'ballast --help' },
    { args: ['help', 'lint'], message: "no help for 'lint'", help: 'ballast --help' },
  ];

  for (const { args, message, help = 'ballast scan --help' } of cases) {
    it(args.join(' '), () => {
      assert.deepEqual(runCli(args, project), { status: 2, stdout: '', stderr: `ballast: ${message}\nRun '${help}' for usage.\n` });
    });
  }

  it('a missing path stops the scan before anything is linted', () => {
    const run = runCli(['scan', '--format', 'compact', 'Dockerfile', 'missing.Dockerfile'], project);
    assert.deepEqual(run, { status: 2, stdout: '', stderr: "ballast: no such file or directory: missing.Dockerfile\nRun 'ballast scan --help' for usage.\n" });
  });

  it('no command prints the help on stderr', () => {
    const run = runCli([], project);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^Usage: ballast <command> \[options\]\n/);
  });
});

describe('ballast scan: files that cannot be analysed', () => {
  let project: string;
  before(async () => {
    await buildCli();
    project = copyFixtureProject();
    mkdirSync(path.join(project, 'binary'));
    writeFileSync(path.join(project, 'binary', 'Dockerfile'), Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x00, 0x01, 0x02, 0x0a]));
    mkdirSync(path.join(project, 'huge'));
    writeFileSync(path.join(project, 'huge', 'Dockerfile'), `FROM node:latest\n${'#'.repeat(6 * 1024 * 1024)}\n`);
    mkdirSync(path.join(project, 'latin1'));
    writeFileSync(path.join(project, 'latin1', 'Dockerfile'), Buffer.concat([Buffer.from('FROM node:22\n# caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    mkdirSync(path.join(project, 'pipe'));
    const fifo = spawnSync('mkfifo', [path.join(project, 'pipe', 'Dockerfile')]);
    assert.equal(fifo.status, 0, 'mkfifo creates a named pipe');
  });
  after(() => removeDirectory(project));

  it('reports each as an error of the file and goes on with the others', () => {
    const run = runCli(['scan', '--format', 'compact', ...REFERENCE_RULES], project);
    assert.equal(
      run.stdout,
      lines(
        DOCKERFILE_TAG,
        DOCKERFILE_ROOT,
        'binary/Dockerfile:1:1 error ballast/file-error This file looks binary (it contains NUL or other control characters), so Ballast did not analyse it.',
        "huge/Dockerfile:1:1 error ballast/file-error This file is 6.0 MB, above Ballast's limit of 5.0 MB (ballast.maxFileSizeMB), so it was not analysed.",
        'latin1/Dockerfile:1:1 error ballast/file-error This file is not valid UTF-8 (the first bad byte is at offset 18), so Ballast did not analyse it. Save it as UTF-8 to have it checked.',
        API_TAG,
      ),
    );
    assert.equal(run.stderr, '6 problems (3 errors, 3 warnings) in 5 of 6 files\n');
    assert.equal(run.status, 1);
  });

  it('skips a named pipe while walking, and reports one named on the command line instead of blocking on it', () => {
    const run = runCli(['scan', '--format', 'compact', 'pipe/Dockerfile'], project);
    assert.deepEqual(run, {
      status: 1,
      stdout: 'pipe/Dockerfile:1:1 error ballast/file-error This is not a regular file, so it was not analysed.\n',
      stderr: '1 problem (1 error, 0 warnings) in 1 of 1 file\n',
    });
  });

  it('analyses a file above the default limit when .ballast.yaml raises maxFileSizeMB', () => {
    writeFileSync(path.join(project, 'huge', '.ballast.yaml'), 'maxFileSizeMB: 8\n');
    try {
      const run = runCli(['scan', '--format', 'compact', 'huge', ...REFERENCE_RULES], project);
      assert.equal(
        run.stdout,
        lines(
          'huge/Dockerfile:1:1 warning dockerfile/no-root-user The final stage has no USER instruction, so the container runs as root. Add a USER with a non-root UID.',
          'huge/Dockerfile:1:11 warning dockerfile/image-tag-latest Base image node:latest uses the latest tag. Pin a version tag.',
        ),
      );
    } finally {
      rmSync(path.join(project, 'huge', '.ballast.yaml'));
    }
  });

  it('does not fail the build with --fail-on never', () => {
    assert.equal(runCli(['scan', '--format', 'compact', 'binary', '--fail-on', 'never'], project).status, 0);
  });
});

describe('ballast scan: colour', () => {
  let project: string;
  before(async () => {
    await buildCli();
    project = copyFixtureProject();
  });
  after(() => removeDirectory(project));

  /** Runs the CLI with stdout on a pseudo-terminal, through util-linux `script`. */
  function runOnTerminal(env: NodeJS.ProcessEnv): string {
    const { NO_COLOR: _ignored, ...inherited } = process.env;
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(path.resolve(__dirname, '../../dist/cli.js'))} scan --format compact Dockerfile --rule ${TAG_RULE}=off ${REFERENCE_RULES.join(' ')}`;
    const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: project, encoding: 'utf8', env: { ...inherited, ...env } });
    assert.equal(result.status, 0, result.stderr);
    return result.stdout.replace(/\r\n/g, '\n');
  }

  it('colours severities and rule ids on a terminal', () => {
    assert.equal(
      runOnTerminal({}),
      'Dockerfile:4:6 \u001b[33mwarning\u001b[39m \u001b[90mdockerfile/no-root-user\u001b[39m The final stage runs as root (USER root). Switch to a non-root user.\n' +
        '1 problem (0 errors, 1 warning) in 1 of 1 file\n',
    );
  });

  it('writes no colour when NO_COLOR is set', () => {
    assert.equal(
      runOnTerminal({ NO_COLOR: '1' }),
      'Dockerfile:4:6 warning dockerfile/no-root-user The final stage runs as root (USER root). Switch to a non-root user.\n' +
        '1 problem (0 errors, 1 warning) in 1 of 1 file\n',
    );
  });
});

describe('ballast --help, --version', () => {
  let project: string;
  before(async () => {
    await buildCli();
    project = copyFixtureProject();
  });
  after(() => removeDirectory(project));

  it('prints the version from package.json', () => {
    assert.deepEqual(runCli(['--version'], project), { status: 0, stdout: `${version}\n`, stderr: '' });
    assert.deepEqual(runCli(['-v'], project), { status: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('prints each command help on stdout and exits 0', () => {
    for (const [args, first] of [
      [['--help'], 'Usage: ballast <command> [options]'],
      [['help'], 'Usage: ballast <command> [options]'],
      [['scan', '--help'], 'Usage: ballast scan [paths...] [options]'],
      [['help', 'scan'], 'Usage: ballast scan [paths...] [options]'],
      [['rules', '-h'], 'Usage: ballast rules [options]'],
    ] as const) {
      const run = runCli(args, project);
      assert.equal(run.status, 0, args.join(' '));
      assert.equal(run.stderr, '');
      assert.equal(run.stdout.split('\n')[0], first, args.join(' '));
    }
  });

  it('documents every option of scan and fix in their help', () => {
    const scanHelp = runCli(['scan', '--help'], project).stdout;
    for (const option of [
      '--format <text|compact|json|sarif>',
      '--fail-on <error|warning|info|never>',
      '--config <file>',
      '--exclude <glob>',
      '--no-gitignore',
      '--profile <recommended|pss-baseline|pss-restricted>',
      '--rule <id>=<off|info|warning|error>',
      '--trusted-registry <registry>',
      '--color, --no-color',
      'BALLAST_WORKERS',
      'Exit status:',
    ]) {
      assert.ok(scanHelp.includes(option), option);
    }
    const fixHelp = runCli(['fix', '--help'], project).stdout;
    assert.equal(fixHelp.split('\n')[0], 'Usage: ballast fix [paths...] [options]');
    for (const option of ['--dry-run', '--config <file>', '--exclude <glob>', '--no-gitignore', '--profile <', '--rule <', '--trusted-registry <', '--color, --no-color', 'Exit status:']) {
      assert.ok(fixHelp.includes(option), option);
    }
    assert.equal(runCli(['help', 'fix'], project).stdout, fixHelp);
  });

  it('documents the precedence of settings: command line, then configuration file, then defaults', () => {
    for (const command of ['scan', 'fix']) {
      const help = runCli([command, '--help'], project).stdout;
      assert.match(help, /1\. the command line \(--profile, --rule, --trusted-registry\)\n\s+2\. the configuration file \(or --config\)\n\s+3\. Ballast's defaults/, command);
    }
  });
});
