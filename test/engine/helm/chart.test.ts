import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chartFileRole, classifyFile, findChart, lint, parseChartMetadata, YAML_SYNTAX_ID, type ChartLocation } from '../../../engine';

/** A file system of Chart.yaml files, as findChart reads it. */
function files(entries: Record<string, string>): (path: string) => string | undefined {
  return (path) => entries[path];
}

describe('Helm charts', () => {
  describe('parseChartMetadata', () => {
    it('reads name and appVersion, numbers as written', () => {
      assert.deepEqual(parseChartMetadata('apiVersion: v2\nname: web\nversion: 0.1.0\nappVersion: 1.16\n'), { name: 'web', appVersion: '1.16' });
      assert.deepEqual(parseChartMetadata('apiVersion: v2\nname: web\nappVersion: "1.16.0"\n'), { name: 'web', appVersion: '1.16.0' });
    });

    it('treats an empty, missing or half-typed appVersion as none', () => {
      assert.deepEqual(parseChartMetadata('apiVersion: v2\nname: web\nappVersion: ""\n'), { name: 'web', appVersion: undefined });
      assert.deepEqual(parseChartMetadata('apiVersion: v2\nname: web\nappVersion:\n'), { name: 'web', appVersion: undefined });
      assert.deepEqual(parseChartMetadata('name: [web\n'), { name: undefined, appVersion: undefined });
      assert.deepEqual(parseChartMetadata('\u0000\u0001 binary'), { name: undefined, appVersion: undefined });
    });
  });

  describe('findChart', () => {
    const fs = files({
      '/repo/charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nappVersion: 2.0.0\n',
      '/repo/charts/web/charts/redis/Chart.yaml': 'apiVersion: v2\nname: redis\n',
    });

    it('finds the nearest Chart.yaml above a file', () => {
      assert.deepEqual(findChart('/repo/charts/web/values.yaml', fs), { root: '/repo/charts/web', metadata: { name: 'web', appVersion: '2.0.0' } });
      assert.deepEqual(findChart('/repo/charts/web/templates/deployment.yaml', fs)?.root, '/repo/charts/web');
    });

    it('gives a subchart its own chart', () => {
      assert.deepEqual(findChart('/repo/charts/web/charts/redis/values.yaml', fs), { root: '/repo/charts/web/charts/redis', metadata: { name: 'redis', appVersion: undefined } });
    });

    it('finds nothing outside charts, and reads Windows paths with / separators', () => {
      assert.equal(findChart('/repo/k8s/deploy.yaml', fs), undefined);
      const windows = files({ 'C:/work/chart/Chart.yaml': 'name: w\n' });
      assert.equal(findChart('C:\\work\\chart\\values.yaml', windows)?.root, 'C:/work/chart');
    });
  });

  describe('chartFileRole', () => {
    it('names values files the way Helm users do', () => {
      for (const path of ['values.yaml', 'values.yml', 'values-prod.yaml', 'values.staging.yaml', 'env/values-eu.yaml']) assert.equal(chartFileRole(path), 'values', path);
      for (const path of ['Chart.yaml', 'values.schema.json', 'ci/prod.yaml', 'myvalues.yaml', 'values.yaml.bak']) assert.equal(chartFileRole(path), undefined, path);
    });

    it('takes everything under templates/ and *.tpl as templates', () => {
      for (const path of ['templates/deployment.yaml', 'templates/values.yaml', 'templates/tests/test.yaml', '_helpers.tpl', 'files/x.tpl']) assert.equal(chartFileRole(path), 'template', path);
    });

    it('adds the configured globs', () => {
      assert.equal(chartFileRole('ci/prod.yaml', ['ci/*.yaml']), 'values');
      assert.equal(chartFileRole('ci/deep/prod.yaml', ['ci/*.yaml']), undefined);
      assert.equal(chartFileRole('ci/deep/prod.yaml', ['ci/**/*.yaml']), 'values');
      assert.equal(chartFileRole('.ci/prod.yaml', ['**/prod.yaml']), 'values');
    });
  });

  describe('classifyFile', () => {
    const chart: ChartLocation = { root: '/repo/chart', metadata: { name: 'web', appVersion: '1.0.0' } };

    it('tells values, templates and manifests apart in a chart', () => {
      assert.deepEqual(classifyFile('/repo/chart/values.yaml', { chart }), { kind: 'helm-values', chart: chart.metadata, overridesChartValues: false });
      assert.deepEqual(classifyFile('/repo/chart/values-prod.yaml', { chart }), { kind: 'helm-values', chart: chart.metadata, overridesChartValues: true });
      assert.deepEqual(classifyFile('/repo/chart/templates/deployment.yaml', { chart, languageId: 'yaml' }), { kind: 'helm-template' });
      assert.deepEqual(classifyFile('/repo/chart/Chart.yaml', { chart }), { kind: 'kubernetes' });
      assert.deepEqual(classifyFile('/repo/chart/Dockerfile', { chart }), { kind: 'dockerfile' });
    });

    it('reads values files outside charts only when the globs name them, relative to the root', () => {
      assert.deepEqual(classifyFile('/repo/deploy/values.yaml', { root: '/repo' }), { kind: 'kubernetes' });
      assert.deepEqual(classifyFile('/repo/deploy/prod-values.yaml', { root: '/repo', valuesGlobs: ['deploy/*-values.yaml'] }), { kind: 'helm-values', overridesChartValues: true });
      assert.deepEqual(classifyFile('/elsewhere/deploy/prod-values.yaml', { root: '/repo', valuesGlobs: ['deploy/*-values.yaml'] }), { kind: 'kubernetes' });
    });

    it('leaves files Ballast does not lint alone', () => {
      assert.equal(classifyFile('/repo/chart/README.md', { chart }), undefined);
      assert.equal(classifyFile('/repo/chart/.dockerignore', { chart }), undefined);
    });
  });

  describe('linting chart files', () => {
    const TEMPLATE = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "web.fullname" . }}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          securityContext:\n            privileged: true\n';

    it('says nothing about templates, not even syntax errors', () => {
      assert.deepEqual(lint({ text: TEMPLATE, kind: 'helm-template' }), { findings: [], ruleFailures: [] });
      assert.deepEqual(lint({ text: '{{- if .Values.x }}\nkey: [\n{{- end }}\n', kind: 'helm-template' }).findings, []);
    });

    it('reports a syntax error in a values file once, at its position', () => {
      const { findings } = lint({ text: 'image:\n  repository: nginx\n  tag: [1.0\nreplicaCount: 1\n', kind: 'helm-values', chart: { name: 'web', appVersion: '1.0' } });
      assert.deepEqual(
        findings.filter((f) => f.ruleId.startsWith('ballast/')).map((f) => ({ ruleId: f.ruleId, line: f.range.start.line })),
        [{ ruleId: YAML_SYNTAX_ID, line: 3 }],
      );
    });

    it('lints a values file without manifest rules: a manifest-looking values file is still values', () => {
      const text = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      image: nginx:1.27\n      securityContext: {privileged: true}\n';
      const ids = lint({ text, kind: 'helm-values' }).findings.map((f) => f.ruleId);
      assert.ok(!ids.some((id) => id.startsWith('kubernetes/')), ids.join(', '));
    });
  });
});
