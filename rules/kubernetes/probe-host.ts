import { isScalar, type Node } from 'yaml';
import { aliasOnPath, isRepeatedByAlias } from '../../engine/kubernetes/anchors';
import { objectRef, rangeOfNode } from '../../engine/kubernetes/model';
import { containerLabel } from '../../engine/kubernetes/podSecurity';
import { YamlEditor } from '../../engine/kubernetes/yamlEdits';
import { mapPath, pairOf, resolve } from '../../engine/kubernetes/yamlNodes';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/probe-host',
  target: 'kubernetes',
  title: 'Probe or lifecycle hook sent to another host',
  defaultSeverity: 'error',
  description: `The kubelet runs \`httpGet\` and \`tcpSocket\` probes and lifecycle hooks from the node, against the
pod's IP unless \`host\` names another address. With \`host\` set, anyone who can create a pod can have
the kubelet connect to addresses the pod itself could not reach: the node's own services, the cloud
metadata endpoint, other internal systems. Since policy version 1.34 the Pod Security Standards
forbid, from the baseline level up, a \`host\` in the \`httpGet\` or \`tcpSocket\` of liveness, readiness
and startup probes and of \`postStart\` and \`preStop\` hooks. To send a Host header, use
\`httpHeaders\` instead.

Bad:
\`\`\`yaml
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      readinessProbe:
        httpGet:
          host: 169.254.169.254
          path: /healthz
          port: 80
\`\`\`

Good:
\`\`\`yaml
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      readinessProbe:
        httpGet:
          path: /healthz
          port: 80
\`\`\``,
  references: [
    { title: 'Pod Security Standards: Host Probes / Lifecycle Hooks (baseline, v1.34+)', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline' },
    { title: 'pod-security-admission: the hostProbesAndHostLifecycle check', url: 'https://github.com/kubernetes/kubernetes/blob/master/staging/src/k8s.io/pod-security-admission/policy/check_hostProbesAndhostLifecycle.go' },
    { title: 'Kubernetes documentation: Configure Liveness, Readiness and Startup Probes', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/' },
  ],
  fix: 'suggestion',
  equivalents: {
    pss: ['baseline:hostProbesAndHostLifecycle'],
  },
};

/** Where pod-security-admission looks for `host`, and how messages name each place. */
const HANDLERS: readonly { path: readonly string[]; label: string }[] = [
  { path: ['livenessProbe'], label: 'liveness probe' },
  { path: ['readinessProbe'], label: 'readiness probe' },
  { path: ['startupProbe'], label: 'startup probe' },
  { path: ['lifecycle', 'postStart'], label: 'postStart hook' },
  { path: ['lifecycle', 'preStop'], label: 'preStop hook' },
];
const ACTIONS = ['httpGet', 'tcpSocket'] as const;

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    const document = object.yaml.document;
    for (const spec of object.podSpecs) {
      for (const container of spec.containers) {
        for (const handler of HANDLERS) {
          for (const action of ACTIONS) {
            const path = [...handler.path, action];
            const target = mapPath(container.node, path, document);
            const written = pairOf(target, 'host')?.value;
            const host = resolve(written, document);
            if (!isScalar(host) || host.value === null || host.value === '') continue;
            const via = aliasOnPath(container.node, [...path, 'host']);
            const edit = via || isRepeatedByAlias(document, target) ? undefined : new YamlEditor(model, object.yaml).remove(target!, 'host');
            report({
              message: `${containerLabel(container)} sends its ${handler.label} (${action}) to host ${String(host.value)}: the kubelet connects from the node, so it can reach addresses the pod itself cannot. Remove host to target the pod's own IP, and set a Host header through httpHeaders if one is needed.`,
              range: rangeOfNode(model, object.yaml, via ?? (written as Node))!,
              fixes: edit ? [{ title: 'Remove host', kind: 'suggestion', edits: [edit] }] : [],
              object: objectRef(object, container),
            });
          }
        }
      }
    }
  }
}
