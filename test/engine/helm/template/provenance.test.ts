// Where each range of rendered text comes from: values-file scalars through printing, functions,
// toYaml, include and tpl; template text and literals; and actions that printed a missing value.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { originAt, renderChart, type RenderChartInput } from '../../../../engine/helm/template';
import { chartFiles } from './renderHelpers';

/** Each origin segment of `templates/t.yaml` as `"text" <- file@start-end "source" [path]`. */
function origins(template: string, values: string, others: Record<string, string> = {}, input: Partial<RenderChartInput> = {}): string[] {
  const files = chartFiles(template, values, others);
  const result = renderChart({ files, ...input });
  assert.deepEqual(result.problems, []);
  const rendered = result.templates.find((t) => t.path === 'templates/t.yaml')!;
  const sources = new Map([...files, ...(input.valuesFiles ?? []).map((file) => [file.path, file.text] as const)]);
  return rendered.origins.map(({ start, end, origin }) => {
    const source = JSON.stringify(sources.get(origin.file)!.slice(origin.start, origin.end));
    const where = `${origin.file}@${origin.start}-${origin.end} ${source}`;
    const values = origin.kind === 'values' ? ` [${origin.valuesPath.join('.')}${origin.part === 'key' ? ' key' : ''}${origin.derived ? ' derived' : ''}]` : '';
    return `${JSON.stringify(rendered.text.slice(start, end))} <- ${where}${values}`;
  });
}

describe('provenance of rendered text', () => {
  const values = 'image:\n  repository: nginx\n  tag: "1.25"\nname: web\n';

  it('traces a printed values scalar to its range in values.yaml, template text to the template', () => {
    assert.deepEqual(origins('image: {{ .Values.image.tag }}\n', values), [
      '"image: " <- templates/t.yaml@0-7 "image: "',
      '"1.25" <- values.yaml@34-40 "\\"1.25\\"" [image.tag]',
      '"\\n" <- templates/t.yaml@30-31 "\\n"',
    ]);
  });

  it('keeps the scalar through quote, default and printf; literals trace to their own range', () => {
    assert.deepEqual(origins('{{ .Values.image.tag | quote }}|{{ .Values.none | default .Values.name }}|{{ .Values.none | default "web" }}|{{ printf "%s:%s" .Values.image.repository .Values.image.tag }}', values), [
      '"\\"" <- templates/t.yaml@0-31 "{{ .Values.image.tag | quote }}"',
      '"1.25" <- values.yaml@34-40 "\\"1.25\\"" [image.tag]',
      '"\\"" <- templates/t.yaml@0-31 "{{ .Values.image.tag | quote }}"',
      '"|" <- templates/t.yaml@31-32 "|"',
      '"web" <- values.yaml@47-50 "web" [name]',
      '"|" <- templates/t.yaml@73-74 "|"',
      '"web" <- templates/t.yaml@100-105 "\\"web\\""',
      '"|" <- templates/t.yaml@108-109 "|"',
      '"nginx" <- values.yaml@21-26 "nginx" [image.repository]',
      '":" <- templates/t.yaml@109-172 "{{ printf \\"%s:%s\\" .Values.image.repository .Values.image.tag }}"',
      '"1.25" <- values.yaml@34-40 "\\"1.25\\"" [image.tag]',
    ]);
  });

  it('keeps the scalar through ternary, coalesce, squote, trim and toString, and through with and range', () => {
    const more = 'a: x\nb: w\npadded: "  z "\nenv: {K: v}\n';
    const traced = (template: string) => origins(template, more).filter((line) => line.includes('values.yaml'));
    assert.deepEqual(traced('{{ ternary .Values.a .Values.b false }}|{{ coalesce .Values.none .Values.a }}|{{ .Values.b | squote }}|{{ .Values.padded | trim }}|{{ .Values.a | toString }}'), [
      '"w" <- values.yaml@8-9 "w" [b]',
      '"x" <- values.yaml@3-4 "x" [a]',
      '"w" <- values.yaml@8-9 "w" [b]',
      '"z" <- values.yaml@18-24 "\\"  z \\"" [padded]',
      '"x" <- values.yaml@3-4 "x" [a]',
    ]);
    assert.deepEqual(traced('{{ with .Values.a }}{{ . }}{{ end }}{{ range $k, $v := .Values.env }}{{ $k }}={{ $v }}{{ end }}'), [
      '"x" <- values.yaml@3-4 "x" [a]',
      '"K" <- values.yaml@31-32 "K" [env.K key]',
      '"v" <- values.yaml@34-35 "v" [env.K]',
    ]);
  });

  it('gives every key and scalar toYaml writes its own origin, through nindent', () => {
    const securityValues = 'securityContext:\n  privileged: true\n  capabilities:\n    add: [NET_ADMIN]\nresources: {}\n';
    assert.deepEqual(origins('sc:{{- toYaml .Values.securityContext | nindent 2 }}\nres: {{ toYaml .Values.resources }}', securityValues), [
      '"sc:" <- templates/t.yaml@0-3 "sc:"',
      '"\\n  " <- templates/t.yaml@3-52 "{{- toYaml .Values.securityContext | nindent 2 }}"',
      '"capabilities" <- values.yaml@38-50 "capabilities" [securityContext.capabilities key]',
      '":\\n    " <- templates/t.yaml@3-52 "{{- toYaml .Values.securityContext | nindent 2 }}"',
      '"add" <- values.yaml@56-59 "add" [securityContext.capabilities.add key]',
      '":\\n    - " <- templates/t.yaml@3-52 "{{- toYaml .Values.securityContext | nindent 2 }}"',
      '"NET_ADMIN" <- values.yaml@62-71 "NET_ADMIN" [securityContext.capabilities.add.0]',
      '"\\n  " <- templates/t.yaml@3-52 "{{- toYaml .Values.securityContext | nindent 2 }}"',
      '"privileged" <- values.yaml@19-29 "privileged" [securityContext.privileged key]',
      '": " <- templates/t.yaml@3-52 "{{- toYaml .Values.securityContext | nindent 2 }}"',
      '"true" <- values.yaml@31-35 "true" [securityContext.privileged]',
      '"\\nres: " <- templates/t.yaml@52-58 "\\nres: "',
      '"{}" <- values.yaml@84-86 "{}" [resources]',
    ]);
  });

  it('traces text an include produced to the helper, and values it printed to the values', () => {
    const helpers = '{{- define "demo.name" -}}app-{{ .Values.name }}{{- end }}';
    assert.deepEqual(origins('name: {{ include "demo.name" . }}', values, { 'templates/_helpers.tpl': helpers }), [
      '"name: " <- templates/t.yaml@0-6 "name: "',
      '"app-" <- templates/_helpers.tpl@26-30 "app-"',
      '"web" <- values.yaml@47-50 "web" [name]',
    ]);
  });

  it('traces the text tpl renders to the values string, and what it prints to its own values', () => {
    const tplValues = 'name: web\nextra: "id: {{ .Values.name }}"\n';
    assert.deepEqual(origins('{{ tpl .Values.extra . }}', tplValues), [
      '"id: " <- values.yaml@17-41 "\\"id: {{ .Values.name }}\\"" [extra]',
      '"web" <- values.yaml@6-9 "web" [name]',
    ]);
  });

  it('marks text computed from a value as derived', () => {
    assert.deepEqual(origins('{{ .Values.name | b64enc }}', values), ['"d2Vi" <- values.yaml@47-50 "web" [name derived]']);
  });

  it('keeps origins through dict and merge into toYaml, and drops them for entries a template replaced', () => {
    const sc = 'uid: 1000\nsc:\n  privileged: true\n  runAsUser: 0\n';
    assert.deepEqual(origins('{{ toYaml (dict "runAsUser" .Values.uid) }}', sc), ['"runAsUser: " <- templates/t.yaml@0-43 "{{ toYaml (dict \\"runAsUser\\" .Values.uid) }}"', '"1000" <- values.yaml@5-9 "1000" [uid]']);
    assert.deepEqual(origins('{{ $_ := set .Values.sc "privileged" false }}{{ toYaml .Values.sc }}', sc), [
      '"privileged" <- values.yaml@16-26 "privileged" [sc.privileged key]',
      '": false\\n" <- templates/t.yaml@45-68 "{{ toYaml .Values.sc }}"',
      '"runAsUser" <- values.yaml@35-44 "runAsUser" [sc.runAsUser key]',
      '": " <- templates/t.yaml@45-68 "{{ toYaml .Values.sc }}"',
      '"0" <- values.yaml@46-47 "0" [sc.runAsUser]',
    ]);
  });

  it('traces override files and subchart values to the file that set them', () => {
    const others = { 'charts/db/Chart.yaml': 'apiVersion: v2\nname: db\nversion: 1.0.0\n', 'charts/db/values.yaml': 'port: 5432\nuser: admin\n', 'charts/db/templates/t.yaml': '{{ .Values.port }} {{ .Values.user }}' };
    const result = renderChart({ files: chartFiles('{{ .Values.name }}', 'name: web\ndb:\n  port: 6432\n', others), valuesFiles: [{ path: 'ci/values.yaml', text: 'name: ci\n' }] });
    assert.deepEqual(result.problems, []);
    const describe = (path: string) => {
      const rendered = result.templates.find((t) => t.path === path)!;
      return rendered.origins.filter(({ origin }) => origin.kind === 'values').map(({ start, end, origin }) => `${rendered.text.slice(start, end)} <- ${origin.file}@${origin.start}-${origin.end}`);
    };
    assert.deepEqual(describe('templates/t.yaml'), ['ci <- ci/values.yaml@6-8']);
    assert.deepEqual(describe('charts/db/templates/t.yaml'), ['6432 <- values.yaml@22-26', 'admin <- charts/db/values.yaml@17-22']);
  });

  it('records actions that printed a missing value, with the values path they read', () => {
    const result = renderChart({ files: chartFiles('runAsNonRoot: {{ .Values.securityContext.runAsNonRoot }}\nuser: {{ .Values.user | quote }}\n', 'securityContext: {}\nuser:\n') });
    const rendered = result.templates[0]!;
    assert.equal(rendered.text, 'runAsNonRoot: \nuser: \n');
    assert.deepEqual(rendered.missingValues, [{ offset: 14, valuesPath: ['securityContext', 'runAsNonRoot'], action: { kind: 'template', file: 'templates/t.yaml', start: 14, end: 56 } }]);
  });

  it('finds the segment at an offset', () => {
    const rendered = renderChart({ files: chartFiles('a: {{ .Values.name }}', values) }).templates[0]!;
    assert.deepEqual(originAt(rendered, 4), { start: 3, end: 6, origin: { kind: 'values', file: 'values.yaml', start: 47, end: 50, valuesPath: ['name'], part: 'value' } });
    assert.deepEqual(originAt(rendered, 0)?.origin, { kind: 'template', file: 'templates/t.yaml', start: 0, end: 3 });
    assert.equal(originAt(rendered, 6), undefined);
  });
});
