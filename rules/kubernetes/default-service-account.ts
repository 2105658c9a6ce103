import { aliasOnPath } from '../../engine/kubernetes/anchors';
import { describeObject } from '../../engine/kubernetes/describe';
import { objectAnchor, objectRef, rangeOfNode } from '../../engine/kubernetes/model';
import { mountsServiceAccountToken, podServiceAccount } from '../../engine/kubernetes/serviceAccounts';
import { scalarAt } from '../../engine/kubernetes/yamlNodes';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/default-service-account',
  target: 'kubernetes',
  title: 'Pod runs as the default service account',
  defaultSeverity: 'info',
  description: `A pod that names no service account runs as its namespace's \`default\` one, and so does every other
pod there that names none. Whatever any of them needs from the Kubernetes API ends up granted to
\`default\`, and with it to all the others. Give each workload its own ServiceAccount, with only the
permissions it needs, and name it in \`serviceAccountName\`.

Pods that get no token (\`automountServiceAccountToken: false\` on the pod, or on the \`default\`
ServiceAccount defined in the same file) cannot use the account and are not flagged.

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
      serviceAccountName: web
      containers:
        - name: app
          image: nginx:1.27
\`\`\``,
  references: [
    { title: 'Kubernetes: Configure Service Accounts for Pods', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/' },
    { title: 'CIS Kubernetes Benchmark 5.1.5: Ensure that default service accounts are not actively used', url: 'https://www.cisecurity.org/benchmark/kubernetes' },
    { title: 'Kubernetes: RBAC good practices', url: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/' },
  ],
  fix: 'none',
  equivalents: { 'kube-linter': ['default-service-account'] },
};

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    for (const spec of object.podSpecs) {
      const account = podServiceAccount(spec);
      if (account.name !== 'default' || !mountsServiceAccountToken(model, spec)) continue;
      // `serviceAccountName: default` is pointed at; so is `""`, which names nothing either.
      const field = account.field ?? 'serviceAccountName';
      const written = account.node ?? scalarAt(spec.node, field, object.yaml.document);
      const shown = written?.value === '' || written?.value === 'default' ? (aliasOnPath(spec.node, [field]) ?? written) : undefined;
      report({
        message: `${describeObject(object)} runs as its namespace's default service account, which every pod without its own shares: what one is granted, all get. Create a ServiceAccount for it and set serviceAccountName.`,
        range: rangeOfNode(model, object.yaml, shown) ?? objectAnchor(model, object),
        object: objectRef(object),
      });
    }
  }
}
