import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { call, failure } from './call';

describe('Sprig default and flow functions', () => {
  it('uses the default for empty values, the piped value being the last argument', () => {
    for (const empty of [null, '', 0, false, [], {}]) assert.equal(call('default', 'foo', empty), 'foo', JSON.stringify(empty));
    for (const set of ['bar', 1, true, [0], { a: null }]) assert.deepEqual(call('default', 'foo', set), set, JSON.stringify(set));
    // `default "foo"` with nothing piped in, and `"x" | default "y"`.
    assert.equal(call('default', 'foo'), 'foo');
    assert.equal(call('default', 'y', 'x'), 'x');
    assert.equal(failure('default'), 'wrong number of args for default: want at least 1 got 0');
  });

  it('tests emptiness, and finds the first non-empty value', () => {
    assert.equal(call('empty', 0), true);
    assert.equal(call('empty', -0), true);
    assert.equal(call('empty', NaN), false);
    assert.equal(call('empty', ' '), false);
    assert.equal(call('empty', null), true);
    assert.equal(call('coalesce', 0, 1, 2), 1);
    assert.equal(call('coalesce', null, '', 'Matt'), 'Matt');
    assert.equal(call('coalesce', null, ''), null);
    assert.equal(call('all', 0, 1, 2), false);
    assert.equal(call('all', 1, 'a'), true);
    assert.equal(call('all'), true);
    assert.equal(call('any', 0, 1, 2), true);
    assert.equal(call('any', 0, ''), false);
    assert.equal(call('any'), false);
  });

  it('chooses with ternary on a bool only', () => {
    assert.equal(call('ternary', 'foo', 'bar', true), 'foo');
    assert.equal(call('ternary', 'foo', 'bar', false), 'bar');
    assert.equal(failure('ternary', 'foo', 'bar', 'true'), 'wrong type for value; expected bool; got string');
    assert.equal(failure('ternary', 'foo', 'bar', null), 'invalid value; expected bool');
  });

  it('fails the template with the message', () => {
    assert.equal(failure('fail', 'image.tag is required'), 'error calling fail: image.tag is required');
  });
});

describe('Sprig JSON functions', () => {
  const top = { bool: true, string: 'test', number: 42 };

  it('encodes as encoding/json does: keys sorted, HTML escaped unless raw', () => {
    assert.equal(call('toJson', top), '{"bool":true,"number":42,"string":"test"}');
    assert.equal(call('mustToJson', [1, null, 'a']), '[1,null,"a"]');
    assert.equal(call('toPrettyJson', top), '{\n  "bool": true,\n  "number": 42,\n  "string": "test"\n}');
    assert.equal(call('toPrettyJson', { a: [], b: {}, c: [1, { d: 2 }] }), '{\n  "a": [],\n  "b": {},\n  "c": [\n    1,\n    {\n      "d": 2\n    }\n  ]\n}');
    assert.equal(call('toRawJson', { ...top, html: '<HEAD>' }), '{"bool":true,"html":"<HEAD>","number":42,"string":"test"}');
    assert.equal(call('toJson', '<a href="x">&</a>'), '"\\u003ca href=\\"x\\"\\u003e\\u0026\\u003c/a\\u003e"');
    assert.equal(call('toJson', 'tab\t nl\n bs\b ff\f \u0001 \u2028 é'), '"tab\\t nl\\n bs\\b ff\\f \\u0001 \\u2028 é"');
    assert.equal(call('toJson', null), 'null');
    assert.equal(call('toJson', 'x'), '"x"');
  });

  it('formats numbers as Go does, and cannot encode NaN or infinities', () => {
    assert.equal(call('toJson', [1e21, 1e20, 1.5e-7, 0.000001, -0, 3.25]), '[1e+21,100000000000000000000,1.5e-7,0.000001,-0,3.25]');
    assert.equal(call('toJson', NaN), '');
    assert.equal(call('toRawJson', { a: Infinity }), '');
    assert.equal(failure('mustToJson', NaN), 'error calling mustToJson: json: unsupported value: NaN');
    assert.equal(failure('mustToPrettyJson', [-Infinity]), 'error calling mustToPrettyJson: json: unsupported value: -Inf');
  });

  it('decodes JSON, numbers as float64; invalid JSON is nil unless must', () => {
    assert.deepEqual(call('fromJson', '{"foo": 55}'), { foo: 55 });
    assert.deepEqual(call('fromJson', ' [1, "a", true, null, {"b": [] }] '), [1, 'a', true, null, { b: [] }]);
    assert.deepEqual(call('mustFromJson', '"\\u00e9\\ud83d\\ude00\\ud800"'), 'é😀\ufffd');
    const decoded = call('fromJson', '{"__proto__": 1, "a": 1, "a": 2}') as Record<string, unknown>;
    assert.deepEqual(Object.keys(decoded), ['__proto__', 'a']);
    assert.equal(decoded.a, 2);
    assert.equal(call('fromJson', 'bad'), null);
  });

  it('reports Go’s syntax errors', () => {
    const cases: [string, string][] = [
      ['bad', "invalid character 'b' looking for beginning of value"],
      ['', 'unexpected end of JSON input'],
      ['{', 'unexpected end of JSON input'],
      ['{"a": tru}', "invalid character '}' in literal true (expecting 'e')"],
      ['{"a":1,}', "invalid character '}' looking for beginning of object key string"],
      ['{"a" 1}', "invalid character '1' after object key"],
      ['{"a":1 "b":2}', `invalid character '"' after object key:value pair`],
      ['[1 2]', "invalid character '2' after array element"],
      ['[1.]', "invalid character ']' after decimal point in numeric literal"],
      ['[1e+]', "invalid character ']' in exponent of numeric literal"],
      ['-x', "invalid character 'x' in numeric literal"],
      ['"a\nb"', "invalid character '\\n' in string literal"],
      ['"\\x"', "invalid character 'x' in string escape code"],
      ['1 2', "invalid character '2' after top-level value"],
      ["'a'", "invalid character '\\'' looking for beginning of value"],
      ['é', "invalid character 'Ã' looking for beginning of value"],
      ['1e400', 'json: cannot unmarshal number 1e400 into Go value of type float64'],
    ];
    for (const [input, message] of cases) assert.equal(failure('mustFromJson', input), `error calling mustFromJson: ${message}`, input);
  });
});
