import { isAlias, isScalar, type Node } from 'yaml';
import { aliasOnPath, isRepeatedByAlias } from '../../engine/kubernetes/anchors';
import { dropAllChange, hardenContainer, ownsSecurityContext } from '../../engine/kubernetes/hardening';
import { containerAnchor, objectRef, rangeOfNode, type Container, type KubernetesModel } from '../../engine/kubernetes/model';
import { containerLabel } from '../../engine/kubernetes/podSecurity';
import { BASELINE_ADDABLE_CAPABILITIES, containerSecurityContext, dropsAllCapabilities, type DropAll } from '../../engine/kubernetes/restricted';
import { YamlEditor } from '../../engine/kubernetes/yamlEdits';
import { mapAt, pairOf, resolve, seqAt } from '../../engine/kubernetes/yamlNodes';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { Fix, RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/capabilities-restricted',
  target: 'kubernetes',
  title: 'Capabilities not dropped to the restricted minimum',
  defaultSeverity: 'warning',
  description: `Container runtimes hand every container a default set of Linux capabilities (CHOWN, DAC_OVERRIDE,
FOWNER, SETUID, SETGID, KILL, NET_BIND_SERVICE and more) that most programs never use but an
attacker in the container can: changing any file's owner, ignoring file permissions, switching
users. The restricted Pod Security Standard requires every container, init and ephemeral ones
included, to drop ALL of them, and lets it add back only NET_BIND_SERVICE (to listen on a port
below 1024). Capability names are compared exactly: \`all\` does not count as ALL. Windows pods
(\`spec.os.name: windows\`) are exempt, as Linux capabilities do not exist there.

Adding a capability outside the default set (SYS_ADMIN, NET_ADMIN, NET_RAW, …) is already
forbidden at the baseline level, where \`kubernetes/capabilities-baseline\` reports it; this rule
reports the default-set capabilities that restricted no longer allows to be added back.

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
        capabilities:
          add: [CHOWN]
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
      image: nginx:1.27
      securityContext:
        capabilities:
          drop: [ALL]
          add: [NET_BIND_SERVICE]
\`\`\``,
  references: [
    { title: 'Pod Security Standards: Capabilities (restricted)', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted' },
    { title: 'Set capabilities for a Container', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container' },
    { title: 'capabilities(7): what each capability allows', url: 'https://man7.org/linux/man-pages/man7/capabilities.7.html' },
  ],
  fix: 'suggestion',
  equivalents: {
    trivy: ['KSV-0003', 'KSV-0106'],
    checkov: ['CKV_K8S_37'],
    polaris: ['insecureCapabilities'],
    pss: ['restricted:capabilities_restricted'],
  },
};

const DROP_PATH = ['securityContext', 'capabilities', 'drop'];

export function check(context: KubernetesRuleContext): void {
  const { model } = context;
  for (const object of model.objects) {
    for (const spec of object.podSpecs) {
      for (const container of spec.containers) {
        const drop = dropsAllCapabilities(container);
        if (drop.state === 'exempt') continue;
        if (drop.state === 'missing') reportMissingDropAll(context, container, drop);
        reportAddedCapabilities(context, container);
      }
    }
  }
}

function reportMissingDropAll(context: KubernetesRuleContext, container: Container, drop: Extract<DropAll, { state: 'missing' }>): void {
  const { model } = context;
  const yaml = container.podSpec.object.yaml;
  const label = containerLabel(container);
  const advice = 'Add ALL to securityContext.capabilities.drop, then add back only NET_BIND_SERVICE if it needs a port below 1024.';
  // A list reached through an alias is shown at the alias, which is what this container's reader sees.
  const via = aliasOnPath(container.node, DROP_PATH);
  let message: string;
  let shown: Node | undefined;
  if (drop.misspelt) {
    message = `${label} drops ${String(drop.misspelt.value)}, but capability names are compared exactly and the restricted Pod Security Standard only accepts ALL. Write it as ALL.`;
    shown = via ?? drop.misspelt;
  } else if (drop.drop && drop.drop.items.length > 0) {
    message = `${label} drops some capabilities but not ALL, so it keeps the rest of the runtime's default set (CHOWN, DAC_OVERRIDE, SETUID, …). ${advice}`;
    // The `drop` key: a block list's own range runs on to the next line.
    shown = via ?? (pairOf(mapAt(containerSecurityContext(container), 'capabilities', yaml.document), 'drop')?.key as Node | undefined);
  } else {
    message = `${label} does not drop ALL capabilities, so it keeps the runtime's default set (CHOWN, DAC_OVERRIDE, SETUID, …). ${advice}`;
  }
  context.report({
    message,
    range: rangeOfNode(model, yaml, shown) ?? containerAnchor(model, container),
    fixes: dropAllFixes(model, container, drop),
    object: objectRef(container.podSpec.object, container),
  });
}

function dropAllFixes(model: KubernetesModel, container: Container, drop: Extract<DropAll, { state: 'missing' }>): Fix[] {
  const fixes: Fix[] = [];
  const editor = new YamlEditor(model, container.podSpec.object.yaml);
  const change = ownsSecurityContext(container) ? dropAllChange(editor, container, drop) : undefined;
  const edit = change && ('edit' in change ? change.edit : editor.set(container.node, ...change.set));
  if (edit) fixes.push({ title: drop.misspelt ? 'Write ALL' : 'Add ALL to capabilities.drop', kind: 'suggestion', edits: [edit] });
  const harden = hardenContainer(model, container);
  if (harden) fixes.push(harden);
  return fixes;
}

/**
 * Capabilities of the runtime's default set added back, other than NET_BIND_SERVICE. Any other
 * name, ALL included, is beyond the baseline level and reported by kubernetes/capabilities-baseline.
 */
function reportAddedCapabilities(context: KubernetesRuleContext, container: Container): void {
  const { model } = context;
  const yaml = container.podSpec.object.yaml;
  const document = yaml.document;
  const capabilities = mapAt(containerSecurityContext(container), 'capabilities', document);
  const added = seqAt(capabilities, 'add', document);
  const via = aliasOnPath(container.node, ['securityContext', 'capabilities', 'add']);
  added?.items.forEach((written, index) => {
    const item = resolve(written, document);
    if (!isScalar(item) || typeof item.value !== 'string') return;
    const name = item.value;
    if (name === 'NET_BIND_SERVICE' || !BASELINE_ADDABLE_CAPABILITIES.has(name)) return;
    const shared = via !== undefined || isAlias(written) || isRepeatedByAlias(document, added);
    const edit = shared ? undefined : new YamlEditor(model, yaml).removeItem(capabilities!, 'add', index);
    context.report({
      message: `${containerLabel(container)} adds back ${name}, but the restricted Pod Security Standard lets containers add back only NET_BIND_SERVICE. Remove it from securityContext.capabilities.add.`,
      range: rangeOfNode(model, yaml, via ?? (written as Node))!,
      fixes: edit ? [{ title: `Remove ${name} from capabilities.add`, kind: 'suggestion', edits: [edit] }] : [],
      object: objectRef(container.podSpec.object, container),
    });
  });
}
