import { isAlias, type Scalar } from 'yaml';
import { splitImageReference, type ImageName } from '../image';
import type { Range } from '../types';
import { rangeOfNode, type Container, type KubernetesModel } from './model';
import { pairOf, scalarAt } from './yamlNodes';

/** A container's `image:`, split into its parts, with the ranges of the parts rules point at. */
export interface ContainerImage extends ImageName {
  /** The reference as written. */
  reference: string;
  node: Scalar;
  range: Range;
  /** The tag, or `range` when the tag's position cannot be told (escapes, block scalars, aliases). */
  tagRange: Range | undefined;
  /** The registry host, when the reference names one (same fallback as `tagRange`). */
  registryRange: Range | undefined;
}

/** The container's image, or undefined when it has none or it is not a non-empty string. */
export function containerImage(model: KubernetesModel, container: Container): ContainerImage | undefined {
  const yaml = container.podSpec.object.yaml;
  const node = scalarAt(container.node, 'image', yaml.document);
  if (!node || typeof node.value !== 'string' || node.value.trim() === '') return undefined;
  const reference = node.value;
  const parts = splitImageReference(reference);
  // Through an alias, findings go on the alias: that is where this container uses the image.
  const written = pairOf(container.node, 'image')!.value;
  const aliased = isAlias(written);
  const range = rangeOfNode(model, yaml, aliased ? written : node)!;
  // Offsets inside the value map onto the document only when it is written character for character.
  const source = yaml.text.slice(node.range![0], node.range![1]);
  const quote = aliased ? undefined : source === reference ? 0 : source === `"${reference}"` || source === `'${reference}'` ? 1 : undefined;
  const partRange = (start: number, length: number): Range => {
    if (quote === undefined) return range;
    const offset = yaml.offset + node.range![0] + quote + start;
    return model.lines.rangeOf(offset, offset + length);
  };
  let tagRange: Range | undefined;
  if (parts.tag !== undefined) {
    const nameEnd = reference.length - (parts.digest === undefined ? 0 : parts.digest.length + 1);
    tagRange = partRange(nameEnd - parts.tag.length, parts.tag.length);
  }
  const registryRange = parts.registry === undefined ? undefined : partRange(0, parts.registry.length);
  return { ...parts, reference, node, range, tagRange, registryRange };
}
