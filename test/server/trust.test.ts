import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { TRUST_RESTRICTED_SETTINGS } from '../../engine';
import { WORKSPACE_TRUSTED_NOTIFICATION } from '../../server/protocol';
import { ROOT, TestClient, onlyRules } from './lspClient';

const REGISTRY = 'dockerfile/untrusted-registry';
const DOCKERFILE = 'FROM evil.example.com/base:1.0\nUSER 10001\n';
const CONFIG = 'trustedRegistries:\n  - evil.example.com\nhelm:\n  valuesFiles: ["../../**/*.yaml"]\nprofile: recommended\n';

describe('language server: Workspace Trust', { timeout: 30_000 }, () => {
  let client: TestClient;
  let project: string;
  const uri = (relative: string) => pathToFileURL(path.join(project, relative)).href;

  before(async () => {
    project = mkdtempSync(path.join(tmpdir(), 'ballast-trust-'));
    writeFileSync(path.join(project, '.ballast.yaml'), CONFIG);
    client = await TestClient.start({
      settings: { rules: onlyRules({ [REGISTRY]: 'default' }), trustedRegistries: ['docker.io'] },
      initializationOptions: { workspaceTrusted: false },
    });
  });
  after(async () => {
    await client.stop();
    rmSync(project, { recursive: true, force: true });
  });

  it('ignores what a .ballast.yaml says to widen trust until the workspace is trusted, and says so in the file', async () => {
    const dockerfile = client.open(uri('Dockerfile'), DOCKERFILE);
    assert.deepEqual((await client.diagnostics(dockerfile)).map((d) => d.code), [REGISTRY]);

    const config = client.open(uri('.ballast.yaml'), CONFIG, 'yaml');
    assert.deepEqual(
      (await client.diagnostics(config)).map((d) => [d.severity, d.range.start.line, d.range.start.character, d.range.end.character, d.message]),
      [
        [3, 0, 0, 17, 'trustedRegistries is ignored until you trust this workspace: in a workspace you have not trusted, it comes from your user settings only.'],
        [3, 3, 2, 13, 'helm.valuesFiles is ignored until you trust this workspace: in a workspace you have not trusted, it comes from your user settings only.'],
      ],
    );

    const published = client.publishedFor(dockerfile.uri).length;
    await client.connection.sendNotification(WORKSPACE_TRUSTED_NOTIFICATION);
    const next = await client.waitForDiagnostics(dockerfile.uri, () => client.publishedFor(dockerfile.uri).length > published);
    assert.deepEqual(next.diagnostics, []);
    assert.deepEqual(await client.waitForDiagnostics(config.uri, (p) => p.diagnostics.length === 0).then((p) => p.diagnostics), []);
  });

  it('declares the same settings to VS Code as restricted, so workspace settings cannot set them either', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } } };
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, TRUST_RESTRICTED_SETTINGS.map((key) => `ballast.${key}`));
  });
});
