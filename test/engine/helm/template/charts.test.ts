// Whole charts rendered and compared with the output `helm template` gives for them, written by
// hand under test/fixtures/helm/rendered/: the `helm create` scaffold with its defaults and with
// every optional block switched on, and a chart with library, conditional and global-reading
// subcharts, tpl, .Files, a config checksum and a Kubernetes version switch.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RenderCache, renderChart } from '../../../../engine/helm/template';
import { readChartFolder } from './renderHelpers';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'fixtures', 'helm');
const expected = (file: string): string => readFileSync(path.join(FIXTURES, 'rendered', file), 'utf8');

describe('whole charts, as helm template renders them', () => {
  const scaffold = readChartFolder(path.join(FIXTURES, 'scaffold'));

  it('renders the helm create scaffold with its defaults', () => {
    const result = renderChart({ files: scaffold });
    assert.deepEqual(result.problems, []);
    assert.deepEqual(Object.fromEntries(result.templates.map((t) => [t.name, t.text])), {
      'scaffold/templates/deployment.yaml': expected('scaffold/default/deployment.yaml'),
      // Disabled by default: only the line break after the closing {{- end }} is left.
      'scaffold/templates/ingress.yaml': '\n',
      'scaffold/templates/service.yaml': expected('scaffold/default/service.yaml'),
      'scaffold/templates/serviceaccount.yaml': expected('scaffold/default/serviceaccount.yaml'),
      'scaffold/templates/tests/test-connection.yaml': expected('scaffold/default/tests/test-connection.yaml'),
    });
  });

  it('renders the scaffold with a values file that switches every optional block on', () => {
    const result = renderChart({ files: scaffold, valuesFiles: [{ path: 'overrides.yaml', text: expected('scaffold/overrides/values.yaml') }] });
    assert.deepEqual(result.problems, []);
    assert.deepEqual(Object.fromEntries(result.templates.map((t) => [t.path, t.text])), {
      'templates/deployment.yaml': expected('scaffold/overrides/deployment.yaml'),
      'templates/ingress.yaml': expected('scaffold/overrides/ingress.yaml'),
      'templates/service.yaml': expected('scaffold/overrides/service.yaml'),
      'templates/serviceaccount.yaml': '\n',
      'templates/tests/test-connection.yaml': expected('scaffold/overrides/tests/test-connection.yaml'),
    });
  });

  it('renders a chart with subcharts, tpl, .Files and a config checksum', () => {
    const result = renderChart({ files: readChartFolder(path.join(FIXTURES, 'platform')) });
    assert.deepEqual(result.problems, []);
    assert.deepEqual(Object.fromEntries(result.templates.map((t) => [t.name, t.text])), {
      'platform/charts/worker/templates/deployment.yaml': expected('platform/charts/worker/deployment.yaml'),
      'platform/templates/configmap.yaml': expected('platform/configmap.yaml'),
      'platform/templates/deployment.yaml': expected('platform/deployment.yaml'),
      'platform/templates/hpa.yaml': expected('platform/hpa.yaml'),
      'platform/templates/secret.yaml': expected('platform/secret.yaml'),
    });
  });

  it('switches on the Kubernetes version it is given, and renders the conditional subchart when enabled', () => {
    const files = readChartFolder(path.join(FIXTURES, 'platform'));
    const result = renderChart({ files, capabilities: { kubeVersion: 'v1.22.5' }, valuesFiles: [{ path: 'metrics.yaml', text: 'metrics:\n  enabled: true\n' }] });
    assert.match(result.templates.find((t) => t.path === 'templates/hpa.yaml')!.text, /^\napiVersion: autoscaling\/v2beta2\n/);
    assert.deepEqual(result.problems, [
      { kind: 'required', severity: 'error', message: 'metrics.endpoint is required', file: 'charts/metrics/templates/servicemonitor.yaml', start: 13, end: 69, template: 'charts/metrics/templates/servicemonitor.yaml' },
    ]);
  });

  it('gives the same output from a cache, and reuses what it parsed', () => {
    const cache = new RenderCache();
    const first = renderChart({ files: scaffold, cache });
    assert.deepEqual(renderChart({ files: scaffold, cache }), first);
    assert.deepEqual(renderChart({ files: scaffold }), first);
    const text = scaffold.get('templates/service.yaml')!;
    const isFunction = () => true;
    assert.equal(cache.parse(text, 'scaffold/templates/service.yaml', isFunction), cache.parse(text, 'scaffold/templates/service.yaml', isFunction));
    assert.equal(cache.readValues(scaffold.get('values.yaml')!, 'values.yaml'), cache.readValues(scaffold.get('values.yaml')!, 'values.yaml'));
  });
});
