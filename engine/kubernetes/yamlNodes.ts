import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';

/**
 * Read access to a parsed YAML tree the way manifests are read: by key, following aliases one
 * step (never expanding them), tolerant of anything half-typed.
 */

/** Follows an alias to the node it names; other nodes are returned as they are. */
export function resolve(node: unknown, document: Document.Parsed): Node | undefined {
  if (isAlias(node)) {
    const target = node.resolve(document);
    return isAlias(target) ? undefined : (target ?? undefined);
  }
  return (node ?? undefined) as Node | undefined;
}

/** The pair whose key is `key` (a plain string key), last one wins as in Kubernetes. */
export function pairOf(map: YAMLMap | undefined, key: string): Pair<Scalar, unknown> | undefined {
  if (!map) return undefined;
  let found: Pair<Scalar, unknown> | undefined;
  for (const item of map.items) {
    if (isPair(item) && isScalar(item.key) && item.key.value === key) found = item as Pair<Scalar, unknown>;
  }
  return found;
}

export function mapAt(map: YAMLMap | undefined, key: string, document: Document.Parsed): YAMLMap | undefined {
  const value = resolve(pairOf(map, key)?.value, document);
  return isMap(value) ? (value as YAMLMap) : undefined;
}

export function seqAt(map: YAMLMap | undefined, key: string, document: Document.Parsed): YAMLSeq | undefined {
  const value = resolve(pairOf(map, key)?.value, document);
  return isSeq(value) ? (value as YAMLSeq) : undefined;
}

export function scalarAt(map: YAMLMap | undefined, key: string, document: Document.Parsed): Scalar | undefined {
  const value = resolve(pairOf(map, key)?.value, document);
  return isScalar(value) ? value : undefined;
}

/** A scalar's value as a string (numbers and booleans as written in YAML), or undefined. */
export function stringAt(map: YAMLMap | undefined, key: string, document: Document.Parsed): string | undefined {
  const scalar = scalarAt(map, key, document);
  if (!scalar || scalar.value === null || scalar.value === undefined) return undefined;
  return String(scalar.value);
}

/** Follows a path of keys through nested mappings. */
export function mapPath(map: YAMLMap | undefined, keys: readonly string[], document: Document.Parsed): YAMLMap | undefined {
  let current = map;
  for (const key of keys) current = mapAt(current, key, document);
  return current;
}

/** The mappings of a sequence (aliases followed), skipping anything else. */
export function mapsIn(seq: YAMLSeq | undefined, document: Document.Parsed): YAMLMap[] {
  if (!seq) return [];
  return seq.items.map((item) => resolve(item, document)).filter((item): item is YAMLMap => isMap(item));
}

/** Source offsets of a node within its document: value start and end, without trailing comments. */
export function nodeSpan(node: Node | undefined | null): { start: number; end: number } | undefined {
  const range = node?.range;
  if (!range) return undefined;
  return { start: range[0], end: range[1] };
}
