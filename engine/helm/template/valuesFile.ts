import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Scalar } from 'yaml';
import { entryProvenance, recordEntry, registerContainer, type ValuesOrigin, type ValuesPath } from './provenance';
import { setKey } from './coalesce';
import { resolvePlain } from './yamlScalars';

/**
 * Reads a values file (or Chart.yaml) as Helm does: the first YAML document, typed by go-yaml v2's
 * rules, every number a float64 (Helm round-trips values through JSON), anchors and `<<` merge
 * keys expanded. The result is plain data whose every mapping, list and entry has its origin in
 * the file recorded (see provenance.ts).
 */

export interface ValuesReadProblem {
  message: string;
  start: number;
  end: number;
}

export interface ValuesRead {
  /** The top-level mapping; empty when the file is empty or unreadable. */
  values: Record<string, unknown>;
  problems: ValuesReadProblem[];
}

/** Nodes copied out of aliases before the file is reported instead ("billion laughs"). */
const MAX_EXPANDED_NODES = 100_000;
const MAX_DEPTH = 200;

const TAG = 'tag:yaml.org,2002:';

/** `file` names the file in origins; without it, nothing records an origin (text decoded by `fromYaml`). */
export function readValuesFile(text: string, file: string | undefined): ValuesRead {
  let document: Document.Parsed;
  try {
    document = parseDocument(text, { schema: 'failsafe', uniqueKeys: false, strict: false, prettyErrors: false, keepSourceTokens: false });
  } catch (error) {
    return { values: {}, problems: [{ message: `cannot read ${file ?? 'YAML'}: ${(error as Error).message}`, start: 0, end: 0 }] };
  }
  const errors = document.errors.map((error) => ({ message: error.message.split('\n')[0]!, start: error.pos[0], end: Math.max(error.pos[0], error.pos[1]) }));
  if (errors.length > 0) return { values: {}, problems: errors };
  const reader = new Reader(file, document);
  const root = document.contents;
  if (root === null || (isScalar(root) && root.type === 'PLAIN' && resolvePlain(String(root.value)).tag === 'null')) {
    return { values: reader.emptyRoot(), problems: [] };
  }
  try {
    const values = reader.read(root as Node, []);
    if (typeof values !== 'object' || values === null || Array.isArray(values)) {
      const range = (root as Node).range ?? [0, 0];
      return { values: {}, problems: [{ message: `${file ?? 'the YAML'} must be a mapping of keys to values`, start: range[0], end: range[1] }] };
    }
    return { values: values as Record<string, unknown>, problems: [] };
  } catch (error) {
    if (!(error instanceof TooLarge)) throw error;
    return { values: {}, problems: [{ message: `${file ?? 'the YAML'} expands to more than ${MAX_EXPANDED_NODES} values through its aliases`, start: 0, end: 0 }] };
  }
}

class TooLarge extends Error {}

class Reader {
  private nodes = 0;

  constructor(
    private readonly file: string | undefined,
    private readonly document: Document.Parsed,
  ) {}

  emptyRoot(): Record<string, unknown> {
    const values = {};
    registerContainer(values, { origin: undefined, valuesPath: undefined, decoded: true });
    return values;
  }

  private origin(node: Node, path: ValuesPath, part: 'value' | 'key' = 'value'): ValuesOrigin | undefined {
    const range = node.range;
    return range && this.file !== undefined ? { kind: 'values', file: this.file, start: range[0], end: range[1], valuesPath: path, part } : undefined;
  }

  read(node: Node, path: ValuesPath): unknown {
    if (++this.nodes > MAX_EXPANDED_NODES || path.length > MAX_DEPTH) throw new TooLarge();
    if (isAlias(node)) {
      const target = node.resolve(this.document);
      return target ? this.read(target as Node, path) : null;
    }
    if (isScalar(node)) return scalarValue(node);
    if (isSeq(node)) {
      const list: unknown[] = [];
      registerContainer(list, { origin: this.origin(node, path), valuesPath: undefined, decoded: true });
      node.items.forEach((item, index) => {
        const value = this.read(item as Node, [...path, index]);
        list.push(value);
        recordEntry(list, index, value, this.origin(item as Node, [...path, index]));
      });
      return list;
    }
    if (isMap(node)) {
      const map: Record<string, unknown> = {};
      registerContainer(map, { origin: this.origin(node, path), valuesPath: undefined, decoded: true });
      const merged: Node[] = [];
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as Node | null;
        if (keyNode && isScalar(keyNode) && keyNode.type === 'PLAIN' && keyNode.value === '<<' && !keyNode.tag) {
          merged.push(pair.value as Node);
          continue;
        }
        const key = keyText(keyNode);
        if (key === undefined) continue;
        const valueNode = pair.value as Node | null;
        const childPath = [...path, key];
        const value = valueNode ? this.read(valueNode, childPath) : null;
        setKey(map, key, value);
        const origin = valueNode ? this.origin(valueNode, childPath) : keyNode ? this.origin(keyNode, childPath) : undefined;
        recordEntry(map, key, value, origin, keyNode ? this.origin(keyNode, childPath, 'key') : undefined);
      }
      for (const source of merged) this.merge(map, source, path);
      return map;
    }
    return null;
  }

  /** `<<: *base` (or a list of them): entries the mapping does not set itself, earlier sources first. */
  private merge(map: Record<string, unknown>, source: Node, path: ValuesPath): void {
    const target = isAlias(source) ? (source.resolve(this.document) as Node | undefined) : source;
    if (!target) return;
    if (isSeq(target)) {
      for (const item of target.items) this.merge(map, item as Node, path);
      return;
    }
    const value = this.read(target, path);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
    for (const [key, entry] of Object.entries(value)) {
      if (Object.hasOwn(map, key)) continue;
      setKey(map, key, entry);
      const provenance = entryProvenance(value, key, entry);
      recordEntry(map, key, entry, provenance?.origin, provenance?.keyOrigin);
    }
  }
}

/** Keys become strings, as Helm's JSON round trip makes them. */
function keyText(node: Node | null): string | undefined {
  if (node === null) return 'null';
  if (!isScalar(node)) return undefined;
  const value = scalarValue(node);
  return value === null ? 'null' : String(value);
}

function scalarValue(node: Scalar): unknown {
  const text = String(node.value);
  const tag = node.tag?.startsWith(TAG) ? node.tag.slice(TAG.length) : node.tag;
  if (tag) {
    switch (tag) {
      case 'str':
      case 'binary':
        return text;
      case 'null':
        return null;
      case 'bool':
        return resolvePlain(text).tag === 'bool' ? resolvePlain(text).value : text;
      case 'int':
      case 'float': {
        const resolved = resolvePlain(text);
        return resolved.tag === 'int' || resolved.tag === 'float' ? resolved.value : text;
      }
      default:
        return text;
    }
  }
  if (node.type !== 'PLAIN') return text;
  const resolved = resolvePlain(text);
  return resolved.value;
}
