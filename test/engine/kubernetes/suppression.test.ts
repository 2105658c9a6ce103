import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, lint, suppressionEdit } from '../../../engine';

const PRIVILEGED = 'kubernetes/privileged-container';

const pod = (annotations: string, beforePrivileged = '') =>
  [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: web',
    ...(annotations ? ['  annotations:', ...annotations.split('\n').map((a) => `    ${a}`)] : []),
    'spec:',
    '  containers:',
    '    - name: app',
    '      securityContext:',
    ...(beforePrivileged ? [`        ${beforePrivileged}`] : []),
    '        privileged: true',
    '',
  ].join('\n');

const ids = (text: string, settings = {}) => lint({ text, kind: 'kubernetes', settings }).findings.map((f) => f.ruleId).filter((id) => id === PRIVILEGED);

describe("other tools' suppressions in manifests", () => {
  it('without one, the finding is there', () => assert.deepEqual(ids(pod('')), [PRIVILEGED]));
  it("Checkov's skip annotation", () => assert.deepEqual(ids(pod('checkov.io/skip1: CKV_K8S_16=node agent')), []));
  it("kube-linter's ignore-check annotation", () => assert.deepEqual(ids(pod('ignore-check.kube-linter.io/privileged-container: "node agent"')), []));
  it("Trivy's comment above the line, in any spelling of the id", () => {
    assert.deepEqual(ids(pod('', '# trivy:ignore:KSV017')), []);
    assert.deepEqual(ids(pod('', '#trivy:ignore:AVD-KSV-0017')), []);
  });
  it('a skip for another check does not hide it', () => assert.deepEqual(ids(pod('checkov.io/skip1: CKV_K8S_20=other')), [PRIVILEGED]));
  it('all are ignored when honorOtherToolIgnores is off', () => {
    assert.deepEqual(ids(pod('checkov.io/skip1: CKV_K8S_16=x'), { honorOtherToolIgnores: false }), [PRIVILEGED]);
    assert.deepEqual(ids(pod('', '# trivy:ignore:KSV-0017'), { honorOtherToolIgnores: false }), [PRIVILEGED]);
  });
});

describe('disable actions in manifests', () => {
  it('disable for this line puts the comment above the key with its indentation, and clears the finding', () => {
    const text = pod('');
    const { edit, cursor } = suppressionEdit({ text, kind: 'kubernetes' }, PRIVILEGED, 8, 'line');
    const fixed = applyEdits(text, [edit]);
    assert.equal(fixed, pod('', '# ballast-ignore kubernetes/privileged-container -- '));
    assert.deepEqual(cursor, { line: 8, character: fixed.split('\n')[8]!.length });
    assert.deepEqual(ids(fixed), []);
  });

  it('disable for this file goes on the first line and clears the finding', () => {
    const text = pod('');
    const fixed = applyEdits(text, [suppressionEdit({ text, kind: 'kubernetes' }, PRIVILEGED, 8, 'file').edit]);
    assert.equal(fixed, `# ballast-ignore-file kubernetes/privileged-container -- \n${text}`);
    assert.deepEqual(ids(fixed), []);
  });
});
