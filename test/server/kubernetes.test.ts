import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction } from 'vscode-languageserver/node';
import { TestClient, onlyRules } from './lspClient';

const PRIVILEGED = 'kubernetes/privileged-container';

const MANIFEST = [
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata: {name: settings}',
  '---',
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: app',
  '          image: nginx:1.27',
  '          securityContext:',
  '            privileged: true # for /dev access',
  '',
].join('\n');

describe('language server: Kubernetes manifests', { timeout: 30_000 }, () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ settings: { rules: onlyRules({ [PRIVILEGED]: 'default' }) } });
  });
  after(() => client.stop());

  it('lints a YAML manifest, puts the finding on the value and fixes it in place', async () => {
    const document = client.open('file:///project/k8s/deploy.yaml', MANIFEST, 'yaml');
    const diagnostics = await client.diagnostics(document);
    assert.deepEqual(
      diagnostics.map((d) => ({ code: d.code, source: d.source, range: d.range, message: d.message })),
      [
        {
          code: PRIVILEGED,
          source: 'Ballast',
          range: { start: { line: 15, character: 24 }, end: { line: 15, character: 28 } },
          message: 'Container app is privileged: root in it is root on the node. Set privileged: false and add only the capabilities it needs.',
        },
      ],
    );
    const actions = (await client.codeActions(document, diagnostics[0]!.range, diagnostics)) as CodeAction[];
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Set privileged: false (changes behaviour)', `Disable ${PRIVILEGED} for this line`, `Disable ${PRIVILEGED} for this file`, `Show documentation for ${PRIVILEGED}`],
    );
    document.edit(actions[0]!.edit!.changes![document.uri]!);
    assert.equal(document.text, MANIFEST.replace('privileged: true # for', 'privileged: false # for'));
    assert.deepEqual(await client.diagnostics(document), []);
  });

  it('reports a YAML syntax error in a manifest once, and nothing for YAML that is not a manifest', async () => {
    const broken = client.open('file:///project/k8s/broken.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: [}\n', 'yaml');
    const diagnostics = await client.diagnostics(broken);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line]), [['ballast/yaml-syntax', 2]]);
    const workflow = client.open('file:///project/.github/workflows/ci.yml', 'on: push\njobs: {build: {runs-on: [}\n', 'yaml');
    assert.deepEqual(await client.diagnostics(workflow), []);
  });
});
