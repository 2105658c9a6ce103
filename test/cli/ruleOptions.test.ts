import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type * as Sarif from 'sarif';
import { buildCli, copyFixtureProject, onlyRulesArgs, removeDirectory, runCli } from './cliHarness';

const UNTRUSTED = 'dockerfile/untrusted-registry';
const PREFER_COPY = 'dockerfile/prefer-copy';

describe('ballast scan: options that feed rules', () => {
  let project: string;
  before(async () => {
    await buildCli();
    project = copyFixtureProject();
    mkdirSync(path.join(project, 'registry'));
    writeFileSync(path.join(project, 'registry', 'Dockerfile'), 'FROM ghcr.io/acme/base:1.0\nFROM node:22\n');
    mkdirSync(path.join(project, 'add'));
    writeFileSync(path.join(project, 'add', 'Dockerfile'), 'FROM node:22\nADD app.js /srv/app.js\n');
  });
  after(() => removeDirectory(project));

  it('--trusted-registry sets the registries base images may come from, repeatably', () => {
    const scan = (...registries: string[]) => runCli(['scan', '--format', 'compact', 'registry', ...onlyRulesArgs([UNTRUSTED]), ...registries.flatMap((r) => ['--trusted-registry', r])], project).stdout;
    assert.equal(scan(), '', 'the rule is silent without trusted registries');
    assert.equal(
      scan('docker.io'),
      'registry/Dockerfile:1:6 error dockerfile/untrusted-registry Base image ghcr.io/acme/base:1.0 is not from a trusted registry (ballast.trustedRegistries: docker.io). Use an image from a trusted registry, or add its registry to the setting.\n',
    );
    assert.equal(scan('docker.io', 'ghcr.io/acme'), '');
  });

  it('carries a safe fix into SARIF as a replacement GitHub can apply', () => {
    const run = runCli(['scan', 'add', '--format', 'sarif', ...onlyRulesArgs([PREFER_COPY])], project);
    const result = (JSON.parse(run.stdout) as Sarif.Log).runs[0]!.results![0]!;
    assert.equal(result.ruleId, PREFER_COPY);
    assert.deepEqual(result.fixes, [
      {
        description: { text: 'Replace ADD with COPY' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'add/Dockerfile', uriBaseId: '%SRCROOT%' },
            replacements: [{ deletedRegion: { startLine: 2, startColumn: 1, endLine: 2, endColumn: 4 }, insertedContent: { text: 'COPY' } }],
          },
        ],
      },
    ]);
  });
});
