import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver/node';
import { TestClient, onlyRules } from './lspClient';

const TAG = 'helm/image-tag-latest';
const PRIVILEGED = 'kubernetes/privileged-container';
const VALUES = 'replicaCount: 1\nimage:\n  repository: nginx\n  tag: ""\n';
const EMPTY_TAG_MESSAGE =
  'image.tag is empty and Chart.yaml has no appVersion to fall back on, so the image resolves to latest. Pin a version tag here, or set appVersion in Chart.yaml.';
const TEMPLATE = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: {{ include "web.fullname" . }}',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: app',
  '          securityContext: {privileged: true}',
  '          {{- with .Values.resources }}',
  '          resources: {{- toYaml . | nindent 12 }}',
  '          {{- end }}',
  '',
].join('\n');

describe('language server: Helm charts', { timeout: 30_000 }, () => {
  let client: TestClient;
  let project: string;
  const uri = (relative: string) => pathToFileURL(path.join(project, relative)).href;

  before(async () => {
    project = mkdtempSync(path.join(tmpdir(), 'ballast-helm-'));
    mkdirSync(path.join(project, 'web', 'templates'), { recursive: true });
    writeFileSync(path.join(project, 'web', 'Chart.yaml'), 'apiVersion: v2\nname: web\nversion: 0.1.0\n');
    client = await TestClient.start({ settings: { rules: onlyRules({ [TAG]: 'default', [PRIVILEGED]: 'default' }) } });
  });
  after(async () => {
    await client.stop();
    rmSync(project, { recursive: true, force: true });
  });

  it('lints values.yaml with the chart in mind, and leaves templates alone', async () => {
    const values = client.open(uri('web/values.yaml'), VALUES, 'yaml');
    const diagnostics = await client.diagnostics(values);
    assert.deepEqual(
      diagnostics.map((d) => ({ code: d.code, range: d.range, message: d.message })),
      [{ code: TAG, range: { start: { line: 3, character: 7 }, end: { line: 3, character: 9 } }, message: EMPTY_TAG_MESSAGE }],
    );

    // Not YAML until rendered: no syntax error, no manifest finding on the privileged container.
    const template = client.open(uri('web/templates/deployment.yaml'), TEMPLATE, 'yaml');
    assert.deepEqual(await client.diagnostics(template), []);
  });

  it('reads Chart.yaml again when it changes on disk, and uses unsaved edits of an open Chart.yaml', async () => {
    const values = client.open(uri('web/values-prod.yaml'), VALUES, 'yaml');
    assert.equal((await client.diagnostics(values)).length, 1);

    writeFileSync(path.join(project, 'web', 'Chart.yaml'), 'apiVersion: v2\nname: web\nversion: 0.1.0\nappVersion: "1.16.0"\n');
    const published = client.publishedFor(values.uri).length;
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri('web/Chart.yaml'), type: FileChangeType.Changed }] });
    const relinted = await client.waitForDiagnostics(values.uri, () => client.publishedFor(values.uri).length > published);
    assert.deepEqual(relinted.diagnostics, []);

    // The user deletes appVersion in the editor, without saving: the values file hears of it.
    const chartFile = client.open(uri('web/Chart.yaml'), 'apiVersion: v2\nname: web\nversion: 0.1.0\nappVersion: "1.16.0"\n', 'yaml');
    const before = client.publishedFor(values.uri).length;
    chartFile.setText('apiVersion: v2\nname: web\nversion: 0.1.0\n');
    const again = await client.waitForDiagnostics(values.uri, () => client.publishedFor(values.uri).length > before);
    assert.deepEqual(again.diagnostics.map((d) => d.message), [EMPTY_TAG_MESSAGE]);
    chartFile.close();
    values.close();
  });

  it('lints YAML outside charts as manifests, even when it is named values.yaml', async () => {
    const manifest = client.open(uri('k8s/values.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - {name: a, image: "nginx:1.27", securityContext: {privileged: true}}\n', 'yaml');
    assert.deepEqual((await client.diagnostics(manifest)).map((d) => d.code), [PRIVILEGED]);
  });

  it('takes more values files from ballast.helm.valuesFiles', async () => {
    await client.changeSettings({ 'helm.valuesFiles': ['ci/*.yaml'], rules: onlyRules({ [TAG]: 'default' }) });
    // Chart.yaml on disk has an appVersion by now, so it is the latest tag that counts here.
    const ciValues = client.open(uri('web/ci/prod.yaml'), 'image:\n  repository: nginx\n  tag: latest\n', 'yaml');
    assert.deepEqual(
      (await client.diagnostics(ciValues)).map((d) => d.message),
      ['image.tag is latest: each node pulls whatever was pushed last, so pods of one release can run different code. Pin a version tag or a digest.'],
    );
  });
});
