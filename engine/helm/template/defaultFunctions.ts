import type { FunctionTable } from './functions';
import { sprigFunctions } from './sprig';
import { refusedFunctionNames } from './sprig/refused';

/** The plain function tables charts call by default: Sprig's. */
export const defaultFunctionTables: readonly FunctionTable[] = [sprigFunctions];

/**
 * Sprig functions that refuse to run (their result would depend on the clock, chance or the
 * network): a template that calls one has nothing wrong with it, so its problem is `unsupported`.
 */
export const refusedFunctions: ReadonlySet<string> = new Set(refusedFunctionNames);
