import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type * as Sarif from 'sarif';
import type { JsonReport } from '../../cli/format/json';
import { buildCli, copyFixtureProject, removeDirectory, runCli } from './cliHarness';

const MANIFEST = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: nginx:latest\n      securityContext:\n        privileged: true\n';

describe('ballast scan --profile', () => {
  let project: string;
  before(async () => {
    await buildCli();
    project = copyFixtureProject();
    writeFileSync(path.join(project, 'pod.yaml'), MANIFEST);
  });
  after(() => removeDirectory(project));

  /** The rule ids found in pod.yaml, with their severities. */
  function scan(...args: string[]): Map<string, string> {
    const run = runCli(['scan', 'pod.yaml', '--format', 'json', ...args], project);
    assert.equal(run.stderr, '');
    const report = JSON.parse(run.stdout) as JsonReport;
    return new Map(report.files[0]!.findings.map((f) => [f.ruleId, f.severity]));
  }

  it('runs every rule by default and with recommended', () => {
    const found = scan();
    for (const id of ['kubernetes/privileged-container', 'kubernetes/allow-privilege-escalation', 'kubernetes/image-tag-latest']) assert.ok(found.has(id), id);
    assert.deepEqual(scan('--profile', 'recommended'), found);
  });

  it('pss-baseline keeps the baseline controls only, pss-restricted adds the restricted ones', () => {
    const baseline = scan('--profile', 'pss-baseline');
    assert.equal(baseline.get('kubernetes/privileged-container'), 'error');
    assert.ok(!baseline.has('kubernetes/allow-privilege-escalation'));
    assert.ok(!baseline.has('kubernetes/image-tag-latest'));

    const restricted = scan('--profile', 'pss-restricted');
    assert.equal(restricted.get('kubernetes/privileged-container'), 'error');
    assert.equal(restricted.get('kubernetes/allow-privilege-escalation'), 'warning');
    assert.ok(!restricted.has('kubernetes/image-tag-latest'));
  });

  it('applies --rule on top of the profile', () => {
    const found = scan('--profile', 'pss-baseline', '--rule', 'kubernetes/image-tag-latest=error', '--rule', 'kubernetes/privileged-container=off');
    assert.equal(found.get('kubernetes/image-tag-latest'), 'error');
    assert.ok(!found.has('kubernetes/privileged-container'));
  });

  it('tells SARIF viewers which rules the profile turned off', () => {
    const run = runCli(['scan', 'pod.yaml', '--format', 'sarif', '--profile', 'pss-baseline', '--rule', 'kubernetes/run-as-non-root=error'], project);
    const overrides = (JSON.parse(run.stdout) as Sarif.Log).runs[0]!.invocations![0]!.ruleConfigurationOverrides!;
    const byId = new Map(overrides.map((o) => [o.descriptor.id, o.configuration]));
    assert.deepEqual(byId.get('kubernetes/allow-privilege-escalation'), { enabled: false });
    assert.deepEqual(byId.get('dockerfile/no-root-user'), { enabled: false });
    assert.deepEqual(byId.get('kubernetes/run-as-non-root'), { enabled: true, level: 'error' });
    assert.equal(byId.has('kubernetes/privileged-container'), false, 'a rule the profile runs at its default is no override');
  });

  it('rejects an unknown profile as a usage error, and documents the option', () => {
    const run = runCli(['scan', '--profile', 'restricted'], project);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, "ballast: invalid value 'restricted' for --profile: expected recommended, pss-baseline, pss-restricted\nRun 'ballast scan --help' for usage.\n");
    assert.match(runCli(['scan', '--help'], project).stdout, /--profile <recommended\|pss-baseline\|pss-restricted>/);
  });
});
