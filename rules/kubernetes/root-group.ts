import { isScalar, type Document, type Node } from 'yaml';
import { aliasOnPath, isRepeatedByAlias } from '../../engine/kubernetes/anchors';
import { objectRef, rangeOfNode, type KubeObject, type KubernetesModel, type PodSpec } from '../../engine/kubernetes/model';
import { podLabel, scopeLabel, securityContextScopes, type SecurityContextScope } from '../../engine/kubernetes/podSecurity';
import { containerSecurityContext, writtenValue } from '../../engine/kubernetes/restricted';
import { YamlEditor } from '../../engine/kubernetes/yamlEdits';
import { resolve, seqAt } from '../../engine/kubernetes/yamlNodes';
import type { KubernetesRuleContext, Report } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/root-group',
  target: 'kubernetes',
  title: 'Runs with the root group',
  defaultSeverity: 'warning',
  description: `Group 0 is root's group. Most files in a container image, and many on the node, belong to it, often
with group write permission, so a process in group 0 can read and change them even when it does not
run as root. Three settings put a pod's processes there: \`runAsGroup: 0\` (on the pod, or on a
container), \`fsGroup: 0\` (which also hands every volume to group 0) and \`supplementalGroups\`
listing 0.

A pod-level \`runAsGroup\` that every container overrides is not flagged. The suggestions use group
10001 instead, or drop 0 from \`supplementalGroups\`; check that the containers can still read
their files.

Bad:
\`\`\`yaml
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    runAsUser: 10001
    runAsGroup: 0
  containers:
    - name: app
      image: nginx:1.27
\`\`\`

Good:
\`\`\`yaml
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    runAsUser: 10001
    runAsGroup: 10001
    fsGroup: 10001
  containers:
    - name: app
      image: nginx:1.27
\`\`\``,
  references: [
    { title: 'Kubernetes: Configure a Security Context for a Pod or Container', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/' },
    { title: 'Kubernetes API: PodSecurityContext (runAsGroup, fsGroup, supplementalGroups)', url: 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#security-context' },
  ],
  fix: 'suggestion',
  equivalents: { trivy: ['KSV-0029'] },
};

const SUGGESTED_GID = '10001';

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    const document = object.yaml.document;
    for (const spec of object.podSpecs) {
      for (const scope of securityContextScopes(spec)) {
        const runAsGroup = rootGroup(writtenValue(scope.securityContext, 'runAsGroup', document));
        if (runAsGroup && (scope.container || !setByEveryContainer(spec, document))) {
          report({
            message: scope.container
              ? `${scopeLabel(scope)} sets runAsGroup: 0, so its processes run in the root group and can use every file whose group is root. Use a non-zero group ID.`
              : `${scopeLabel(scope)} sets runAsGroup: 0 for its pod, so containers that set no group of their own run in the root group and can use every file whose group is root. Use a non-zero group ID.`,
            ...replaceable(model, object, scope, 'runAsGroup', runAsGroup),
          });
        }
        if (scope.container) continue;
        const fsGroup = rootGroup(writtenValue(scope.securityContext, 'fsGroup', document));
        if (fsGroup) {
          report({
            message: `${podLabel(spec)} sets fsGroup: 0, so its volumes are handed to the root group and every container runs in it. Use a non-zero group ID.`,
            ...replaceable(model, object, scope, 'fsGroup', fsGroup),
          });
        }
        reportSupplementalGroups(context, object, scope);
      }
    }
  }
}

/** The value when it is group 0. */
function rootGroup(value: Node | undefined): Node | undefined {
  return isScalar(value) && value.value === 0 ? value : undefined;
}

/** Range (the alias when the value is reached through one) and the suggestion to use another group. */
function replaceable(model: KubernetesModel, object: KubeObject, scope: SecurityContextScope, key: string, value: Node): Omit<Report, 'message'> {
  const shown = aliasOnPath(scope.owner, ['securityContext', key]) ?? value;
  const editable = shown === value && !isRepeatedByAlias(object.yaml.document, value);
  return {
    range: rangeOfNode(model, object.yaml, shown)!,
    fixes: editable ? [{ title: `Use group ${SUGGESTED_GID} instead of root`, kind: 'suggestion', edits: [new YamlEditor(model, object.yaml).replace(value, SUGGESTED_GID)] }] : [],
    object: objectRef(object, scope.container),
  };
}

function reportSupplementalGroups(context: KubernetesRuleContext, object: KubeObject, scope: SecurityContextScope): void {
  const { model, report } = context;
  const document = object.yaml.document;
  const groups = seqAt(scope.securityContext, 'supplementalGroups', document);
  const via = aliasOnPath(scope.owner, ['securityContext', 'supplementalGroups']);
  groups?.items.forEach((item, index) => {
    const value = rootGroup(resolve(item, document));
    if (!value) return;
    const shown = via ?? (item as Node);
    const edit = via || shown !== value || isRepeatedByAlias(document, groups) ? undefined : new YamlEditor(model, object.yaml).removeItem(scope.securityContext!, 'supplementalGroups', index);
    report({
      message: `${podLabel(scope.spec)} lists group 0 in supplementalGroups, so every container runs in the root group as well and can use every file whose group is root. Remove it.`,
      range: rangeOfNode(model, object.yaml, shown)!,
      fixes: edit ? [{ title: 'Remove group 0 from supplementalGroups', kind: 'suggestion', edits: [edit] }] : [],
      object: objectRef(object),
    });
  });
}

/** A pod-level value that every container overrides applies to none of them. */
function setByEveryContainer(spec: PodSpec, document: Document.Parsed): boolean {
  return spec.containers.length > 0 && spec.containers.every((container) => writtenValue(containerSecurityContext(container), 'runAsGroup', document) !== undefined);
}
