import type { LineIndex } from '../text';
import type { Finding } from '../types';
import { parseKubernetes, type KubernetesModel } from './model';

/** The rule id of YAML syntax errors in Kubernetes manifests. */
export const YAML_SYNTAX_ID = 'ballast/yaml-syntax';

/** The Kubernetes side of the engine: the parsed model and how comments map to YAML nodes. */
export function prepareKubernetes(text: string): { model: KubernetesModel; spanBelow: (line: number) => { first: number; last: number } | undefined; syntaxErrors: Finding[] } {
  const model = parseKubernetes(text);
  return { model, spanBelow: (line) => yamlSpanBelow(model.lines, line), syntaxErrors: syntaxErrors(model) };
}

/**
 * Syntax errors, once each at their position, for documents that look like Kubernetes objects
 * (they name `apiVersion` and `kind`). Other YAML is none of Ballast's business, and documents
 * with Go template syntax are Helm templates, which are not YAML until rendered.
 */
function syntaxErrors(model: KubernetesModel): Finding[] {
  const findings: Finding[] = [];
  for (const yaml of model.documents) {
    if (yaml.errors.length === 0 || yaml.text.includes('{{')) continue;
    if (!/^\s*apiVersion\s*:/m.test(yaml.text) || !/^\s*kind\s*:/m.test(yaml.text)) continue;
    const first = yaml.errors[0]!;
    findings.push({
      ruleId: YAML_SYNTAX_ID,
      severity: 'error',
      message: `YAML syntax error: ${first.message}${yaml.errors.length > 1 ? ` (and ${yaml.errors.length - 1} more in this document)` : ''}. Ballast checks this document again once it parses.`,
      range: model.lines.rangeOf(first.start, Math.max(first.end, first.start + 1)),
      fixes: [],
    });
  }
  return findings;
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

function indentationOf(text: string): number {
  return /^[ \t]*/.exec(text)![0].length;
}
