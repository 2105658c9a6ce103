import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { call, failure } from './call';

const NIL_DEREFERENCE = 'runtime error: invalid memory address or nil pointer dereference';

describe('Sprig list functions', () => {
  it('builds lists and adds to them without changing the original', () => {
    assert.deepEqual(call('list', 1, 'a', 'foo'), [1, 'a', 'foo']);
    assert.deepEqual(call('tuple', 1, 'a'), [1, 'a']);
    assert.deepEqual(call('list'), []);
    const original = [1, 2, 3];
    for (const name of ['append', 'push', 'mustAppend', 'mustPush']) assert.deepEqual(call(name, original, 4), [1, 2, 3, 4], name);
    for (const name of ['prepend', 'mustPrepend']) assert.deepEqual(call(name, original, 0), [0, 1, 2, 3], name);
    assert.deepEqual(original, [1, 2, 3]);
    assert.equal(failure('append', 'abc', 1), 'error calling append: Cannot push on type string');
    assert.equal(failure('mustPrepend', { a: 1 }, 1), 'error calling mustPrepend: Cannot prepend on type map');
    assert.equal(failure('push', null, 1), `error calling push: ${NIL_DEREFERENCE}`);
  });

  it('takes the first, last, rest and initial items', () => {
    for (const prefix of ['', 'must']) {
      const name = (base: string): string => (prefix === '' ? base : `must${base[0]?.toUpperCase()}${base.slice(1)}`);
      assert.equal(call(name('first'), [1, 2, 3]), 1);
      assert.equal(call(name('first'), []), null);
      assert.equal(call(name('last'), [1, 2, 3]), 3);
      assert.equal(call(name('last'), []), null);
      assert.deepEqual(call(name('rest'), [1, 2, 3]), [2, 3]);
      assert.deepEqual(call(name('rest'), []), []);
      assert.deepEqual(call(name('initial'), [1, 2, 3]), [1, 2]);
      assert.deepEqual(call(name('initial'), []), []);
    }
    assert.equal(failure('first', 'abc'), 'error calling first: Cannot find first on type string');
    assert.equal(failure('mustLast', 5), 'error calling mustLast: Cannot find last on type float64');
    assert.equal(failure('first', null), `error calling first: ${NIL_DEREFERENCE}`);
  });

  it('reverses, removes duplicates, compacts and removes items', () => {
    assert.deepEqual(call('reverse', [1, 2, 3, 4]), [4, 3, 2, 1]);
    assert.deepEqual(call('mustReverse', []), []);
    assert.deepEqual(call('uniq', [1, 1, 1, 1, 2, 2, 2, 2]), [1, 2]);
    assert.deepEqual(call('uniq', ['foo', 1, 1, 1, 1, 'foo', 'foo']), ['foo', 1]);
    assert.deepEqual(call('mustUniq', [{ a: [1] }, { a: [1] }, { a: [2] }]), [{ a: [1] }, { a: [2] }]);
    assert.deepEqual(call('compact', [1, 0, '', 'hello', null, false, [], {}, [0]]), [1, 'hello', [0]]);
    assert.deepEqual(call('mustCompact', ['', '']), []);
    assert.deepEqual(call('without', [1, 2, 3, 4], 1), [2, 3, 4]);
    assert.deepEqual(call('without', [1, 1, 1, 1, 2], 1), [2]);
    assert.deepEqual(call('without', [1, 2, 3]), [1, 2, 3]);
    assert.deepEqual(call('mustWithout', ['a', 'b', 'c', 'd'], 'a', 'c'), ['b', 'd']);
    assert.equal(failure('compact', 'ab'), 'error calling compact: Cannot compact on type string');
    assert.equal(failure('without', {}, 1), 'error calling without: Cannot find without on type map');
  });

  it('tests membership with Go deep equality; nil holds nothing', () => {
    assert.equal(call('has', 1, [1, 2, 3]), true);
    assert.equal(call('has', 4, [1, 2, 3]), false);
    assert.equal(call('mustHas', 'bar', ['foo', 'bar']), true);
    assert.equal(call('has', 'bar', null), false);
    assert.equal(call('has', { a: 1 }, [{ a: 1 }]), true);
    assert.equal(failure('has', 'a', 'abc'), 'error calling has: Cannot find has on type string');
  });

  it('slices like Go, with nil for an empty list', () => {
    assert.deepEqual(call('slice', [1, 2, 3]), [1, 2, 3]);
    assert.deepEqual(call('slice', [1, 2, 3], 0, 1), [1]);
    assert.deepEqual(call('slice', [1, 2, 3], 1, 3), [2, 3]);
    assert.deepEqual(call('mustSlice', [1, 2, 3], 1), [2, 3]);
    assert.deepEqual(call('slice', [1, 2, 3], '1', 2.9), [2]);
    assert.equal(call('slice', [], 0, 0), null);
    assert.equal(failure('slice', [1, 2, 3], 2, 5), 'error calling slice: reflect.Value.Slice: slice index out of bounds');
    assert.equal(failure('mustSlice', 'abc', 1), 'error calling mustSlice: list should be type of slice or array but string');
  });

  it('concatenates and chunks lists', () => {
    assert.deepEqual(call('concat', [1, 2, 3], [4, 5], []), [1, 2, 3, 4, 5]);
    assert.deepEqual(call('concat', [1], [null], [['foo']]), [1, null, ['foo']]);
    assert.deepEqual(call('concat'), []);
    assert.equal(failure('concat', [1], 'x'), 'error calling concat: Cannot concat type string as list');
    assert.deepEqual(call('chunk', 3, [1, 2, 3, 4, 5, 6, 7]), [[1, 2, 3], [4, 5, 6], [7]]);
    assert.deepEqual(call('mustChunk', 2, [1, 2, 3, 4]), [[1, 2], [3, 4]]);
    assert.deepEqual(call('chunk', 2, []), []);
    assert.equal(failure('chunk', 0, [1]), 'error calling chunk: runtime error: makeslice: len out of range');
    assert.equal(failure('chunk', 2, 'ab'), 'error calling chunk: Cannot chunk type string');
  });

  it('counts with until and untilStep', () => {
    assert.deepEqual(call('until', 5), [0, 1, 2, 3, 4]);
    assert.deepEqual(call('until', -5), [0, -1, -2, -3, -4]);
    assert.deepEqual(call('untilStep', 0, 5, 1), [0, 1, 2, 3, 4]);
    assert.deepEqual(call('untilStep', 3, 6, 1), [3, 4, 5]);
    assert.deepEqual(call('untilStep', 0, -10, -2), [0, -2, -4, -6, -8]);
    for (const args of [[3, 0, 1], [3, 99, 0], [3, 99, -1], [3, 0, 0]]) assert.deepEqual(call('untilStep', ...args), [], String(args));
    assert.equal(failure('until', 2_000_000), 'error calling until: list of 2000000 items is too long to render');
  });

  it('prints sequences with seq', () => {
    const cases: [number[], string][] = [
      [[0, 1, 3], '0 1 2 3'],
      [[0, 3, 10], '0 3 6 9'],
      [[3, 3, 2], ''],
      [[3, -3, 2], '3'],
      [[], ''],
      [[0, 4], '0 1 2 3 4'],
      [[5], '1 2 3 4 5'],
      [[-5], '1 0 -1 -2 -3 -4 -5'],
      [[0], '1 0'],
      [[0, 1, 2, 3], ''],
      [[0, -4], '0 -1 -2 -3 -4'],
    ];
    for (const [args, expected] of cases) assert.equal(call('seq', ...args), expected, `seq ${args.join(' ')}`);
  });
});
