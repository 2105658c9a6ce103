import { isScalar, type Scalar, type YAMLMap } from 'yaml';
import type { KubeObject } from './model';
import { mapAt, mapsIn, resolve, scalarAt, seqAt, stringAt } from './yamlNodes';

// RBAC objects read the way the API server's authorizer reads them (the `*Matches` functions of
// k8s.io/kubernetes pkg/apis/rbac/v1): `*` matches everything, `*/exec` matches the `exec`
// subresource of every resource, and nothing else is a pattern.

const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** One string of a policy rule's list, with its node for the finding's range. */
export interface RbacItem {
  value: string;
  node: Scalar;
}

export interface PolicyRule {
  node: YAMLMap;
  apiGroups: RbacItem[];
  resources: RbacItem[];
  verbs: RbacItem[];
  resourceNames: RbacItem[];
}

export interface Subject {
  kind: string | undefined;
  name: string;
  nameNode: Scalar;
}

export interface Binding {
  roleRef: { kind: string | undefined; name: string; nameNode: Scalar } | undefined;
  subjects: Subject[];
}

function isRbacObject(object: KubeObject, kinds: readonly string[]): boolean {
  return object.apiVersion.startsWith(`${RBAC_GROUP}/`) && kinds.includes(object.kind);
}

/** The rules of a Role or ClusterRole; undefined for any other object. */
export function policyRules(object: KubeObject): PolicyRule[] | undefined {
  if (!isRbacObject(object, ['Role', 'ClusterRole'])) return undefined;
  const document = object.yaml.document;
  return mapsIn(seqAt(object.node, 'rules', document), document).map((node) => {
    const items = (key: string): RbacItem[] =>
      (seqAt(node, key, document)?.items ?? [])
        .map((item) => resolve(item, document))
        .filter((item): item is Scalar => isScalar(item) && item.value !== null && item.value !== undefined)
        .map((item) => ({ value: String(item.value), node: item }));
    return { node, apiGroups: items('apiGroups'), resources: items('resources'), verbs: items('verbs'), resourceNames: items('resourceNames') };
  });
}

/** The role and subjects of a RoleBinding or ClusterRoleBinding; undefined for any other object. */
export function binding(object: KubeObject): Binding | undefined {
  if (!isRbacObject(object, ['RoleBinding', 'ClusterRoleBinding'])) return undefined;
  const document = object.yaml.document;
  const roleRef = mapAt(object.node, 'roleRef', document);
  const roleName = scalarAt(roleRef, 'name', document);
  const subjects: Subject[] = [];
  for (const subject of mapsIn(seqAt(object.node, 'subjects', document), document)) {
    const nameNode = scalarAt(subject, 'name', document);
    if (typeof nameNode?.value === 'string') subjects.push({ kind: stringAt(subject, 'kind', document), name: nameNode.value, nameNode });
  }
  return {
    roleRef: typeof roleName?.value === 'string' ? { kind: stringAt(roleRef, 'kind', document), name: roleName.value, nameNode: roleName } : undefined,
    subjects,
  };
}

/** Whether the rule covers an API group: `""` is the core group. */
export function coversGroup(rule: PolicyRule, group: string): boolean {
  return rule.apiGroups.some((item) => item.value === '*' || item.value === group);
}

/** The rule's verbs that allow one of `verbs`, as written (`*` allows every verb). */
export function matchingVerbs(rule: PolicyRule, verbs: readonly string[]): string[] {
  return rule.verbs.filter((item) => item.value === '*' || verbs.includes(item.value)).map((item) => item.value);
}

// The item of the rule that names `resource` (`pods`, `pods/exec`) explicitly, or its subresource
// for every resource (`*/exec`). A bare `*` is not returned: kubernetes/rbac-wildcard reports it.
export function namingItem(rule: PolicyRule, resource: string): RbacItem | undefined {
  const slash = resource.indexOf('/');
  const subresource = slash < 0 ? undefined : resource.slice(slash + 1);
  return rule.resources.find((item) => item.value === resource || (subresource !== undefined && item.value === `*/${subresource}`));
}
