import { isMap, isPair, isScalar, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { splitImageReference } from '../image';
import { pairOf } from '../kubernetes/yamlNodes';
import { isFalse, scalarText, type HelmValuesModel, type ValuesSection } from './values';

/**
 * The conventions charts follow, turned into lookups the values rules share: the sections the
 * chart renders, pairs by key at any depth, container images and security contexts.
 */

/** Lookups computed once per model: several rules ask for the same ones. */
const memos = new WeakMap<HelmValuesModel, Map<string, unknown>>();

function memo<T>(model: HelmValuesModel, key: string, compute: () => T): T {
  let entries = memos.get(model);
  if (!entries) memos.set(model, (entries = new Map()));
  if (!entries.has(key)) entries.set(key, compute());
  return entries.get(key) as T;
}

/** Sections the chart renders: not switched off by `enabled: false` on them or around them. */
export function activeSections(model: HelmValuesModel): ValuesSection[] {
  return memo(model, 'active', () => model.sections.filter((section) => !section.disabled));
}

/** A `key: value` pair of a rendered section whose value is a scalar written there. */
export interface ValuePair {
  section: ValuesSection;
  pair: Pair<Scalar, Scalar>;
  key: Scalar;
  value: Scalar;
}

/** Every pair named `key`, at any depth, in rendered sections, with a scalar value. */
export function valuePairs(model: HelmValuesModel, key: string): ValuePair[] {
  const found: ValuePair[] = [];
  for (const section of activeSections(model)) {
    for (const item of section.node.items) {
      if (!isPair(item) || !isScalar(item.key) || item.key.value !== key || !isScalar(item.value)) continue;
      found.push({ section, pair: item as Pair<Scalar, Scalar>, key: item.key, value: item.value });
    }
  }
  return found;
}

/** An image as values describe it: `image: {registry, repository, tag, digest, pullPolicy}` or `image: repo:tag`. */
export interface ImageValue {
  /** The section that holds `image:` (the top level, `controller`, `primary`, …). */
  owner: ValuesSection;
  /** The `image:` pair. */
  pair: Pair<Scalar, unknown>;
  /** The image mapping's section; undefined for `image: repo:tag`. */
  map: ValuesSection | undefined;
  /** For the string form, the scalar; for the mapping, `repository` (or `name`). */
  repository: Scalar | undefined;
  tag: Scalar | undefined;
  digest: Scalar | undefined;
  pullPolicy: Scalar | undefined;
  /** Tag and digest as written (empty string when empty or missing). */
  tagText: string;
  digestText: string;
  /** What the values name, for messages: `registry/repository:tag`. */
  display: string;
}

/** Keys an image mapping has: at least one of these. */
const IMAGE_KEYS = ['repository', 'name', 'tag', 'digest', 'registry'];

/**
 * Every image of a rendered section: `image:` as a mapping with a repository, name or tag (the
 * `helm create` and bitnami form), or as a string reference. A `pullPolicy` next to the string
 * form (`image: x`, `imagePullPolicy: y`) counts as its pull policy.
 */
export function imageValues(model: HelmValuesModel): ImageValue[] {
  return memo(model, 'images', () => findImages(model));
}

function findImages(model: HelmValuesModel): ImageValue[] {
  const images: ImageValue[] = [];
  for (const owner of activeSections(model)) {
    const pair = pairOf(owner.node, 'image');
    if (!pair) continue;
    if (isMap(pair.value)) {
      const map = model.sectionOf.get(pair.value as YAMLMap);
      if (!map || map.disabled || !IMAGE_KEYS.some((key) => pairOf(map.node, key))) continue;
      const scalar = (key: string) => {
        const value = pairOf(map.node, key)?.value;
        return isScalar(value) ? value : undefined;
      };
      const repository = scalar('repository') ?? scalar('name');
      const tag = scalar('tag');
      const digest = scalar('digest');
      const registry = scalarText(scalar('registry'));
      const tagText = scalarText(tag) ?? '';
      const digestText = scalarText(digest) ?? '';
      const name = [registry, scalarText(repository)].filter((part) => part && part.trim() !== '').join('/');
      images.push({
        owner,
        pair,
        map,
        repository,
        tag,
        digest,
        pullPolicy: scalar('pullPolicy'),
        tagText: tagText.trim(),
        digestText: digestText.trim(),
        display: `${name || '(no repository)'}${tagText ? `:${tagText}` : ''}${digestText ? `@${digestText}` : ''}`,
      });
    } else if (isScalar(pair.value) && typeof pair.value.value === 'string' && /^[^\s{}]+$/.test(pair.value.value)) {
      const reference = splitImageReference(pair.value.value);
      const policy = pairOf(owner.node, 'imagePullPolicy')?.value ?? pairOf(owner.node, 'pullPolicy')?.value;
      images.push({
        owner,
        pair,
        map: undefined,
        repository: pair.value,
        tag: undefined,
        digest: undefined,
        pullPolicy: isScalar(policy) ? policy : undefined,
        tagText: reference.tag ?? '',
        digestText: reference.digest ?? '',
        display: pair.value.value,
      });
    }
  }
  return images;
}

/** Whether a container runs the values' image: its section names an image. */
export function hasImage(model: HelmValuesModel, section: ValuesSection): boolean {
  return imageValues(model).some((image) => image.owner === section);
}

/** Keys that only a pod-level security context has. */
const POD_ONLY_KEYS = ['fsGroup', 'fsGroupChangePolicy', 'supplementalGroups', 'supplementalGroupsPolicy', 'sysctls'];
/** Keys that only a container-level security context has. */
const CONTAINER_ONLY_KEYS = ['privileged', 'allowPrivilegeEscalation', 'capabilities', 'readOnlyRootFilesystem', 'procMount'];

/** A security context in values: `securityContext`, `podSecurityContext`, `containerSecurityContext`, … */
export interface SecurityContextValue {
  /** The section that holds the context. */
  owner: ValuesSection;
  pair: Pair<Scalar, unknown>;
  /** The context's section; undefined when its value is not a mapping (`securityContext:` with nothing). */
  section: ValuesSection | undefined;
  level: 'pod' | 'container';
  /** False for bitnami's `enabled: false`, with which the chart renders no context at all. */
  applied: boolean;
}

/** Any key ending in `securityContext`: `podSecurityContext`, `initContainerSecurityContext`, … */
export function isSecurityContextKey(key: string): boolean {
  return /securitycontext$/i.test(key);
}

/** Every security context of a rendered section, applied or not. */
export function securityContexts(model: HelmValuesModel): SecurityContextValue[] {
  return memo(model, 'securityContexts', () => findSecurityContexts(model));
}

function findSecurityContexts(model: HelmValuesModel): SecurityContextValue[] {
  const contexts: SecurityContextValue[] = [];
  for (const owner of activeSections(model)) {
    for (const item of owner.node.items) {
      if (!isPair(item) || !isScalar(item.key) || typeof item.key.value !== 'string' || !isSecurityContextKey(item.key.value)) continue;
      const key = item.key.value;
      const section = isMap(item.value) ? model.sectionOf.get(item.value as YAMLMap) : undefined;
      if (!section && !(isScalar(item.value) && item.value.value === null) && item.value !== null) continue;
      contexts.push({ owner, pair: item as Pair<Scalar, unknown>, section, level: contextLevel(key, section), applied: !isFalse(section && pairOf(section.node, 'enabled')?.value) });
    }
  }
  return contexts;
}

function contextLevel(key: string, section: ValuesSection | undefined): 'pod' | 'container' {
  if (/^pod/i.test(key)) return 'pod';
  if (/^container/i.test(key) || !section) return 'container';
  const has = (keys: string[]) => keys.some((name) => pairOf(section.node, name));
  return has(POD_ONLY_KEYS) && !has(CONTAINER_ONLY_KEYS) ? 'pod' : 'container';
}

/** The security context a pair lies directly in, if it lies in one. */
export function enclosingContext(model: HelmValuesModel, section: ValuesSection): SecurityContextValue | undefined {
  return securityContexts(model).find((context) => context.section === section);
}
