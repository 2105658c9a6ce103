import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver/node';
import { TestClient, onlyRules } from './lspClient';

const TAG = 'dockerfile/image-tag-latest';
const ROOT_USER = 'dockerfile/no-root-user';
const DOCKERFILE = 'FROM node:latest\nUSER root\n';

describe('language server: .ballast.yaml', { timeout: 30_000 }, () => {
  let client: TestClient;
  let project: string;
  const uri = (relative: string) => pathToFileURL(path.join(project, relative)).href;
  const codes = async (document: ReturnType<TestClient['open']>) => (await client.diagnostics(document)).map((d) => d.code);

  before(async () => {
    project = mkdtempSync(path.join(tmpdir(), 'ballast-config-'));
    mkdirSync(path.join(project, 'api', 'generated'), { recursive: true });
    writeFileSync(path.join(project, '.ballast.yaml'), `rules:\n  ${TAG}: off\n`);
    client = await TestClient.start({ settings: { rules: onlyRules({ [TAG]: 'default', [ROOT_USER]: 'default' }) } });
  });
  after(async () => {
    await client.stop();
    rmSync(project, { recursive: true, force: true });
  });

  it('applies the nearest configuration over the user settings', async () => {
    const dockerfile = client.open(uri('api/Dockerfile'), DOCKERFILE);
    assert.deepEqual(await codes(dockerfile), [ROOT_USER]);
    dockerfile.close();
  });

  it('re-lints open files when the configuration changes on disk or in the editor', async () => {
    const dockerfile = client.open(uri('web/Dockerfile'), DOCKERFILE);
    assert.deepEqual(await codes(dockerfile), [ROOT_USER]);

    writeFileSync(path.join(project, '.ballast.yaml'), `rules:\n  ${ROOT_USER}: off\n`);
    let published = client.publishedFor(dockerfile.uri).length;
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri('.ballast.yaml'), type: FileChangeType.Changed }] });
    let next = await client.waitForDiagnostics(dockerfile.uri, () => client.publishedFor(dockerfile.uri).length > published);
    assert.deepEqual(next.diagnostics.map((d) => d.code), [TAG]);

    const config = client.open(uri('.ballast.yaml'), `rules:\n  ${ROOT_USER}: off\n`, 'yaml');
    assert.deepEqual(await client.diagnostics(config), []);
    published = client.publishedFor(dockerfile.uri).length;
    config.setText(`rules:\n  ${ROOT_USER}: off\n  ${TAG}: off\n`);
    next = await client.waitForDiagnostics(dockerfile.uri, () => client.publishedFor(dockerfile.uri).length > published);
    assert.deepEqual(next.diagnostics, []);
    config.close();
    dockerfile.close();
  });

  it('shows what is wrong in the configuration file itself, and still applies its valid part', async () => {
    writeFileSync(path.join(project, 'api', '.ballast.yml'), '');
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri('api/.ballast.yml'), type: FileChangeType.Created }] });
    const text = `rules:\n  ${TAG}: loud\n  ${ROOT_USER}: off\nprofle: pss-baseline\n`;
    const config = client.open(uri('api/.ballast.yml'), text, 'yaml');
    const diagnostics = await client.diagnostics(config);
    assert.deepEqual(
      diagnostics.map((d) => ({ code: d.code, severity: d.severity, range: d.range, message: d.message })),
      [
        {
          code: 'ballast/config',
          severity: 1,
          range: { start: { line: 1, character: 31 }, end: { line: 1, character: 35 } },
          message: `rules.${TAG} must be one of "off", "info", "warning", "error": it is ignored.`,
        },
        {
          code: 'ballast/config',
          severity: 1,
          range: { start: { line: 3, character: 0 }, end: { line: 3, character: 6 } },
          message: 'profle is not a Ballast setting: it is ignored. Settings are profile, rules, trustedRegistries, exclude, honorOtherToolIgnores, helm and maxFileSizeMB.',
        },
      ],
    );
    // The nearest file wins: its valid part turns no-root-user off, and the invalid entry leaves the
    // user's severity for the tag rule.
    const dockerfile = client.open(uri('api/worker.Dockerfile'), DOCKERFILE);
    assert.deepEqual(await codes(dockerfile), [TAG]);
    dockerfile.close();
    config.close();
  });

  it('leaves files that ballast.exclude or a configuration excludes alone', async () => {
    writeFileSync(path.join(project, 'api', '.ballast.yml'), 'exclude: [generated/**]\n');
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri('api/.ballast.yml'), type: FileChangeType.Changed }] });
    const generated = client.open(uri('api/generated/Dockerfile'), DOCKERFILE);
    await client.settle();
    assert.deepEqual(client.publishedFor(generated.uri), []);
    generated.close();
  });
});
