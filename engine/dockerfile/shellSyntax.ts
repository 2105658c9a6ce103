import { syntax, type ShNode, type ShParser } from 'mvdan-sh';

/**
 * A shell syntax tree as plain JavaScript objects: mvdan-sh's node types and field names, with
 * `type` (`CallExpr`, `Word`, …) and byte offsets `pos`/`end` added.
 *
 * mvdan-sh is the Go parser compiled by GopherJS. Its JavaScript wrappers build a new wrapper
 * object on every property access and name node types with `fmt.Sprintf("%T")`, which made
 * walking a tree cost more than parsing it. Reading the Go values underneath once, into plain
 * objects, makes every later walk ordinary property access.
 */
export interface SyntaxNode {
  type: string;
  /** UTF-8 byte offsets into the parsed source. */
  pos: number;
  end: number;
  [field: string]: unknown;
}

export type ParseOutcome = { file: SyntaxNode; error?: undefined } | { file?: undefined; error: string };

let parser: ShParser | undefined;

/** Parsed scripts by source text: while typing, only the instruction being edited is new. */
const cache = new Map<string, ParseOutcome>();
const CACHE_LIMIT = 2000;

/** Parses Bash source into plain syntax nodes; the same text is parsed once. */
export function parseShell(source: string): ParseOutcome {
  const cached = cache.get(source);
  if (cached) {
    // Refresh its place: the cache evicts the least recently used entry first.
    cache.delete(source);
    cache.set(source, cached);
    return cached;
  }
  let outcome: ParseOutcome;
  try {
    parser ??= syntax.NewParser(syntax.KeepComments(false), syntax.Variant(syntax.LangBash));
    const wrapped = parser.Parse(source, 'RUN') as ShNode & { __internal_object__?: unknown };
    outcome = { file: lower(wrapped.__internal_object__ ?? wrapped) };
  } catch (error) {
    outcome = { error: parseErrorMessage(error) };
  }
  cache.set(source, outcome);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return outcome;
}

/** mvdan-sh throws Go error values: the text comes from their `Error()` method. */
function parseErrorMessage(error: unknown): string {
  const goError = error as { Error?: () => string; message?: string } | null;
  if (goError && typeof goError.Error === 'function') return String(goError.Error());
  if (goError && typeof goError.message === 'string') return goError.message;
  return String(error);
}

interface GoValue {
  constructor: { string?: string; nil?: unknown };
  Pos?: () => { offs: number };
  End?: () => { offs: number };
  [field: string]: unknown;
}

interface GoSlice {
  $array: unknown[];
  $offset: number;
  $length: number;
}

function isGoNode(value: unknown): value is GoValue {
  if (!value || typeof value !== 'object') return false;
  const type = (value as GoValue).constructor;
  return typeof type?.string === 'string' && type.string.startsWith('*syntax.') && value !== type.nil && typeof (value as GoValue).Pos === 'function';
}

function isGoSlice(value: unknown): value is GoSlice {
  return !!value && typeof value === 'object' && '$array' in value && '$length' in value;
}

function lower(goNode: unknown): SyntaxNode {
  const value = goNode as GoValue;
  const typeName = value.constructor.string!;
  const node: SyntaxNode = { type: typeName.slice(typeName.lastIndexOf('.') + 1), pos: value.Pos!().offs, end: value.End!().offs };
  for (const key of Object.keys(value)) {
    if (key === '$val' || key === 'type' || key === 'pos' || key === 'end') continue;
    const field = value[key];
    if (field === null || field === undefined) continue;
    if (typeof field !== 'object') node[key] = field;
    else if (isGoSlice(field)) {
      const items: unknown[] = [];
      for (let i = 0; i < field.$length; i++) {
        const item = field.$array[field.$offset + i];
        if (isGoNode(item)) items.push(lower(item));
        else if (typeof item !== 'object') items.push(item);
      }
      node[key] = items;
    } else if (isGoNode(field)) node[key] = lower(field);
  }
  return node;
}

/** The child nodes of a node, in field order. */
export function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const children: SyntaxNode[] = [];
  for (const key in node) {
    const field = node[key];
    if (Array.isArray(field)) {
      for (const item of field) if (isSyntaxNode(item)) children.push(item);
    } else if (isSyntaxNode(field)) children.push(field);
  }
  return children;
}

function isSyntaxNode(value: unknown): value is SyntaxNode {
  return !!value && typeof value === 'object' && typeof (value as SyntaxNode).type === 'string' && typeof (value as SyntaxNode).pos === 'number';
}

/** Visits the nodes below `node` depth first; returning false from `visit` skips a node's children. */
export function walk(node: SyntaxNode, visit: (child: SyntaxNode) => boolean): void {
  for (const child of childrenOf(node)) {
    if (visit(child)) walk(child, visit);
  }
}

/** Typed access to a node field that holds a node list. */
export function nodes(node: SyntaxNode | undefined, field: string): SyntaxNode[] {
  const value = node?.[field];
  return Array.isArray(value) ? (value as SyntaxNode[]) : [];
}

/** Typed access to a node field that holds one node. */
export function child(node: SyntaxNode | undefined, field: string): SyntaxNode | undefined {
  const value = node?.[field];
  return isSyntaxNode(value) ? value : undefined;
}
