import { ChartFailure } from './errors';
import { TemplateFunctionError } from './functions';
import { toJson } from './jsonEmit';
import { registerContainer } from './provenance';
import type { IntrinsicFunction } from './registry';
import { goTypeName, unwrap } from './values';
import { readValuesFile } from './valuesFile';
import { toYaml } from './yamlEmit';

/**
 * The functions Helm adds to Sprig's, as `helm template` defines them: `include` and `tpl`
 * (rendered by the executor, with Helm's recursion limit), `required`, `toYaml`/`toJson` (keeping
 * the values origin of every scalar), the `from*` decoders (which report errors inside their
 * result, as Helm's do), and `lookup`, which finds nothing without a cluster. `fail` is Sprig's,
 * defined here too so a chart's own failure is reported as such.
 */

function stringArg(value: unknown, what = 'string'): string {
  const inner = unwrap(value);
  if (typeof inner !== 'string') throw new TemplateFunctionError(`wrong type for value; expected ${what}; got ${goTypeName(value)}`);
  return inner;
}

/** Marks decoded data: Helm's decoders give float64 numbers. */
function markDecoded(value: unknown): unknown {
  if (typeof value === 'object' && value !== null) {
    registerContainer(value, { origin: undefined, valuesPath: undefined, decoded: true });
    for (const item of Object.values(value)) markDecoded(item);
  }
  return value;
}

function indentBlock(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

function parseJson(text: string): { value: unknown; error?: string } {
  try {
    return { value: markDecoded(JSON.parse(text)) };
  } catch (error) {
    return { value: undefined, error: (error as Error).message };
  }
}

export const helmFunctions: Readonly<Record<string, IntrinsicFunction>> = {
  include: {
    minArgs: 2,
    maxArgs: 2,
    run: ([name, data], context) => context.executeTemplate(stringArg(name), data),
  },
  tpl: {
    minArgs: 2,
    maxArgs: 2,
    run: ([text, data], context) => context.executeText(stringArg(text), data, text),
  },
  required: {
    minArgs: 2,
    maxArgs: 2,
    run: ([warning, value]) => {
      const inner = unwrap(value);
      if (inner === null || inner === undefined || inner === '') throw new ChartFailure('required', stringArg(warning));
      return value;
    },
  },
  fail: {
    minArgs: 1,
    maxArgs: 1,
    run: ([message]) => {
      throw new ChartFailure('fail', stringArg(message));
    },
  },
  toYaml: { minArgs: 1, maxArgs: 1, run: ([value], context) => toYaml(value, (work) => context.step(work)) },
  mustToYaml: { minArgs: 1, maxArgs: 1, run: ([value], context) => toYaml(value, (work) => context.step(work)) },
  toJson: { minArgs: 1, maxArgs: 1, run: ([value], context) => toJson(value, (work) => context.step(work)) ?? '' },
  mustToJson: {
    minArgs: 1,
    maxArgs: 1,
    run: ([value], context) => {
      const json = toJson(value, (work) => context.step(work));
      if (!json) throw new TemplateFunctionError('json: unsupported value');
      return json;
    },
  },
  fromYaml: {
    minArgs: 1,
    maxArgs: 1,
    run: ([text]) => {
      const read = readValuesFile(stringArg(text), undefined);
      if (read.problems.length > 0) return markDecoded({ Error: `error converting YAML to JSON: yaml: ${read.problems[0]!.message}` });
      return read.values;
    },
  },
  fromYamlArray: {
    minArgs: 1,
    maxArgs: 1,
    run: ([text]) => {
      const source = stringArg(text);
      const read = readValuesFile(`items:\n${indentBlock(source)}`, undefined);
      const items = read.values.items;
      if (read.problems.length > 0) return markDecoded([`error converting YAML to JSON: yaml: ${read.problems[0]!.message}`]);
      if (items === null || items === undefined) return markDecoded([]);
      if (!Array.isArray(items)) return markDecoded(['error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go value of type []interface {}']);
      return items;
    },
  },
  fromJson: {
    minArgs: 1,
    maxArgs: 1,
    run: ([text]) => {
      const parsed = parseJson(stringArg(text));
      if (parsed.error !== undefined) return markDecoded({ Error: parsed.error });
      if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
        return markDecoded({ Error: `json: cannot unmarshal ${Array.isArray(parsed.value) ? 'array' : typeof parsed.value} into Go value of type map[string]interface {}` });
      }
      return parsed.value;
    },
  },
  fromJsonArray: {
    minArgs: 1,
    maxArgs: 1,
    run: ([text]) => {
      const parsed = parseJson(stringArg(text));
      if (parsed.error !== undefined) return markDecoded([parsed.error]);
      if (!Array.isArray(parsed.value)) return markDecoded(['json: cannot unmarshal object into Go value of type []interface {}']);
      return parsed.value;
    },
  },
  lookup: {
    minArgs: 4,
    maxArgs: 4,
    run: (args) => {
      args.forEach((arg) => stringArg(arg));
      return markDecoded({});
    },
  },
};
