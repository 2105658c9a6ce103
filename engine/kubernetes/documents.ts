import { LineCounter, parseDocument, type Document } from 'yaml';

/** One YAML document of a file, parsed on its own. */
export interface YamlDocument {
  /** Offset of the document's first character in the file. */
  offset: number;
  /** The document's text, markers included. */
  text: string;
  document: Document.Parsed;
  /** Syntax errors, with offsets into the file. */
  errors: { message: string; start: number; end: number }[];
}

/**
 * Alias expansion is never needed (rules read the tree, they never call toJS), but a document that
 * holds more aliases than any real manifest is reported rather than walked.
 */
const MAX_ALIASES = 1000;

/** Parsed documents by text: an edit re-parses only the document it touches. */
const cache = new Map<string, Document.Parsed>();
const CACHE_LIMIT = 500;

/**
 * Splits a YAML stream at its document markers (`---` / `...` at the start of a line, which YAML
 * forbids inside content) and parses each document separately, so a syntax error in one document
 * does not hide the others.
 */
export function parseYamlDocuments(text: string): YamlDocument[] {
  const result: YamlDocument[] = [];
  for (const { offset, text: chunk } of splitDocuments(text)) {
    const document = parseCached(chunk);
    const errors = document.errors.map((error) => ({
      message: error.message.split('\n')[0]!,
      start: offset + error.pos[0],
      end: offset + Math.max(error.pos[1], error.pos[0]),
    }));
    result.push({ offset, text: chunk, document, errors });
  }
  return result;
}

function parseCached(chunk: string): Document.Parsed {
  const cached = cache.get(chunk);
  if (cached) {
    cache.delete(chunk);
    cache.set(chunk, cached);
    return cached;
  }
  // YAML 1.1, as Kubernetes reads manifests (sigs.k8s.io/yaml): `yes`/`on` are booleans there.
  const document = parseDocument(chunk, { version: '1.1', keepSourceTokens: true, uniqueKeys: false, prettyErrors: false, lineCounter: new LineCounter(), strict: false });
  cache.set(chunk, document);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return document;
}

/** Where each document starts: at a `---` line, after a `...` line, or at the top of the file. */
export function splitDocuments(text: string): { offset: number; text: string }[] {
  const starts = [0];
  const marker = /^(---|\.\.\.)(?=[ \t]|\r?\n|$)/gm;
  for (let match = marker.exec(text); match; match = marker.exec(text)) {
    if (match[1] === '---') {
      if (match.index !== 0) starts.push(match.index);
    } else {
      // `...` ends a document: the next one starts on the following line.
      const lineEnd = text.indexOf('\n', match.index);
      starts.push(lineEnd < 0 ? text.length : lineEnd + 1);
    }
  }
  const unique = [...new Set(starts)].sort((a, b) => a - b);
  return unique.map((start, i) => ({ offset: start, text: text.slice(start, unique[i + 1] ?? text.length) })).filter((d) => d.text.length > 0);
}

export { MAX_ALIASES };
