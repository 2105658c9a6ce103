// Go text/template semantics as Helm runs them: scoping, trimming, truthiness, range, break and
// continue, define/template/block, variables, Go's printing, and errors at the action at fault.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemOf, render, renderOne } from './renderHelpers';

describe('Go template execution', () => {
  describe('scoping', () => {
    it('moves dot into with and range, keeps $ at the root', () => {
      const values = 'a: {b: x}\nc: z\nl: [p, q]\n';
      assert.equal(render('{{ with .Values.a }}{{ .b }}{{ $.Values.c }}{{ end }}', values), 'xz');
      assert.equal(render('{{ range .Values.l }}{{ . }}{{ $.Values.c }},{{ end }}', values), 'pz,qz,');
    });

    it('keeps a variable until the end of the block that declared it, and assigns with =', () => {
      assert.equal(render('{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ $y := 3 }}{{ $y }}{{ end }}{{ $x }}'), '32');
      assert.equal(render('{{ $x := "outer" }}{{ with $x := "inner" }}{{ $x }}{{ end }}{{ $x }}'), 'innerouter');
    });

    it('runs a template with only its argument: no variables, $ is the argument', () => {
      const text = '{{ define "t" }}[{{ . }}|{{ $ }}]{{ end }}{{ $x := 1 }}{{ template "t" "arg" }}{{ template "t" }}';
      // Without an argument, dot has no value, which prints as <no value> and Helm removes.
      assert.equal(render(text), '[arg|arg][|]');
    });
  });

  it('trims whitespace, line breaks included, at {{- and -}}', () => {
    assert.equal(render('a  \n {{- "b" -}} \n  c\n{{- /* note */ -}}\nd'), 'abcd');
    assert.equal(render('a\r\n{{- "b" }}\r\nc'), 'ab\r\nc');
  });

  it('treats false, 0, nil, missing and empty strings, maps and lists as false', () => {
    const values = 'f: false\nz: 0\ne: ""\nm: {}\nl: []\nn: null\ns: x\none: 1\nzero: 0.0\n';
    const keys = ['f', 'z', 'e', 'm', 'l', 'n', 's', 'one', 'zero', 'missing'];
    const text = keys.map((key) => `{{ if .Values.${key} }}${key} {{ end }}`).join('');
    assert.equal(render(text, values), 's one ');
    assert.equal(render('{{ if not .Values.l }}empty{{ end }}', values), 'empty');
  });

  describe('range', () => {
    it('ranges over a map in key order (bytewise: upper case first), with key and value', () => {
      assert.equal(render('{{ range $k, $v := .Values.m }}{{ $k }}={{ $v }} {{ end }}', 'm: {b: 2, a: 1, B: 3}\n'), 'B=3 a=1 b=2 ');
    });

    it('ranges over a list with index and element, and over an int', () => {
      assert.equal(render('{{ range $i, $v := .Values.l }}{{ $i }}:{{ $v }} {{ end }}', 'l: [p, q]\n'), '0:p 1:q ');
      assert.equal(render('{{ range 3 }}{{ . }}{{ end }}|{{ range $i := 2 }}{{ $i }}{{ end }}'), '012|01');
    });

    it('runs else for an empty list, an empty map, nil and a missing value', () => {
      const values = 'l: []\nm: {}\nn: null\n';
      assert.equal(render(['l', 'm', 'n', 'missing'].map((key) => `{{ range .Values.${key} }}x{{ else }}${key} {{ end }}`).join(''), values), 'l m n missing ');
    });

    it('stops at break and skips the rest of an iteration at continue', () => {
      const values = 'l: [a, b, c, d]\n';
      assert.equal(render('{{ range .Values.l }}{{ if eq . "c" }}{{ break }}{{ end }}{{ . }}{{ end }}', values), 'ab');
      assert.equal(render('{{ range .Values.l }}{{ if eq . "b" }}{{ continue }}{{ end }}{{ . }}{{ end }}', values), 'acd');
    });

    it('refuses a float64 from the values, a string, and two variables over an int', () => {
      assert.equal(problemOf('{{ range .Values.count }}{{ end }}', 'count: 3\n'), 'execute@templates/t.yaml:9-22: executing "demo/templates/t.yaml" at <.Values.count>: range can\'t iterate over 3');
      assert.equal(problemOf('{{ range "ab" }}{{ end }}'), 'execute@templates/t.yaml:9-13: executing "demo/templates/t.yaml" at <"ab">: range can\'t iterate over ab');
      assert.equal(problemOf('{{ range $i, $v := 2 }}{{ end }}'), 'execute@templates/t.yaml:9-20: executing "demo/templates/t.yaml" at <$i, $v := 2>: can\'t use 2 to iterate over more than one variable');
    });
  });

  describe('define, template and block', () => {
    it('nests defines through template and include', () => {
      const helpers = '{{- define "outer" -}}<{{ template "inner" .x }}|{{ include "inner" .y | upper }}>{{- end -}}\n{{- define "inner" -}}{{ . }}{{- end -}}';
      assert.equal(render('{{ include "outer" (dict "x" "a" "y" "b") }}', '', { 'templates/_helpers.tpl': helpers }), '<a|B>');
    });

    it('renders a block body unless a later-parsed file defines the name, in Helm order', () => {
      assert.equal(render('{{ block "greeting" . }}hello{{ end }}'), 'hello');
      // Helm parses deeper and later-sorting paths first: templates/_override.tpl after templates/t.yaml.
      assert.equal(render('{{ block "greeting" . }}hello{{ end }}', '', { 'templates/_override.tpl': '{{ define "greeting" }}hi{{ end }}' }), 'hi');
      assert.equal(render('{{ block "greeting" . }}hello{{ end }}', '', { 'templates/z.tpl': '{{ define "greeting" }}hi{{ end }}' }), 'hello');
    });
  });

  describe('printing as Go does', () => {
    const values = 'big: 1000000\none: 1\nhalf: 1.5\nport: 80\nl: [a, b]\nm: {b: 2, a: 1}\n';

    it('prints values-file numbers as float64, template numbers as int, maps and lists in Go form', () => {
      assert.equal(render('{{ .Values.big }} {{ .Values.one }} {{ .Values.half }} {{ 1000000 }} {{ 1e6 }} {{ .Values.l }} {{ .Values.m }}', values), '1e+06 1 1.5 1000000 1e+06 [a b] map[a:1 b:2]');
      assert.equal(render('{{ print nil }} {{ print .Values.missing }} {{ printf "%v" .Values.missing }} {{ .Values.missing }}.', values), '<nil> <nil> <nil> .');
    });

    it('formats printf verbs, widths and precisions, and reports verbs that do not fit', () => {
      const text = '{{ printf "%s|%d|%v|%q|%5.2f|%-4s|%t|%x|%%|%05d|%e|%g" "a" 3 .Values.m "q" 3.14159 "ab" true 255 42 1234.5678 0.000012 }}';
      assert.equal(render(text, values), 'a|3|map[a:1 b:2]|"q"| 3.14|ab  |true|ff|%|00042|1.234568e+03|1.2e-05');
      assert.equal(render('{{ printf "%d" .Values.port }} {{ printf "%s" 5 }} {{ printf "%d %d" 1 }} {{ printf "%d" 1 2 }}', values), '%!d(float64=80) %!s(int=5) 1 %!d(MISSING) 1%!(EXTRA int=2)');
    });

    it('joins print operands with a space only between two non-strings; println always', () => {
      assert.equal(render('{{ print 1 2 "a" "b" 3 }}|{{ println "a" 1 }}|'), '1 2ab3|a 1\n|');
    });
  });

  describe('builtin functions', () => {
    it('compares with eq (any of several), ne, lt, le, gt, ge', () => {
      assert.equal(render('{{ eq "a" "b" "a" }} {{ ne 1 2 }} {{ lt "a" "b" }} {{ le 2 2 }} {{ gt 1.5 2.5 }} {{ ge 3 2 }} {{ eq .Values.missing nil }}'), 'true true true true false true true');
      assert.equal(problemOf('{{ eq .Values.replicas 1 }}', 'replicas: 1\n'), 'execute@templates/t.yaml:3-24: executing "demo/templates/t.yaml" at <eq .Values.replicas ...>: error calling eq: incompatible types for comparison');
      assert.equal(problemOf('{{ lt .Values.missing 1 }}'), 'execute@templates/t.yaml:3-23: executing "demo/templates/t.yaml" at <lt .Values.missing 1>: error calling lt: invalid type for comparison');
    });

    it('short-circuits and/or, returning the deciding value', () => {
      assert.equal(render('{{ or .Values.e "fallback" }} {{ and 1 0 2 }} {{ or 0 "" }}|{{ and false (fail "never") }} {{ or true (index .Values.l 10) }}', 'e: ""\nl: []\n'), 'fallback 0 |false true');
    });

    it('indexes lists, maps and strings, takes lengths in bytes, slices', () => {
      const values = 'l: [a, b, c]\nm: {k: v}\n';
      assert.equal(render('{{ index .Values.l 1 }} {{ index .Values.m "k" }} {{ index .Values.m "none" }}. {{ len .Values.l }} {{ len "héllo" }} {{ index "abc" 1 }}', values), 'b v . 3 6 98');
      assert.equal(problemOf('{{ index .Values.l 4 }}', values), 'execute@templates/t.yaml:3-20: executing "demo/templates/t.yaml" at <index .Values.l 4>: error calling index: index out of range: 4');
      assert.equal(problemOf('{{ index .Values.l 3 }}', values), 'execute@templates/t.yaml:3-20: executing "demo/templates/t.yaml" at <index .Values.l 3>: error calling index: reflect: slice index out of range');
    });

    it('escapes for HTML, JavaScript and URL queries', () => {
      assert.equal(render('{{ html "<a href=\'x\'>&</a>" }}|{{ js "it\'s <b>\\"" }}|{{ urlquery "a b&c/é" }}'), "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;|it\\'s \\u003Cb\\u003E\\\"|a+b%26c%2F%C3%A9");
    });
  });

  describe('errors, at the node that failed', () => {
    it('fails on a field of nil, as Helm does for a missing parent key', () => {
      assert.equal(problemOf('x: {{ .Values.a.b }}'), 'execute@templates/t.yaml:6-17: executing "demo/templates/t.yaml" at <.Values.a.b>: nil pointer evaluating interface {}.b');
      assert.equal(problemOf('{{ .Values.s.x }}', 's: text\n'), 'execute@templates/t.yaml:3-14: executing "demo/templates/t.yaml" at <.Values.s.x>: can\'t evaluate field x in type interface {}');
    });

    it('prints nothing for a field of a value that a pipeline left empty', () => {
      assert.equal(render('{{ $x := .Values.missing }}[{{ $x.y }}]'), '[]');
    });

    it('reports a call of an undefined template and wrong argument counts', () => {
      assert.equal(problemOf('a\n{{ template "nope" }}'), 'execute@templates/t.yaml:2-23: executing "demo/templates/t.yaml" at <{{ template "nope" }...>: template "nope" not defined');
      assert.equal(problemOf('{{ not 1 2 }}'), 'execute@templates/t.yaml:3-10: executing "demo/templates/t.yaml" at <not 1 2>: wrong number of args for not: want 1 got 2');
      assert.equal(problemOf('{{ nil }}'), 'execute@templates/t.yaml:3-6: executing "demo/templates/t.yaml" at <nil>: nil is not a command');
      assert.equal(problemOf('{{ .Values 1 }}'), 'execute@templates/t.yaml:3-10: executing "demo/templates/t.yaml" at <.Values>: Values is not a method but has arguments');
    });

    it('stops only the template at fault; the others render', () => {
      const { result } = renderOne('{{ .Values.a.b }}', '', { 'templates/ok.yaml': 'fine' });
      assert.deepEqual(result.templates.map((t) => [t.path, t.text]), [['templates/ok.yaml', 'fine']]);
      assert.deepEqual(result.problems.map((p) => p.template), ['templates/t.yaml']);
    });
  });

  describe('work limits', () => {
    it('stops a template that takes too many steps', () => {
      const { problems } = renderOne('{{ range 100000000 }}x{{ end }}', '', {}, { limits: { maxSteps: 1000 } });
      assert.deepEqual(problems.map((p) => [p.kind, p.severity, p.message]), [['limit', 'information', 'rendering stopped after 1000 steps']]);
    });

    it('stops output past its limit and recursion past the nesting depth', () => {
      assert.deepEqual(renderOne('{{ range 1000 }}xxxxxxxxxx{{ end }}', '', {}, { limits: { maxOutput: 5000 } }).problems.map((p) => p.message), ['rendering stopped: output passed 5000 characters']);
      const recursive = renderOne('{{ define "r" }}{{ include "r" . }}{{ end }}{{ include "r" . }}');
      assert.deepEqual(recursive.problems.map((p) => [p.kind, p.message]), [['limit', 'exceeded maximum template depth (200)']]);
    });
  });
});
