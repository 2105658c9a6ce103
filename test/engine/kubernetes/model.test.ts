import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex, YAML_SYNTAX_ID, fixAll, lint } from '../../../engine';
import { yamlSpanBelow } from '../../../engine/kubernetes/lint';
import { parseKubernetes } from '../../../engine/kubernetes/model';

const summary = (text: string) =>
  parseKubernetes(text).objects.map((o) => ({
    kind: o.kind,
    name: o.name,
    specs: o.podSpecs.map((s) => `${s.path.join('.')}: ${s.containers.map((c) => `${c.group}/${c.name}`).join(', ')}`),
  }));

describe('recognising Kubernetes objects', () => {
  it('finds pod specs of Pods, workloads, CronJobs and custom resources, with every container group', () => {
    const text = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  initContainers: [{name: init}]',
      '  containers: [{name: app}]',
      '  ephemeralContainers: [{name: debug}]',
      '---',
      'apiVersion: batch/v1',
      'kind: CronJob',
      'metadata: {name: nightly}',
      'spec:',
      '  jobTemplate:',
      '    spec:',
      '      template:',
      '        spec:',
      '          containers:',
      '          - name: job',
      '---',
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Rollout',
      'metadata: {name: r}',
      'spec: {template: {spec: {containers: [{name: web}]}}}',
      '---',
      'apiVersion: example.com/v1',
      'kind: Widget',
      'metadata: {name: w}',
      'spec: {template: {spec: {replicas: 2}}}',
    ].join('\n');
    assert.deepEqual(summary(text), [
      { kind: 'Pod', name: 'p', specs: ['spec: initContainers/init, containers/app, ephemeralContainers/debug'] },
      { kind: 'CronJob', name: 'nightly', specs: ['spec.jobTemplate.spec.template.spec: containers/job'] },
      { kind: 'Rollout', name: 'r', specs: ['spec.template.spec: containers/web'] },
      { kind: 'Widget', name: 'w', specs: [] },
    ]);
  });

  it('reads the items of a List, and leaves YAML without apiVersion and kind alone', () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: apps/v1\n  kind: Deployment\n  metadata: {name: d}\n  spec: {template: {spec: {containers: [{name: a}]}}}\n---\nname: CI\non: push\n';
    assert.deepEqual(summary(text), [{ kind: 'Deployment', name: 'd', specs: ['spec.template.spec: containers/a'] }]);
  });

  it('follows aliases without expanding them', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - &app {name: app}\n  - *app\n';
    assert.deepEqual(summary(text), [{ kind: 'Pod', name: 'p', specs: ['spec: containers/app, containers/app'] }]);
  });
});

describe('YAML syntax errors', () => {
  it('are reported once per broken manifest document, and do not hide the other documents', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: [}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n';
    const findings = lint({ text, kind: 'kubernetes' }).findings.filter((f) => f.ruleId === YAML_SYNTAX_ID);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.range.start.line, 2);
    assert.match(findings[0]!.message, /^YAML syntax error: .+\. Ballast checks this document again once it parses\.$/);
    // The parser recovers what it can, so findings elsewhere in a half-typed document stay put.
    assert.equal(parseKubernetes(text).objects.map((o) => o.kind).join(), 'Pod,ConfigMap');
  });

  it('leave the findings of a broken document without fixes, so fix-all cannot repeat an edit it cannot read back', () => {
    const broken = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: wget\n      image: busybox\n      args: ['\n";
    const { findings } = lint({ text: broken, kind: 'kubernetes' });
    assert.ok(findings.some((f) => f.ruleId === 'kubernetes/automount-service-account-token'), findings.map((f) => f.ruleId).join());
    assert.deepEqual(findings.filter((f) => f.fixes.length > 0), []);
    assert.deepEqual(fixAll({ text: broken, kind: 'kubernetes' }, ['safe', 'suggestion']), { text: broken, applied: 0 });
    // The document that parses keeps its fixes.
    const fine = `apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: s}\n---\n${broken}`;
    assert.ok(lint({ text: fine, kind: 'kubernetes' }).findings.some((f) => f.range.start.line < 3 && f.fixes.length > 0));
  });

  it('are not reported for YAML that is not a manifest, nor for Helm templates', () => {
    assert.deepEqual(lint({ text: 'name: [broken\n', kind: 'kubernetes' }).findings, []);
    const template = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "x.fullname" . }}\n  {{- with .Values.labels }}\n';
    assert.deepEqual(lint({ text: template, kind: 'kubernetes' }).findings, []);
  });
});

describe('which lines a suppression comment covers in YAML', () => {
  const text = [
    'spec:', // 0
    '  containers:', // 1
    '  # ballast-ignore x', // 2
    '  - name: app', // 3
    '    image: nginx', // 4
    '    securityContext:', // 5
    '      # ballast-ignore y', // 6
    '      privileged: true', // 7
    '  - name: sidecar', // 8
    '# ballast-ignore z', // 9
    'containers:', // 10
    '- name: a', // 11
    '', // 12
  ].join('\n');
  const lines = new LineIndex(text);

  it('a sequence item with everything under it', () => assert.deepEqual(yamlSpanBelow(lines, 2), { first: 3, last: 7 }));
  it('a single key', () => assert.deepEqual(yamlSpanBelow(lines, 6), { first: 7, last: 7 }));
  it('a key with an indentless sequence', () => assert.deepEqual(yamlSpanBelow(lines, 9), { first: 10, last: 11 }));

  it("above a document's first key, the whole object up to the next document", () => {
    const manifest = new LineIndex('# ballast-ignore a\napiVersion: v1\nkind: Pod\nspec: {}\n---\n# ballast-ignore b\napiVersion: v1\nkind: Pod\n');
    assert.deepEqual(yamlSpanBelow(manifest, 0), { first: 1, last: 3 });
    assert.deepEqual(yamlSpanBelow(manifest, 5), { first: 6, last: 8 });
  });
});
