import type { Node } from 'yaml';
import { aliasOnPath, isRepeatedByAlias } from '../../engine/kubernetes/anchors';
import { objectRef, rangeOfNode } from '../../engine/kubernetes/model';
import { scopeLabel, securityContextScopes } from '../../engine/kubernetes/podSecurity';
import { YamlEditor } from '../../engine/kubernetes/yamlEdits';
import { mapAt, pairOf, scalarAt } from '../../engine/kubernetes/yamlNodes';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/windows-host-process',
  target: 'kubernetes',
  title: 'Windows HostProcess container',
  defaultSeverity: 'error',
  description: `A Windows HostProcess container is not isolated from its node at all: it runs as a process on the
node, with the node's network and file system, and may run as SYSTEM. It is the Windows counterpart
of a privileged container, meant for node agents. The Pod Security Standards forbid
\`windowsOptions.hostProcess: true\`, on the pod or on any container, from the baseline level up.

Bad:
\`\`\`yaml
apiVersion: v1
kind: Pod
metadata:
  name: agent
spec:
  hostNetwork: true
  securityContext:
    windowsOptions:
      hostProcess: true
      runAsUserName: "NT AUTHORITY\\\\SYSTEM"
  containers:
    - name: agent
      image: example/agent:2.1-windows
\`\`\`

Good:
\`\`\`yaml
apiVersion: v1
kind: Pod
metadata:
  name: agent
spec:
  containers:
    - name: agent
      image: example/agent:2.1-windows
\`\`\``,
  references: [
    { title: 'Pod Security Standards: HostProcess (baseline)', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline' },
    { title: 'Kubernetes documentation: Create a Windows HostProcess Pod', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/create-hostprocess-pod/' },
    { title: 'CIS Kubernetes Benchmark 5.2.11: Minimize the admission of Windows HostProcess containers', url: 'https://www.cisecurity.org/benchmark/kubernetes' },
  ],
  fix: 'suggestion',
  equivalents: {
    trivy: ['KSV-0103'],
    pss: ['baseline:windowsHostProcess'],
  },
};

const KEY_PATH = ['securityContext', 'windowsOptions', 'hostProcess'];

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    const document = object.yaml.document;
    for (const spec of object.podSpecs) {
      for (const scope of securityContextScopes(spec)) {
        const windowsOptions = mapAt(scope.securityContext, 'windowsOptions', document);
        if (scalarAt(windowsOptions, 'hostProcess', document)?.value !== true) continue;
        const via = aliasOnPath(scope.owner, KEY_PATH);
        const edit = via || isRepeatedByAlias(document, windowsOptions) ? undefined : new YamlEditor(model, object.yaml).set(windowsOptions!, ['hostProcess'], 'false');
        report({
          message: `${scopeLabel(scope)} runs as a Windows HostProcess container (windowsOptions.hostProcess: true): it runs on the node itself, with the node's network and file system, and may run as SYSTEM. Set hostProcess: false.`,
          range: rangeOfNode(model, object.yaml, via ?? (pairOf(windowsOptions, 'hostProcess')!.value as Node))!,
          fixes: edit ? [{ title: 'Set hostProcess: false', kind: 'suggestion', edits: [edit] }] : [],
          object: objectRef(object, scope.container),
        });
      }
    }
  }
}
