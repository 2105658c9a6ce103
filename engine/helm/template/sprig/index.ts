/**
 * The Sprig function library (v3, as Helm 3 ships it) for the template engine.
 *
 * Calls follow Go: arguments in Go's order, so a piped value is the last argument
 * (`"x" | default "y"` is `default("y", "x")`); values are the plain values of functions.ts, read
 * as the Go values Helm has (see goValue.ts): numbers are float64 where the type shows
 * (`typeOf`, `%v` printing: 1000000 prints `1e+06`), while the integer functions compute in int64.
 *
 * A call fails with a TemplateFunctionError whose message is what text/template reports after its
 * position prefix: `wrong number of args for trunc: want 2 got 1`, `wrong type for value; expected
 * string; got float64`, or `error calling fail: <message>` for an error the function returns or
 * panics with. Functions whose result depends on chance, the clock or the network are in the table
 * but refuse to run (refused.ts). Helm's own functions (`include`, `tpl`, `required`, `toYaml`,
 * `fromYaml`, `lookup`, and its `toJson`/`fromJson`, which replace Sprig's) and Go's builtins
 * (`printf`, `len`, `index`, `eq`, …) are the engine's; Helm removes Sprig's `env` and `expandenv`.
 *
 * Where Go ranges over a map in random order (`keys`, `values`), the order here is sorted by key.
 */

import type { FunctionTable, TemplateFunction } from '../functions';
import { conversionFunctions } from './conversion';
import { cryptoFunctions } from './crypto';
import { defaultFunctions } from './defaults';
import { dictFunctions } from './dicts';
import { encodingFunctions } from './encoding';
import { jsonFunctions } from './json';
import { listFunctions } from './lists';
import { mathFunctions } from './math';
import { pathFunctions } from './paths';
import { reflectionFunctions } from './reflection';
import { refusedFunctions } from './refused';
import { regexFunctions } from './regex';
import { semverFunctions } from './semver';
import { stringListFunctions } from './stringLists';
import { stringFunctions } from './strings';

const GROUPS: readonly Readonly<Record<string, TemplateFunction>>[] = [
  stringFunctions,
  stringListFunctions,
  listFunctions,
  dictFunctions,
  defaultFunctions,
  jsonFunctions,
  conversionFunctions,
  reflectionFunctions,
  mathFunctions,
  encodingFunctions,
  cryptoFunctions,
  regexFunctions,
  semverFunctions,
  pathFunctions,
  refusedFunctions,
];

function combine(groups: typeof GROUPS): FunctionTable {
  const table: Record<string, TemplateFunction> = Object.create(null) as Record<string, TemplateFunction>;
  for (const group of groups) {
    for (const [name, fn] of Object.entries(group)) {
      if (Object.hasOwn(table, name)) throw new Error(`Sprig function ${name} is defined twice`);
      table[name] = fn;
    }
  }
  return Object.freeze(table);
}

export const sprigFunctions: FunctionTable = combine(GROUPS);
