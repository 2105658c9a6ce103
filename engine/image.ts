/**
 * Container image references, as Dockerfiles (`FROM`) and Kubernetes manifests (`image:`) write
 * them: `[registry/]repository[:tag][@digest]`.
 */

/** The parts of an image reference, split the way the Docker reference grammar does. */
export interface ImageName {
  /** Registry host when one is named (`ghcr.io`, `localhost:5000`); undefined means Docker Hub. */
  registry: string | undefined;
  /** Repository path without registry, tag or digest (`library/node` is written `node`). */
  repository: string;
  tag: string | undefined;
  digest: string | undefined;
}

/** Splits `registry/repo:tag@digest` the way the Docker reference grammar does. */
export function splitImageReference(reference: string): ImageName {
  let rest = reference;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.indexOf(':', lastSlash + 1);
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  let registry: string | undefined;
  const firstSlash = rest.indexOf('/');
  if (firstSlash >= 0) {
    const first = rest.slice(0, firstSlash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(firstSlash + 1);
    }
  }
  return { registry, repository: rest, tag, digest };
}

/** The registry that a reference pulls from, with Docker Hub's aliases folded into `docker.io`. */
export function effectiveRegistry(reference: Pick<ImageName, 'registry'>): string {
  const registry = reference.registry?.toLowerCase();
  if (registry === undefined || registry === 'index.docker.io' || registry === 'registry-1.docker.io') return 'docker.io';
  return registry;
}
