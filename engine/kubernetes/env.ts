import type { Scalar, YAMLMap } from 'yaml';
import type { Container } from './model';
import { mapAt, mapsIn, pairOf, scalarAt, seqAt } from './yamlNodes';

/** An entry of a container's `env`. */
export interface EnvVar {
  node: YAMLMap;
  name: string;
  nameNode: Scalar;
  /** The `value:` scalar, when the entry has one. */
  value: Scalar | undefined;
  valueFrom: YAMLMap | undefined;
}

export function envVars(container: Container): EnvVar[] {
  const document = container.podSpec.object.yaml.document;
  const vars: EnvVar[] = [];
  for (const node of mapsIn(seqAt(container.node, 'env', document), document)) {
    const nameNode = scalarAt(node, 'name', document);
    if (typeof nameNode?.value !== 'string') continue;
    const value = pairOf(node, 'value') ? scalarAt(node, 'value', document) : undefined;
    vars.push({ node, name: nameNode.value, nameNode, value, valueFrom: mapAt(node, 'valueFrom', document) });
  }
  return vars;
}

/** A `value:` as the container sees it: strings only (Kubernetes rejects other scalars there). */
export function literalValue(scalar: Scalar | undefined): string | undefined {
  return typeof scalar?.value === 'string' ? scalar.value : undefined;
}

/** An entry of a container's `envFrom` that imports every key of a Secret. */
export interface EnvFromSecret {
  node: YAMLMap;
  /** The `secretRef` mapping. */
  secretRef: YAMLMap;
  secretName: string | undefined;
}

export function envFromSecrets(container: Container): EnvFromSecret[] {
  const document = container.podSpec.object.yaml.document;
  const sources: EnvFromSecret[] = [];
  for (const node of mapsIn(seqAt(container.node, 'envFrom', document), document)) {
    const secretRef = mapAt(node, 'secretRef', document);
    if (!secretRef) continue;
    const name = scalarAt(secretRef, 'name', document)?.value;
    sources.push({ node, secretRef, secretName: typeof name === 'string' ? name : undefined });
  }
  return sources;
}
