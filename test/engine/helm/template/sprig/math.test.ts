import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { call, failure } from './call';

describe('Sprig integer math', () => {
  it('converts operands to int64 and stays integral', () => {
    // `3 | add 1 2` is add(1, 2, 3).
    assert.equal(call('add', 1, 2, 3), 6);
    assert.equal(call('add'), 0);
    assert.equal(call('add', '2', 1.9, true), 4);
    assert.equal(call('add1', 3), 4);
    assert.equal(call('sub', 14, 3), 11);
    assert.equal(call('mul', '2', 3, '4', 1), 24);
    assert.equal(call('mul', 4294967296, 4294967296), 0);
  });

  it('divides as integers, truncating toward zero', () => {
    // `4 | div 5` is div(5, 4).
    assert.equal(call('div', 5, 4), 1);
    assert.equal(call('div', -7, 2), -3);
    assert.equal(call('div', 7.9, 2.9), 3);
    assert.equal(call('mod', 7, 3), 1);
    assert.equal(call('mod', -7, 2), -1);
    assert.equal(failure('div', 1, 0), 'error calling div: runtime error: integer divide by zero');
    assert.equal(failure('mod', 1, 'x'), 'error calling mod: runtime error: integer divide by zero');
  });

  it('finds the largest and smallest as int64', () => {
    assert.equal(call('max', 1, 2, 3, 345, 5, 6, 7), 345);
    assert.equal(call('biggest', 1, 2, 3, 345, 5, 6, 7), 345);
    assert.equal(call('max', 345), 345);
    assert.equal(call('max', 1.9, 1.2), 1);
    assert.equal(call('min', 1, 2, 3, 345, 5, 6, 7), 1);
    assert.equal(call('min', 345), 345);
    assert.equal(failure('max'), 'wrong number of args for max: want at least 1 got 0');
  });
});

describe('Sprig float math', () => {
  it('finds the largest and smallest as float64', () => {
    assert.equal(call('maxf', 1, 2, 3, 345.7, 5, 6, 7), 345.7);
    assert.equal(call('minf', 1.4, 2, 3, 345.6, 5, 6, 7), 1.4);
    assert.equal(call('minf', 345), 345);
    assert.equal(call('maxf', Infinity, NaN), Infinity);
    assert.ok(Number.isNaN(call('maxf', 1, NaN)));
  });

  it('rounds, floors and ceils', () => {
    assert.equal(call('ceil', 123), 123);
    assert.equal(call('ceil', '123'), 123);
    assert.equal(call('ceil', 123.01), 124);
    assert.equal(call('ceil', '123.01'), 124);
    assert.equal(call('floor', 123.9999), 123);
    assert.equal(call('floor', '123.9999'), 123);
    assert.equal(call('round', 123.5555, 3), 123.556);
    assert.equal(call('round', '123.55555', 3), 123.556);
    assert.equal(call('round', 123.500001, 0), 124);
    assert.equal(call('round', 123.49999999, 0), 123);
    assert.equal(call('round', 123.2329999, 2, 0.3), 123.23);
    assert.equal(call('round', 123.233, 2, 0.3), 123.24);
    assert.equal(call('round', -2.5, 0), -3);
  });

  it('computes in decimal, so 1.1 + 2.2 is 3.3', () => {
    assert.equal(call('addf', 1.1, 2.2), 3.3);
    assert.equal(call('addf', 1.5, 2.2, 3), 6.7);
    assert.equal(call('addf'), 0);
    assert.equal(call('add1f', 3.4), 4.4);
    assert.equal(call('subf', 4.5, 1, 3), 0.5);
    assert.equal(call('divf', 5, 4, 2), 0.625);
    assert.equal(call('divf', 2, 3), 0.6666666666666667);
    assert.equal(call('divf', -2, 3), -0.6666666666666667);
    assert.equal(call('mulf', '2.4', 10, '4', 1.2), 115.2);
    assert.equal(call('mulf', 0.1, 3), 0.3);
    assert.equal(failure('divf', 1, 0), 'error calling divf: decimal division by zero');
    assert.equal(failure('addf', NaN), 'error calling addf: Cannot create a Decimal from NaN');
  });
});
