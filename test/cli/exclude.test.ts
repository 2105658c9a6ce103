import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { JsonReport } from '../../cli/format/json';
import { buildCli, createProject, onlyRulesArgs, removeDirectory, runCli } from './cliHarness';

const DOCKERFILE = 'FROM node:latest\n';
const ONLY = onlyRulesArgs(['dockerfile/image-tag-latest']);

/** The paths a scan looks at, in output order. */
function scanned(cwd: string, ...args: string[]): string[] {
  const run = runCli(['scan', '--format', 'json', ...ONLY, ...args], cwd);
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  return (JSON.parse(run.stdout) as JsonReport).files.map((file) => file.path);
}

describe('ballast scan --exclude', () => {
  let project: string;
  before(async () => {
    await buildCli();
    project = createProject({
      'Dockerfile': DOCKERFILE,
      'vendor/lib/Dockerfile': DOCKERFILE,
      'app/Dockerfile': DOCKERFILE,
      'app/testdata/Dockerfile': DOCKERFILE,
      'app/k8s/pod.yaml': 'kind: Pod\n',
      'app/k8s/pod.test.yaml': 'kind: Pod\n',
    });
  });
  after(() => removeDirectory(project));

  it('skips the files and whole directories its globs match, relative to the current directory', () => {
    assert.deepEqual(scanned(project), ['Dockerfile', 'app/Dockerfile', 'app/k8s/pod.test.yaml', 'app/k8s/pod.yaml', 'app/testdata/Dockerfile', 'vendor/lib/Dockerfile']);
    assert.deepEqual(scanned(project, '--exclude', 'vendor/**', '--exclude', '**/testdata/**', '--exclude', '**/*.test.yaml'), ['Dockerfile', 'app/Dockerfile', 'app/k8s/pod.yaml']);
    assert.deepEqual(scanned(project, '--exclude', 'app'), ['Dockerfile', 'vendor/lib/Dockerfile']);
    assert.deepEqual(scanned(project, '--exclude', './vendor/**'), ['Dockerfile', 'app/Dockerfile', 'app/k8s/pod.test.yaml', 'app/k8s/pod.yaml', 'app/testdata/Dockerfile']);
  });

  it('matches relative to the current directory, not to the scanned one', () => {
    const inApp = path.join(project, 'app');
    assert.deepEqual(scanned(inApp, '--exclude', 'testdata/**'), ['Dockerfile', 'k8s/pod.test.yaml', 'k8s/pod.yaml']);
    assert.deepEqual(scanned(project, 'app', '--exclude', 'testdata/**'), ['app/Dockerfile', 'app/k8s/pod.test.yaml', 'app/k8s/pod.yaml', 'app/testdata/Dockerfile']);
  });

  it('leaves alone a file named on the command line that it matches, and says so on stderr', () => {
    const run = runCli(['scan', '--format', 'compact', ...ONLY, 'vendor/lib/Dockerfile', '--exclude', 'vendor/**'], project);
    assert.deepEqual(run, {
      status: 0,
      stdout: '',
      stderr: "ballast: vendor/lib/Dockerfile is excluded (by --exclude or a configuration file's exclude), so it was not looked at\nNo files to scan: no Dockerfiles or YAML files were found.\n",
    });
  });

  it('needs a glob', () => {
    assert.deepEqual(runCli(['scan', '--exclude', ' '], project), { status: 2, stdout: '', stderr: "ballast: --exclude needs a glob, such as vendor/** or **/testdata/**\nRun 'ballast scan --help' for usage.\n" });
  });
});

describe('ballast scan and .gitignore', () => {
  let project: string;
  before(async () => {
    await buildCli();
    project = createProject({
      '.gitignore': 'dist/\n*.generated.yaml\n/Dockerfile.local\n',
      '.git/info/exclude': 'scratch/\n',
      'Dockerfile': DOCKERFILE,
      'Dockerfile.local': DOCKERFILE,
      'dist/Dockerfile': DOCKERFILE,
      'scratch/Dockerfile': DOCKERFILE,
      'deploy/app.generated.yaml': 'kind: Pod\n',
      'deploy/app.yaml': 'kind: Pod\n',
      // A deeper .gitignore wins: it can re-include what a shallower one ignores.
      'deploy/.gitignore': '!keep.generated.yaml\nlocal/\n',
      'deploy/keep.generated.yaml': 'kind: Pod\n',
      'deploy/local/Dockerfile': DOCKERFILE,
      // Anchored to the root's folder: not this one.
      'deploy/Dockerfile.local': DOCKERFILE,
    });
  });
  after(() => removeDirectory(project));

  it('skips what .gitignore files and .git/info/exclude ignore while walking', () => {
    assert.deepEqual(scanned(project), ['Dockerfile', 'deploy/Dockerfile.local', 'deploy/app.yaml', 'deploy/keep.generated.yaml']);
  });

  it('reads the .gitignore files above the scanned folder, up to the repository root', () => {
    assert.deepEqual(scanned(path.join(project, 'deploy')), ['Dockerfile.local', 'app.yaml', 'keep.generated.yaml']);
    assert.deepEqual(scanned(project, 'deploy'), ['deploy/Dockerfile.local', 'deploy/app.yaml', 'deploy/keep.generated.yaml']);
  });

  it('lints an ignored file or folder named on the command line', () => {
    assert.deepEqual(scanned(project, 'dist', 'Dockerfile.local'), ['dist/Dockerfile', 'Dockerfile.local']);
  });

  it('--no-gitignore walks everything', () => {
    assert.deepEqual(scanned(project, '--no-gitignore'), [
      'Dockerfile',
      'Dockerfile.local',
      'deploy/Dockerfile.local',
      'deploy/app.generated.yaml',
      'deploy/app.yaml',
      'deploy/keep.generated.yaml',
      'deploy/local/Dockerfile',
      'dist/Dockerfile',
      'scratch/Dockerfile',
    ]);
  });

  it('outside a repository, applies the .gitignore files of the scanned tree only', () => {
    const outside = createProject({ '.gitignore': 'build/\n', 'build/Dockerfile': DOCKERFILE, 'app/.gitignore': '*.yaml\n', 'app/pod.yaml': 'kind: Pod\n', 'app/Dockerfile': DOCKERFILE }, { git: false });
    try {
      assert.deepEqual(scanned(outside), ['app/Dockerfile']);
      // Scanning app/ alone: the .gitignore above it is not read, as there is no repository to tie them together.
      assert.deepEqual(scanned(path.join(outside, 'app')), ['Dockerfile']);
      assert.deepEqual(scanned(outside, 'build'), ['build/Dockerfile']);
    } finally {
      removeDirectory(outside);
    }
  });
});
