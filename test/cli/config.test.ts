import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { JsonReport } from '../../cli/format/json';
import { buildCli, createProject, onlyRulesArgs, removeDirectory, runCli } from './cliHarness';

const TAG = 'dockerfile/image-tag-latest';
const ROOT = 'dockerfile/no-root-user';
const UNTRUSTED = 'dockerfile/untrusted-registry';
const PRIVILEGED = 'kubernetes/privileged-container';
const ONLY = onlyRulesArgs([TAG, ROOT, UNTRUSTED, PRIVILEGED]);
const RISKY = 'FROM ghcr.io/acme/node:latest\nUSER root\n';

/** `path: ['rule severity @line', …]` for every file scanned, from `--format json`. */
function scan(cwd: string, ...args: string[]): { status: number | null; files: Record<string, string[]>; stderr: string } {
  const run = runCli(['scan', '--format', 'json', ...args], cwd);
  const report = run.stdout === '' ? { files: [] } : (JSON.parse(run.stdout) as JsonReport);
  const files = Object.fromEntries(report.files.map((file) => [file.path, file.findings.map((f) => `${f.ruleId} ${f.severity} @${f.range.start.line + 1}`)]));
  return { status: run.status, files, stderr: run.stderr };
}

describe('ballast scan: .ballast.yaml', () => {
  let project: string;
  before(async () => {
    await buildCli();
    project = createProject({
      '.ballast.yaml': `rules:\n  ${ROOT}: error\n  ${TAG}: off\ntrustedRegistries: [docker.io]\n`,
      'Dockerfile': RISKY,
      // The nearest configuration wins, whole: this one sets no trusted registries.
      'team/.ballast.yml': `profile: pss-baseline\nrules:\n  ${TAG}: info\n`,
      'team/Dockerfile': RISKY,
      'team/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - {name: a, image: "nginx:1.27", securityContext: {privileged: true}}\n',
      'team/deep/Dockerfile': RISKY,
    });
  });
  after(() => removeDirectory(project));

  it('applies the nearest configuration file to each file, over the defaults', () => {
    const { files, status } = scan(project, ...ONLY);
    assert.deepEqual(files, {
      '.ballast.yaml': [],
      'Dockerfile': [`${UNTRUSTED} error @1`, `${ROOT} error @2`],
      'team/.ballast.yml': [],
      // pss-baseline turns the Dockerfile rules off; the file's rules turn one back on.
      'team/Dockerfile': [`${TAG} info @1`],
      'team/deep/Dockerfile': [`${TAG} info @1`],
      'team/pod.yaml': [`${PRIVILEGED} error @6`],
    });
    assert.equal(status, 1);
  });

  it('applies the configuration above the scanned folder, as the editor does', () => {
    assert.deepEqual(scan(path.join(project, 'team'), 'deep', ...ONLY).files, { 'deep/Dockerfile': [`${TAG} info @1`] });
  });

  it('puts the command line over the configuration file: --profile, --rule, --trusted-registry', () => {
    const { files } = scan(project, ...ONLY, '--profile', 'recommended', '--rule', `${ROOT}=info`, '--trusted-registry', 'ghcr.io/acme');
    assert.deepEqual(files, {
      '.ballast.yaml': [],
      // --rule adds to the file's rules (TAG stays off at the root), --trusted-registry replaces its list.
      'Dockerfile': [`${ROOT} info @2`],
      'team/.ballast.yml': [],
      // --profile recommended over pss-baseline: the Dockerfile rules are back.
      'team/Dockerfile': [`${TAG} info @1`, `${ROOT} info @2`],
      'team/deep/Dockerfile': [`${TAG} info @1`, `${ROOT} info @2`],
      'team/pod.yaml': [`${PRIVILEGED} error @6`],
    });
  });

  it('--config uses one file for every file instead of discovering', () => {
    const strict = createProject({ 'ci/strict.yaml': `rules:\n  ${TAG}: error\n` }, { git: false });
    try {
      const { files, stderr } = scan(project, ...ONLY, '--config', path.join(strict, 'ci', 'strict.yaml'));
      assert.equal(stderr, '');
      assert.deepEqual(files, {
        '.ballast.yaml': [],
        'Dockerfile': [`${TAG} error @1`, `${ROOT} warning @2`],
        'team/.ballast.yml': [],
        'team/Dockerfile': [`${TAG} error @1`, `${ROOT} warning @2`],
        'team/deep/Dockerfile': [`${TAG} error @1`, `${ROOT} warning @2`],
        'team/pod.yaml': [`${PRIVILEGED} error @6`],
      });
    } finally {
      removeDirectory(strict);
    }
  });

  it('--config that is missing, a folder or not YAML is a usage error', () => {
    const broken = createProject({ 'broken.yaml': 'rules: [a,\n', 'list.yaml': '- a\n' }, { git: false });
    try {
      const usage = (given: string, message: string) =>
        assert.deepEqual(runCli(['scan', '--config', given], project), { status: 2, stdout: '', stderr: `ballast: ${message}\nRun 'ballast scan --help' for usage.\n` });
      usage('missing.yaml', '--config missing.yaml: no such file');
      usage('team', '--config team is not a file');
      usage(path.join(broken, 'broken.yaml'), `--config ${path.join(broken, 'broken.yaml')} is not valid YAML at line 2, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]`);
      usage(path.join(broken, 'list.yaml'), `--config ${path.join(broken, 'list.yaml')} must hold a mapping of settings (profile, rules, trustedRegistries, exclude, ...)`);
      assert.equal(runCli(['fix', '--config', 'missing.yaml'], project).status, 2);
    } finally {
      removeDirectory(broken);
    }
  });
});

describe('ballast scan: a configuration file with mistakes', () => {
  let project: string;
  const CONFIG = `profile: strictest\nrules:\n  ${ROOT}: error\n  dockerfile/no-root: off\nexclude: [vendor/**]\n`;
  before(async () => {
    await buildCli();
    project = createProject({ '.ballast.yaml': CONFIG, 'app/Dockerfile': RISKY, 'vendor/Dockerfile': RISKY });
  });
  after(() => removeDirectory(project));

  it('reports the mistakes as problems of the configuration file, and still applies its valid part', () => {
    const run = runCli(['scan', '--format', 'compact', ...ONLY], project);
    assert.equal(
      run.stdout,
      [
        '.ballast.yaml:1:10 error ballast/config profile must be one of "recommended", "pss-baseline", "pss-restricted": it is ignored.',
        '.ballast.yaml:4:3 error ballast/config dockerfile/no-root is not a Ballast rule: it is ignored. Did you mean dockerfile/no-root-user?',
        // The rule the file sets validly applies, and vendor/ is excluded.
        `app/Dockerfile:1:24 warning ${TAG} Base image ghcr.io/acme/node:latest uses the latest tag. Pin a version tag.`,
        `app/Dockerfile:2:6 error ${ROOT} The final stage runs as root (USER root). Switch to a non-root user.`,
        '',
      ].join('\n'),
    );
    assert.equal(run.stderr, '4 problems (3 errors, 1 warning) in 2 of 2 files\n');
    assert.equal(run.status, 1);
  });

  it('reports them too when the configuration applies from above the scanned folder, or is named with --config', () => {
    const fromAbove = scan(path.join(project, 'app'), ...ONLY);
    assert.deepEqual(Object.keys(fromAbove.files), ['../.ballast.yaml', 'Dockerfile']);
    assert.equal(fromAbove.files['../.ballast.yaml']!.length, 2);
    assert.deepEqual(fromAbove.files.Dockerfile, [`${TAG} warning @1`, `${ROOT} error @2`]);

    const named = scan(path.join(project, 'app'), ...ONLY, '--config', '../.ballast.yaml', 'Dockerfile');
    assert.deepEqual(Object.keys(named.files), ['../.ballast.yaml', 'Dockerfile']);
  });

  it('SARIF carries them as notifications located in the configuration file', () => {
    const run = runCli(['scan', '--format', 'sarif', 'app', ...ONLY], project);
    const invocation = (JSON.parse(run.stdout) as { runs: { invocations: { toolExecutionNotifications: { descriptor: { id: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] }[] }).runs[0]!.invocations[0]!;
    assert.deepEqual(
      invocation.toolExecutionNotifications.map((n) => [n.descriptor.id, n.locations[0]!.physicalLocation.artifactLocation.uri]),
      [
        ['ballast/config', '.ballast.yaml'],
        ['ballast/config', '.ballast.yaml'],
      ],
    );
  });
});

describe('ballast scan: exclude in a configuration file', () => {
  let project: string;
  before(async () => {
    await buildCli();
    project = createProject({
      'Dockerfile': RISKY,
      'vendor/Dockerfile': RISKY,
      // Relative to this file's folder: sub/generated/, not generated/ at the root.
      'sub/.ballast.yaml': 'exclude: ["generated/**", "*.test.Dockerfile"]\n',
      'sub/Dockerfile': RISKY,
      'sub/app.test.Dockerfile': RISKY,
      'sub/generated/Dockerfile': RISKY,
      'generated/Dockerfile': RISKY,
    });
  });
  after(() => removeDirectory(project));

  it('leaves alone what it matches, relative to the configuration file, named or walked', () => {
    assert.deepEqual(Object.keys(scan(project, ...ONLY).files), ['Dockerfile', 'generated/Dockerfile', 'sub/.ballast.yaml', 'sub/Dockerfile', 'vendor/Dockerfile']);
    const named = runCli(['scan', '--format', 'json', 'sub/generated/Dockerfile', 'sub/Dockerfile', ...ONLY], project);
    assert.deepEqual(
      (JSON.parse(named.stdout) as JsonReport).files.map((file) => file.path),
      ['sub/Dockerfile'],
    );
    assert.equal(named.stderr, "ballast: sub/generated/Dockerfile is excluded (by --exclude or a configuration file's exclude), so it was not looked at\n");
  });
});
