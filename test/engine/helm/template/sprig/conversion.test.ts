import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { call, failure } from './call';

describe('Sprig conversion functions', () => {
  it('converts to integers as spf13/cast does, truncating and never failing', () => {
    const cases: [unknown, number][] = [
      [102, 102],
      ['102', 102],
      ['frankie', 0],
      [102.1234, 102],
      [-3.9, -3],
      [true, 1],
      [false, 0],
      [null, 0],
      ['10.00', 10],
      ['10.50', 0],
      ['0x1F', 31],
      ['0o17', 15],
      ['0b101', 5],
      ['010', 8],
      ['08', 0],
      ['1_000', 1000],
      ['1__000', 0],
      ['-42', -42],
      [' 5', 0],
      ['9223372036854775808', 0],
      [[1], 0],
      [{ a: 1 }, 0],
    ];
    for (const [value, expected] of cases) {
      assert.equal(call('int64', value), expected, `int64 ${JSON.stringify(value)}`);
      assert.equal(call('int', value), expected, `int ${JSON.stringify(value)}`);
    }
  });

  it('converts to float64, parsing Go float syntax', () => {
    const cases: [unknown, number][] = [
      ['102', 102],
      ['102.5', 102.5],
      ['1e3', 1000],
      ['.5', 0.5],
      ['0x1p-2', 0.25],
      ['Inf', Infinity],
      ['-infinity', -Infinity],
      ['1e400', 0],
      ['frankie', 0],
      [true, 1],
      [null, 0],
      [2.5, 2.5],
    ];
    for (const [value, expected] of cases) assert.equal(call('float64', value), expected, JSON.stringify(value));
    assert.ok(Number.isNaN(call('float64', 'NaN')));
  });

  it('reads decimal strings with atoi, and octal with toDecimal', () => {
    assert.equal(call('atoi', '42'), 42);
    assert.equal(call('atoi', '-7'), -7);
    assert.equal(call('atoi', '+7'), 7);
    assert.equal(call('atoi', '4.2'), 0);
    assert.equal(call('atoi', '0x10'), 0);
    assert.equal(call('atoi', '99999999999999999999'), 9223372036854775807);
    assert.equal(failure('atoi', 42), 'wrong type for value; expected string; got float64');
    assert.equal(call('toDecimal', '0777'), 511);
    assert.equal(call('toDecimal', 777), 511);
    assert.equal(call('toDecimal', 770), 504);
    assert.equal(call('toDecimal', 755), 493);
    assert.equal(call('toDecimal', '8'), 0);
    assert.equal(call('toDecimal', 'rwx'), 0);
  });
});

describe('Sprig reflection functions', () => {
  it('names the Go types and kinds of values', () => {
    const cases: [unknown, string, string][] = [
      ['x', 'string', 'string'],
      [1, 'float64', 'float64'],
      [true, 'bool', 'bool'],
      [null, '<nil>', 'invalid'],
      [[1], '[]interface {}', 'slice'],
      [{ a: 1 }, 'map[string]interface {}', 'map'],
    ];
    for (const [value, type, kind] of cases) {
      assert.equal(call('typeOf', value), type);
      assert.equal(call('kindOf', value), kind);
      assert.equal(call('typeIs', type, value), true);
      assert.equal(call('kindIs', kind, value), true);
    }
    assert.equal(call('kindIs', 'int', 3), false);
    assert.equal(call('typeIsLike', 'string', 'x'), true);
    assert.equal(call('typeIsLike', 'int', 'x'), false);
  });

  it('compares deeply as reflect.DeepEqual does', () => {
    assert.equal(call('deepEqual', [1, { a: [2, 'x'] }], [1, { a: [2, 'x'] }]), true);
    assert.equal(call('deepEqual', [1], [1, 2]), false);
    assert.equal(call('deepEqual', { a: null }, {}), false);
    assert.equal(call('deepEqual', { a: 1, b: 2 }, { b: 2, a: 1 }), true);
    assert.equal(call('deepEqual', NaN, NaN), false);
    assert.equal(call('deepEqual', '1', 1), false);
    assert.equal(call('deepEqual', null, null), true);
  });
});
