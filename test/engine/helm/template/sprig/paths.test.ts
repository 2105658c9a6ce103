import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { call } from './call';

describe('Sprig path functions', () => {
  it('work on slash-separated paths as Go’s path package does', () => {
    const cases: [string, string, string][] = [
      ['base', 'foo/bar/baz.txt', 'baz.txt'],
      ['base', 'a/b/', 'b'],
      ['base', '', '.'],
      ['base', '///', '/'],
      ['dir', 'foo/bar/baz', 'foo/bar'],
      ['dir', 'a/b/', 'a/b'],
      ['dir', 'abc', '.'],
      ['dir', '/abc', '/'],
      ['clean', 'foo/bar/../baz', 'foo/baz'],
      ['clean', '', '.'],
      ['clean', 'a//b/./c/', 'a/b/c'],
      ['clean', '/../a', '/a'],
      ['clean', '../../a/..', '../..'],
      ['ext', 'foo.bar', '.bar'],
      ['ext', 'a/b.tar.gz', '.gz'],
      ['ext', 'a.b/c', ''],
      ['ext', '.bashrc', '.bashrc'],
    ];
    for (const [name, input, expected] of cases) {
      assert.equal(call(name, input), expected, `${name} ${input}`);
      assert.equal(call(`os${name[0]?.toUpperCase()}${name.slice(1)}`, input), expected, `os ${name} ${input}`);
    }
    assert.equal(call('isAbs', '/a'), true);
    assert.equal(call('osIsAbs', 'a/b'), false);
  });
});
