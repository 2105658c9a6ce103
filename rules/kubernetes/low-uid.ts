import { isScalar, type Document } from 'yaml';
import { aliasOnPath, isRepeatedByAlias } from '../../engine/kubernetes/anchors';
import { objectRef, rangeOfNode, type PodSpec } from '../../engine/kubernetes/model';
import { scopeLabel, securityContextScopes } from '../../engine/kubernetes/podSecurity';
import { containerSecurityContext, runsInUserNamespace, writtenValue } from '../../engine/kubernetes/restricted';
import { YamlEditor } from '../../engine/kubernetes/yamlEdits';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/low-uid',
  target: 'kubernetes',
  title: 'Runs as a UID below 10000',
  defaultSeverity: 'info',
  description: `Without a user namespace, a container's UIDs are the node's UIDs. Low ones (below 10000) are where
Linux distributions put their users and services, so a process that escapes the container, or
writes to a mounted node path, acts as whoever owns that UID on the node. A UID of 10000 or more
is unlikely to belong to anyone there.

\`runAsUser\` is checked on the pod (unless every container sets its own) and on each container.
UID 0 is left to \`kubernetes/run-as-root-user\`; pods with \`hostUsers: false\` run in a user
namespace, where container UIDs map to unprivileged ones on the node, and are not flagged. The
suggestion runs the container as 10001: files the image leaves to its old user may then need
\`fsGroup\` or a rebuilt image.

Bad:
\`\`\`yaml
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    runAsUser: 1000
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
  containers:
    - name: app
      image: nginx:1.27
\`\`\``,
  references: [
    { title: 'Kubernetes: Configure a Security Context for a Pod or Container', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/' },
    { title: 'Kubernetes: User Namespaces', url: 'https://kubernetes.io/docs/concepts/workloads/pods/user-namespaces/' },
  ],
  fix: 'suggestion',
  equivalents: {
    trivy: ['KSV-0020'],
    checkov: ['CKV_K8S_40'],
    'kube-score': ['container-security-context-user-group-id'],
  },
};

/** The lowest UID that is not flagged, and the one the suggestion uses. */
const LOWEST_HIGH_UID = 10000;
const SUGGESTED_UID = '10001';

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    const document = object.yaml.document;
    for (const spec of object.podSpecs) {
      if (runsInUserNamespace(spec)) continue;
      for (const scope of securityContextScopes(spec)) {
        const value = writtenValue(scope.securityContext, 'runAsUser', document);
        if (!isScalar(value) || typeof value.value !== 'number' || !(value.value > 0 && value.value < LOWEST_HIGH_UID)) continue;
        if (!scope.container && setByEveryContainer(spec, document)) continue;
        const shown = aliasOnPath(scope.owner, ['securityContext', 'runAsUser']) ?? value;
        const editable = shown === value && !isRepeatedByAlias(document, value);
        const uid = String(value.value);
        report({
          message: scope.container
            ? `${scopeLabel(scope)} runs as UID ${uid}, below ${LOWEST_HIGH_UID}: such UIDs often belong to users and services of the node, so a process that gets out of the container acts as one of them. Use a UID of ${LOWEST_HIGH_UID} or more.`
            : `${scopeLabel(scope)} sets runAsUser: ${uid} for its pod, below ${LOWEST_HIGH_UID}: such UIDs often belong to users and services of the node, so a process that gets out of a container acts as one of them. Use a UID of ${LOWEST_HIGH_UID} or more.`,
          range: rangeOfNode(model, object.yaml, shown)!,
          fixes: editable ? [{ title: `Run as UID ${SUGGESTED_UID}`, kind: 'suggestion', edits: [new YamlEditor(model, object.yaml).replace(value, SUGGESTED_UID)] }] : [],
          object: objectRef(object, scope.container),
        });
      }
    }
  }
}

/** A pod-level value that every container overrides applies to none of them. */
function setByEveryContainer(spec: PodSpec, document: Document.Parsed): boolean {
  return spec.containers.length > 0 && spec.containers.every((container) => writtenValue(containerSecurityContext(container), 'runAsUser', document) !== undefined);
}
