import { isAlias, isMap, isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
import { activeSections, imageValues, type ImageValue } from '../../engine/helm/sections';
import { formatPath, isEmptyValue, scalarText, type HelmValuesModel, type ValuesSection } from '../../engine/helm/values';
import { isRepeatedByAlias } from '../../engine/kubernetes/anchors';
import { rangeOfNode } from '../../engine/kubernetes/model';
import { YamlEditor } from '../../engine/kubernetes/yamlEdits';
import { pairOf } from '../../engine/kubernetes/yamlNodes';
import type { HelmRuleContext } from '../../engine/rule';
import type { Range, RuleMeta, TextEdit } from '../../engine/types';
import { meta as manifestRule } from '../kubernetes/resources-missing';

export const meta: RuleMeta = {
  id: 'helm/resources-missing',
  target: 'helm',
  title: 'Chart container has no resource requests or memory limit',
  defaultSeverity: 'warning',
  description: `Requests tell the scheduler what a container needs: without them it reserves nothing, packs the
pod onto any node, and under pressure the kubelet evicts it first. A memory limit caps what the
container can take: without one, a leak or a crafted request can use up the node's memory and get
its neighbours killed. \`helm create\` leaves \`resources: {}\` for the chart's user to fill in, so a
chart installed with its defaults runs without either.

For every section of the values that names an image (the top level, \`controller\`, \`sidecars[0]\`,
…) Ballast asks \`resources\` for \`requests.cpu\`, \`requests.memory\` and \`limits.memory\`, as
kubernetes/resources-missing does for manifests: a request may be left out when the matching limit
is set, and no CPU limit is asked for. Where one image serves several components that each have
their own \`resources\` (bitnami's \`image\` with \`primary.resources\` and \`readReplicas.resources\`),
the components are checked instead. A bitnami \`resourcesPreset\` other than \`none\` counts as set.
Disabled sections (\`enabled: false\`) are skipped, and so is an image that gives only a tag (a
partial values file such as \`ci/smoke-values.yaml\` overriding it). If a chart reads a container's
resources from somewhere else, suppress the finding.

The suggestion fills in placeholder values (\`requests.cpu: 100m\`, \`requests.memory: 128Mi\`,
\`limits.memory: 256Mi\`, or the memory request when one is set) to replace with what the container
really uses. It writes \`resources: {}\` out as a block and leaves the commented-out example that
\`helm create\` puts below it alone.

Bad:
\`\`\`yaml
image:
  repository: nginx
  tag: "1.27.3"
resources: {}
\`\`\`

Good:
\`\`\`yaml
image:
  repository: nginx
  tag: "1.27.3"
resources:
  requests:
    cpu: 250m
    memory: 256Mi
  limits:
    memory: 256Mi
\`\`\``,
  references: [
    { title: 'Kubernetes: Resource Management for Pods and Containers', url: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/' },
    { title: 'Kubernetes: Pod Quality of Service Classes', url: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/' },
    { title: 'Bitnami: Understand resource presets', url: 'https://docs.bitnami.com/kubernetes/apps/common/get-started/understand-resource-presets/' },
  ],
  fix: 'suggestion',
  equivalents: manifestRule.equivalents,
};

/** Placeholders the suggestion writes; the user replaces them with measured values. */
const PLACEHOLDER = { cpuRequest: '100m', memoryRequest: '128Mi', memoryLimit: '256Mi' };

/** A section whose key path says it is about storage: a PVC's `resources.requests.storage`, not a container's. */
const STORAGE_PATH = /persistence|volumeclaim|storage|quota/i;

export function check(context: HelmRuleContext): void {
  const { model } = context;
  // Helm merges an override file over values.yaml: resources it leaves out, or leaves `{}`, keep
  // the defaults, and even a partial mapping gains the default's other keys. Only values.yaml tells.
  if (model.overrides) return;
  for (const { section, image } of containerSections(model)) checkSection(context, section, image);
}

/**
 * The sections that hold a container's resources: each section that names an image, or instead,
 * when it has no resources of its own, the sections below it that do and name no image themselves
 * (bitnami's top-level `image` used by `primary` and `readReplicas`).
 */
function containerSections(model: HelmValuesModel): { section: ValuesSection; image: ImageValue | undefined }[] {
  const images = imageValues(model).filter((image) => image.owner.path[0] !== 'global');
  const owners = new Set(images.map((image) => image.owner));
  // Each section with resources but no image belongs to the closest section around it that has one.
  const components = new Map<ValuesSection, ValuesSection[]>();
  for (const section of activeSections(model)) {
    if (owners.has(section) || !hasResourceKeys(section) || STORAGE_PATH.test(section.path.join('.'))) continue;
    const owner = nearestOwner(section, owners);
    if (!owner) continue;
    const grouped = components.get(owner);
    if (grouped) grouped.push(section);
    else components.set(owner, [section]);
  }
  const found: { section: ValuesSection; image: ImageValue | undefined }[] = [];
  for (const image of images) {
    const own = components.get(image.owner) ?? [];
    if (hasResourceKeys(image.owner) || own.length === 0) found.push({ section: image.owner, image });
    for (const section of own) found.push({ section, image: undefined });
  }
  return found;
}

/** A container's `resources` (a mapping, empty or from an alias) or a bitnami `resourcesPreset`; not an RBAC rule's list. */
function hasResourceKeys(section: ValuesSection): boolean {
  const resources = pairOf(section.node, 'resources');
  return !!pairOf(section.node, 'resourcesPreset') || (!!resources && (isMap(resources.value) || isAlias(resources.value) || isEmptyValue(resources.value)));
}

/** The closest section around `section` that names an image. */
function nearestOwner(section: ValuesSection, owners: Set<ValuesSection>): ValuesSection | undefined {
  for (let current = section.parent; current; current = current.parent) if (owners.has(current)) return current;
  return undefined;
}

interface Missing {
  label: string;
  path: string[];
  value: string;
}

function checkSection(context: HelmRuleContext, section: ValuesSection, image: ImageValue | undefined): void {
  const { model, report } = context;
  const presetPair = pairOf(section.node, 'resourcesPreset');
  const preset = scalarText(presetPair?.value)?.trim();
  if (preset && preset !== 'none') return;
  const pair = pairOf(section.node, 'resources');
  // `image: {tag: …}` alone, with no repository, overrides a tag in a partial values file (ci/*.yaml,
  // values-prod.yaml): the container and its resources are defined elsewhere.
  if (!pair && image?.map && !image.repository) return;
  const value = pair?.value;
  // A template string or an alias: what it holds is not known here.
  if (pair && !isMap(value) && !isEmptyValue(value)) return;
  const resources = isMap(value) ? (value as YAMLMap) : undefined;
  const requests = resources && pairOf(resources, 'requests')?.value;
  const limits = resources && pairOf(resources, 'limits')?.value;
  if ([requests, limits].some((node) => isAlias(node) || (node && !isMap(node) && !isEmptyValue(node)))) return;
  const isSet = hasQuantity;
  // Kubernetes requests the limit when only a limit is set.
  const missing: Missing[] = [
    !isSet(requests, 'cpu') && !isSet(limits, 'cpu') && { label: 'CPU request', path: ['requests', 'cpu'], value: PLACEHOLDER.cpuRequest },
    !isSet(requests, 'memory') && !isSet(limits, 'memory') && { label: 'memory request', path: ['requests', 'memory'], value: PLACEHOLDER.memoryRequest },
    !isSet(limits, 'memory') && { label: 'memory limit', path: ['limits', 'memory'], value: memoryLimitPlaceholder(requests) },
  ].filter((entry): entry is Missing => entry !== false);
  if (missing.length === 0) return;

  const resourcesPath = formatPath([...section.path, 'resources']);
  const state = !pair ? 'is not set' : isEmptyValue(value) ? 'is empty' : `has no ${list(missing.map((m) => m.label), 'or')}`;
  const reserves = missing.filter((m) => m.label.endsWith('request')).map((m) => (m.label.startsWith('CPU') ? 'CPU' : 'memory'));
  const reasons = [
    reserves.length > 0 && `the scheduler reserves no ${reserves.join(' or ')} for the container`,
    missing.some((m) => m.label === 'memory limit') && 'nothing stops it taking memory from the other pods on its node',
  ].filter((reason) => reason !== false);
  const orPreset = presetPair ? ' (or choose a resourcesPreset other than none)' : '';
  const edits = fill(model, section, pair, missing);
  report({
    message: `${resourcesPath} ${state}: ${reasons.join(', and ')}. Set ${list(missing.map((m) => `${resourcesPath}.${m.path.join('.')}`), 'and')}${orPreset}.`,
    range: anchor(model, section, pair, presetPair, image),
    fixes: edits ? [{ title: `Add ${list(missing.map((m) => m.label), 'and')} (placeholder values)`, kind: 'suggestion', edits }] : [],
  });
}

/** `resources: {}` written out below the key, else the missing keys set where they belong. */
function fill(model: HelmValuesModel, section: ValuesSection, pair: Pair | undefined, missing: Missing[]): TextEdit[] | undefined {
  const document = section.yaml.document;
  const value = pair?.value as Node | null | undefined;
  const nested = isMap(value) ? (value as YAMLMap).items.map((item) => item.value as Node | null) : [];
  // Text an alias repeats elsewhere is not this section's alone to change.
  if ([section.node, value, ...nested].some((node) => isRepeatedByAlias(document, node))) return undefined;
  const editor = new YamlEditor(model, section.yaml);
  if (pair && !section.node.flow && isMap(value) && value.flow && (value as YAMLMap).items.length === 0) {
    const edits = editor.fillEmptyMapping(pair, missing.map((m) => [m.path, m.value] as const));
    if (edits) return edits;
  }
  return editor.setAll(section.node, missing.map((m) => [['resources', ...m.path], m.value] as const));
}

/** The empty value, or the `resources` key; when there is none, the `image` key (or a `resourcesPreset: none`). */
function anchor(model: HelmValuesModel, section: ValuesSection, pair: Pair | undefined, presetPair: Pair | undefined, image: ImageValue | undefined): Range {
  const yaml = section.yaml;
  const value = pair?.value as Node | null | undefined;
  const hasText = (node: Node | null | undefined): node is Node => !!node?.range && node.range[1] > node.range[0];
  if (pair) return rangeOfNode(model, yaml, isEmptyValue(value) && hasText(value) ? value : (pair.key as Node))!;
  if (image) return rangeOfNode(model, yaml, image.pair.key)!;
  const preset = presetPair!.value as Node | null;
  return rangeOfNode(model, yaml, hasText(preset) ? preset : (presetPair!.key as Node))!;
}

function hasQuantity(map: unknown, resource: 'cpu' | 'memory'): boolean {
  if (!isMap(map)) return false;
  const value = pairOf(map as YAMLMap, resource)?.value;
  if (isAlias(value)) return true;
  return isScalar(value) && value.value !== null && value.value !== undefined && String(value.value).trim() !== '';
}

/** A memory limit below the request would be rejected, so a set request is the limit's placeholder. */
function memoryLimitPlaceholder(requests: unknown): string {
  const request = isMap(requests) ? pairOf(requests as YAMLMap, 'memory')?.value : undefined;
  return hasQuantity(requests, 'memory') && isScalar(request) ? String(request.value) : PLACEHOLDER.memoryLimit;
}

/** `a`, `a or b`, `a, b or c`. */
function list(items: readonly string[], conjunction: 'and' | 'or'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
