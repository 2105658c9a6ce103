import { isAlias, isMap, isPair, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { LineIndex } from '../text';
import { parseYamlDocuments, type YamlDocument } from '../kubernetes/documents';
import type { YamlFile } from '../kubernetes/model';
import { pairOf } from '../kubernetes/yamlNodes';
import type { ChartMetadata } from './chart';

/**
 * A Helm values file, read the way charts use it. Values have no schema: the rules look for the
 * keys that `helm create` and the large chart collections use, at any depth, so component sections
 * (`controller.image`, `primary.resources`) are covered like the top level.
 */
export interface HelmValuesModel extends YamlFile {
  /** The chart the file belongs to; undefined when it is a values file outside any chart. */
  chart: ChartMetadata | undefined;
  /**
   * Whether the file overrides the chart's own values.yaml (`values-prod.yaml`, CI values): Helm
   * merges it over the defaults, so what it leaves out or leaves `{}` keeps the default, and rules
   * about something missing have nothing to say about it.
   */
  overrides: boolean;
  /** Every mapping in the file, outermost first, in text order. */
  sections: ValuesSection[];
  /** The section of each mapping node. */
  sectionOf: Map<YAMLMap, ValuesSection>;
}

/** A mapping of a values file and the way to it. */
export interface ValuesSection {
  yaml: YamlDocument;
  node: YAMLMap;
  /** Keys (and sequence indexes) from the document's root: `['controller', 'image']`. */
  path: (string | number)[];
  parent: ValuesSection | undefined;
  /**
   * Whether the chart leaves this section out: it, or a section around it, says `enabled: false`
   * (`metrics.enabled: false`, `volumePermissions.enabled: false`), so its values are not rendered.
   */
  disabled: boolean;
}

/** Beyond this depth a values file is not walked: no chart nests that deep, an attack might. */
const MAX_DEPTH = 64;

export function parseHelmValues(text: string, chart: ChartMetadata | undefined, overrides = false): HelmValuesModel {
  const documents = parseYamlDocuments(text);
  const sections: ValuesSection[] = [];
  for (const yaml of documents) {
    const root = yaml.document.contents;
    if (isMap(root) && !yaml.tooDeep) collectSections(yaml, root as YAMLMap, [], undefined, sections);
  }
  return { text, lines: new LineIndex(text), documents, chart, overrides, sections, sectionOf: new Map(sections.map((section) => [section.node, section])) };
}

/**
 * Aliases are not followed: the anchored text is checked where it is written, once, and a file
 * full of aliases (a "billion laughs") costs no more than its own size.
 */
function collectSections(yaml: YamlDocument, node: YAMLMap, path: (string | number)[], parent: ValuesSection | undefined, into: ValuesSection[]): void {
  if (path.length > MAX_DEPTH) return;
  const section: ValuesSection = { yaml, node, path, parent, disabled: (parent?.disabled ?? false) || isFalse(pairOf(node, 'enabled')?.value) };
  into.push(section);
  for (const item of node.items) {
    if (!isPair(item) || !isScalar(item.key)) continue;
    const key = String(item.key.value);
    visitValue(yaml, item.value, [...path, key], section, into);
  }
}

function visitValue(yaml: YamlDocument, value: unknown, path: (string | number)[], parent: ValuesSection, into: ValuesSection[]): void {
  if (isAlias(value)) return;
  if (isMap(value)) collectSections(yaml, value as YAMLMap, path, parent, into);
  else if (isSeq(value)) (value as YAMLSeq).items.forEach((item, index) => visitValue(yaml, item, [...path, index], parent, into));
}

export function isFalse(node: unknown): boolean {
  return isScalar(node) && node.value === false;
}

export function isTrue(node: unknown): boolean {
  return isScalar(node) && node.value === true;
}

/** The key that leads to the section (`image` for `controller.image`), or undefined at the root or in a list. */
export function sectionKey(section: ValuesSection): string | undefined {
  const last = section.path.at(-1);
  return typeof last === 'string' ? last : undefined;
}

/** The dotted path, as chart READMEs write it: `controller.image.tag`, `extraVolumes[0].hostPath`. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

/** The pair `key: value` of a section when its value is a scalar written there (not an alias). */
export function scalarPair(section: ValuesSection, key: string): { pair: Pair<Scalar, Scalar>; value: Scalar } | undefined {
  const pair = pairOf(section.node, key);
  if (!pair || !isScalar(pair.value)) return undefined;
  return { pair: pair as Pair<Scalar, Scalar>, value: pair.value };
}

/** A scalar's value as text, or undefined for null, missing or non-scalar values. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return String(node.value);
}

/** The direct child section under `key`, if its value is a mapping written there. */
export function childSection(model: HelmValuesModel, section: ValuesSection, key: string): ValuesSection | undefined {
  const value = pairOf(section.node, key)?.value;
  return isMap(value) ? model.sectionOf.get(value as YAMLMap) : undefined;
}

/** Whether a pair's value is `{}` or nothing at all (`key:` / `key: null`). */
export function isEmptyValue(node: unknown): boolean {
  if (node === null || node === undefined) return true;
  if (isScalar(node)) return node.value === null || node.value === undefined;
  return isMap(node) && (node as YAMLMap).items.length === 0;
}

/** The node itself or, for a pair, its key: where a finding about the pair goes. */
export function keyNode(pair: Pair): Node {
  return pair.key as Node;
}
