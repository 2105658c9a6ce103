import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { call } from './call';

describe('Sprig string list functions', () => {
  it('splits into a list, or into a dict keyed _0, _1, …', () => {
    assert.deepEqual(call('splitList', '$', 'foo$bar$baz'), ['foo', 'bar', 'baz']);
    assert.deepEqual(call('split', '$', 'foo$bar$baz'), { _0: 'foo', _1: 'bar', _2: 'baz' });
    assert.deepEqual(call('splitn', '$', 2, 'foo$bar$baz'), { _0: 'foo', _1: 'bar$baz' });
    assert.deepEqual(call('splitn', '$', 0, 'foo$bar'), {});
    assert.deepEqual(call('splitn', '$', -1, 'foo$bar'), { _0: 'foo', _1: 'bar' });
    assert.deepEqual(call('splitList', ',', ''), ['']);
    assert.deepEqual(call('splitList', '', 'a😀b'), ['a', '😀', 'b']);
  });

  it('joins anything list-like, dropping nil items', () => {
    assert.equal(call('join', '_', ['hello', 'world']), 'hello_world');
    assert.equal(call('join', '+', [1, 2, 3]), '1+2+3');
    assert.equal(call('join', '-', ['1', null, '2']), '1-2');
    assert.equal(call('join', '-', 'abc'), 'abc');
    assert.equal(call('join', ',', null), '');
    assert.equal(call('join', ',', [1e6, true]), '1e+06,true');
  });

  it('converts to strings and sorts by code point', () => {
    assert.deepEqual(call('toStrings', [1, 2, 3]), ['1', '2', '3']);
    assert.deepEqual(call('toStrings', [1, null, 2]), ['1', '2']);
    assert.deepEqual(call('toStrings', 'x'), ['x']);
    assert.deepEqual(call('sortAlpha', ['c', 'a', 'b']), ['a', 'b', 'c']);
    assert.deepEqual(call('sortAlpha', [2, 1, 4, 3]), ['1', '2', '3', '4']);
    assert.deepEqual(call('sortAlpha', ['b', 'é', 'B', 'a', 'Z', '😀', '\uffff']), ['B', 'Z', 'a', 'b', 'é', '\uffff', '😀']);
    assert.deepEqual(call('sortAlpha', 'x'), ['x']);
    assert.deepEqual(call('sortAlpha', null), ['<nil>']);
  });

  it('leaves the input list as it was', () => {
    const input = ['b', 'a'];
    call('sortAlpha', input);
    assert.deepEqual(input, ['b', 'a']);
  });
});
