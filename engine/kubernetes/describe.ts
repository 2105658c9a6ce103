import type { KubeObject } from './model';

/** How messages name an object: `Deployment web`, or `Deployment (unnamed)` while it has no name. */
export function describeObject(object: KubeObject): string {
  return `${object.kind} ${object.name ?? '(unnamed)'}`;
}
