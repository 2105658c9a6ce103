import { isMap, isPair, isScalar, isSeq, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { splitImageReference } from '../image';
import { isRepeatedByAlias } from '../kubernetes/anchors';
import type { YamlDocument } from '../kubernetes/documents';
import { YamlEditor } from '../kubernetes/yamlEdits';
import { pairOf } from '../kubernetes/yamlNodes';
import type { Fix } from '../types';
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
  /** For the string form, the scalar; for the mapping, `repository` (or `name`, or ingress-nginx's `image`). */
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
      // ingress-nginx writes the repository as `image`: `controller.image.image: ingress-nginx/controller`.
      const repository = scalar('repository') ?? scalar('name') ?? scalar('image');
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
    } else if (isScalar(pair.value) && typeof pair.value.value === 'string' && /^[^\s{}]+$/.test(pair.value.value) && !isImageMap(owner)) {
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

/**
 * Whether the section is itself an image mapping: ingress-nginx-style charts write the image
 * name again inside it (`controller.image.image: controller`), which is a part, not an image.
 */
function isImageMap(section: ValuesSection): boolean {
  return section.path.at(-1) === 'image' || ['repository', 'tag', 'registry', 'digest'].some((key) => pairOf(section.node, key));
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
      contexts.push({ owner, pair: item as Pair<Scalar, unknown>, section, level: contextLevel(key, section, owner), applied: !isFalse(section && pairOf(section.node, 'enabled')?.value) });
    }
  }
  return contexts;
}

/**
 * `podSecurityContext` is the pod's and `containerSecurityContext` a container's. A plain
 * `securityContext` is the pod's next to a `containerSecurityContext` (grafana's layout) or when it
 * holds only pod-level keys; otherwise it is the container's (`helm create`'s layout).
 */
function contextLevel(key: string, section: ValuesSection | undefined, owner: ValuesSection): 'pod' | 'container' {
  if (/^pod/i.test(key)) return 'pod';
  if (/^container/i.test(key)) return 'container';
  const hasContainerContext = owner.node.items.some((item) => isPair(item) && isScalar(item.key) && typeof item.key.value === 'string' && /^container.*securitycontext$/i.test(item.key.value));
  if (/^securitycontext$/i.test(key) && hasContainerContext) return 'pod';
  if (!section) return 'container';
  const has = (keys: string[]) => keys.some((name) => pairOf(section.node, name));
  return has(POD_ONLY_KEYS) && !has(CONTAINER_ONLY_KEYS) ? 'pod' : 'container';
}

/**
 * Whether a security context sets nothing: no value, `{}`, or only bitnami's `enabled` switch
 * (which the chart leaves out of what it renders).
 */
export function isEmptyContext(context: SecurityContextValue): boolean {
  return !context.section || context.section.node.items.every((item) => isPair(item) && isScalar(item.key) && item.key.value === 'enabled');
}

/** The security context a pair lies directly in, if it lies in one. */
export function enclosingContext(model: HelmValuesModel, section: ValuesSection): SecurityContextValue | undefined {
  return securityContexts(model).find((context) => context.section === section);
}

/**
 * A suggestion that writes `text` in place of a scalar value (`true` becomes `false`), or none
 * when an alias elsewhere repeats the scalar: the edit would change those places too.
 */
export function replaceScalarFix(model: HelmValuesModel, yaml: YamlDocument, value: Scalar, text: string, title: string): Fix[] {
  if (isRepeatedByAlias(yaml.document, value)) return [];
  return [{ title, kind: 'suggestion', edits: [new YamlEditor(model, yaml).replace(value, text)] }];
}

/**
 * The value a scalar has once a template puts it in a manifest. A string spelt like a boolean or
 * an integer (`"true"`, `'0'`) stays a string through `toYaml`, which the API server rejects for a
 * boolean or integer field, but a template that writes the value as it is
 * (`privileged: {{ .Values.securityContext.privileged }}`) drops the quotes, and the manifest then
 * reads it as what it spells, YAML 1.1 booleans included. Rules about such fields use this value:
 * either way the written value is wrong.
 */
export function renderedValue(value: Scalar): unknown {
  if (typeof value.value !== 'string') return value.value;
  const text = value.value.trim();
  if (/^(?:y|Y|yes|Yes|YES|true|True|TRUE|on|On|ON)$/.test(text)) return true;
  if (/^(?:n|N|no|No|NO|false|False|FALSE|off|Off|OFF)$/.test(text)) return false;
  if (/^[-+]?0+$/.test(text)) return 0;
  if (/^[-+]?[1-9][0-9]*$/.test(text)) return Number(text);
  return value.value;
}

/**
 * Whether `hostUsers: false` is set in the section or a section around it: the pod then runs in a
 * user namespace, where UID 0 in a container is an unprivileged user on the node.
 */
export function inUserNamespace(section: ValuesSection): boolean {
  for (let at: ValuesSection | undefined = section; at; at = at.parent) {
    if (isFalse(pairOf(at.node, 'hostUsers')?.value)) return true;
  }
  return false;
}

/** Keys by which a section describes a container of the chart, besides `image`. */
const CONTAINER_KEYS = ['resources', 'resourcesPreset', 'containerSecurityContext', 'podSecurityContext'];

/**
 * Whether a rendered section describes a container (or the pod running it): it names an image, or
 * it has the per-component keys charts give containers without repeating the image (bitnami's
 * `primary` and `readReplicas` share the top-level `image` but have their own `resources`,
 * `resourcesPreset` and security contexts).
 */
export function describesContainer(model: HelmValuesModel, section: ValuesSection): boolean {
  if (section.disabled) return false;
  if (imageValues(model).some((image) => image.owner === section)) return true;
  return CONTAINER_KEYS.some((key) => {
    const value = pairOf(section.node, key)?.value;
    // `resources:` in an RBAC rule is a list of resource names, not a container's resources.
    return value !== undefined && !isSeq(value);
  });
}

/** Rendered sections below `section` (not itself) that describe a container. */
export function containerSectionsBelow(model: HelmValuesModel, section: ValuesSection): ValuesSection[] {
  return activeSections(model).filter((candidate) => candidate !== section && isBelow(candidate, section) && describesContainer(model, candidate));
}

function isBelow(candidate: ValuesSection, ancestor: ValuesSection): boolean {
  for (let parent = candidate.parent; parent; parent = parent.parent) if (parent === ancestor) return true;
  return false;
}
