import type { Node } from 'yaml';
import { describeObject } from '../../engine/kubernetes/describe';
import { objectRef, rangeOfNode } from '../../engine/kubernetes/model';
import { YamlEditor } from '../../engine/kubernetes/yamlEdits';
import { pairOf, scalarAt } from '../../engine/kubernetes/yamlNodes';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { Fix, RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/deprecated-service-account-field',
  target: 'kubernetes',
  title: 'Deprecated serviceAccount field',
  defaultSeverity: 'warning',
  description: `\`serviceAccount\` is the old, deprecated name of \`serviceAccountName\`. The API server reads it only
when \`serviceAccountName\` is empty, and overwrites it with \`serviceAccountName\` otherwise, so a
manifest that sets both to different accounts does not do what half of it says. Reviewers and
policy tools that look only at \`serviceAccountName\` miss the account entirely.

When \`serviceAccountName\` is not set, the fix renames the key: the pod runs as the same account,
so fix-all may apply it. When both are set to the same account, it removes the old field, also
safely. When they differ, removing \`serviceAccount\` keeps what Kubernetes does today
(\`serviceAccountName\` wins) but may not be what was meant, so it is only a suggestion.

Bad:
\`\`\`yaml
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  serviceAccount: web
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
  serviceAccountName: web
  containers:
    - name: app
      image: nginx:1.27
\`\`\``,
  references: [
    { title: 'Kubernetes API: PodSpec serviceAccount (deprecated alias for serviceAccountName)', url: 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#security' },
    { title: 'Kubernetes: Configure Service Accounts for Pods', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/' },
  ],
  fix: 'safe',
  equivalents: { 'kube-linter': ['deprecated-service-account-field'] },
};

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    const document = object.yaml.document;
    for (const spec of object.podSpecs) {
      const old = pairOf(spec.node, 'serviceAccount');
      if (!old) continue;
      const key = old.key as Node;
      const oldName = scalarAt(spec.node, 'serviceAccount', document)?.value;
      const newPair = pairOf(spec.node, 'serviceAccountName');
      const newName = scalarAt(spec.node, 'serviceAccountName', document)?.value;
      const editor = new YamlEditor(model, object.yaml);
      const label = describeObject(object);
      let message: string;
      let fix: Fix | undefined;
      if (!newPair) {
        message = `${label} names its service account with the deprecated serviceAccount field. Rename it to serviceAccountName.`;
        // The key as written, quotes and all, with the new name.
        const written = object.yaml.text.slice(key.range![0], key.range![1]);
        fix = { title: 'Rename serviceAccount to serviceAccountName', kind: 'safe', edits: [editor.replace(key, written.replace('serviceAccount', 'serviceAccountName'))] };
      } else if (newName === oldName) {
        message = `${label} repeats serviceAccountName in the deprecated serviceAccount field. Remove serviceAccount.`;
        fix = removal(editor.remove(spec.node, 'serviceAccount'), 'safe');
      } else if (typeof newName === 'string' && newName !== '') {
        message = `${label} sets the deprecated serviceAccount field to ${String(oldName)}, but Kubernetes runs it as serviceAccountName (${newName}) and ignores serviceAccount. Remove serviceAccount, or move its account to serviceAccountName.`;
        fix = removal(editor.remove(spec.node, 'serviceAccount'), 'suggestion');
      } else {
        // An empty serviceAccountName hands over to the old field; which one to keep is for the author.
        message = `${label} names its service account with the deprecated serviceAccount field, next to an empty serviceAccountName. Put the account in serviceAccountName and remove serviceAccount.`;
      }
      report({ message, range: rangeOfNode(model, object.yaml, key)!, fixes: fix ? [fix] : [], object: objectRef(object) });
    }
  }
}

function removal(edit: ReturnType<YamlEditor['remove']>, kind: Fix['kind']): Fix | undefined {
  return edit && { title: 'Remove the deprecated serviceAccount field', kind, edits: [edit] };
}
