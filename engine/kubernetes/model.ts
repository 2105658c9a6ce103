import { isMap, type Node, type Scalar, type YAMLMap } from 'yaml';
import { LineIndex } from '../text';
import type { ObjectRef, Range } from '../types';
import { parseYamlDocuments, type YamlDocument } from './documents';
import { mapAt, mapPath, mapsIn, nodeSpan, pairOf, scalarAt, seqAt, stringAt } from './yamlNodes';

/** A Kubernetes object: a YAML mapping with string `apiVersion` and `kind`. */
export interface KubeObject {
  yaml: YamlDocument;
  node: YAMLMap;
  apiVersion: string;
  kind: string;
  name: string | undefined;
  namespace: string | undefined;
  /** The `kind:` value, where findings about a missing field of the object go. */
  kindNode: Scalar;
  metadata: YAMLMap | undefined;
  podSpecs: PodSpec[];
}

/** A pod spec, wherever the object keeps it. */
export interface PodSpec {
  object: KubeObject;
  node: YAMLMap;
  /** The keys leading from the object to the spec: `['spec']`, `['spec','template','spec']`, … */
  path: string[];
  /** The pod template's metadata (annotations such as AppArmor's), or the Pod's own. */
  metadata: YAMLMap | undefined;
  containers: Container[];
}

export type ContainerGroup = 'containers' | 'initContainers' | 'ephemeralContainers';

export interface Container {
  podSpec: PodSpec;
  node: YAMLMap;
  group: ContainerGroup;
  name: string | undefined;
  /** The `name:` value, where findings about a missing field of the container go. */
  nameNode: Scalar | undefined;
}

/** A YAML file split into documents, each parsed on its own: what ranges and edits are made in. */
export interface YamlFile {
  text: string;
  lines: LineIndex;
  documents: YamlDocument[];
}

export interface KubernetesModel extends YamlFile {
  objects: KubeObject[];
  /**
   * The ServiceAccounts the file defines, in any of its documents: whether a pod gets a token can
   * depend on another document's ServiceAccount. When each document is linted on its own (see
   * `lintByDocument`), this is still the whole file's.
   */
  serviceAccounts: ServiceAccountInfo[];
}

/** What a pod's findings may depend on in a ServiceAccount object of the same file. */
export interface ServiceAccountInfo {
  name: string | undefined;
  namespace: string | undefined;
  automountServiceAccountToken: unknown;
}

/** Kinds whose pod template is a pod spec even before its containers are typed. */
const WORKLOAD_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'ReplicationController', 'PodTemplate', 'CronJob']);

/** Where pod specs live, from the object: Pod, pod templates, workloads, CronJob. */
const POD_SPEC_PATHS: readonly (readonly string[])[] = [['spec', 'template', 'spec'], ['template', 'spec'], ['spec', 'jobTemplate', 'spec', 'template', 'spec']];
const CONTAINER_GROUPS: readonly ContainerGroup[] = ['initContainers', 'containers', 'ephemeralContainers'];

export function parseKubernetes(text: string): KubernetesModel {
  const documents = parseYamlDocuments(text);
  const objects: KubeObject[] = [];
  for (const yaml of documents) {
    const root = yaml.document.contents;
    if (isMap(root) && !yaml.tooDeep) collectObjects(yaml, root as YAMLMap, objects, 0);
  }
  const serviceAccounts = objects
    .filter((object) => object.kind === 'ServiceAccount')
    .map((object) => ({ name: object.name, namespace: object.namespace, automountServiceAccountToken: scalarAt(object.node, 'automountServiceAccountToken', object.yaml.document)?.value }));
  return { text, lines: new LineIndex(text), documents, objects, serviceAccounts };
}

function collectObjects(yaml: YamlDocument, node: YAMLMap, into: KubeObject[], depth: number): void {
  const document = yaml.document;
  const apiVersion = scalarAt(node, 'apiVersion', document);
  const kindNode = scalarAt(node, 'kind', document);
  if (!apiVersion || !kindNode || typeof apiVersion.value !== 'string' || typeof kindNode.value !== 'string') return;
  const kind = kindNode.value;
  if (/List$/.test(kind) && depth === 0) {
    for (const item of mapsIn(seqAt(node, 'items', document), document)) collectObjects(yaml, item, into, depth + 1);
    return;
  }
  const metadata = mapAt(node, 'metadata', document);
  const object: KubeObject = {
    yaml,
    node,
    apiVersion: apiVersion.value,
    kind,
    name: stringAt(metadata, 'name', document),
    namespace: stringAt(metadata, 'namespace', document),
    kindNode,
    metadata,
    podSpecs: [],
  };
  object.podSpecs = findPodSpecs(object);
  into.push(object);
}

function findPodSpecs(object: KubeObject): PodSpec[] {
  const document = object.yaml.document;
  const specs: PodSpec[] = [];
  const add = (node: YAMLMap | undefined, path: string[], metadata: YAMLMap | undefined) => {
    if (!node) return;
    const spec: PodSpec = { object, node, path, metadata, containers: [] };
    for (const group of CONTAINER_GROUPS) {
      for (const container of mapsIn(seqAt(node, group, document), document)) {
        const nameNode = scalarAt(container, 'name', document);
        spec.containers.push({ podSpec: spec, node: container, group, name: nameNode?.value == null ? undefined : String(nameNode.value), nameNode });
      }
    }
    specs.push(spec);
  };
  if (object.kind === 'Pod') add(mapAt(object.node, 'spec', document), ['spec'], object.metadata);
  for (const path of POD_SPEC_PATHS) {
    const spec = mapPath(object.node, path, document);
    // A custom resource (Argo Rollout, DeploymentConfig, …) counts when the place holds containers.
    if (spec && (WORKLOAD_KINDS.has(object.kind) || pairOf(spec, 'containers'))) {
      const templatePath = path.slice(0, -1);
      add(spec, [...path], mapPath(object.node, [...templatePath, 'metadata'], document));
    }
  }
  return specs.filter((spec, i) => specs.findIndex((other) => other.node === spec.node) === i);
}

/** The document range of a YAML node of one of the model's documents. */
export function rangeOfNode(model: YamlFile, yaml: YamlDocument, node: Node | undefined | null): Range | undefined {
  const span = nodeSpan(node);
  if (!span) return undefined;
  return model.lines.rangeOf(yaml.offset + span.start, yaml.offset + span.end);
}

/** Where a finding about a missing field of a container goes: its name, else its first key. */
export function containerAnchor(model: KubernetesModel, container: Container): Range {
  const node = container.nameNode ?? (container.node.items[0]?.key as Node | undefined) ?? container.node;
  return rangeOfNode(model, container.podSpec.object.yaml, node)!;
}

/** Where a finding about a missing field of an object goes: its `kind:` value. */
export function objectAnchor(model: KubernetesModel, object: KubeObject): Range {
  return rangeOfNode(model, object.yaml, object.kindNode)!;
}

/** What a finding is about, for the CLI's JSON output and for messages. */
export function objectRef(object: KubeObject, container?: Container): ObjectRef {
  return { apiVersion: object.apiVersion, kind: object.kind, name: object.name, namespace: object.namespace, container: container?.name };
}
