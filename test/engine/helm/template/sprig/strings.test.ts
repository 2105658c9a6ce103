import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { call, failure } from './call';

describe('Sprig string functions', () => {
  it('trims as Go does: Unicode white space, not a byte order mark', () => {
    assert.equal(call('trim', '   hello    '), 'hello');
    assert.equal(call('trim', '\u0085\tx\u00a0\n'), 'x');
    assert.equal(call('trim', '\ufeffx'), '\ufeffx');
    assert.equal(call('trimAll', '$', '$5.00'), '5.00');
    assert.equal(call('trimAll', '$', '$5.00$'), '5.00');
    assert.equal(call('trimall', '$', '$$5$'), '5');
    assert.equal(call('trimPrefix', '-', '-hello'), 'hello');
    assert.equal(call('trimSuffix', '-', 'hello-'), 'hello');
    assert.equal(call('trimPrefix', '$', '$5.00'), '5.00');
    assert.equal(call('trimSuffix', '', 'abc'), 'abc');
  });

  it('changes case rune by rune with the simple mapping', () => {
    assert.equal(call('upper', 'hello'), 'HELLO');
    assert.equal(call('lower', 'HELLO'), 'hello');
    assert.equal(call('upper', 'straße'), 'STRAßE');
    assert.equal(call('title', 'hello world'), 'Hello World');
    assert.equal(call('title', 'hello-world foo_bar 3d'), 'Hello-World Foo_bar 3d');
    assert.equal(call('untitle', 'Hello World'), 'hello world');
    assert.equal(call('untitle', 'First Try'), 'first try');
    assert.equal(call('swapcase', 'This Is A.Test'), 'tHIS iS a.tEST');
  });

  it('repeats, and refuses a negative count as strings.Repeat panics', () => {
    assert.equal(call('repeat', 3, 'hello'), 'hellohellohello');
    assert.equal(failure('repeat', -1, 'x'), 'error calling repeat: strings: negative Repeat count');
    assert.equal(failure('repeat', 1 << 25, 'x'), 'error calling repeat: result of 33554432 characters is too long to render');
  });

  it('takes substrings by byte offsets, with Go slice panics out of range', () => {
    assert.equal(call('substr', 0, 5, 'hello world'), 'hello');
    assert.equal(call('substr', 0, 3, 'fooo'), 'foo');
    assert.equal(call('substr', 0, 10, 'foo'), 'foo');
    assert.equal(call('substr', -1, 2, 'abc'), 'ab');
    assert.equal(call('substr', 1, -1, 'abc'), 'bc');
    assert.equal(failure('substr', 2, 1, 'abc'), 'error calling substr: runtime error: slice bounds out of range [2:1]');
    assert.equal(failure('substr', 5, -1, 'abc'), 'error calling substr: runtime error: slice bounds out of range [5:3]');
    assert.equal(failure('substr', -1, 5, 'abc'), 'error calling substr: runtime error: slice bounds out of range [:5] with length 3');
  });

  it('truncates by bytes, from the end for a negative count', () => {
    assert.equal(call('trunc', 5, 'hello world'), 'hello');
    assert.equal(call('trunc', -5, 'hello world'), 'world');
    assert.equal(call('trunc', 3, 'foooooo'), 'foo');
    assert.equal(call('trunc', -3, 'baaaaaar'), 'aar');
    assert.equal(call('trunc', -999, 'baaaaaar'), 'baaaaaar');
    assert.equal(call('trunc', 0, 'baaaaaz'), '');
    assert.equal(call('trunc', 3, 'héllo'), 'hé');
    assert.equal(call('trunc', 63, 'short'), 'short');
  });

  it('abbreviates, wraps, takes initials and removes spaces as goutils does', () => {
    assert.equal(call('abbrev', 5, 'hello world'), 'he...');
    assert.equal(call('abbrev', 3, 'hello world'), 'hello world');
    assert.equal(call('abbrev', 20, 'hello world'), 'hello world');
    assert.equal(call('abbrevboth', 5, 10, '1234 5678 9123'), '...5678...');
    assert.equal(call('initials', 'First Try'), 'FT');
    assert.equal(call('nospace', 'hello w o r l d'), 'helloworld');
    assert.equal(call('nospace', 'h e l l o '), 'hello');
    assert.equal(call('nospace', 'héllo'), 'héllo');
    // goutils reads bytes as runes once it drops a space: Helm renders `a é` as `aÃ©`.
    assert.equal(call('nospace', 'a é'), 'aÃ©');
    assert.equal(call('wrap', 5, 'Hello World'), 'Hello\nWorld');
    assert.equal(call('wrap', 3, 'abcdefgh ij'), 'abcdefgh\nij');
    assert.equal(call('wrapWith', 5, '\t', 'Hello World'), 'Hello\tWorld');
    assert.equal(call('wrapWith', 3, '\n', 'abcdefgh'), 'abc\ndef\ngh');
  });

  it('tests for substrings with the string last, so it can be piped', () => {
    assert.equal(call('contains', 'cat', 'catch'), true);
    assert.equal(call('contains', 'cat', 'fair catch'), true);
    assert.equal(call('contains', 'dog', 'catch'), false);
    assert.equal(call('hasPrefix', 'cat', 'catch'), true);
    assert.equal(call('hasSuffix', 'cat', 'ducat'), true);
    assert.equal(call('hasSuffix', 'cat', 'catch'), false);
  });

  it('quotes every argument but nil, with Go escapes', () => {
    assert.equal(call('quote', 'a', 'b', 'c'), '"a" "b" "c"');
    assert.equal(call('quote', '"a"', 'b'), '"\\"a\\"" "b"');
    assert.equal(call('quote', 1, 2, 3), '"1" "2" "3"');
    assert.equal(call('quote', null), '');
    assert.equal(call('quote', 'x', null, true), '"x" "true"');
    assert.equal(call('quote', 'tab\tline\nbell\u0007 nbsp\u00a0 é 😀 del\u007f zw\u200b'), '"tab\\tline\\nbell\\a nbsp\\u00a0 é 😀 del\\x7f zw\\u200b"');
    assert.equal(call('quote', 1e6), '"1e+06"');
    assert.equal(call('quote', ['a', 1]), '"[a 1]"');
    assert.equal(call('squote', 'a', 'b', 'c'), "'a' 'b' 'c'");
    assert.equal(call('squote', 1, 2, 3), "'1' '2' '3'");
    assert.equal(call('squote', null), '');
    assert.equal(call('squote', { b: 1, a: 'x' }), "'map[a:x b:1]'");
  });

  it('concatenates with spaces, dropping nil', () => {
    assert.equal(call('cat', 'hello', 'beautiful', 'world'), 'hello beautiful world');
    assert.equal(call('cat', 'a', 'b', null), 'a b');
    assert.equal(call('cat', 1, true, [1, 2], 0.5), '1 true [1 2] 0.5');
    assert.equal(call('cat'), '');
  });

  it('indents every line', () => {
    assert.equal(call('indent', 4, 'a\nb\nc'), '    a\n    b\n    c');
    assert.equal(call('nindent', 4, 'a\nb\nc'), '\n    a\n    b\n    c');
    assert.equal(call('indent', 2, ''), '  ');
    assert.equal(failure('nindent', -2, 'a'), 'error calling nindent: strings: negative Repeat count');
  });

  it('replaces every occurrence, around each rune for an empty old string', () => {
    assert.equal(call('replace', ' ', '-', 'I Am Henry VIII'), 'I-Am-Henry-VIII');
    assert.equal(call('replace', '', '-', 'a😀b'), '-a-😀-b-');
    assert.equal(call('plural', 'one anchovy', 'many anchovies', 1), 'one anchovy');
    assert.equal(call('plural', 'one anchovy', 'many anchovies', 0), 'many anchovies');
    assert.equal(call('plural', 'one anchovy', 'many anchovies', 2), 'many anchovies');
  });

  it('converts case styles as xstrings does', () => {
    const snake: [string, string][] = [
      ['FirstName', 'first_name'],
      ['HTTPServer', 'http_server'],
      ['NoHTTPS', 'no_https'],
      ['GO_PATH', 'go_path'],
      ['GO PATH', 'go_path'],
      ['GO-PATH', 'go_path'],
      ['http2xx', 'http_2xx'],
      ['HTTP20xOK', 'http_20x_ok'],
      ['Duration2m3s', 'duration_2m3s'],
      ['Bld4Floor3rd', 'bld4_floor_3rd'],
      ['', ''],
    ];
    for (const [input, expected] of snake) {
      assert.equal(call('snakecase', input), expected, input);
      assert.equal(call('kebabcase', input), expected.replaceAll('_', '-'), input);
    }
    const camel: [string, string][] = [
      ['http_server', 'HttpServer'],
      ['_camel_case', '_CamelCase'],
      ['no_https', 'NoHttps'],
      ['_complex__case_', '_Complex_Case_'],
      ['all', 'All'],
      ['GOLANG_IS_GREAT', 'GolangIsGreat'],
      ['some words', 'SomeWords'],
      ['a', 'A'],
      ['', ''],
    ];
    for (const [input, expected] of camel) assert.equal(call('camelcase', input), expected, input);
  });

  it('prints values as Go prints them with %v', () => {
    const cases: [unknown, string][] = [
      ['x', 'x'],
      [3, '3'],
      [1.5, '1.5'],
      [100000, '100000'],
      [1e6, '1e+06'],
      [1234567, '1.234567e+06'],
      [0.0001, '0.0001'],
      [0.00001, '1e-05'],
      [-2.5e-7, '-2.5e-07'],
      [1e21, '1e+21'],
      [NaN, 'NaN'],
      [-Infinity, '-Inf'],
      [true, 'true'],
      [null, '<nil>'],
      [[1, 'a', null, [true]], '[1 a <nil> [true]]'],
      [{ b: 1, a: [2], c: { d: null } }, 'map[a:[2] b:1 c:map[d:<nil>]]'],
    ];
    for (const [value, expected] of cases) assert.equal(call('toString', value), expected, String(value));
    assert.equal(call('hello'), 'Hello!');
  });
});
