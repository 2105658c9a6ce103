// The Go template parser: trees with source offsets, trim markers, comments, and Go's parse errors
// with the offsets of the token at fault.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ActionNode, IfNode, ListNode, RangeNode, TextNode } from '../../../../engine/helm/template/ast';
import { parseTemplate, TemplateParseError } from '../../../../engine/helm/template/parser';

const FUNCTIONS = new Set(['printf', 'include', 'default', 'quote', 'eq', 'and']);
const parse = (text: string) => parseTemplate(text, 'main', { isFunction: (name) => FUNCTIONS.has(name) });
const root = (text: string): ListNode => parse(text).get('main')!.root;

function parseError(text: string): string {
  try {
    parse(text);
  } catch (error) {
    assert.ok(error instanceof TemplateParseError);
    return `${error.start}-${error.end}${error.unsupported ? ' unsupported' : ''}: ${error.message}`;
  }
  assert.fail(`${text} parsed`);
}

describe('Go template parser', () => {
  it('gives every node the range of its source', () => {
    const [text, action] = root('a: {{ .Values.image.tag | quote }}').nodes as [TextNode, ActionNode];
    assert.deepEqual(text, { kind: 'text', text: 'a: ', start: 0, end: 3 });
    assert.deepEqual([action.start, action.end], [3, 34]);
    const [field, call] = action.pipe.cmds;
    assert.deepEqual(field!.args[0], { kind: 'field', ident: ['Values', 'image', 'tag'], start: 6, end: 23 });
    assert.deepEqual(call!.args.map((arg) => [arg.kind, arg.start, arg.end]), [['identifier', 26, 31]]);
  });

  it('trims whitespace at {{- and -}}, including line breaks, and keeps the remaining text range', () => {
    const nodes = root('x \r\n\t{{- 3 -}}\n\n\ty').nodes;
    assert.deepEqual(
      nodes.map((node) => (node.kind === 'text' ? [node.text, node.start, node.end] : [node.kind, node.start, node.end])),
      [['x', 0, 1], ['action', 5, 14], ['y', 17, 18]],
    );
    // `{{-3}}` is the number -3: a trim marker needs a space after it.
    const [action] = root('{{-3}}').nodes as [ActionNode];
    assert.deepEqual(action.pipe.cmds[0]!.args[0], { kind: 'number', text: '-3', value: -3, isFloat: false, start: 2, end: 4 });
  });

  it('drops comments, trimming around them as actions do', () => {
    assert.deepEqual(root('x \r\n\t{{- /* */ -}}\n\n\ty').nodes.map((node) => node.kind === 'text' && node.text), ['x', false, 'y']);
    assert.deepEqual(root('{{/*\nhello\n*/}}').nodes.map((node) => node.kind), ['comment']);
  });

  it('reads else-if and else-with chains as nested ifs closed by one end', () => {
    const [outer] = root('{{if .X}}X{{else if .Y}}Y{{else}}Z{{end}}').nodes as [IfNode];
    const inner = outer.elseList!.nodes[0] as IfNode;
    assert.equal(inner.kind, 'if');
    assert.deepEqual((inner.elseList!.nodes[0] as TextNode).text, 'Z');
    assert.equal(outer.end, 41);
    const [withNode] = root('{{with .X}}X{{else with .Y}}Y{{end}}').nodes;
    assert.equal((withNode as IfNode).elseList!.nodes[0]!.kind, 'with');
  });

  it('reads range declarations of one and two variables, declared or assigned', () => {
    const [range] = root('{{range $i, $v := .list}}{{$i}}{{end}}').nodes as [RangeNode];
    assert.deepEqual(range.pipe.decl.map((v) => v.ident[0]), ['$i', '$v']);
    assert.equal(range.pipe.isAssign, false);
    const [, assigned] = root('{{$x := 0}}{{range $x = .list}}{{end}}').nodes as [ActionNode, RangeNode];
    assert.equal(assigned.pipe.isAssign, true);
  });

  it('puts define and block bodies in their own trees', () => {
    const trees = parse('{{define "a"}}A{{end}}{{block "b" .}}B{{end}}');
    assert.deepEqual([...trees.keys()].sort(), ['a', 'b', 'main']);
    assert.deepEqual(trees.get('main')!.root.nodes.map((node) => node.kind), ['template']);
  });

  it('reads chains on parenthesized pipelines and fields of variables', () => {
    const [action] = root('{{$x := 1}}{{(printf "%s" .a).b}}{{$x.y.z}}').nodes.slice(1) as [ActionNode];
    const chain = action.pipe.cmds[0]!.args[0]!;
    assert.equal(chain.kind, 'chain');
    assert.deepEqual(chain.kind === 'chain' && [chain.field, chain.start, chain.end], [['b'], 13, 31]);
  });

  it('reads string, raw string, character and number literals as Go does', () => {
    const literals = (root('{{printf "a\\tb\\u00e9\\x41" `r\r\naw` \'x\' 0x1F 0o17 017 1_000 1.5 1e3 .5}}').nodes[0] as ActionNode).pipe.cmds[0]!.args.slice(1);
    assert.deepEqual(
      literals.map((arg) => (arg.kind === 'string' ? arg.text : arg.kind === 'number' ? [arg.value, arg.isFloat] : arg.kind)),
      ['a\tbéA', 'r\naw', [120, false], [31, false], [15, false], [15, false], [1000, false], [1.5, true], [1000, true], [0.5, true]],
    );
  });

  it('reports parse errors with Go messages at the offending token', () => {
    const cases: [string, string][] = [
      ['{{foo}}', '2-5: function "foo" not defined'],
      ['{{$x}}', '2-4: undefined variable "$x"'],
      ['{{with $x := 4}}{{end}}{{$x}}', '25-27: undefined variable "$x"'],
      ['{{end}}', '0-7: unexpected {{end}}'],
      ['{{else}}', '0-8: unexpected {{else}}'],
      ['{{if .X}}1{{else}}2{{else}}3{{end}}', '19-27: expected end; found {{else}}'],
      ['hello{{range .x}}', '17-17: unexpected EOF'],
      ['{{if }}{{end}}', '5-7: missing value for if'],
      ['{{range .}}{{end}} {{break}}', '21-26: {{break}} outside {{range}}'],
      ['{{range .}}{{else}}{{continue}}{{end}}', '21-29: {{continue}} outside {{range}}'],
      ['{{12|false}}', '5-10: non executable command in pipeline stage 2'],
      ['{{ ( ) }}', '5-6: missing value for parenthesized pipeline'],
      ['{{"a}}', '2-6: unterminated quoted string'],
      ["{{'a}}", "2-6: unterminated character constant"],
      ['{{`a}}', '2-6: unterminated raw quoted string'],
      ['{{/*}}', '0-6: unclosed comment'],
      ['{{/* x */ }}', '0-9: comment ends before closing delimiter'],
      ['hello{{range', '12-12: unclosed action'],
      ['{{.X (1 2 3}}', '11-11: unclosed left paren'],
      ['{{.X 1 2 3 ) }}', '11-12: unexpected right paren'],
      ['{{a#}}', '2-4: bad character U+0023 \'#\''],
      ['{{0xi}}', '2-5: illegal number syntax: "0xi"'],
      ['{{true.any}}', '2-6: unexpected . after term "true"'],
      ['{{$a,$b,$c := 23}}', '4-5: too many declarations in command'],
      ['{{range $u, $v, $w := 3}}{{end}}', '14-15: too many declarations in range'],
      ['{{range $k, .}}{{end}}', '12-13: range can only initialize variables'],
      ['{{template .X}}', '11-13: unexpected ".X" in template clause'],
      ['{{printf `x`.}}', '12-13: unexpected <.> in operand'],
      ['{{define `a`}}a{{end}}{{define `a`}}b{{end}}', '22-44: template: multiple definition of template "a"'],
      ['{{ 1+2i }}', '3-7 unsupported: the complex number 1+2i'],
    ];
    assert.deepEqual(
      cases.map(([text]) => [text, parseError(text)]),
      cases,
    );
  });
});
