import { isScalar, isSeq, type Document, type Node, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { YamlDocument } from './documents';
import type { Container, PodSpec } from './model';
import { mapAt, pairOf, resolve, scalarAt, stringAt } from './yamlNodes';

/**
 * The container-level controls of the restricted Pod Security Standard, read the way
 * pod-security-admission reads a pod: a field is set when its key holds a value other than null
 * (Go's nil pointer is YAML's missing key or `null`), and a container inherits the pod's
 * `runAsNonRoot` and `seccompProfile` only when it sets none of its own. The rules report these
 * states and the "harden" fix repairs them, so the two always agree.
 */

/** How a container stands against one restricted control. */
export type Requirement =
  | { state: 'met' }
  /** The control does not apply to this pod (a Windows pod, or one in a user namespace). */
  | { state: 'exempt' }
  /** Neither the container nor, where the control inherits, the pod sets the field. */
  | { state: 'missing' }
  /** The field is set to a value the control forbids; `inherited` when it is the pod's. */
  | { state: 'wrong'; node: Node; inherited: boolean };

const MET: Requirement = { state: 'met' };
const EXEMPT: Requirement = { state: 'exempt' };
const MISSING: Requirement = { state: 'missing' };

/** The written value of `key`, aliases followed, or undefined when it is absent or null. */
export function writtenValue(map: YAMLMap | undefined, key: string, document: Document.Parsed): Node | undefined {
  const value = resolve(pairOf(map, key)?.value, document);
  return value === undefined || (isScalar(value) && value.value === null) ? undefined : value;
}

export function podSecurityContext(spec: PodSpec): YAMLMap | undefined {
  return mapAt(spec.node, 'securityContext', spec.object.yaml.document);
}

export function containerSecurityContext(container: Container): YAMLMap | undefined {
  return mapAt(container.node, 'securityContext', container.podSpec.object.yaml.document);
}

/**
 * Windows pods (`spec.os.name: windows`) are exempt from the privilege escalation, seccomp and
 * capabilities controls since policy 1.25: the API server rejects those Linux fields for them.
 */
export function isWindowsPod(spec: PodSpec): boolean {
  const document = spec.object.yaml.document;
  return stringAt(mapAt(spec.node, 'os', document), 'name', document) === 'windows';
}

/**
 * Pods with `hostUsers: false` run in a user namespace, where root in the container is an
 * unprivileged user on the node: since policy 1.35 they need neither `runAsNonRoot` nor a
 * non-zero `runAsUser`.
 */
export function runsInUserNamespace(spec: PodSpec): boolean {
  return scalarAt(spec.node, 'hostUsers', spec.object.yaml.document)?.value === false;
}

/** `allowPrivilegeEscalation` must be exactly `false`; unset means the kernel's default, allowed. */
export function privilegeEscalation(container: Container): Requirement {
  if (isWindowsPod(container.podSpec)) return EXEMPT;
  const value = writtenValue(containerSecurityContext(container), 'allowPrivilegeEscalation', container.podSpec.object.yaml.document);
  if (!value) return MISSING;
  return isScalar(value) && value.value === false ? MET : { state: 'wrong', node: value, inherited: false };
}

/** `runAsNonRoot: true` on the container, or on the pod and not overridden by the container. */
export function runAsNonRoot(container: Container): Requirement {
  const spec = container.podSpec;
  if (runsInUserNamespace(spec)) return EXEMPT;
  const document = spec.object.yaml.document;
  const own = writtenValue(containerSecurityContext(container), 'runAsNonRoot', document);
  if (own) return isTrue(own) ? MET : { state: 'wrong', node: own, inherited: false };
  const pod = writtenValue(podSecurityContext(spec), 'runAsNonRoot', document);
  if (!pod) return MISSING;
  return isTrue(pod) ? MET : { state: 'wrong', node: pod, inherited: true };
}

/** `seccompProfile.type` RuntimeDefault or Localhost on the container, or else on the pod. */
export function seccompProfile(container: Container): Requirement {
  const spec = container.podSpec;
  if (isWindowsPod(spec)) return EXEMPT;
  const own = seccompProfileState(containerSecurityContext(container), spec);
  if (own) return own.state === 'wrong' ? { ...own, inherited: false } : own;
  const pod = seccompProfileState(podSecurityContext(spec), spec);
  if (!pod) return MISSING;
  return pod.state === 'wrong' ? { ...pod, inherited: true } : pod;
}

const ALLOWED_SECCOMP_TYPES = new Set(['RuntimeDefault', 'Localhost']);

/** Undefined when the security context sets no seccomp profile. */
function seccompProfileState(securityContext: YAMLMap | undefined, spec: PodSpec): Requirement | undefined {
  const document = spec.object.yaml.document;
  const profile = writtenValue(securityContext, 'seccompProfile', document);
  if (!profile) return undefined;
  const type = writtenValue(mapAt(securityContext, 'seccompProfile', document), 'type', document);
  if (type && isScalar(type) && typeof type.value === 'string' && ALLOWED_SECCOMP_TYPES.has(type.value)) return MET;
  return { state: 'wrong', node: type ?? profile, inherited: false };
}

/** How a container's `capabilities.drop` stands against "must drop ALL". */
export type DropAll =
  | { state: 'met' }
  | { state: 'exempt' }
  /**
   * ALL is not dropped. `drop` is the written list when there is one; `misspelt` an item that is
   * ALL in other letter case, which the policy does not accept (it compares names exactly).
   */
  | { state: 'missing'; drop: YAMLSeq | undefined; misspelt: Scalar | undefined };

export function dropsAllCapabilities(container: Container): DropAll {
  if (isWindowsPod(container.podSpec)) return { state: 'exempt' };
  const document = container.podSpec.object.yaml.document;
  const written = writtenValue(mapAt(containerSecurityContext(container), 'capabilities', document), 'drop', document);
  const drop = isSeq(written) ? (written as YAMLSeq) : undefined;
  const items = (drop?.items ?? []).map((item) => resolve(item, document)).filter((item): item is Scalar => isScalar(item));
  if (items.some((item) => item.value === 'ALL')) return { state: 'met' };
  const misspelt = items.find((item) => typeof item.value === 'string' && item.value.toUpperCase() === 'ALL');
  return { state: 'missing', drop, misspelt };
}

/**
 * The capabilities the baseline level lets a container add. Restricted allows only
 * NET_BIND_SERVICE; adding anything outside this set already breaks the baseline level.
 */
export const BASELINE_ADDABLE_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

/** The items of the container's `capabilities.add`, as written (aliases followed). */
export function addedCapabilities(container: Container): Scalar[] {
  const document = container.podSpec.object.yaml.document;
  const written = writtenValue(mapAt(containerSecurityContext(container), 'capabilities', document), 'add', document);
  if (!isSeq(written)) return [];
  return (written as YAMLSeq).items.map((item) => resolve(item, document)).filter((item): item is Scalar => isScalar(item));
}

/** A value as its manifest writes it (`yes`, `"false"`, `*alias`), for messages that quote it. */
export function writtenAs(yaml: YamlDocument, node: Node): string {
  return yaml.text.slice(node.range![0], node.range![1]);
}

export function isTrue(node: Node | undefined): boolean {
  return isScalar(node) && node.value === true;
}
