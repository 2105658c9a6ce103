import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { call, failure } from './call';

describe('Sprig dict functions', () => {
  it('builds a dict from pairs, keys printed as strings, a missing value ""', () => {
    assert.deepEqual(call('dict', 'name1', 'value1', 'name2', 'value2'), { name1: 'value1', name2: 'value2' });
    assert.deepEqual(call('dict', 1, 2, 'three', 'four', 5), { 1: 2, three: 'four', 5: '' });
    assert.deepEqual(call('dict'), {});
    const tricky = call('dict', '__proto__', 'x', 'constructor', 1) as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(tricky), Object.prototype);
    assert.deepEqual(Object.keys(tricky), ['__proto__', 'constructor']);
    assert.equal(call('get', tricky, '__proto__'), 'x');
    assert.equal(call('hasKey', {}, 'toString'), false);
  });

  it('gets, sets and unsets keys, changing and returning the same dict', () => {
    const d = { one: 1, two: 222222 } as Record<string, unknown>;
    assert.equal(call('get', d, 'one'), 1);
    assert.equal(call('get', d, 'missing'), '');
    assert.equal(call('get', { a: null }, 'a'), null);
    assert.equal(call('set', d, 'two', 2), d);
    assert.equal(call('set', d, 'three', 3), d);
    assert.deepEqual(d, { one: 1, two: 2, three: 3 });
    assert.equal(call('unset', d, 'two'), d);
    assert.equal(call('unset', d, 'nothing'), d);
    assert.deepEqual(d, { one: 1, three: 3 });
    assert.equal(call('hasKey', d, 'one'), true);
    assert.equal(call('hasKey', d, 'two'), false);
    assert.equal(call('hasKey', { a: null }, 'a'), true);
  });

  it('fails like Go when the dict is not a dict', () => {
    assert.equal(failure('hasKey', [], 'x'), 'wrong type for value; expected map[string]interface {}; got []interface {}');
    assert.equal(failure('get', null, 'x'), 'invalid value; expected map[string]interface {}');
    assert.equal(failure('set', 'abc', 'x', 1), 'wrong type for value; expected map[string]interface {}; got string');
  });

  it('plucks, picks and omits', () => {
    const d1 = { one: 1, two: 222222 };
    const d2 = { one: 1, two: 33333 };
    const d3 = { one: 1 };
    const d4 = { one: 1, two: 4444 };
    assert.deepEqual(call('pluck', 'two', d1, d2, d3, d4), [222222, 33333, 4444]);
    assert.deepEqual(call('pluck', 'two'), []);
    assert.deepEqual(call('pick', d1, 'two'), { two: 222222 });
    assert.deepEqual(call('pick', d1, 'one', 'two', 'three'), { one: 1, two: 222222 });
    assert.deepEqual(call('omit', d1, 'one'), { two: 222222 });
    assert.deepEqual(call('omit', d1, 'one', 'two'), {});
    assert.deepEqual(d1, { one: 1, two: 222222 });
  });

  it('lists keys and values sorted by key, where Go would give map order', () => {
    assert.deepEqual(call('keys', { foo: 1, bar: 2 }), ['bar', 'foo']);
    assert.deepEqual(call('keys', {}), []);
    assert.deepEqual(call('keys', { foo: 1 }, { bar: 2, a: 0 }, { bar: 3 }), ['foo', 'a', 'bar', 'bar']);
    assert.deepEqual(call('values', { b: 2, a: 'first' }), ['first', 2]);
  });

  it('merges deeply, keeping destination values that are not empty (Helm dict_test)', () => {
    const dst = { a: 'one', c: 3, d: { f: 5 }, g: [8, 9], i: 'eye', k: { l: true } };
    const src1 = { a: 1, b: 2, d: { e: 'four' }, g: [6, 7], i: 'aye', j: 'jay', k: { l: false } };
    const src2 = { h: 10, i: 'i', j: 'j' };
    assert.equal(call('merge', dst, src1, src2), dst);
    assert.deepEqual(dst, { a: 'one', b: 2, c: 3, d: { e: 'four', f: 5 }, g: [8, 9], h: 10, i: 'eye', j: 'jay', k: { l: true } });
  });

  it('merges with overwrite, the last source winning (Helm dict_test)', () => {
    const dst = { a: 'one', c: 3, d: { f: 5 }, g: [8, 9], i: 'eye', k: { l: true } };
    const src1 = { a: 1, b: 2, d: { e: 'four' }, g: [6, 7], i: 'aye', j: 'jay', k: { l: false } };
    const src2 = { h: 10, i: 'i', j: 'j' };
    assert.equal(call('mergeOverwrite', dst, src1, src2), dst);
    assert.deepEqual(dst, { a: 1, b: 2, c: 3, d: { e: 'four', f: 5 }, g: [6, 7], h: 10, i: 'i', j: 'j', k: { l: false } });
  });

  it('treats empty destination values as unset, and nil sources as absent unless overwriting', () => {
    assert.deepEqual(call('merge', { a: false, b: 0, c: '', d: [], e: null }, { a: true, b: 2, c: 'x', d: [1], e: 'y' }), {
      a: true,
      b: 2,
      c: 'x',
      d: [1],
      e: 'y',
    });
    assert.deepEqual(call('mustMerge', { a: 1 }, { a: null, b: null }), { a: 1 });
    assert.deepEqual(call('mergeOverwrite', { a: 1, b: { c: 1 } }, { a: null, b: null }), { a: null, b: null });
    assert.deepEqual(call('mustMergeOverwrite', { bool: true, int: 2, str: 'v1' }, { bool: false, int: 0, str: '' }), { bool: false, int: 0, str: '' });
  });

  it('shares what it merges in, as it does not copy', () => {
    const source = { nested: { x: 1 } };
    const merged = call('merge', {}, source) as { nested: unknown };
    assert.equal(merged.nested, source.nested);
    const copy = call('deepCopy', source) as { nested: { x: number } };
    assert.deepEqual(copy, source);
    assert.notEqual(copy.nested, source.nested);
    assert.deepEqual(call('mustDeepCopy', [1, { a: [2] }]), [1, { a: [2] }]);
    assert.equal(call('deepCopy', null), null);
  });

  it('digs through nested dicts, the dict last so it can be piped', () => {
    const d = { a: { b: { c: 1 } } };
    assert.equal(call('dig', 'a', 'b', 'c', '', d), 1);
    assert.equal(call('dig', 'a', 'b', 'z', '2', d), '2');
    assert.equal(call('dig', 'a', '', { a: 1 }), 1);
    assert.equal(call('dig', 'z', '2', { a: 1 }), '2');
    assert.equal(call('dig', 'user', 'role', 'humanName', 'guest', { user: { role: { humanName: 'curator' } } }), 'curator');
    assert.equal(failure('dig', 'a', {}), 'error calling dig: dig needs at least three arguments');
    assert.equal(failure('dig', 'a', 'b', '', { a: 1 }), 'error calling dig: interface conversion: interface {} is float64, not map[string]interface {}');
    assert.equal(failure('dig', 'a', 'b', '', { a: null }), 'error calling dig: interface conversion: interface {} is nil, not map[string]interface {}');
    assert.equal(failure('dig', 1, '', {}), 'error calling dig: interface conversion: interface {} is float64, not string');
    assert.equal(failure('dig', 'a', '', 'x'), 'error calling dig: interface conversion: interface {} is string, not map[string]interface {}');
  });
});
