import { describeObject } from '../../engine/kubernetes/describe';
import { objectAnchor, objectRef, rangeOfNode, type KubeObject } from '../../engine/kubernetes/model';
import { scalarAt } from '../../engine/kubernetes/yamlNodes';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/default-namespace',
  target: 'kubernetes',
  title: 'Object in the default namespace',
  defaultSeverity: 'info',
  enabledByDefault: false,
  description: `Namespaces are where RBAC, resource quotas, network policies and Pod Security admission levels
are set. The \`default\` namespace is the one everything falls into when nobody chose: it rarely has
any of those, every user and tool lands there by default, and whatever runs there shares it with
everything else nobody placed. The CIS Kubernetes Benchmark asks that it not be used (5.7.4).

Ballast reports namespaced objects whose \`metadata.namespace\` is \`default\`, and those that name no
namespace at all, which \`kubectl apply\` puts in the current context's namespace, usually
\`default\`. Cluster-scoped objects (Namespaces, ClusterRoles, CRDs, StorageClasses, webhooks, kinds
named \`Cluster…\`, …), tool configuration (kubeconfig, Kustomization, kubelet and kubeadm
configuration) and the objects Kubernetes itself keeps in \`default\` (the \`default\` ServiceAccount,
the \`kubernetes\` Service, the \`kube-root-ca.crt\` ConfigMap) are left alone.

The rule is off by default: many repositories leave the namespace to \`kubectl apply -n\`, Kustomize
(\`namespace:\`) or Helm (\`--namespace\`), and then a missing namespace is the right thing. Turn it on
where manifests are applied as written. There is no automatic fix: only you know the namespace.

Bad:
\`\`\`yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: default
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27
\`\`\`

Good:
\`\`\`yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27
\`\`\``,
  references: [
    { title: 'CIS Kubernetes Benchmark 5.7.4: The default namespace should not be used', url: 'https://www.cisecurity.org/benchmark/kubernetes' },
    { title: 'Kubernetes docs: Namespaces', url: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/' },
  ],
  fix: 'none',
  equivalents: {
    trivy: ['KSV-0110'],
    checkov: ['CKV_K8S_21'],
    'kube-linter': ['use-namespace'],
  },
};

/** Built-in kinds that live outside namespaces. Custom kinds named `Cluster…` are taken to as well. */
const CLUSTER_SCOPED_KINDS = new Set([
  'APIService', 'CertificateSigningRequest', 'ClusterTrustBundle', 'ComponentStatus', 'CSIDriver', 'CSINode', 'CustomResourceDefinition',
  'DeviceClass', 'FlowSchema', 'GatewayClass', 'IngressClass', 'IPAddress', 'MutatingAdmissionPolicy', 'MutatingAdmissionPolicyBinding',
  'MutatingWebhookConfiguration', 'Namespace', 'Node', 'PersistentVolume', 'PodSecurityPolicy', 'PriorityClass', 'PriorityLevelConfiguration',
  'ResourceSlice', 'RuntimeClass', 'SelfSubjectAccessReview', 'SelfSubjectReview', 'SelfSubjectRulesReview', 'ServiceCIDR', 'StorageClass',
  'StorageVersionMigration', 'SubjectAccessReview', 'TokenReview', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding',
  'ValidatingWebhookConfiguration', 'VolumeAttachment', 'VolumeSnapshotClass', 'VolumeSnapshotContent',
]);

/** Configuration files of tools, which have `apiVersion` and `kind` but are never applied to a cluster. */
const TOOL_CONFIGURATION = /^([a-z0-9.-]*\.)?(config\.k8s\.io|kubeadm\.k8s\.io|audit\.k8s\.io)\//;

/** Objects Kubernetes itself keeps in the default namespace, as `kind/name`. */
const BUILT_IN_DEFAULTS = new Set(['ServiceAccount/default', 'Service/kubernetes', 'ConfigMap/kube-root-ca.crt']);

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    if (!isNamespaced(object) || BUILT_IN_DEFAULTS.has(`${object.kind}/${object.name}`)) continue;
    const namespace = scalarAt(object.metadata, 'namespace', object.yaml.document);
    if (object.namespace === undefined) {
      report({
        message: `${describeObject(object)} names no namespace, so it lands in whichever one kubectl points at, usually default. Set metadata.namespace, unless the tool that applies it sets one.`,
        range: objectAnchor(model, object),
        object: objectRef(object),
      });
    } else if (object.namespace === 'default') {
      report({
        message: `${describeObject(object)} is in the default namespace, which rarely has quotas, network policies or a Pod Security level of its own and is shared with everything nobody placed. Give it a namespace of its own.`,
        range: rangeOfNode(model, object.yaml, namespace)!,
        object: objectRef(object),
      });
    }
  }
}

function isNamespaced(object: KubeObject): boolean {
  if (TOOL_CONFIGURATION.test(object.apiVersion) || (object.kind === 'Config' && object.apiVersion === 'v1')) return false;
  return !CLUSTER_SCOPED_KINDS.has(object.kind) && !/^Cluster[A-Z]/.test(object.kind);
}
