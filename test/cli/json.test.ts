import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REFERENCE_RULES, buildCli, copyFixtureProject, removeDirectory, runCli } from './cliHarness';

const range = (startLine: number, startCharacter: number, endLine: number, endCharacter: number) => ({
  start: { line: startLine, character: startCharacter },
  end: { line: endLine, character: endCharacter },
});

describe('ballast scan --format json', () => {
  let project: string;
  before(async () => {
    await buildCli();
    project = copyFixtureProject();
  });
  after(() => removeDirectory(project));

  it('prints every scanned file with its findings, 0-based ranges and fix titles, and nothing else', () => {
    const run = runCli(['scan', '--format', 'json', ...REFERENCE_RULES], project);
    assert.equal(run.status, 0);
    assert.equal(run.stderr, '');
    assert.deepEqual(JSON.parse(run.stdout), {
      version: 1,
      files: [
        {
          path: 'Dockerfile',
          kind: 'dockerfile',
          findings: [
            {
              ruleId: 'dockerfile/image-tag-latest',
              severity: 'warning',
              message: 'Base image node:latest uses the latest tag. Pin a version tag.',
              range: range(0, 10, 0, 16),
              fixes: [],
            },
            {
              ruleId: 'dockerfile/no-root-user',
              severity: 'warning',
              message: 'The final stage runs as root (USER root). Switch to a non-root user.',
              range: range(3, 5, 3, 9),
              fixes: [{ title: 'Run as UID 10001 instead of root', kind: 'suggestion' }],
            },
          ],
        },
        { path: 'clean.dockerfile', kind: 'dockerfile', findings: [] },
        {
          path: 'services/api/Dockerfile',
          kind: 'dockerfile',
          findings: [
            {
              ruleId: 'dockerfile/image-tag-latest',
              severity: 'warning',
              message: 'Base image python has no tag, so it means latest. Pin a version tag.',
              range: range(0, 5, 0, 11),
              fixes: [],
            },
          ],
        },
      ],
    });
  });

  it('gives a file that could not be analysed an error and no findings', () => {
    mkdirSync(path.join(project, 'binary'));
    writeFileSync(path.join(project, 'binary', 'Dockerfile'), Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x00, 0x0a]));
    const run = runCli(['scan', 'binary', '--format', 'json'], project);
    assert.equal(run.status, 1);
    assert.deepEqual(JSON.parse(run.stdout), {
      version: 1,
      files: [
        {
          path: 'binary/Dockerfile',
          kind: 'dockerfile',
          findings: [],
          error: 'This file looks binary (it contains NUL or other control characters), so Ballast did not analyse it.',
        },
      ],
    });
  });

  it('prints an empty file list when nothing was found to scan', () => {
    mkdirSync(path.join(project, 'nothing-here'));
    const run = runCli(['scan', 'nothing-here', '--format', 'json'], project);
    assert.deepEqual(run, { status: 0, stdout: '{\n  "version": 1,\n  "files": []\n}\n', stderr: '' });
  });
});
