import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildCli, onlyRulesArgs, removeDirectory, runCli } from './cliHarness';

const PRIVILEGED = 'kubernetes/privileged-container';

describe('ballast scan on Kubernetes manifests', () => {
  let project: string;
  before(async () => {
    await buildCli();
    project = mkdtempSync(path.join(tmpdir(), 'ballast-cli-k8s-'));
    writeFileSync(
      path.join(project, 'web.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          securityContext: {privileged: true}\n',
    );
    writeFileSync(path.join(project, 'workflow.yml'), 'on: push\njobs: {}\n');
  });
  after(() => removeDirectory(project));

  it('lints every YAML file and names the object and container of each finding in JSON', () => {
    const run = runCli(['scan', '--format', 'json', ...onlyRulesArgs([PRIVILEGED])], project);
    assert.equal(run.stderr, '');
    assert.equal(run.status, 1);
    assert.deepEqual(JSON.parse(run.stdout), {
      version: 1,
      files: [
        {
          path: 'web.yaml',
          kind: 'kubernetes',
          findings: [
            {
              ruleId: PRIVILEGED,
              severity: 'error',
              message: 'Container app is privileged: root in it is root on the node. Set privileged: false and add only the capabilities it needs.',
              range: { start: { line: 12, character: 40 }, end: { line: 12, character: 44 } },
              fixes: [{ title: 'Set privileged: false', kind: 'suggestion' }],
              object: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'shop', container: 'app' },
            },
          ],
        },
        { path: 'workflow.yml', kind: 'kubernetes', findings: [] },
      ],
    });
  });

  it('prints text lines for manifests like for Dockerfiles', () => {
    const run = runCli(['scan', '--format', 'compact', ...onlyRulesArgs([PRIVILEGED])], project);
    assert.equal(run.stdout, `web.yaml:13:41 error ${PRIVILEGED} Container app is privileged: root in it is root on the node. Set privileged: false and add only the capabilities it needs.\n`);
  });
});
