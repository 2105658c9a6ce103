import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../../engine';
import { splitDocuments } from '../../../engine/kubernetes/documents';

describe('splitting a YAML stream into documents', () => {
  it('splits at --- lines and after ... lines, leaving comments above a marker with the document before', () => {
    assert.deepEqual(splitDocuments('a: 1\n# note\n\n---\nb: 2\n...\nc: 3\n'), [
      { offset: 0, text: 'a: 1\n# note\n\n' },
      { offset: 13, text: '---\nb: 2\n...\n' },
      { offset: 26, text: 'c: 3\n' },
    ]);
  });

  it('keeps directives with the document they precede, at the top of the stream or after ...', () => {
    assert.deepEqual(splitDocuments('%YAML 1.1\n---\na: 1\n'), [{ offset: 0, text: '%YAML 1.1\n---\na: 1\n' }]);
    assert.deepEqual(splitDocuments('a: 1\n...\n%TAG !e! tag:example.com,2000:\n# handles\r\n---\nb: !e!x 2\n'), [
      { offset: 0, text: 'a: 1\n...\n' },
      { offset: 9, text: '%TAG !e! tag:example.com,2000:\n# handles\r\n---\nb: !e!x 2\n' },
    ]);
  });

  it('reports no syntax error for directives or for tags declared by them', () => {
    const text = [
      '%YAML 1.1',
      '---',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: a}',
      '...',
      '%TAG !e! tag:example.com,2000:',
      '---',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: b}',
      'data: {x: !e!thing y}',
      '',
    ].join('\n');
    for (const kind of ['kubernetes', 'helm-values'] as const) {
      assert.deepEqual(lint({ text, kind }).findings.filter((finding) => finding.ruleId.startsWith('ballast/')), [], kind);
    }
  });
});
