import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { fixAll, lint } from '../../../engine';

const MANIFEST = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web # the shop front',
  'spec:',
  '  template:',
  '    spec:',
  '      serviceAccount: web',
  '      hostNetwork: true',
  '      containers:',
  '        - name: app',
  '          image: nginx:1.27',
  '          securityContext: {privileged: true}',
  '          ports:',
  '            - containerPort: 8080',
  '              hostPort: 0',
  '        - name: sidecar # logs',
  '          image: busybox:1.36',
  '---',
  'apiVersion: v1',
  'kind: Pod',
  'metadata: {name: debug}',
  'spec:',
  '  containers: [{name: shell, image: "alpine:3.20", securityContext: {runAsUser: 0}}]',
  '',
].join('\r\n');

const fixableIds = (text: string, kinds: readonly string[]) =>
  lint({ text, kind: 'kubernetes' })
    .findings.filter((f) => f.fixes.some((fix) => kinds.includes(fix.kind)))
    .map((f) => `${f.ruleId}@${f.range.start.line}`);

describe('fix-all on manifests', () => {
  it('composes every safe fix in one pass: valid YAML, comments and CRLF kept, nothing safe left', () => {
    const { text, applied } = fixAll({ text: MANIFEST, kind: 'kubernetes' });
    assert.ok(applied >= 2, `applied ${applied}`);
    assert.ok(text.includes('serviceAccountName: web') && !text.includes('hostPort: 0'));
    assert.ok(text.includes('# the shop front') && text.includes('# logs'));
    assert.ok(!/[^\r]\n/.test(text), 'CRLF everywhere');
    for (const doc of parseAllDocuments(text)) assert.deepEqual(doc.errors, []);
    assert.deepEqual(fixableIds(text, ['safe']), []);
    assert.equal(fixAll({ text, kind: 'kubernetes' }).text, text, 'idempotent');
  });

  it('with suggestions too, every finding that had a fix is gone and the YAML still parses', () => {
    const { text } = fixAll({ text: MANIFEST, kind: 'kubernetes' }, ['safe', 'suggestion']);
    for (const doc of parseAllDocuments(text)) assert.deepEqual(doc.errors, [], text);
    assert.deepEqual(fixableIds(text, ['safe', 'suggestion']), [], text);
    assert.ok(text.includes('# the shop front') && text.includes('# logs'));
  });
});
