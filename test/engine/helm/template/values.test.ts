// Values as Helm reads and merges them: go-yaml v2 typing, anchors and merge keys, user files over
// values.yaml (maps merge, lists replace, null deletes), subcharts, globals, dependency conditions,
// tags and aliases; and the problems of charts that cannot be read.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderChart } from '../../../../engine/helm/template';
import { CHART_YAML, chartFiles, render } from './renderHelpers';

const SUB_CHART = 'apiVersion: v2\nname: sub\nversion: 1.0.0\n';

/** The rendered text of each template, by path. */
function renderAll(files: Record<string, string>, valuesFiles: { path: string; text: string }[] = []): Record<string, string> {
  const result = renderChart({ files, valuesFiles });
  assert.deepEqual(result.problems, []);
  return Object.fromEntries(result.templates.map((t) => [t.path, t.text]));
}

describe('values', () => {
  it('types scalars as go-yaml v2 does, with every number a float64', () => {
    const values = 'a: yes\nb: off\nc: ~\nd: 0777\ne: 0x1F\nf: 1_000\ng: 2024-01-01\nh: 1:20\ni: "yes"\nj: !!str 123\nk: !!int "5"\nl: 1e3\nm: .5\n';
    assert.equal(
      render('{{ range $k, $v := .Values }}{{ $k }}={{ printf "%T:%v" $v $v }} {{ end }}', values),
      'a=bool:true b=bool:false c=<nil>:<nil> d=float64:511 e=float64:31 f=float64:1000 g=string:2024-01-01 h=string:1:20 i=string:yes j=string:123 k=float64:5 l=float64:1000 m=float64:0.5 ',
    );
  });

  it('reads YAML 1.1 boolean keys as true and false', () => {
    assert.equal(render('{{ index .Values "true" }} {{ index .Values "false" }} {{ .Values.y }}', 'y: 1\nn: 2\n'), '1 2 ');
  });

  it('expands anchors, aliases and merge keys, the mapping\'s own keys winning', () => {
    assert.equal(render('{{ toJson .Values.derived }} {{ toJson .Values.list }}', 'base: &base {a: 1, b: 2}\nderived:\n  <<: *base\n  b: 3\nlist: [*base]\n'), '{"a":1,"b":3} [{"a":1,"b":2}]');
  });

  it('merges values files over values.yaml: maps merge, lists replace, null deletes a default', () => {
    const files = Object.fromEntries(chartFiles('{{ toJson .Values }}', 'image: {repo: nginx, tag: "1"}\nports: [80, 443]\nextra: {keep: 1}\n'));
    const text = renderAll(files, [{ path: 'prod.yaml', text: 'image: {tag: "2"}\nports: [8080]\nextra: null\n' }])['templates/t.yaml'];
    assert.equal(text, '{"image":{"repo":"nginx","tag":"2"},"ports":[8080]}');
  });

  it('merges several values files in order; a later null keeps a key values.yaml does not have', () => {
    const files = Object.fromEntries(chartFiles('{{ toJson .Values }} {{ hasKey .Values "z" }}', 'a: {p: 0}\n'));
    const text = renderAll(files, [
      { path: 'one.yaml', text: 'a: {p: 1, q: 1}\nz: 1\n' },
      { path: 'two.yaml', text: 'a: {q: 2}\nz: null\n' },
    ])['templates/t.yaml'];
    assert.equal(text, '{"a":{"p":1,"q":2},"z":null} true');
  });

  describe('subcharts', () => {
    const sub = (values: string, template = '{{ toJson .Values }}') => ({ 'charts/sub/Chart.yaml': SUB_CHART, 'charts/sub/values.yaml': values, 'charts/sub/templates/t.yaml': template });

    it('gives a subchart its values.yaml under the parent\'s <name>: map, and the parent sees the result', () => {
      const files = Object.fromEntries(chartFiles('{{ toJson .Values.sub }}', 'sub: {p: 2}\n', sub('p: 1\nq: 1\n')));
      assert.deepEqual(renderAll(files), { 'charts/sub/templates/t.yaml': '{"global":{},"p":2,"q":1}', 'templates/t.yaml': '{"global":{},"p":2,"q":1}' });
    });

    it('copies the parent\'s globals into the subchart\'s, the parent winning', () => {
      const files = Object.fromEntries(chartFiles('', 'global: {region: eu, labels: {a: 1}}\n', sub('global: {region: us, labels: {b: 2}, own: x}\n', '{{ toJson .Values.global }}')));
      assert.equal(renderAll(files)['charts/sub/templates/t.yaml'], '{"labels":{"a":1,"b":2},"own":"x","region":"eu"}');
    });

    it('drops a dependency whose condition is false or whose tags are all false; a condition beats the tags', () => {
      const chart = (dependency: string) => `${CHART_YAML}dependencies:\n  - name: sub\n    version: 1.0.0\n${dependency}`;
      const paths = (chartYaml: string, values: string) => renderChart({ files: { ...Object.fromEntries(chartFiles('', values, sub('enabled: true\n', 'sub'))), 'Chart.yaml': chartYaml } }).templates.map((t) => t.path);
      assert.deepEqual(paths(chart('    condition: sub.enabled\n'), 'sub: {enabled: false}\n'), ['templates/t.yaml']);
      assert.deepEqual(paths(chart('    condition: sub.enabled\n'), ''), ['charts/sub/templates/t.yaml', 'templates/t.yaml']);
      assert.deepEqual(paths(chart('    tags: [backend]\n'), 'tags: {backend: false}\n'), ['templates/t.yaml']);
      assert.deepEqual(paths(chart('    condition: sub.enabled\n    tags: [backend]\n'), 'tags: {backend: false}\n'), ['charts/sub/templates/t.yaml', 'templates/t.yaml']);
    });

    it('renders a dependency under its alias, with the alias\'s values', () => {
      const result = renderChart({ files: { ...Object.fromEntries(chartFiles('', 'cache: {x: 9}\n', sub('x: 1\n', '{{ .Chart.Name }} {{ .Values.x }} {{ .Template.Name }}'))), 'Chart.yaml': `${CHART_YAML}dependencies:\n  - name: sub\n    alias: cache\n` } });
      assert.deepEqual(result.templates.map((t) => [t.name, t.text]), [['demo/charts/cache/templates/t.yaml', 'cache 9 demo/charts/cache/templates/t.yaml'], ['demo/templates/t.yaml', '']]);
    });

    it('lets the parent use a library chart\'s defines, and renders none of its other files', () => {
      const library = { 'charts/lib/Chart.yaml': 'apiVersion: v2\nname: lib\nversion: 1.0.0\ntype: library\n', 'charts/lib/templates/_names.tpl': '{{ define "lib.name" }}lib-{{ .Release.Name }}{{ end }}', 'charts/lib/templates/cm.yaml': 'kind: ConfigMap' };
      assert.deepEqual(renderAll(Object.fromEntries(chartFiles('{{ include "lib.name" . }}', '', library))), { 'templates/t.yaml': 'lib-release-name' });
    });

    it('reports a listed dependency missing from charts/ and a packaged one, and renders the rest', () => {
      const result = renderChart({ files: { ...Object.fromEntries(chartFiles('ok', '')), 'Chart.yaml': `${CHART_YAML}dependencies:\n  - name: redis\n    version: 1.0.0\n`, 'charts/postgresql-12.1.0.tgz': 'binary' } });
      assert.deepEqual(result.templates.map((t) => t.text), ['ok']);
      assert.deepEqual(result.problems.map((p) => [p.kind, p.severity, p.file, p.message]), [
        ['unsupported', 'information', 'charts/postgresql-12.1.0.tgz', 'the packaged subchart charts/postgresql-12.1.0.tgz is not rendered; unpack it into charts/ to render it'],
        ['unsupported', 'information', 'Chart.yaml', 'the dependency redis is not in charts/ (helm dependency build fetches it), so it is not rendered'],
      ]);
    });
  });

  describe('charts that cannot render', () => {
    it('reports a values file that is not YAML at its offset, and renders nothing', () => {
      const result = renderChart({ files: chartFiles('x', 'a: [1,\n') });
      assert.deepEqual(result.templates, []);
      assert.deepEqual(result.problems.map((p) => [p.kind, p.file, p.start]), [['values', 'values.yaml', 7]]);
    });

    it('reports a Chart.yaml without a name', () => {
      const result = renderChart({ files: { ...Object.fromEntries(chartFiles('x')), 'Chart.yaml': 'apiVersion: v2\nversion: 1.0.0\n' } });
      assert.deepEqual(result.problems.map((p) => [p.kind, p.file, p.message]), [['chart', 'Chart.yaml', 'validation: chart.metadata.name is required']]);
    });
  });
});
