import { isAlias, isMap, isNode, visit, type Alias, type Document, type Node, type YAMLMap } from 'yaml';
import { pairOf } from './yamlNodes';

/**
 * Anchors that an alias repeats. Text inside such an anchored node is read in every place an alias
 * names it, so an edit there changes all of them: fixes aimed at one container must not go there.
 */
const repeatedSpans = new WeakMap<Document.Parsed, { start: number; end: number }[]>();

function spansOf(document: Document.Parsed): { start: number; end: number }[] {
  const cached = repeatedSpans.get(document);
  if (cached) return cached;
  const aliased = new Set<string>();
  visit(document, {
    Alias(_, alias) {
      aliased.add(alias.source);
    },
  });
  const spans: { start: number; end: number }[] = [];
  if (aliased.size > 0) {
    visit(document, {
      Node(_, node) {
        if (isAlias(node) || !node.anchor || !aliased.has(node.anchor) || !node.range) return;
        spans.push({ start: node.range[0], end: node.range[1] });
      },
    });
  }
  repeatedSpans.set(document, spans);
  return spans;
}

/** Whether `node` is, or lies inside, an anchored node that an alias repeats elsewhere. */
export function isRepeatedByAlias(document: Document.Parsed, node: Node | null | undefined): boolean {
  if (!isNode(node) || !node.range) return false;
  const [start, end] = node.range;
  return spansOf(document).some((span) => start >= span.start && end <= span.end);
}

/**
 * The first alias met on the way down from `map` through `keys` (the last key's value included):
 * where this place's own text hands over to text it shares. Findings about what lies beyond it
 * point at the alias, which is what the reader of this place sees.
 */
export function aliasOnPath(map: YAMLMap | undefined, keys: readonly string[]): Alias | undefined {
  let current = map;
  for (const key of keys) {
    const value = pairOf(current, key)?.value;
    if (isAlias(value)) return value;
    if (!isMap(value)) return undefined;
    current = value as YAMLMap;
  }
  return undefined;
}
