import type { YAMLMap } from 'yaml';
import { aliasOnPath, isRepeatedByAlias } from '../../engine/kubernetes/anchors';
import { describeObject } from '../../engine/kubernetes/describe';
import { objectAnchor, objectRef, rangeOfNode, type KubeObject, type KubernetesModel } from '../../engine/kubernetes/model';
import { mountsServiceAccountToken } from '../../engine/kubernetes/serviceAccounts';
import { YamlEditor } from '../../engine/kubernetes/yamlEdits';
import { scalarAt } from '../../engine/kubernetes/yamlNodes';
import type { KubernetesRuleContext, Report } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/automount-service-account-token',
  target: 'kubernetes',
  title: 'Service account token mounted automatically',
  defaultSeverity: 'info',
  description: `Unless told otherwise, Kubernetes mounts a token for the pod's service account into every
container. Most applications never call the Kubernetes API, but anyone who gets code running in the
container can: with whatever the account is allowed, and often more than anyone remembers granting.
Set \`automountServiceAccountToken: false\` on pods that do not use the API, and on ServiceAccounts
so that pods have to opt in.

A pod is fine when its own setting is \`false\`, or when it leaves the setting out and its
ServiceAccount, defined in the same file, sets \`false\`. ServiceAccounts are flagged too. The
suggestion sets \`false\`: check first that nothing in the pod talks to the API (operators,
controllers and CI runners do).

Bad:
\`\`\`yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
\`\`\`

Good:
\`\`\`yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      automountServiceAccountToken: false
      containers:
        - name: app
          image: nginx:1.27
\`\`\``,
  references: [
    { title: 'Kubernetes: Configure Service Accounts for Pods, opt out of API credential automounting', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting' },
    { title: 'CIS Kubernetes Benchmark 5.1.6: Ensure that Service Account Tokens are only mounted where necessary', url: 'https://www.cisecurity.org/benchmark/kubernetes' },
    { title: 'Kubernetes: Service account security best practices', url: 'https://kubernetes.io/docs/concepts/security/service-accounts/' },
  ],
  fix: 'suggestion',
  equivalents: {
    trivy: ['KSV-0036'],
    checkov: ['CKV_K8S_38', 'CKV_K8S_41'],
    polaris: ['automountServiceAccountToken'],
  },
};

const FIELD = 'automountServiceAccountToken';

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    if (object.kind === 'ServiceAccount') {
      const finding = notFalse(model, object, object.node);
      if (finding) {
        report({
          ...finding,
          message:
            finding.written === undefined
              ? `${describeObject(object)} does not set ${FIELD}: false, so every pod running as it gets its token unless the pod opts out. Set it to false and let the pods that call the API opt in.`
              : `${describeObject(object)} sets ${FIELD}: ${finding.written}, so every pod running as it gets its token unless the pod opts out. Set it to false and let the pods that call the API opt in.`,
        });
      }
    }
    for (const spec of object.podSpecs) {
      if (!mountsServiceAccountToken(model, spec)) continue;
      const finding = notFalse(model, object, spec.node);
      if (!finding) continue;
      report({
        ...finding,
        message:
          finding.written === undefined
            ? `${describeObject(object)} mounts a service account token into its containers (${FIELD} is not false): code running there can call the Kubernetes API with it. Set ${FIELD}: false unless the pod uses the API.`
            : `${describeObject(object)} sets ${FIELD}: ${finding.written}: code running in its containers can call the Kubernetes API with the mounted token. Set it to false unless the pod uses the API.`,
      });
    }
  }
}

/** Where `owner` (a pod spec or ServiceAccount) leaves the field other than false, and the fix. */
function notFalse(model: KubernetesModel, object: KubeObject, owner: YAMLMap): (Omit<Report, 'message'> & { written: string | undefined }) | undefined {
  const document = object.yaml.document;
  const value = scalarAt(owner, FIELD, document);
  if (value?.value === false) return undefined;
  const written = value === undefined || value.value === null ? undefined : String(value.value);
  const shown = aliasOnPath(owner, [FIELD]) ?? value;
  const edit = isRepeatedByAlias(document, owner) || isRepeatedByAlias(document, value) ? undefined : new YamlEditor(model, object.yaml).set(owner, [FIELD], 'false');
  return {
    written,
    range: (written === undefined ? undefined : rangeOfNode(model, object.yaml, shown)) ?? objectAnchor(model, object),
    fixes: edit ? [{ title: `Set ${FIELD}: false`, kind: 'suggestion', edits: [edit] }] : [],
    object: objectRef(object),
  };
}
