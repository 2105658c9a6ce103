/**
 * The parse floor: what it costs only to parse a file with the parsers the engine builds on, with
 * ranges, and nothing else. The engine cannot lint faster than this without parsing less.
 */
import { DockerfileParser } from 'dockerfile-ast';
import { LineCounter, parseAllDocuments } from 'yaml';
import type { FileKind } from '../../engine';

/**
 * Every document, with source tokens and line positions, under the options the engine parses
 * manifests and values files with (engine/kubernetes/documents.ts, which engine/helm/values.ts
 * uses too). The engine parses each document on its own; one pass over the stream does the same
 * parsing work.
 */
export function parseYamlFloor(text: string): unknown {
  return parseAllDocuments(text, { version: '1.1', keepSourceTokens: true, uniqueKeys: false, prettyErrors: false, strict: false, lineCounter: new LineCounter() });
}

export function parseDockerfileFloor(text: string): unknown {
  return DockerfileParser.parse(text);
}

export function parseFloor(kind: FileKind, text: string): unknown {
  return kind === 'dockerfile' ? parseDockerfileFloor(text) : parseYamlFloor(text);
}
