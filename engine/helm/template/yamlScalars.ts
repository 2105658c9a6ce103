/**
 * How Helm's YAML library (go-yaml v2, behind sigs.k8s.io/yaml) types a plain scalar: YAML 1.1
 * booleans (`yes`, `off`), nulls (`~`), Go integer syntax (`0x1F`, `0o17`, `017`, `1_000`),
 * floats, and timestamps, which Helm's values keep as strings. Base-60 numbers (`1:20`) stay
 * strings. `toYaml` quotes any string that would read back as something else.
 */

const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const TRUES = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const FALSES = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const SPECIAL_FLOATS: ReadonlyMap<string, number> = new Map([
  ...['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'].map((text) => [text, Infinity] as const),
  ...['-.inf', '-.Inf', '-.INF'].map((text) => [text, -Infinity] as const),
  ...['.nan', '.NaN', '.NAN'].map((text) => [text, NaN] as const),
]);

const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const TIMESTAMP = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?$/;

export type ResolvedScalar = { tag: 'null'; value: null } | { tag: 'bool'; value: boolean } | { tag: 'int' | 'float'; value: number } | { tag: 'timestamp'; value: string } | { tag: 'str'; value: string };

/** Go's `strconv.ParseInt(text, 0, 64)` / `ParseUint`, after go-yaml has dropped underscores. */
function parseInteger(text: string): number | undefined {
  const match = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (!match) return undefined;
  const body = match[2]!;
  let magnitude: bigint;
  if (/^0[xXoObB]/.test(body)) magnitude = BigInt(body.toLowerCase());
  else if (body.length > 1 && body.startsWith('0')) magnitude = BigInt(`0o${body.slice(1)}`);
  else magnitude = BigInt(body);
  if (match[1] === '-' ? magnitude > 2n ** 63n : magnitude > 2n ** 64n - 1n) return undefined;
  return Number(match[1] === '-' ? -magnitude : magnitude);
}

/** The type and value go-yaml v2 gives an untagged plain scalar. */
export function resolvePlain(text: string): ResolvedScalar {
  if (NULLS.has(text)) return { tag: 'null', value: null };
  if (TRUES.has(text)) return { tag: 'bool', value: true };
  if (FALSES.has(text)) return { tag: 'bool', value: false };
  const special = SPECIAL_FLOATS.get(text);
  if (special !== undefined) return { tag: 'float', value: special };
  const first = text[0]!;
  if (first === '.') {
    if (YAML_FLOAT.test(text)) return { tag: 'float', value: Number(text) };
    return { tag: 'str', value: text };
  }
  if (first === '+' || first === '-' || (first >= '0' && first <= '9')) {
    if (TIMESTAMP.test(text)) return { tag: 'timestamp', value: text };
    const plain = text.replaceAll('_', '');
    const int = parseInteger(plain);
    if (int !== undefined) return { tag: 'int', value: int };
    if (YAML_FLOAT.test(plain)) return { tag: 'float', value: Number(plain) };
    const binary = /^([-+]?)0b([01]+)$/.exec(plain);
    if (binary) return { tag: 'int', value: (binary[1] === '-' ? -1 : 1) * parseInt(binary[2]!, 2) };
  }
  return { tag: 'str', value: text };
}

/** Whether a string must be quoted to read back as the same string. */
export function needsQuotes(text: string): boolean {
  return resolvePlain(text).tag !== 'str' || BASE60_FLOAT.test(text);
}
