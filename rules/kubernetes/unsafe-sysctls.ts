import { isAlias, isMap, type Node } from 'yaml';
import { aliasOnPath, isRepeatedByAlias } from '../../engine/kubernetes/anchors';
import { objectRef, rangeOfNode } from '../../engine/kubernetes/model';
import { podLabel } from '../../engine/kubernetes/podSecurity';
import { YamlEditor } from '../../engine/kubernetes/yamlEdits';
import { mapAt, pairOf, resolve, seqAt, stringAt } from '../../engine/kubernetes/yamlNodes';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/unsafe-sysctls',
  target: 'kubernetes',
  title: 'Sysctl outside the safe set',
  defaultSeverity: 'error',
  description: `A pod may set kernel parameters (sysctls) for itself. Only some are namespaced and isolated, so
that setting them touches nothing outside the pod; the others can change the kernel for every pod on
the node, or weaken its protections. The Pod Security Standards allow, from the baseline level up,
only the safe set pod-security-admission defines (as of policy 1.32):
\`kernel.shm_rmid_forced\`, \`net.ipv4.ip_local_port_range\`, \`net.ipv4.ip_local_reserved_ports\`,
\`net.ipv4.ip_unprivileged_port_start\`, \`net.ipv4.ping_group_range\`, \`net.ipv4.tcp_syncookies\`,
\`net.ipv4.tcp_keepalive_time\`, \`net.ipv4.tcp_keepalive_intvl\`, \`net.ipv4.tcp_keepalive_probes\`,
\`net.ipv4.tcp_fin_timeout\`, \`net.ipv4.tcp_rmem\` and \`net.ipv4.tcp_wmem\`. The kubelet, too, refuses
pods with other sysctls unless the node allows them.

Bad:
\`\`\`yaml
apiVersion: v1
kind: Pod
metadata:
  name: cache
spec:
  securityContext:
    sysctls:
      - name: kernel.msgmax
        value: "65536"
  containers:
    - name: cache
      image: redis:7.4
\`\`\`

Good:
\`\`\`yaml
apiVersion: v1
kind: Pod
metadata:
  name: cache
spec:
  securityContext:
    sysctls:
      - name: net.ipv4.ip_local_port_range
        value: "1024 65535"
  containers:
    - name: cache
      image: redis:7.4
\`\`\``,
  references: [
    { title: 'Pod Security Standards: Sysctls (baseline)', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline' },
    { title: 'Kubernetes documentation: Using sysctls in a Kubernetes Cluster', url: 'https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/' },
    { title: 'pod-security-admission: the sysctls check', url: 'https://github.com/kubernetes/kubernetes/blob/master/staging/src/k8s.io/pod-security-admission/policy/check_sysctls.go' },
  ],
  fix: 'suggestion',
  equivalents: {
    trivy: ['KSV-0026'],
    'kube-linter': ['unsafe-sysctls'],
    pss: ['baseline:sysctls'],
  },
};

/** pod-security-admission's `sysctlsAllowedV1Dot32`, the newest safe set of a released policy. */
const SAFE_SYSCTLS = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
  'net.ipv4.tcp_rmem',
  'net.ipv4.tcp_wmem',
]);

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    const document = object.yaml.document;
    for (const spec of object.podSpecs) {
      const securityContext = mapAt(spec.node, 'securityContext', document);
      const sysctls = seqAt(securityContext, 'sysctls', document);
      const listVia = aliasOnPath(spec.node, ['securityContext', 'sysctls']);
      sysctls?.items.forEach((written, index) => {
        const sysctl = resolve(written, document);
        if (!isMap(sysctl)) return;
        const name = stringAt(sysctl, 'name', document);
        if (name === undefined || SAFE_SYSCTLS.has(name)) return;
        const via = listVia ?? (isAlias(written) ? written : aliasOnPath(sysctl, ['name']));
        const edit = via || isRepeatedByAlias(document, sysctls) ? undefined : new YamlEditor(model, object.yaml).removeItem(securityContext!, 'sysctls', index);
        report({
          message: `${podLabel(spec)} sets the sysctl ${name}, which is outside the safe set: it may change the kernel for every pod on the node or weaken its protections, and the kubelet refuses it unless the node allows it. Remove it.`,
          range: rangeOfNode(model, object.yaml, via ?? (pairOf(sysctl, 'name')!.value as Node))!,
          fixes: edit ? [{ title: `Remove the sysctl ${name}`, kind: 'suggestion', edits: [edit] }] : [],
          object: objectRef(object),
        });
      });
    }
  }
}
