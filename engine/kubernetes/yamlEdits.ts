import { isAlias, isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { comparePositions } from '../text';
import type { TextEdit } from '../types';
import type { YamlDocument } from './documents';
import type { YamlFile } from './model';
import { pairOf } from './yamlNodes';

/**
 * Edits to Kubernetes YAML made the way a careful person would: the smallest text change, in the
 * style (block or flow), indentation and line breaks already used, comments and key order kept.
 * All offsets here are document-relative; `at` turns them into file positions.
 */
export class YamlEditor {
  constructor(
    private readonly model: YamlFile,
    private readonly yaml: YamlDocument,
  ) {}

  private get text(): string {
    return this.yaml.text;
  }

  private edit(start: number, end: number, newText: string): TextEdit {
    return { range: this.model.lines.rangeOf(this.yaml.offset + start, this.yaml.offset + end), newText };
  }

  private get eol(): string {
    return this.model.lines.eol;
  }

  /** Replaces a node's text (its value, not its trailing comment). */
  replace(node: Node, newText: string): TextEdit {
    return this.edit(node.range![0], node.range![1], newText);
  }

  /**
   * Sets `path` below `map` to `value` (YAML text of a scalar or flow collection): replaces the
   * value when the key exists, otherwise creates the missing keys in the deepest mapping that
   * exists, nested as block mappings (or flow ones inside a flow mapping).
   */
  set(map: YAMLMap, path: readonly string[], value: string): TextEdit | undefined {
    if (path.length === 0) return undefined;
    return this.setEntries(map, entriesOf([[path, value]]))?.[0];
  }

  /**
   * Sets several paths below `map` at once, as `set` does each: mappings they share are created
   * once (`resources:` with both `requests:` and `limits:` below it). Undefined when any of them
   * would be edited through an alias.
   */
  setAll(map: YAMLMap, assignments: ReadonlyArray<readonly [path: readonly string[], value: string]>): TextEdit[] | undefined {
    const edits = this.setEntries(map, entriesOf(assignments.filter(([path]) => path.length > 0)));
    return edits && joinInsertions(edits);
  }

  private setEntries(map: YAMLMap, entries: Entries): TextEdit[] | undefined {
    const edits: TextEdit[] = [];
    const missing: [string, string | Entries][] = [];
    for (const [key, value] of entries) {
      const pair = pairOf(map, key);
      if (!pair) {
        missing.push([key, value]);
        continue;
      }
      // Editing through an alias would change every place that uses the anchor.
      if (isAlias(pair.value)) return undefined;
      const written = pair.value as Node | null;
      const isEmpty = !written || (isScalar(written) && written.value === null && written.range![0] === written.range![1]);
      if (typeof value === 'string') {
        edits.push(isEmpty ? this.edit(this.keyEnd(pair), this.keyEnd(pair), ` ${value}`) : this.replace(written!, value));
      } else if (isMap(written)) {
        const nested = this.setEntries(written as YAMLMap, value);
        if (!nested) return undefined;
        edits.push(...nested);
      } else if (isEmpty || (isScalar(written) && written.value === null)) {
        // `key:` with no value, or `key: null`: the rest nests under it.
        edits.push(this.nestUnder(pair, value));
      } else {
        // Some other value (a scalar where a mapping belongs): replace it with the mapping.
        edits.push(this.replace(written!, flowMapping(value)));
      }
    }
    // Inserted after the edits inside this mapping's children, which come first in the text.
    if (missing.length > 0) edits.push(this.insert(map, missing));
    return edits;
  }

  /**
   * Writes `assignments` as a block mapping in place of the empty flow mapping `key: {}` (the way
   * `helm create` leaves `securityContext: {}`), nested below the key. A comment after `{}` stays
   * on the key's line; comment lines below (commented-out examples) stay where they are.
   * Undefined when the value is not an empty flow mapping written there.
   */
  fillEmptyMapping(pair: Pair, assignments: ReadonlyArray<readonly [path: readonly string[], value: string]>): TextEdit[] | undefined {
    const value = pair.value as Node | null;
    if (!isMap(value) || !value.flow || value.items.length > 0 || !value.range) return undefined;
    const keyNode = pair.key as Node;
    const indent = this.column(keyNode.range![0]) + 2;
    const block = this.eol + blockEntries(entriesOf(assignments), indent, 2, this.eol);
    const start = this.keyEnd(pair);
    const close = this.text.lastIndexOf('}', value.range[1] - 1);
    const lineEnd = this.text.indexOf('\n', close);
    const restOfLine = this.text.slice(close + 1, lineEnd < 0 ? this.text.length : lineEnd).replace(/\r$/, '');
    if (restOfLine.trim() === '') return [this.edit(start, close + 1 + restOfLine.length, block)];
    if (!/^\s*#/.test(restOfLine)) return undefined;
    const lineContentEnd = close + 1 + restOfLine.length;
    return [this.edit(start, close + 1, ''), this.edit(lineContentEnd, lineContentEnd, block)];
  }

  /** Adds `item` (YAML text) at the end of a sequence, in its style. */
  append(seq: YAMLSeq, item: string): TextEdit {
    if (seq.flow) {
      const close = this.text.lastIndexOf(']', seq.range![1]);
      const separator = seq.items.length > 0 ? ', ' : '';
      return this.edit(close, close, `${separator}${item}`);
    }
    const first = seq.items[0] as Node | undefined;
    const dash = first ? this.text.lastIndexOf('-', first.range![0]) : seq.range![0];
    const indent = this.column(dash);
    const at = this.endOfContent(seq.range![1]);
    return this.edit(at, at, `${this.eol}${' '.repeat(indent)}- ${item}`);
  }

  /** Removes a key and its value; undefined when that would take a sequence item's `- ` with it. */
  remove(map: YAMLMap, key: string): TextEdit | undefined {
    const pair = pairOf(map, key);
    if (!pair) return undefined;
    const keyStart = (pair.key as Node).range![0];
    const end = Math.max((pair.key as Node).range![1], (pair.value as Node | null)?.range?.[1] ?? 0);
    if (map.flow) {
      const index = map.items.indexOf(pair as Pair);
      const nextKey = map.items[index + 1]?.key as Node | undefined;
      if (nextKey) return this.edit(keyStart, nextKey.range![0], '');
      const previousEnd = index > 0 ? this.previousValueEnd(map.items[index - 1]!) : keyStart;
      return this.edit(previousEnd, end, '');
    }
    const lineStart = this.lineStart(keyStart);
    if (this.text.slice(lineStart, keyStart).trim() !== '') return undefined;
    const lineEnd = this.lineEndAfter(this.endOfContent(end));
    return this.edit(lineStart, lineEnd, '');
  }

  /**
   * Removes the first key of a block sequence item (`- hostPort: 80`), which `remove` leaves alone,
   * by pulling the item's next key up onto the dash line. Undefined when it is the item's only key.
   */
  removeLeadingKey(map: YAMLMap, key: string): TextEdit | undefined {
    const pair = pairOf(map, key);
    if (!pair || map.flow || map.items.indexOf(pair as Pair) !== 0) return undefined;
    const nextKey = map.items[1]?.key as Node | undefined;
    if (!nextKey?.range) return undefined;
    return this.edit((pair.key as Node).range![0], nextKey.range[0], '');
  }

  /**
   * Removes item `index` of the sequence at `map[key]`, with its line in block style. Removing the
   * last item leaves `key: []`, so the field stays a list. Undefined when the value is not a
   * sequence written there (an alias, for one) or the item shares its line (`- - a`).
   */
  removeItem(map: YAMLMap, key: string, index: number): TextEdit | undefined {
    const pair = pairOf(map, key);
    if (!pair || !isSeq(pair.value)) return undefined;
    const seq = pair.value as YAMLSeq;
    const item = seq.items[index] as Node | undefined;
    if (!item?.range) return undefined;
    if (seq.items.length === 1) return this.emptySequence(pair as Pair, seq);
    if (seq.flow) {
      const next = seq.items[index + 1] as Node | undefined;
      if (next?.range) return this.edit(item.range[0], next.range[0], '');
      const previous = seq.items[index - 1] as Node;
      return this.edit(previous.range![1], item.range[1], '');
    }
    const dash = this.text.lastIndexOf('-', item.range[0] - 1);
    const lineStart = this.lineStart(dash);
    if (dash < 0 || this.text.slice(lineStart, dash).trim() !== '') return undefined;
    return this.edit(lineStart, this.lineEndAfter(this.endOfContent(item.range[1])), '');
  }

  /** `key: []` in place of a sequence, keeping a comment on the key's line. */
  private emptySequence(pair: Pair, seq: YAMLSeq): TextEdit {
    if (seq.flow) return this.replace(seq, '[]');
    const start = this.keyEnd(pair);
    const lineEnd = this.text.indexOf('\n', start);
    const restOfLine = this.text.slice(start, lineEnd < 0 ? this.text.length : lineEnd).replace(/\r$/, '');
    const comment = /^\s*#/.test(restOfLine) ? restOfLine : '';
    return this.edit(start, this.endOfContent(seq.range![1]), ` []${comment}`);
  }

  private previousValueEnd(pair: unknown): number {
    const p = pair as Pair;
    return Math.max((p.key as Node).range![1], (p.value as Node | null)?.range?.[1] ?? 0);
  }

  private keyEnd(pair: Pair): number {
    const keyEnd = (pair.key as Node).range![1];
    const colon = /^\s*:/.exec(this.text.slice(keyEnd, keyEnd + 20));
    return colon ? keyEnd + colon[0].length : keyEnd;
  }

  /** Inserts `entries` as the last entries of `map`. */
  private insert(map: YAMLMap, entries: Entries): TextEdit {
    if (map.flow) {
      // The range ends just past this mapping's `}`, where an enclosing mapping's `}` may follow.
      const close = this.text.lastIndexOf('}', map.range![1] - 1);
      const separator = map.items.length > 0 ? ', ' : '';
      return this.edit(close, close, `${separator}${flowEntries(entries)}`);
    }
    const firstKey = map.items[0]?.key as Node | undefined;
    if (!firstKey) return this.replace(map, flowMapping(entries));
    const indent = this.column(firstKey.range![0]);
    const at = this.endOfContent(map.range![1]);
    return this.edit(at, at, this.eol + blockEntries(entries, indent, this.indentStep(map), this.eol));
  }

  /** `key:` with nothing after it gets `entries` as a block below it. */
  private nestUnder(pair: Pair, entries: Entries): TextEdit {
    const keyNode = pair.key as Node;
    const at = this.endOfContent(Math.max(keyNode.range![1], (pair.value as Node | null)?.range?.[1] ?? 0));
    const indent = this.column(keyNode.range![0]) + 2;
    const start = this.keyEnd(pair);
    // Drop a written `null` / `~` and anything after the colon on that line.
    return this.edit(start, Math.max(at, start), this.eol + blockEntries(entries, indent, 2, this.eol));
  }

  /** The indentation step the mapping's children use, or 2. */
  private indentStep(map: YAMLMap): number {
    for (const item of map.items) {
      const value = (item as Pair).value;
      if ((isMap(value) || isSeq(value)) && !value.flow && value.items[0]) {
        const child = (isMap(value) ? (value.items[0] as Pair).key : value.items[0]) as Node;
        const step = this.column(child.range![0]) - this.column(((item as Pair).key as Node).range![0]);
        if (step > 0) return isSeq(value) ? Math.max(2, step) : step;
      }
    }
    return 2;
  }

  private column(offset: number): number {
    return offset - this.lineStart(offset);
  }

  private lineStart(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  /** Back from `end` over white space and line breaks, to where the content really ends. */
  private endOfContent(end: number): number {
    let i = Math.min(end, this.text.length);
    while (i > 0 && /\s/.test(this.text[i - 1]!)) i--;
    // Past a trailing comment on the same line, so the new line goes after it.
    const lineEnd = this.text.indexOf('\n', i);
    const restOfLine = this.text.slice(i, lineEnd < 0 ? this.text.length : lineEnd).replace(/\r$/, '');
    return /^\s*#/.test(restOfLine) ? i + restOfLine.length : i;
  }

  private lineEndAfter(offset: number): number {
    const lineEnd = this.text.indexOf('\n', offset);
    return lineEnd < 0 ? this.text.length : lineEnd + 1;
  }
}

/** Keys to write, nested; a leaf is the YAML text of a scalar or flow collection. */
type Entries = ReadonlyArray<readonly [key: string, value: string | Entries]>;

/** The paths and values as one tree, in the order given, shared prefixes merged. */
function entriesOf(assignments: ReadonlyArray<readonly [path: readonly string[], value: string]>): Entries {
  type Level = [string, string | Level][];
  const root: Level = [];
  for (const [path, value] of assignments) {
    let level = root;
    path.forEach((key, i) => {
      const isLeaf = i === path.length - 1;
      let entry = level.find(([existing]) => existing === key);
      if (!entry) level.push((entry = [key, isLeaf ? value : []]));
      else if (isLeaf || typeof entry[1] === 'string') entry[1] = isLeaf ? value : [];
      if (!isLeaf) level = entry[1] as Level;
    });
  }
  return root;
}

function blockEntries(entries: Entries, indent: number, step: number, eol: string): string {
  return entries
    .map(([key, value]) => `${' '.repeat(indent)}${key}:${typeof value === 'string' ? ` ${value}` : eol + blockEntries(value, indent + step, step, eol)}`)
    .join(eol);
}

function flowEntries(entries: Entries): string {
  return entries.map(([key, value]) => `${key}: ${typeof value === 'string' ? value : flowMapping(value)}`).join(', ');
}

function flowMapping(entries: Entries): string {
  return `{${flowEntries(entries)}}`;
}

/**
 * Insertions at the same point become one edit, in the order given: a nested mapping's new keys
 * and its parent's new keys can both land where the nested mapping ends.
 */
export function joinInsertions(edits: TextEdit[]): TextEdit[] {
  const result: TextEdit[] = [];
  for (const edit of edits) {
    const isInsertion = comparePositions(edit.range.start, edit.range.end) === 0;
    const same = isInsertion ? result.find((other) => comparePositions(other.range.start, edit.range.start) === 0 && comparePositions(other.range.end, edit.range.end) === 0) : undefined;
    if (same) same.newText += edit.newText;
    else result.push({ range: edit.range, newText: edit.newText });
  }
  return result;
}
