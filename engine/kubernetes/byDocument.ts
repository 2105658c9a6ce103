import type { Suppression } from '../suppression';
import { INTERNAL_ERROR_ID, type Finding, type LintResult, type Position, type Range, type RuleFailure } from '../types';
import { splitDocuments } from './documents';
import { parseKubernetes, type KubernetesModel, type ServiceAccountInfo } from './model';

/**
 * Linting a manifest one YAML document at a time, so that an edit costs what its own document
 * costs. A file of a thousand Deployments is a thousand documents; typing in one changes only
 * that one's text, and every other document's findings are reused as they were.
 *
 * What a document's findings depend on, and so what its cached result is keyed by:
 * - its text (a document is parsed on its own already, see `parseYamlDocuments`);
 * - the settings and the rule set;
 * - the file's ServiceAccounts, the one thing a rule reads across documents.
 * A `# ballast-ignore-file` comment in one document applies to all, so it is applied when the
 * documents' findings are put together. Findings of a document are kept relative to its first
 * line, and moved to where it now starts.
 */

/** What linting one document on its own gives. Ranges are relative to the document's first line. */
export interface DocumentLint {
  findings: Finding[];
  ruleFailures: RuleFailure[];
  /** `# ballast-ignore-file` suppressions written in the document: they apply to the whole file. */
  fileSuppressions: Suppression[];
}

/** Lints one document, given as a model of its text alone, with the whole file's ServiceAccounts in it. */
export type LintDocument = (model: KubernetesModel) => DocumentLint;

interface CachedLint {
  lint: DocumentLint;
  /** The findings moved to the line the document started at last time, reused while it stays there. */
  placed?: { line: number; findings: Finding[] };
}

interface DocumentEntry {
  serviceAccounts: ServiceAccountInfo[];
  /** Line breaks in the document's text: where the next document starts, counted without reading it again. */
  lineBreaks: number;
  /** By settings and ServiceAccounts of the file. */
  lints: Map<string, CachedLint>;
}

/** A file as it was last linted: the next version of it is compared with it, not looked up. */
interface FileState {
  text: string;
  documents: { offset: number; length: number; entry: DocumentEntry }[];
}

/** Enough for every document of several large files open at once. */
const ENTRY_LIMIT = 20_000;
/** Files whose last version is remembered: the ones being edited. */
const FILE_LIMIT = 8;

/** The per-document results of one rule set, by document text. */
export class DocumentLintCache {
  private readonly entries = new Map<string, DocumentEntry>();
  /** Most recently linted last. */
  readonly files: FileState[] = [];

  /** Remembers a file's new version in place of the version it came from, if any. */
  remember(state: FileState, previous: FileState | undefined): void {
    const known = previous ? this.files.indexOf(previous) : -1;
    if (known >= 0) this.files.splice(known, 1);
    this.files.push(state);
    if (this.files.length > FILE_LIMIT) this.files.shift();
  }

  entry(text: string): DocumentEntry | undefined {
    const entry = this.entries.get(text);
    if (entry) {
      // Most recently used last, so the oldest go first when the cache is full.
      this.entries.delete(text);
      this.entries.set(text, entry);
    }
    return entry;
  }

  add(text: string, entry: DocumentEntry): void {
    this.entries.set(text, entry);
    if (this.entries.size > ENTRY_LIMIT) this.entries.delete(this.entries.keys().next().value!);
  }
}

/**
 * Lints a Kubernetes file document by document, reusing each unchanged document's findings.
 * `settingsKey` must change whenever anything else a document's findings depend on changes.
 */
export function lintByDocument(text: string, cache: DocumentLintCache, settingsKey: string, lintDocument: LintDocument): LintResult {
  const chunks = splitDocuments(text);
  const { reused, previous } = unchangedDocuments(text, chunks, cache);

  // First the ServiceAccounts of every document: a new document is parsed for them, and its
  // model kept for its lint below, so that it is parsed once.
  const models = new Map<number, KubernetesModel>();
  const entries = chunks.map((chunk, i) => {
    let entry = reused[i] ?? cache.entry(chunk.text);
    if (!entry) {
      const model = parseKubernetes(chunk.text);
      models.set(i, model);
      entry = { serviceAccounts: model.serviceAccounts, lineBreaks: model.lines.lineCount - 1, lints: new Map() };
      cache.add(chunk.text, entry);
    }
    return entry;
  });
  cache.remember({ text, documents: chunks.map((chunk, i) => ({ offset: chunk.offset, length: chunk.text.length, entry: entries[i]! })) }, previous);
  const serviceAccounts = entries.flatMap((entry) => entry.serviceAccounts);
  const key = serviceAccounts.length === 0 ? settingsKey : `${settingsKey}\u0000${JSON.stringify(serviceAccounts)}`;

  const findings: Finding[] = [];
  const internal: Finding[] = [];
  const ruleFailures: RuleFailure[] = [];
  const fileSuppressions: Suppression[] = [];
  const placed: Finding[][] = [];
  let startLine = 0;
  chunks.forEach((chunk, i) => {
    const entry = entries[i]!;
    let cached = entry.lints.get(key);
    if (!cached) {
      const model = models.get(i) ?? parseKubernetes(chunk.text);
      model.serviceAccounts = serviceAccounts;
      cached = { lint: lintDocument(model) };
      entry.lints.set(key, cached);
    }
    if (cached.placed?.line !== startLine) {
      const line = startLine;
      cached.placed = { line, findings: cached.lint.findings.filter((f) => f.ruleId !== INTERNAL_ERROR_ID).map((f) => moveFinding(f, line)) };
    }
    placed.push(cached.placed.findings);
    for (const failure of cached.lint.ruleFailures) if (!ruleFailures.some((known) => known.ruleId === failure.ruleId && known.kind === failure.kind)) ruleFailures.push(failure);
    // A failing rule is reported once for the file, at its top, as when the file is linted whole.
    for (const finding of cached.lint.findings) if (finding.ruleId === INTERNAL_ERROR_ID && !internal.some((known) => known.message === finding.message)) internal.push(finding);
    fileSuppressions.push(...cached.lint.fileSuppressions);
    startLine += entry.lineBreaks;
  });

  // Documents follow each other and each one's findings are sorted, so the whole is sorted.
  findings.push(...internal);
  for (const documentFindings of placed) {
    if (fileSuppressions.length === 0) findings.push(...documentFindings);
    else for (const finding of documentFindings) if (!fileSuppressions.some((s) => s.ruleIds.has(finding.ruleId))) findings.push(finding);
  }
  return { findings, ruleFailures };
}

/**
 * The documents that did not change since the file's last version, found without reading them:
 * the text the two versions share at their start and at their end is compared once, and a
 * document wholly inside it, at the same place in both, is the same document. Looking each one up
 * by its text instead would hash the whole file on every keystroke.
 */
function unchangedDocuments(
  text: string,
  chunks: readonly { offset: number; text: string }[],
  cache: DocumentLintCache,
): { reused: (DocumentEntry | undefined)[]; previous: FileState | undefined } {
  const reused: (DocumentEntry | undefined)[] = [];
  let best: { state: FileState; prefix: number; suffix: number } | undefined;
  // The file edited last is the likeliest; a version sharing most of the text is taken at once.
  for (let i = cache.files.length - 1; i >= 0; i--) {
    const state = cache.files[i]!;
    const prefix = commonPrefixLength(state.text, text);
    const suffix = commonSuffixLength(state.text, text, prefix);
    if (!best || prefix + suffix > best.prefix + best.suffix) best = { state, prefix, suffix };
    if (2 * (prefix + suffix) >= text.length) break;
  }
  if (!best || 2 * (best.prefix + best.suffix) < text.length) return { reused, previous: undefined };
  const { state, prefix, suffix } = best;
  const shift = text.length - state.text.length;
  // Both lists run in offset order: one walk pairs the documents that sit at the same place.
  let old = 0;
  chunks.forEach((chunk, i) => {
    const inPrefix = chunk.offset + chunk.text.length <= prefix;
    if (!inPrefix && chunk.offset < text.length - suffix) return;
    const offset = inPrefix ? chunk.offset : chunk.offset - shift;
    while (old < state.documents.length && state.documents[old]!.offset < offset) old++;
    const document = state.documents[old];
    if (document?.offset === offset && document.length === chunk.text.length) reused[i] = document.entry;
  });
  return { reused, previous: state };
}

/** How many characters two texts share at their start, compared in blocks natively. */
export function commonPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let shared = 0;
  for (const block of [65536, 4096, 256, 16, 1]) {
    while (shared + block <= max && a.startsWith(b.slice(shared, shared + block), shared)) shared += block;
  }
  return shared;
}

/** How many characters two texts share at their end, not counting the first `prefix` of either. */
export function commonSuffixLength(a: string, b: string, prefix: number): number {
  const max = Math.min(a.length, b.length) - prefix;
  let shared = 0;
  for (const block of [65536, 4096, 256, 16, 1]) {
    while (shared + block <= max && a.endsWith(b.slice(b.length - shared - block, b.length - shared), a.length - shared)) shared += block;
  }
  return shared;
}

function moveFinding(finding: Finding, lines: number): Finding {
  if (lines === 0) return finding;
  return {
    ...finding,
    range: moveRange(finding.range, lines),
    fixes: finding.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((edit) => ({ ...edit, range: moveRange(edit.range, lines) })) })),
  };
}

function moveRange(range: Range, lines: number): Range {
  return { start: movePosition(range.start, lines), end: movePosition(range.end, lines) };
}

function movePosition(position: Position, lines: number): Position {
  return { line: position.line + lines, character: position.character };
}
