/**
 * Go function signatures for the table: each function declares its parameters as Go declares them,
 * and calls are checked the way text/template checks them before calling a Go function: argument
 * count, then each argument against its parameter type.
 *
 * Error messages are the ones text/template reports after its position prefix:
 *   - `wrong number of args for trunc: want 2 got 1`
 *   - `wrong type for value; expected string; got float64`
 *   - `error calling first: Cannot find first on type map` for an error the function returns or
 *     panics with (a function throws a GoFailure for those).
 */

import { TemplateFunctionError, type TemplateFunction } from '../functions';
import { GoFailure } from './goFailure';
import { goTypeName, isDict, isNil, type GoDict } from './goValue';

/**
 * Parameter types: `int` accepts integer-valued numbers (a Go template passes an int literal as
 * int; a float64 from values would fail in Go, but a JS number cannot tell the two apart), `any` is
 * interface{} and takes nil, `dict` is map[string]interface{}.
 */
export type ParamKind = 'string' | 'int' | 'float64' | 'bool' | 'any' | 'dict';

interface ParamValue {
  string: string;
  int: number;
  float64: number;
  bool: boolean;
  any: unknown;
  dict: GoDict;
}

type Params<P extends readonly ParamKind[]> = { -readonly [I in keyof P]: ParamValue[P[I]] };

export interface GoSignature {
  readonly params: readonly ParamKind[];
  /** The element type of a variadic last parameter. */
  readonly rest: ParamKind | undefined;
  readonly impl: (...args: never[]) => unknown;
}

/** A function of fixed parameters. */
export function fixed<const P extends readonly ParamKind[]>(params: P, impl: (...args: Params<P>) => unknown): GoSignature {
  return { params, rest: undefined, impl };
}

/** A function whose last parameter is variadic (`...rest`). */
export function variadic<const P extends readonly ParamKind[], R extends ParamKind>(
  params: P,
  rest: R,
  impl: (...args: [...Params<P>, ...ParamValue[R][]]) => unknown,
): GoSignature {
  return { params, rest, impl };
}

/** Binds each signature to its name, which the error messages carry. */
export function defineFunctions(signatures: Readonly<Record<string, GoSignature>>): Record<string, TemplateFunction> {
  const table: Record<string, TemplateFunction> = {};
  for (const [name, signature] of Object.entries(signatures)) table[name] = bind(name, signature);
  return table;
}

function bind(name: string, signature: GoSignature): TemplateFunction {
  const impl = signature.impl as (...args: unknown[]) => unknown;
  return (...args: unknown[]) => {
    checkArgumentCount(name, signature, args.length);
    const converted = args.map((arg, index) => convertArgument(signature.params[index] ?? signature.rest ?? 'any', arg));
    try {
      return impl(...converted);
    } catch (error) {
      // A RangeError is a string or list too long to build, or a structure nested too deeply.
      if (error instanceof GoFailure || error instanceof RangeError) {
        throw new TemplateFunctionError(`error calling ${name}: ${error.message}`);
      }
      throw error;
    }
  };
}

function checkArgumentCount(name: string, signature: GoSignature, count: number): void {
  const want = signature.params.length;
  if (signature.rest === undefined && count !== want) {
    throw new TemplateFunctionError(`wrong number of args for ${name}: want ${want} got ${count}`);
  }
  if (signature.rest !== undefined && count < want) {
    throw new TemplateFunctionError(`wrong number of args for ${name}: want at least ${want} got ${count}`);
  }
}

const GO_PARAM_TYPE: Readonly<Record<ParamKind, string>> = {
  string: 'string',
  int: 'int',
  float64: 'float64',
  bool: 'bool',
  any: 'interface {}',
  dict: 'map[string]interface {}',
};

function convertArgument(kind: ParamKind, value: unknown): unknown {
  if (kind === 'any') return value === undefined ? null : value;
  if (isNil(value)) {
    // A missing value piped into a function arrives as an invalid value in Go.
    throw new TemplateFunctionError(`invalid value; expected ${GO_PARAM_TYPE[kind]}`);
  }
  if (accepts(kind, value)) return value;
  throw new TemplateFunctionError(`wrong type for value; expected ${GO_PARAM_TYPE[kind]}; got ${goTypeName(value)}`);
}

const INT_LIMIT = 2 ** 63;

function accepts(kind: Exclude<ParamKind, 'any'>, value: unknown): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) && value >= -INT_LIMIT && value < INT_LIMIT;
    case 'float64':
      return typeof value === 'number';
    case 'bool':
      return typeof value === 'boolean';
    case 'dict':
      return isDict(value);
  }
}
