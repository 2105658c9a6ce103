import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildCli, onlyRulesArgs, removeDirectory, runCli } from './cliHarness';

const TAG = 'helm/image-tag-latest';
const PRIVILEGED = 'kubernetes/privileged-container';

describe('ballast scan on Helm charts', () => {
  let project: string;
  const write = (relative: string, text: string) => {
    mkdirSync(path.dirname(path.join(project, relative)), { recursive: true });
    writeFileSync(path.join(project, relative), text);
  };
  before(async () => {
    await buildCli();
    project = mkdtempSync(path.join(tmpdir(), 'ballast-cli-helm-'));
    write('web/Chart.yaml', 'apiVersion: v2\nname: web\nversion: 0.1.0\n');
    write('web/values.yaml', 'image:\n  repository: nginx\n  tag: ""\n');
    write('web/values-dev.yaml', 'image:\n  tag: latest\n');
    write('web/templates/deployment.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          securityContext: {privileged: true}\n');
    write('web/charts/cache/Chart.yaml', 'apiVersion: v2\nname: cache\nversion: 1.0.0\nappVersion: "7.2"\n');
    write('web/charts/cache/values.yaml', 'image:\n  repository: redis\n  tag: ""\n');
    write('k8s/values.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - {name: a, image: "nginx:1.27", securityContext: {privileged: true}}\n');
  });
  after(() => removeDirectory(project));

  it('lints values files with their chart, passes templates by, and reads other YAML as manifests', () => {
    const run = runCli(['scan', '--format', 'json', ...onlyRulesArgs([TAG, PRIVILEGED])], project);
    assert.equal(run.stderr, '');
    const output = JSON.parse(run.stdout) as { files: { path: string; kind: string; findings: { ruleId: string; range: { start: { line: number } } }[] }[] };
    assert.deepEqual(
      output.files.map((file) => ({ path: file.path, kind: file.kind, findings: file.findings.map((f) => `${f.ruleId}@${f.range.start.line}`) })),
      [
        { path: 'k8s/values.yaml', kind: 'kubernetes', findings: [`${PRIVILEGED}@5`] },
        { path: 'web/Chart.yaml', kind: 'kubernetes', findings: [] },
        // The subchart has an appVersion for its empty tag to fall back on.
        { path: 'web/charts/cache/Chart.yaml', kind: 'kubernetes', findings: [] },
        { path: 'web/charts/cache/values.yaml', kind: 'helm-values', findings: [] },
        { path: 'web/values-dev.yaml', kind: 'helm-values', findings: [`${TAG}@1`] },
        { path: 'web/values.yaml', kind: 'helm-values', findings: [`${TAG}@2`] },
      ],
    );
  });

  it('accepts a template named on the command line and has nothing to say about it', () => {
    const run = runCli(['scan', '--format', 'compact', 'web/templates/deployment.yaml', ...onlyRulesArgs([TAG, PRIVILEGED])], project);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, 'No problems in 1 file.\n');
    assert.equal(run.status, 0);
  });
});
