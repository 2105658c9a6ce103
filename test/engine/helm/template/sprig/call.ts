import assert from 'node:assert/strict';
import { TemplateFunctionError } from '../../../../../engine/helm/template/functions';
import { sprigFunctions } from '../../../../../engine/helm/template/sprig';

/** Calls a Sprig function with arguments in Go's order (a piped value last). */
export function call(name: string, ...args: unknown[]): unknown {
  const fn = sprigFunctions[name];
  assert.ok(fn, `${name} is not in the table`);
  return fn(...args);
}

/** The message of the TemplateFunctionError a call throws; fails the test if it returns or throws anything else. */
export function failure(name: string, ...args: unknown[]): string {
  try {
    call(name, ...args);
  } catch (error) {
    assert.ok(error instanceof TemplateFunctionError, `${name} threw ${String(error)}`);
    return error.message;
  }
  assert.fail(`${name} returned instead of failing`);
}
