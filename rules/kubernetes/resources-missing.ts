import type { Document, YAMLMap } from 'yaml';
import { isRepeatedByAlias } from '../../engine/kubernetes/anchors';
import { containerAnchor, objectRef, rangeOfNode } from '../../engine/kubernetes/model';
import { containerLabel } from '../../engine/kubernetes/podSecurity';
import { YamlEditor } from '../../engine/kubernetes/yamlEdits';
import { mapAt, pairOf, scalarAt } from '../../engine/kubernetes/yamlNodes';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/resources-missing',
  target: 'kubernetes',
  title: 'Container has no resource requests or memory limit',
  defaultSeverity: 'warning',
  description: `Requests tell the scheduler what a container needs: without them it reserves nothing, packs the
pod onto any node, and under pressure the kubelet evicts it first. A memory limit caps what the
container can take: without one, a leak or a crafted request can use up the node's memory and get
its neighbours killed. The rule asks every container and init container for \`requests.cpu\`,
\`requests.memory\` and \`limits.memory\`. A request may be left out when the matching limit is set,
since Kubernetes then requests the limit; pod-level \`resources\` count for every container.

It does not ask for a CPU limit. CPU is shared, not exhausted: a container over its request is
slowed down, never killed, while a CPU limit throttles it even on an idle node, which costs
latency for little protection. Add CPU limits where your policy wants them; Ballast will not
complain either way.

The suggestion adds the missing entries with placeholder values (\`requests.cpu: 100m\`,
\`requests.memory: 128Mi\`, \`limits.memory: 256Mi\`, or the memory request when one is set) to
replace with what the container really uses. Ephemeral containers cannot have resources and are
not checked.

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
      containers:
        - name: app
          image: nginx:1.27
          resources:
            requests:
              cpu: 250m
              memory: 256Mi
            limits:
              memory: 256Mi
\`\`\``,
  references: [
    { title: 'Kubernetes: Resource Management for Pods and Containers', url: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/' },
    { title: 'Kubernetes: Pod Quality of Service Classes', url: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/' },
    { title: 'NSA/CISA Kubernetes Hardening Guide: resource policies', url: 'https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF' },
  ],
  fix: 'suggestion',
  equivalents: {
    trivy: ['KSV-0015', 'KSV-0016', 'KSV-0018'],
    checkov: ['CKV_K8S_10', 'CKV_K8S_12', 'CKV_K8S_13'],
    'kube-linter': ['unset-cpu-requirements', 'unset-memory-requirements'],
    'kube-score': ['container-resources'],
    polaris: ['cpuRequestsMissing', 'memoryRequestsMissing', 'memoryLimitsMissing'],
  },
};

/** Placeholders the suggestion writes; the user replaces them with measured values. */
const PLACEHOLDER = { cpuRequest: '100m', memoryRequest: '128Mi', memoryLimit: '256Mi' };

/** A container's (or the pod's) `resources.requests` and `resources.limits`. */
interface Resources {
  requests: YAMLMap | undefined;
  limits: YAMLMap | undefined;
}

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    const document = object.yaml.document;
    for (const spec of object.podSpecs) {
      const pod = resourcesOf(spec.node, document);
      for (const container of spec.containers) {
        if (container.group === 'ephemeralContainers') continue;
        const own = resourcesOf(container.node, document);
        const isSet = (kind: keyof Resources, resource: 'cpu' | 'memory') => hasQuantity(own[kind], resource, document) || hasQuantity(pod[kind], resource, document);
        // Kubernetes requests the limit when only a limit is set.
        const missing = [
          !isSet('requests', 'cpu') && !isSet('limits', 'cpu') && { label: 'CPU request', path: ['resources', 'requests', 'cpu'], value: PLACEHOLDER.cpuRequest },
          !isSet('requests', 'memory') && !isSet('limits', 'memory') && { label: 'memory request', path: ['resources', 'requests', 'memory'], value: PLACEHOLDER.memoryRequest },
          !isSet('limits', 'memory') && { label: 'memory limit', path: ['resources', 'limits', 'memory'], value: memoryLimitPlaceholder(own, document) },
        ].filter((entry) => entry !== false);
        if (missing.length === 0) continue;

        const reserves = missing.filter((m) => m.label.endsWith('request')).map((m) => (m.label.startsWith('CPU') ? 'CPU' : 'memory'));
        const reasons = [
          reserves.length > 0 && `the scheduler reserves no ${reserves.join(' or ')} for it`,
          missing.some((m) => m.label === 'memory limit') && `nothing stops it taking memory from the other pods on its node`,
        ].filter((reason) => reason !== false);
        const resourcesKey = pairOf(container.node, 'resources')?.key;
        // Text an alias repeats elsewhere is not this container's alone to change.
        const shared = [container.node, mapAt(container.node, 'resources', document), own.requests, own.limits].some((node) => isRepeatedByAlias(document, node));
        const edits = shared ? undefined : new YamlEditor(model, object.yaml).setAll(container.node, missing.map((m) => [m.path, m.value] as const));
        report({
          message: `${containerLabel(container)} has no ${list(missing.map((m) => m.label), 'or')}: ${reasons.join(', and ')}. Set ${list(missing.map((m) => m.path.join('.')), 'and')}.`,
          range: rangeOfNode(model, object.yaml, resourcesKey) ?? containerAnchor(model, container),
          fixes: edits ? [{ title: `Add ${list(missing.map((m) => m.label), 'and')} (placeholder values)`, kind: 'suggestion', edits }] : [],
          object: objectRef(object, container),
        });
      }
    }
  }
}

function resourcesOf(owner: YAMLMap, document: Document.Parsed): Resources {
  const resources = mapAt(owner, 'resources', document);
  return { requests: mapAt(resources, 'requests', document), limits: mapAt(resources, 'limits', document) };
}

function hasQuantity(map: YAMLMap | undefined, resource: 'cpu' | 'memory', document: Document.Parsed): boolean {
  const value = scalarAt(map, resource, document)?.value;
  return value !== undefined && value !== null && value !== '';
}

/** A memory limit below the request would be rejected, so a set request is the limit's placeholder. */
function memoryLimitPlaceholder(own: Resources, document: Document.Parsed): string {
  const request = scalarAt(own.requests, 'memory', document)?.value;
  return request === undefined || request === null || request === '' ? PLACEHOLDER.memoryLimit : String(request);
}

/** `a`, `a or b`, `a, b or c`. */
function list(items: readonly string[], conjunction: 'and' | 'or'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
