import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { call, failure } from './call';

const EMAIL = '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}';

describe('Sprig regex functions', () => {
  it('matches, finds and splits (Sprig regex_test)', () => {
    for (const name of ['regexMatch', 'mustRegexMatch']) {
      assert.equal(call(name, EMAIL, 'test@acme.com'), true);
      assert.equal(call(name, EMAIL, 'Test@Acme.Com'), true);
      assert.equal(call(name, EMAIL, 'test'), false);
      assert.equal(call(name, EMAIL, 'test@acme'), false);
    }
    for (const name of ['regexFindAll', 'mustRegexFindAll']) {
      assert.deepEqual(call(name, 'a{2}', 'aa', -1), ['aa']);
      assert.deepEqual(call(name, 'a{2}', 'aaaaaaaa', 1), ['aa']);
      assert.deepEqual(call(name, 'a{2}', 'aaaa', -1), ['aa', 'aa']);
      assert.deepEqual(call(name, 'a{2}', 'none', -1), []);
      assert.deepEqual(call(name, '[2,4,6,8]', '123456789', -1), ['2', '4', '6', '8']);
    }
    for (const name of ['regexFind', 'mustRegexFind']) {
      assert.equal(call(name, 'fo.?', 'foorbar'), 'foo');
      assert.equal(call(name, 'fo.?', 'foo foe fome'), 'foo');
      assert.equal(call(name, 'fo.?', 'none'), '');
      assert.equal(call(name, '[a-zA-Z][1-9]', 'abcd1234'), 'd1');
    }
    for (const name of ['regexSplit', 'mustRegexSplit']) {
      assert.deepEqual(call(name, 'a', 'banana', -1), ['b', 'n', 'n', '']);
      assert.deepEqual(call(name, 'a', 'banana', 0), []);
      assert.deepEqual(call(name, 'a', 'banana', 1), ['banana']);
      assert.deepEqual(call(name, 'a', 'banana', 2), ['b', 'nana']);
      assert.deepEqual(call(name, 'z+', 'pizza', -1), ['pi', 'a']);
      assert.deepEqual(call(name, '/', 'foo/bar/baz', -1), ['foo', 'bar', 'baz']);
    }
    assert.equal(call('regexQuoteMeta', '1.2.3'), '1\\.2\\.3');
    assert.equal(call('regexQuoteMeta', 'pretzel'), 'pretzel');
    assert.equal(call('regexQuoteMeta', '\\.+*?()|[]{}^$'), '\\\\\\.\\+\\*\\?\\(\\)\\|\\[\\]\\{\\}\\^\\$');
  });

  it('expands replacements as Go does: `$1x` names group `1x`, `${1}x` is group 1', () => {
    for (const name of ['regexReplaceAll', 'mustRegexReplaceAll']) {
      assert.equal(call(name, 'a(x*)b', '-ab-axxb-', 'T'), '-T-T-');
      assert.equal(call(name, 'a(x*)b', '-ab-axxb-', '$1'), '--xx-');
      assert.equal(call(name, 'a(x*)b', '-ab-axxb-', '$1W'), '---');
      assert.equal(call(name, 'a(x*)b', '-ab-axxb-', '${1}W'), '-W-xxW-');
    }
    assert.equal(call('regexReplaceAll', '(?P<word>\\w+)', 'hi there', '<${word}>'), '<hi> <there>');
    assert.equal(call('regexReplaceAll', '(?<key>\\w+)=(?<value>\\w+)', 'a=b', '$value=$key'), 'b=a');
    assert.equal(call('regexReplaceAll', 'a', 'a', '$$ $ ${ $2 ${x'), '$ $ ${  ${x');
    for (const name of ['regexReplaceAllLiteral', 'mustRegexReplaceAllLiteral']) {
      assert.equal(call(name, 'a(x*)b', '-ab-axxb-', 'T'), '-T-T-');
      assert.equal(call(name, 'a(x*)b', '-ab-axxb-', '$1'), '-$1-$1-');
      assert.equal(call(name, 'a(x*)b', '-ab-axxb-', '${1}'), '-${1}-${1}-');
    }
  });

  it('skips an empty match right after a match, as Go does and JS does not', () => {
    assert.equal(call('regexReplaceAll', 'a*', 'baaac', '-'), '-b-c-');
    assert.deepEqual(call('regexFindAll', 'a*', 'baaac', -1), ['', 'aaa', '']);
    assert.deepEqual(call('regexSplit', '', 'abc', -1), ['a', 'b', 'c']);
    assert.deepEqual(call('regexSplit', 'x*', 'axbc', -1), ['a', 'b', 'c']);
    assert.equal(call('regexReplaceAll', '', '😀é', '-'), '-😀-é-');
  });

  it('reads Go syntax: line ends, classes, flags, quoting, escapes', () => {
    assert.equal(call('regexFind', 'a.b', 'a\rb'), 'a\rb');
    assert.equal(call('regexFind', 'a.b', 'a\nb'), '');
    assert.equal(call('regexMatch', '(?s)a.b', 'a\nb'), true);
    assert.equal(call('regexMatch', 'a$', 'a\n'), false);
    assert.equal(call('regexMatch', '^b', 'a\nb'), false);
    assert.equal(call('regexMatch', '(?m)^b$', 'a\nb\nc'), true);
    assert.equal(call('regexMatch', '(?m)^b', 'a\rb'), false);
    assert.equal(call('regexMatch', '(?i)ABC', 'xabcx'), true);
    assert.equal(call('regexMatch', '\\Aab\\z', 'ab'), true);
    assert.equal(call('regexMatch', '^\\s$', '\v'), false);
    assert.equal(call('regexMatch', '^\\s$', '\f'), true);
    assert.equal(call('regexMatch', '^\\d$', '٣'), false);
    assert.equal(call('regexFind', '[[:alpha:]]+', '123abc456'), 'abc');
    assert.equal(call('regexFind', '[[:^digit:][:space:]]+', '12a b34'), 'a b');
    assert.equal(call('regexFind', '\\p{Greek}+', 'abc αβγ'), 'αβγ');
    assert.equal(call('regexFind', '\\pL+', '123héllo'), 'héllo');
    assert.equal(call('regexFind', '[^\\PL]+', '12ab3'), 'ab');
    assert.equal(call('regexFind', '\\Q.*+\\E+', 'a.*++'), '.*++');
    assert.equal(call('regexFind', 'a{,3}', 'a{,3}'), 'a{,3}');
    assert.equal(call('regexFind', '\\x41\\x{42}\\103\\.', 'xABC.'), 'ABC.');
    assert.equal(call('regexFind', '[\\-\\]a]+', 'x-]ay'), '-]a');
    assert.equal(call('regexFind', '[]a]+', 'x]ay'), ']a');
    assert.equal(call('regexFind', '(?U)a+', 'aaa'), 'a');
    assert.equal(call('regexFind', '(?U)a+?', 'aaa'), 'aaa');
    assert.equal(call('regexFind', 'x(?s:.)y(?:.)', 'x\nyzw'), 'x\nyz');
    assert.equal(call('regexMatch', '^v?[0-9]+(\\.[0-9]+){2}(-[0-9A-Za-z.-]+)?$', 'v1.28.3-eks-1234'), true);
  });

  it('reports Go’s syntax errors; regexMatch answers false, the others stop', () => {
    const cases: [string, string][] = [
      ['(', 'missing closing ): `(`'],
      ['x)', 'unexpected ): `x)`'],
      ['a**', 'invalid nested repetition operator: `**`'],
      ['a*?+', 'invalid nested repetition operator: `*?+`'],
      ['*a', 'missing argument to repetition operator: `*`'],
      ['\\1', 'invalid escape sequence: `\\1`'],
      ['\\e', 'invalid escape sequence: `\\e`'],
      ['a\\', 'trailing backslash at end of expression: ``'],
      ['(?=a)', 'invalid or unsupported Perl syntax: `(?=`'],
      ['(?<=a)b', 'invalid named capture: `(?<=a)b`'],
      ['(?P<n-1>a)', 'invalid named capture: `(?P<n-1>`'],
      ['[z-a]', 'invalid character class range: `z-a`'],
      ['[[:foo:]]', 'invalid character class range: `[:foo:]`'],
      ['[a', 'missing closing ]: `[a`'],
      ['a{1001}', 'invalid repeat count: `{1001}`'],
      ['a{3,2}', 'invalid repeat count: `{3,2}`'],
    ];
    for (const [pattern, message] of cases) {
      assert.equal(call('regexMatch', pattern, 'a'), false, pattern);
      assert.equal(failure('mustRegexMatch', pattern, 'a'), `error calling mustRegexMatch: error parsing regexp: ${message}`, pattern);
      assert.equal(failure('mustRegexFind', pattern, 'a'), `error calling mustRegexFind: error parsing regexp: ${message}`, pattern);
    }
    assert.equal(failure('regexFind', '(', 'a'), 'error calling regexFind: regexp: Compile(`(`): error parsing regexp: missing closing ): `(`');
    assert.equal(failure('regexSplit', 'a\n(', 'a', -1), 'error calling regexSplit: regexp: Compile("a\\n("): error parsing regexp: missing closing ): `a\n(`');
  });

  it('stops the template on what Go accepts but cannot be rendered here', () => {
    assert.equal(
      failure('regexMatch', 'a(?i)b', 'aB'),
      'error calling regexMatch: case-insensitive matching in part of a regular expression is not supported: `(?i)`',
    );
  });
});
