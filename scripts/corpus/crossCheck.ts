import { constructFromEvents, parseEvents, YAML11_SCHEMA } from 'js-yaml';
import { LineIndex, YAML_SYNTAX_ID, type Finding } from '../../engine';
import { splitDocuments } from '../../engine/kubernetes/documents';

/** A YAML syntax error Ballast reported, judged by an independent parser. */
export interface SyntaxVerdict {
  file: string;
  /** 1-based line of Ballast's finding. */
  line: number;
  message: string;
  /** What js-yaml says about the same document; undefined when it reads the document fine. */
  independentError: string | undefined;
}

/**
 * Each YAML syntax error Ballast reports in `text`, with js-yaml's verdict. An error is confirmed
 * when js-yaml rejects both the whole stream and the document the error lies in: Ballast parses
 * every document on its own (see `parseYamlDocuments`), so the document is split at the same
 * markers, and the whole stream makes sure a wrong split cannot confirm itself.
 */
export function crossCheckSyntaxErrors(file: string, text: string, findings: readonly Finding[]): SyntaxVerdict[] {
  const errors = findings.filter((finding) => finding.ruleId === YAML_SYNTAX_ID);
  if (errors.length === 0) return [];
  const streamError = independentParseError(text);
  const lines = new LineIndex(text);
  const documents = splitDocuments(text);
  return errors.map((finding) => {
    const offset = lines.offsetAt(finding.range.start);
    const document = documents.filter((d) => d.offset <= offset).pop() ?? documents[0] ?? { offset: 0, text };
    const independentError = streamError === undefined ? undefined : independentParseError(document.text);
    return { file, line: finding.range.start.line + 1, message: finding.message, independentError };
  });
}

/**
 * js-yaml's objection to a YAML document or stream, or undefined when it has none. Its event parser
 * judges the syntax; building values then catches what the syntax alone allows but YAML does not
 * (an alias to no anchor). Tags js-yaml has no constructor for, and duplicate keys, which
 * Kubernetes accepts, are no objection: neither is a syntax error.
 */
export function independentParseError(document: string): string | undefined {
  let events;
  try {
    events = parseEvents(document, { maxDepth: 10_000 });
  } catch (error) {
    return describe(error);
  }
  try {
    constructFromEvents(events, { source: document, schema: YAML11_SCHEMA, json: true, maxAliases: -1 });
  } catch (error) {
    const message = describe(error);
    if (!/unknown (?:scalar |sequence |mapping )?tag/i.test(message)) return message;
  }
  return undefined;
}

function describe(error: unknown): string {
  if (error instanceof Error) return ('reason' in error && typeof error.reason === 'string' ? error.reason : error.message).split('\n')[0]!;
  return String(error);
}
