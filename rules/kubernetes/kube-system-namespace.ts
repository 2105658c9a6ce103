import { describeObject } from '../../engine/kubernetes/describe';
import { objectRef, rangeOfNode } from '../../engine/kubernetes/model';
import { scalarAt } from '../../engine/kubernetes/yamlNodes';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/kube-system-namespace',
  target: 'kubernetes',
  title: 'Workload in kube-system',
  defaultSeverity: 'warning',
  description: `\`kube-system\` is where the cluster runs itself: DNS, the network and storage plugins, cloud
controllers, and the service accounts that hold their powerful roles. An application placed there
shares the namespace with them: anyone who may manage workloads in \`kube-system\` to run or debug it
can also mount those service accounts' tokens, exec into those components and read their Secrets,
and the namespace's exemptions (Pod Security admission is usually \`privileged\` there) apply to it
too.

Ballast reports objects with a pod spec (Pods, Deployments, DaemonSets, Jobs, CronJobs, …) whose
\`metadata.namespace\` is \`kube-system\`. Cluster add-ons that belong there say so with
\`# ballast-ignore kubernetes/kube-system-namespace -- reason\`. There is no automatic fix: the new
namespace has to exist and be referred to by the workload's Services, RBAC bindings and policies.

Bad:
\`\`\`yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: reporting
  namespace: kube-system
spec:
  template:
    spec:
      containers:
        - name: reporting
          image: example/reporting:1.2.0
\`\`\`

Good:
\`\`\`yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: reporting
  namespace: reporting
spec:
  template:
    spec:
      containers:
        - name: reporting
          image: example/reporting:1.2.0
\`\`\``,
  references: [
    { title: 'Kubernetes docs: Namespaces ("kube-system: the namespace for objects created by the Kubernetes system")', url: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/#initial-namespaces' },
    { title: 'Kubernetes docs: Role based access control good practices', url: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/' },
  ],
  fix: 'none',
  equivalents: { trivy: ['KSV-0037'] },
};

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    if (object.namespace !== 'kube-system' || object.podSpecs.length === 0) continue;
    report({
      message: `${describeObject(object)} runs in kube-system, next to the cluster's own components and their powerful service accounts: whoever may manage it there may reach them too. Give it a namespace of its own.`,
      range: rangeOfNode(model, object.yaml, scalarAt(object.metadata, 'namespace', object.yaml.document))!,
      object: objectRef(object),
    });
  }
}
