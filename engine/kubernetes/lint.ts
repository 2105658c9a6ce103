import { isScalar } from 'yaml';
import { SKIPPED_ID } from '../limits';
import type { Suppression } from '../suppression';
import type { LineIndex } from '../text';
import type { Finding } from '../types';
import type { YamlDocument } from './documents';
import { rangeOfNode, type KubernetesModel, type YamlFile } from './model';
import { mapAt } from './yamlNodes';

/** The rule id of YAML syntax errors in Kubernetes manifests. */
export const YAML_SYNTAX_ID = 'ballast/yaml-syntax';

/** The Kubernetes side of the engine: the parsed model and how comments map to YAML nodes. */
export function prepareKubernetes(model: KubernetesModel): { model: KubernetesModel; spanBelow: (line: number) => { first: number; last: number } | undefined; syntaxErrors: Finding[] } {
  return { model, spanBelow: (line) => yamlSpanBelow(model.lines, line), syntaxErrors: syntaxErrors(model) };
}

/**
 * Syntax errors, once each at their position, for documents that look like Kubernetes objects
 * (they name `apiVersion` and `kind`). Other YAML is none of Ballast's business, and documents
 * with Go template syntax are Helm templates, which are not YAML until rendered.
 */
function syntaxErrors(model: KubernetesModel): Finding[] {
  return model.documents
    .filter((yaml) => !yaml.text.includes('{{') && /^\s*apiVersion\s*:/m.test(yaml.text) && /^\s*kind\s*:/m.test(yaml.text))
    .flatMap((yaml) => syntaxErrorFinding(model, yaml) ?? []);
}

/** The document's first syntax error as one finding, with a count of the others. */
export function syntaxErrorFinding(model: YamlFile, yaml: YamlDocument): Finding | undefined {
  // A document Ballast does not read says only that: what the parser made of it does not matter.
  const limit = yaml.errors.find((error) => error.limit === 'nesting') ?? yaml.errors.find((error) => error.limit === 'aliases');
  if (limit) {
    const range = model.lines.rangeOf(limit.start, Math.max(limit.end, limit.start + 1));
    return limit.limit === 'nesting'
      ? { ruleId: SKIPPED_ID, severity: 'info', message: limit.message, range, fixes: [] }
      : { ruleId: YAML_SYNTAX_ID, severity: 'error', message: limit.message, range, fixes: [] };
  }
  const first = yaml.errors[0];
  if (!first) return undefined;
  return {
    ruleId: YAML_SYNTAX_ID,
    severity: 'error',
    message: `YAML syntax error: ${first.message}${yaml.errors.length > 1 ? ` (and ${yaml.errors.length - 1} more in this document)` : ''}. Ballast checks this document again once it parses.`,
    range: model.lines.rangeOf(first.start, Math.max(first.end, first.start + 1)),
    fixes: [],
  };
}

/**
 * The lines a comment at `line` speaks for: the line below it and the block nested under that
 * line (deeper indentation; for a key, also a sequence written at the key's own indentation).
 */
export function yamlSpanBelow(lines: LineIndex, line: number): { first: number; last: number } | undefined {
  const first = line + 1;
  if (first >= lines.lineCount) return undefined;
  const head = lines.lineText(first);
  if (head.trim() === '' || head.trimStart().startsWith('#')) return undefined;
  const indent = indentationOf(head);
  // Above a document's first key, a comment speaks for the whole object (findings about a missing
  // field sit on its `kind:`), up to the next document marker.
  if (indent === 0 && startsDocument(lines, line)) {
    let last = first;
    for (let next = first + 1; next < lines.lineCount && !/^(---|\.\.\.)(\s|$)/.test(lines.lineText(next)); next++) last = next;
    return { first, last };
  }
  const headIsItem = /^\s*-(\s|$)/.test(head);
  let last = first;
  for (let next = first + 1; next < lines.lineCount; next++) {
    const text = lines.lineText(next);
    if (text.trim() === '' || text.trimStart().startsWith('#')) continue;
    if (/^(---|\.\.\.)(\s|$)/.test(text)) break;
    const nextIndent = indentationOf(text);
    const indentlessItem = !headIsItem && nextIndent === indent && /^\s*-(\s|$)/.test(text) && /:\s*(#.*)?$/.test(head);
    if (nextIndent <= indent && !indentlessItem) break;
    last = next;
  }
  return { first, last };
}

/** Whether only comments, blank lines or a `---` marker stand between the document start and `line`. */
function startsDocument(lines: LineIndex, line: number): boolean {
  for (let previous = line; previous >= 0; previous--) {
    const text = lines.lineText(previous);
    if (/^---(\s|$)/.test(text) || /^%/.test(text)) return true;
    if (text.trim() !== '' && !text.trimStart().startsWith('#')) return false;
  }
  return true;
}

function indentationOf(text: string): number {
  return /^[ \t]*/.exec(text)![0].length;
}

/**
 * Suppressions teams already write as annotations on an object, for the Ballast rules equivalent
 * to those checks: Checkov's `checkov.io/skip<N>: CKV_K8S_16=reason` and kube-linter's
 * `ignore-check.kube-linter.io/<check>`. They cover the whole object.
 */
export function annotationSuppressions(model: KubernetesModel, equivalentRules: (tool: 'checkov' | 'kube-linter', code: string) => string[]): Suppression[] {
  const result: Suppression[] = [];
  for (const object of model.objects) {
    const annotations = mapAt(object.metadata, 'annotations', object.yaml.document);
    const ruleIds = new Set<string>();
    for (const item of annotations?.items ?? []) {
      const key = isScalar(item.key) ? String(item.key.value) : '';
      const value = isScalar(item.value) ? String(item.value.value ?? '') : '';
      if (/^checkov\.io\/skip\d*$/.test(key)) {
        const code = value.split('=')[0]!.trim();
        for (const id of equivalentRules('checkov', code)) ruleIds.add(id);
      }
      const kubeLinter = /^ignore-check\.kube-linter\.io\/(.+)$/.exec(key);
      if (kubeLinter) for (const id of equivalentRules('kube-linter', kubeLinter[1]!)) ruleIds.add(id);
    }
    if (ruleIds.size === 0) continue;
    const range = rangeOfNode(model, object.yaml, object.node);
    if (range) result.push({ ruleIds, lines: { first: range.start.line, last: range.end.line } });
  }
  return result;
}
