import type { YAMLMap } from 'yaml';
import type { Container, PodSpec } from './model';
import { mapAt } from './yamlNodes';

/**
 * The places where Pod Security settings live, walked in the order pod-security-admission checks
 * them: the pod's own `securityContext`, then each init, regular and ephemeral container's.
 */
export interface SecurityContextScope {
  spec: PodSpec;
  /** Undefined for the pod-level `spec.securityContext`. */
  container: Container | undefined;
  /** The mapping that holds `securityContext`: the pod spec or the container. */
  owner: YAMLMap;
  securityContext: YAMLMap | undefined;
}

export function securityContextScopes(spec: PodSpec): SecurityContextScope[] {
  const document = spec.object.yaml.document;
  const scopes: SecurityContextScope[] = [{ spec, container: undefined, owner: spec.node, securityContext: mapAt(spec.node, 'securityContext', document) }];
  for (const container of spec.containers) {
    scopes.push({ spec, container, owner: container.node, securityContext: mapAt(container.node, 'securityContext', document) });
  }
  return scopes;
}

/** How messages name a container: `Container app`. */
export function containerLabel(container: Container): string {
  return `Container ${container.name ?? '(unnamed)'}`;
}

/** How messages name a pod spec: `Pod web`, or the workload that templates it, `Deployment web`. */
export function podLabel(spec: PodSpec): string {
  return `${spec.object.kind} ${spec.object.name ?? '(unnamed)'}`;
}

/** `Container app` for a container's setting, `Pod web` / `Deployment web` for the pod's. */
export function scopeLabel(scope: SecurityContextScope): string {
  return scope.container ? containerLabel(scope.container) : podLabel(scope.spec);
}
