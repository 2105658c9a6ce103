import type { Scalar, YAMLMap } from 'yaml';
import type { Container, PodSpec } from './model';
import { mapAt, mapsIn, scalarAt, seqAt } from './yamlNodes';

/** A `hostPath` volume of a pod spec. */
export interface HostPathVolume {
  node: YAMLMap;
  name: string | undefined;
  path: string;
  /** The `hostPath.path` value. */
  pathNode: Scalar;
}

export function hostPathVolumes(spec: PodSpec): HostPathVolume[] {
  const document = spec.object.yaml.document;
  const volumes: HostPathVolume[] = [];
  for (const node of mapsIn(seqAt(spec.node, 'volumes', document), document)) {
    const pathNode = scalarAt(mapAt(node, 'hostPath', document), 'path', document);
    if (typeof pathNode?.value !== 'string') continue;
    const name = scalarAt(node, 'name', document)?.value;
    volumes.push({ node, name: typeof name === 'string' ? name : undefined, path: pathNode.value, pathNode });
  }
  return volumes;
}

/** A container's `volumeMounts` entry. */
export interface VolumeMount {
  container: Container;
  node: YAMLMap;
  /** The `name:` value, naming the volume. */
  nameNode: Scalar;
  /** `readOnly: true` (YAML 1.1 booleans included, as Kubernetes reads them). */
  readOnly: boolean;
}

/** Every container's mounts of the named volume, init and ephemeral containers included. */
export function mountsOf(spec: PodSpec, volumeName: string): VolumeMount[] {
  const document = spec.object.yaml.document;
  const mounts: VolumeMount[] = [];
  for (const container of spec.containers) {
    for (const node of mapsIn(seqAt(container.node, 'volumeMounts', document), document)) {
      const nameNode = scalarAt(node, 'name', document);
      if (!nameNode || nameNode.value !== volumeName) continue;
      mounts.push({ container, node, nameNode, readOnly: scalarAt(node, 'readOnly', document)?.value === true });
    }
  }
  return mounts;
}
