import type { Scalar } from 'yaml';
import type { Range } from '../types';
import type { YamlDocument } from './documents';
import type { YamlFile } from './model';

/**
 * Ranges inside scalar values. A block scalar's node range runs to the start of the line after
 * it; a finding about one line of a multi-line value (a key in a config file, a PEM header) should
 * underline that line, not the whole block.
 */

/** The scalar's range without the line breaks and blank lines a block scalar ends with. */
export function scalarRange(model: YamlFile, yaml: YamlDocument, node: Scalar): Range {
  const [start, end] = node.range!;
  let trimmed = end;
  while (trimmed > start && /\s/.test(yaml.text[trimmed - 1]!)) trimmed--;
  return model.lines.rangeOf(yaml.offset + start, yaml.offset + trimmed);
}

/**
 * Where `value.slice(start, end)` of a string scalar is written: found verbatim in the node's
 * source (the k-th occurrence in the value is the k-th in the source, as long as both hold the
 * text equally often; quoting escapes and folding break that, and then the whole scalar is
 * returned).
 */
export function rangeInScalar(model: YamlFile, yaml: YamlDocument, node: Scalar, start: number, end: number): Range {
  const value = String(node.value);
  const needle = value.slice(start, end);
  const [sourceStart, sourceEnd] = node.range!;
  const source = yaml.text.slice(sourceStart, sourceEnd);
  if (needle.length === 0 || needle.includes('\n')) return scalarRange(model, yaml, node);
  const inValue = occurrences(value, needle);
  const inSource = occurrences(source, needle);
  const index = inValue.indexOf(start);
  if (index < 0 || inValue.length !== inSource.length) return scalarRange(model, yaml, node);
  const at = yaml.offset + sourceStart + inSource[index]!;
  return model.lines.rangeOf(at, at + needle.length);
}

function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
}
