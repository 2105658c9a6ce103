import { LineCounter, isAlias, isMap, isPair, isSeq, parseDocument, type Document, type Node } from 'yaml';

/** One YAML document of a file, parsed on its own. */
export interface YamlDocument {
  /** Offset of the document's first character in the file. */
  offset: number;
  /** The document's text, markers included. */
  text: string;
  document: Document.Parsed;
  /** Syntax errors and exceeded limits, with offsets into the file. */
  errors: YamlProblem[];
  /**
   * The document nests deeper than Ballast follows: its tree is not handed to the rules, which
   * walk it recursively, and `errors` says why.
   */
  tooDeep: boolean;
}

export interface YamlProblem {
  message: string;
  start: number;
  end: number;
  /** A limit was exceeded rather than a rule of YAML broken: the message is a sentence of its own. */
  limit?: 'nesting' | 'aliases';
}

/** Deeper than any manifest or values file is written (they stay under 20 levels). */
export const MAX_NESTING = 100;

/**
 * What the aliases of one document may expand to, in nodes. Ballast never expands them (rules
 * read the tree, they never call toJS), but Kubernetes and Helm do, and refuse a document whose
 * aliases multiply it ("billion laughs"), so Ballast says so, as they would.
 */
export const MAX_ALIAS_EXPANSION = 100_000;

/** Parsed documents by text: an edit re-parses only the document it touches. */
const cache = new Map<string, ParsedChunk>();
const CACHE_LIMIT = 500;

/**
 * Splits a YAML stream at its document markers (`---` / `...` at the start of a line, which YAML
 * forbids inside content) and parses each document separately, so a syntax error in one document
 * does not hide the others.
 */
export function parseYamlDocuments(text: string): YamlDocument[] {
  const result: YamlDocument[] = [];
  for (const { offset, text: chunk } of splitDocuments(text)) {
    const { document, limits } = parseCached(chunk);
    const errors: YamlProblem[] = document.errors.map((error) => {
      // The parser itself gave up on nesting it could not follow; say so in words.
      const tooDeep = /call stack/i.test(error.message);
      return {
        message: tooDeep ? nestingMessage() : error.message.split('\n')[0]!,
        start: offset + error.pos[0],
        end: offset + Math.max(error.pos[1], error.pos[0]),
        ...(tooDeep ? { limit: 'nesting' as const } : {}),
      };
    });
    for (const problem of limits.problems) errors.push({ ...problem, start: offset + problem.start, end: offset + problem.end });
    const tooDeep = limits.tooDeep || errors.some((error) => error.limit === 'nesting');
    result.push({ offset, text: chunk, document, errors, tooDeep });
  }
  return result;
}

interface ParsedChunk {
  document: Document.Parsed;
  limits: DocumentLimits;
}

function parseCached(chunk: string): ParsedChunk {
  const cached = cache.get(chunk);
  if (cached) {
    cache.delete(chunk);
    cache.set(chunk, cached);
    return cached;
  }
  // YAML 1.1, as Kubernetes reads manifests (sigs.k8s.io/yaml): `yes`/`on` are booleans there.
  const document = parseDocument(chunk, { version: '1.1', keepSourceTokens: true, uniqueKeys: false, prettyErrors: false, lineCounter: new LineCounter(), strict: false });
  const parsed = { document, limits: checkLimits(document) };
  cache.set(chunk, parsed);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return parsed;
}

interface DocumentLimits {
  tooDeep: boolean;
  /** Offsets into the document's own text. */
  problems: YamlProblem[];
}

function nestingMessage(): string {
  return `This document nests more than ${MAX_NESTING} levels deep, deeper than Ballast reads, so it was not analysed.`;
}

/**
 * Checks the limits above without recursion (the tree may be deep) and without expanding an
 * alias: each node's expanded size is worked out once and reused by every alias to it.
 */
function checkLimits(document: Document.Parsed): DocumentLimits {
  const root = document.contents;
  if (!root) return { tooDeep: false, problems: [] };
  const children = (node: unknown): Node[] => {
    if (isMap(node)) return node.items.flatMap((pair) => [pair.key, pair.value].filter((child): child is Node => child !== null && typeof child === 'object'));
    if (isSeq(node)) return node.items.filter((child): child is Node => child !== null && typeof child === 'object' && !isPair(child));
    return [];
  };
  // Post-order over the tree: a node's size is known once its children's are.
  const size = new Map<unknown, number>();
  const stack: { node: Node; depth: number; expanded: boolean }[] = [{ node: root, depth: 1, expanded: false }];
  let firstAlias: Node | undefined;
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.depth > MAX_NESTING) {
      const start = top.node.range?.[0] ?? 0;
      return { tooDeep: true, problems: [{ message: nestingMessage(), start, end: start + 1, limit: 'nesting' }] };
    }
    if (!top.expanded) {
      top.expanded = true;
      // Reversed, so that children are sized in document order: an anchor before its aliases.
      for (const child of children(top.node).reverse()) stack.push({ node: child, depth: top.depth + 1, expanded: false });
      continue;
    }
    stack.pop();
    let total = 1;
    if (isAlias(top.node)) {
      firstAlias ??= top.node;
      // An alias to a node not yet sized (an ancestor: a cycle) counts as one node, as it is one.
      total = size.get(top.node.resolve(document)) ?? 1;
    } else {
      for (const child of children(top.node)) total += size.get(child) ?? 1;
    }
    size.set(top.node, Math.min(total, Number.MAX_SAFE_INTEGER));
  }
  const expanded = size.get(root) ?? 1;
  if (expanded > MAX_ALIAS_EXPANSION && firstAlias) {
    const start = firstAlias.range?.[0] ?? 0;
    return {
      tooDeep: false,
      problems: [
        {
          message: `The aliases in this document expand it to more than ${MAX_ALIAS_EXPANSION.toLocaleString('en-US')} nodes (an alias bomb): Kubernetes and Helm refuse such a document. Ballast reads it without expanding them.`,
          start,
          end: firstAlias.range?.[1] ?? start + 1,
          limit: 'aliases',
        },
      ],
    };
  }
  return { tooDeep: false, problems: [] };
}

/**
 * Where each document starts: at a `---` line (or at the `%YAML` / `%TAG` directives right above
 * it, which belong to that document), after a `...` line, or at the top of the file.
 */
export function splitDocuments(text: string): { offset: number; text: string }[] {
  const starts = [0];
  const marker = /^(---|\.\.\.)(?=[ \t]|\r?\n|$)/gm;
  for (let match = marker.exec(text); match; match = marker.exec(text)) {
    if (match[1] === '---') {
      const start = directivesAbove(text, match.index);
      if (start !== 0) starts.push(start);
    } else {
      // `...` ends a document: the next one starts on the following line.
      const lineEnd = text.indexOf('\n', match.index);
      starts.push(lineEnd < 0 ? text.length : lineEnd + 1);
    }
  }
  const unique = [...new Set(starts)].sort((a, b) => a - b);
  return unique.map((start, i) => ({ offset: start, text: text.slice(start, unique[i + 1] ?? text.length) })).filter((d) => d.text.length > 0);
}

/**
 * The start of the directive lines (`%YAML 1.1`, `%TAG !e! tag:…`) standing, perhaps among blank
 * and comment lines, right above the `---` at `markerStart`; `markerStart` itself when there are
 * none. Split from their marker, directives would be a document of their own ("missing
 * directives-end indicator") and the document would lose its tag handles.
 */
function directivesAbove(text: string, markerStart: number): number {
  let start = markerStart;
  let lineEnd = markerStart;
  while (lineEnd > 0) {
    const lineStart = text.lastIndexOf('\n', lineEnd - 2) + 1;
    const line = text.slice(lineStart, lineEnd).replace(/\r?\n$/, '');
    if (line.startsWith('%')) start = lineStart;
    else if (line.trim() !== '' && !line.trimStart().startsWith('#')) break;
    lineEnd = lineStart;
  }
  return start;
}

