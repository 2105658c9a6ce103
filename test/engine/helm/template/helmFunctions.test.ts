// Helm's own functions and objects as `helm template` provides them: include, tpl, required, fail,
// toYaml (go-yaml v2's output), toJson, the decoders, lookup, .Files, .Capabilities, .Chart,
// .Release and .Template; and what happens to functions the renderer lacks.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemOf, render, renderOne } from './renderHelpers';

describe('Helm functions', () => {
  describe('toYaml writes what go-yaml v2 writes', () => {
    const cases: [string, string][] = [
      ['"true"', '"true"'],
      ['"1"', '"1"'],
      ['""', '""'],
      ['"null"', '"null"'],
      ['"yes"', '"yes"'],
      ['"1.5"', '"1.5"'],
      ['"0x1F"', '"0x1F"'],
      ['"2024-01-01"', '"2024-01-01"'],
      ['"1:20"', '"1:20"'],
      ['"*.example.com"', "'*.example.com'"],
      ['"- x"', "'- x'"],
      ['"a: b"', "'a: b'"],
      ['"a #b"', "'a #b'"],
      ['" lead"', "' lead'"],
      ['"it\'s"', "it's"],
      ["\"'q'\"", "'''q'''"],
      ['"a\\tb"', '"a\\tb"'],
      ['"a,b"', 'a,b'],
      ['"@x"', "'@x'"],
      ['"a\\nb"', '|-\n  a\n  b'],
      ['"a\\nb\\n"', '|\n  a\n  b'],
      ['" a\\nb"', '|2-\n   a\n  b'],
      ['"a \\nb"', '"a \\nb"'],
      ['1234567.5', '1.2345675e+06'],
      ['1000000', '1000000'],
      ['0.5', '0.5'],
      ['~', 'null'],
    ];
    for (const [yaml, expected] of cases) {
      it(`writes ${yaml} as ${JSON.stringify(expected)}`, () => {
        assert.equal(render('{{ toYaml .Values.v }}', `v: ${yaml}\n`), expected);
      });
    }

    it('orders keys as go-yaml does, leaves lists under keys unindented, writes empty collections in flow style', () => {
      const values = 'm:\n  a10: 1\n  a2: 2\n  B: 3\n  _x: 4\n  a: 5\n  list: [1, [2, 3], {k: v, j: w}]\n  empty: {}\n  none: []\n  nil: null\n';
      assert.equal(render('{{ toYaml .Values.m }}', values), '_x: 4\nB: 3\na: 5\na2: 2\na10: 1\nempty: {}\nlist:\n- 1\n- - 2\n  - 3\n- j: w\n  k: v\nnil: null\nnone: []');
    });

    it('folds long plain strings at a space past column 80', () => {
      const words = Array.from({ length: 12 }, () => 'xxxxxxxxx');
      assert.equal(render('{{ toYaml .Values.m }}', `m:\n  k: ${words.join(' ')}\n`), `k: ${words.slice(0, 8).join(' ')}\n  ${words.slice(8).join(' ')}`);
    });
  });

  describe('include, tpl, required and fail', () => {
    it('includes a define with any data, and reports one it cannot find', () => {
      assert.equal(render('{{ include "d" "x" }}|{{ include "d" nil }}|', '', { 'templates/_d.tpl': '{{ define "d" }}[{{ . }}]{{ end }}' }), '[x]|[]|');
      assert.equal(problemOf('{{ include "nope" . }}'), 'execute@templates/t.yaml:3-19: executing "demo/templates/t.yaml" at <include "nope" .>: error calling include: template: no template "nope" associated with template "gotpl"');
    });

    it('renders tpl text with the given data; its defines are its own', () => {
      assert.equal(render('{{ tpl .Values.text . }}', 'a: 1\ntext: \'{{ define "d" }}D{{ end }}{{ include "d" . }}-{{ .Values.a }}\'\n'), 'D-1');
      assert.equal(problemOf('{{ tpl .Values.bad . }}', 'bad: "{{ .x"\n'), 'parse@values.yaml:5-12: error calling tpl: cannot parse template "{{ .x": unclosed action');
    });

    it('stops at required with its message when the value is missing or empty, passes it on otherwise', () => {
      const template = 'tag: {{ required "set image.tag" .Values.image.tag }}';
      assert.equal(problemOf(template, 'image: {}\n'), 'required@templates/t.yaml:8-50: set image.tag');
      assert.equal(problemOf(template, 'image: {tag: ""}\n'), 'required@templates/t.yaml:8-50: set image.tag');
      assert.equal(render(template, 'image: {tag: "1.2"}\n'), 'tag: 1.2');
    });

    it('stops at fail with its message', () => {
      assert.equal(problemOf('{{ if true }}{{ fail "replicas must be 1" }}{{ end }}'), 'fail@templates/t.yaml:16-41: replicas must be 1');
    });
  });

  describe('data functions', () => {
    it('writes JSON as encoding/json does: sorted keys, HTML escaped, float64 numbers', () => {
      assert.equal(render('{{ toJson .Values.m }}', 'm: {b: [1, "x<y"], a: null, c: 1.5, d: 1000000}\n'), '{"a":null,"b":[1,"x\\u003cy"],"c":1.5,"d":1000000}');
    });

    it('decodes YAML and JSON into float64 data, reporting errors inside the result', () => {
      assert.equal(render('{{ (fromYaml "a: 1\\nb: [x]").b }} {{ (fromJson "{\\"n\\": 1000000}").n }} {{ fromYamlArray "[1, two]" }} {{ fromJsonArray "[true]" }}'), '[x] 1e+06 [1 two] [true]');
      assert.equal(render('{{ hasKey (fromYaml "a: [") "Error" }} {{ hasKey (fromJson "{") "Error" }}'), 'true true');
    });

    it('finds nothing with lookup, as without a cluster', () => {
      assert.equal(render('{{ lookup "v1" "Secret" "default" "db" }}|{{ if lookup "v1" "Secret" "default" "db" }}found{{ else }}none{{ end }}'), 'map[]|none');
    });
  });

  describe('objects', () => {
    const files = { 'files/a.conf': 'x=1\n', 'files/b.conf': 'y=2\n', 'config/app.json': '{}', 'README.md': 'read me' };

    it('reads chart files with .Files, which leaves out Chart.yaml, values and templates', () => {
      assert.equal(render('{{ .Files.Get "files/a.conf" }}|{{ .Files.Get "values.yaml" }}|{{ .Files.Lines "files/b.conf" }}', '', files), 'x=1\n||[y=2]');
      assert.equal(render('{{ range $path, $_ := .Files.Glob "**" }}{{ $path }} {{ end }}', '', files), 'README.md config/app.json files/a.conf files/b.conf ');
      assert.equal(render('{{ range $path, $_ := .Files.Glob "{files,config}/*.{conf,json}" }}{{ $path }} {{ end }}', '', files), 'config/app.json files/a.conf files/b.conf ');
      assert.equal(render('{{ (.Files.Glob "files/*").AsConfig }}\n{{ (.Files.Glob "files/*").AsSecrets }}', '', files), 'a.conf: |\n  x=1\nb.conf: |\n  y=2\na.conf: eD0xCg==\nb.conf: eT0yCg==');
    });

    it('reports capabilities as helm template does, or as given', () => {
      const text = '{{ .Capabilities.KubeVersion }} {{ .Capabilities.KubeVersion.Major }}.{{ .Capabilities.KubeVersion.Minor }} {{ .Capabilities.KubeVersion.GitVersion }} {{ .Capabilities.APIVersions.Has "apps/v1" }} {{ .Capabilities.APIVersions.Has "example.com/v1" }} {{ semverCompare ">=1.21-0" .Capabilities.KubeVersion.Version }}';
      assert.equal(render(text), 'v1.31.0 1.31 v1.31.0 true false true');
      assert.equal(render(text, '', {}, { capabilities: { kubeVersion: '1.19', apiVersions: ['example.com/v1'] } }), 'v1.19.0 1.19 v1.19.0 true true false');
    });

    it('names the release, chart and template as helm template does', () => {
      assert.equal(render('{{ .Release.Name }} {{ .Release.Namespace }} {{ .Release.Service }} {{ .Release.IsInstall }} {{ .Release.IsUpgrade }} {{ .Release.Revision }}'), 'release-name default Helm true false 1');
      assert.equal(render('{{ .Chart.Name }} {{ .Chart.Version }} {{ .Chart.AppVersion }} [{{ .Chart.Home }}] {{ .Chart.Keywords }} {{ .Template.Name }} {{ .Template.BasePath }}'), 'demo 0.1.0 1.2.3 [] [] demo/templates/t.yaml demo/templates');
      assert.equal(render('{{ .Release.Name }}/{{ .Release.Namespace }}', '', {}, { release: { name: 'shop', namespace: 'prod' } }), 'shop/prod');
      assert.equal(problemOf('{{ .Chart.Missing }}'), 'execute@templates/t.yaml:3-17: executing "demo/templates/t.yaml" at <.Chart.Missing>: can\'t evaluate field Missing in type *chart.Metadata');
    });
  });

  describe('functions the renderer lacks', () => {
    it('stops the template with an information problem naming a Helm function it does not implement', () => {
      const { problems, result } = renderOne('{{ toToml .Values }}', '', { 'templates/other.yaml': 'fine' });
      assert.deepEqual(problems, [{ kind: 'unsupported', severity: 'information', message: 'the template function "toToml" is not supported by Ballast\'s renderer', file: 'templates/t.yaml', start: 3, end: 9, template: 'templates/t.yaml' }]);
      assert.deepEqual(result.templates.map((t) => t.path), ['templates/other.yaml']);
    });

    it('reports Sprig functions that depend on the clock or chance as unsupported', () => {
      assert.deepEqual(renderOne('{{ now }}').problems.map((p) => [p.kind, p.severity, p.message]), [['unsupported', 'information', 'error calling now: date and time functions are not rendered']]);
    });

    it('rejects a name no Helm function has, as Helm does when it parses', () => {
      assert.equal(problemOf('a\n{{ foo 1 }}'), 'parse@templates/t.yaml:5-8: function "foo" not defined');
      assert.equal(problemOf('{{ env "HOME" }}'), 'parse@templates/t.yaml:3-6: function "env" not defined');
    });

    it('removes <no value> wherever it appears, as Helm does after rendering', () => {
      assert.equal(render('a<no value>b{{ .Values.none }}c'), 'abc');
    });
  });
});
