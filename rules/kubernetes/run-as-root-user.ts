import { isScalar } from 'yaml';
import { aliasOnPath, isRepeatedByAlias } from '../../engine/kubernetes/anchors';
import { objectRef, rangeOfNode } from '../../engine/kubernetes/model';
import { scopeLabel, securityContextScopes } from '../../engine/kubernetes/podSecurity';
import { runsInUserNamespace, writtenValue } from '../../engine/kubernetes/restricted';
import { YamlEditor } from '../../engine/kubernetes/yamlEdits';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/run-as-root-user',
  target: 'kubernetes',
  title: 'Runs as UID 0 (root)',
  defaultSeverity: 'error',
  description: `\`runAsUser: 0\` runs the container's process as root, whatever user the image names, and it also
defeats \`runAsNonRoot: true\` (the kubelet then refuses to start the container). Root in a
container owns every file in it and, one kernel bug or mounted socket away, the node. The
restricted Pod Security Standard forbids UID 0 at pod level (\`spec.securityContext\`) and on every
container, init and ephemeral ones included. Pods in a user namespace (\`hostUsers: false\`), where
UID 0 in the container is an unprivileged user on the node, are exempt.

The suggested fix runs the container as UID 10001 instead; make sure the image's files are readable
by that user (or set \`fsGroup\` for volumes).

Bad:
\`\`\`yaml
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        runAsUser: 0
\`\`\`

Good:
\`\`\`yaml
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginxinc/nginx-unprivileged:1.27
      securityContext:
        runAsUser: 10001
\`\`\``,
  references: [
    { title: 'Pod Security Standards: Running as Non-root user (restricted)', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted' },
    { title: 'Configure a Security Context for a Pod or Container', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/' },
    { title: 'CIS Kubernetes Benchmark 5.2.6: Minimize the admission of root containers', url: 'https://www.cisecurity.org/benchmark/kubernetes' },
  ],
  fix: 'suggestion',
  equivalents: {
    trivy: ['KSV-0105'],
    checkov: ['CKV_K8S_23'],
    'kube-linter': ['run-as-non-root'],
    polaris: ['runAsRootAllowed'],
    pss: ['restricted:runAsUser'],
  },
};

/** A non-root UID well above distribution ranges, as the Dockerfile rules suggest for USER. */
const SUGGESTED_UID = '10001';

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    const document = object.yaml.document;
    for (const spec of object.podSpecs) {
      if (runsInUserNamespace(spec)) continue;
      for (const scope of securityContextScopes(spec)) {
        const value = writtenValue(scope.securityContext, 'runAsUser', document);
        if (!isScalar(value) || value.value !== 0) continue;
        const shown = aliasOnPath(scope.owner, ['securityContext', 'runAsUser']) ?? value;
        const editable = shown === value && !isRepeatedByAlias(document, value);
        report({
          message: scope.container
            ? `${scopeLabel(scope)} sets runAsUser: 0, so it runs as root. Run it as a non-zero UID: the restricted Pod Security Standard forbids UID 0.`
            : `${scopeLabel(scope)} sets runAsUser: 0 for its pod, so containers that name no user of their own run as root. Run as a non-zero UID: the restricted Pod Security Standard forbids UID 0 at pod level too.`,
          range: rangeOfNode(model, object.yaml, shown)!,
          fixes: editable ? [{ title: `Run as UID ${SUGGESTED_UID} instead of root`, kind: 'suggestion', edits: [new YamlEditor(model, object.yaml).replace(value, SUGGESTED_UID)] }] : [],
          object: objectRef(object, scope.container),
        });
      }
    }
  }
}
