import { isScalar, isSeq, type YAMLSeq } from 'yaml';
import { replaceScalarFix, securityContexts } from '../../engine/helm/sections';
import { childSection, formatPath } from '../../engine/helm/values';
import { isRepeatedByAlias } from '../../engine/kubernetes/anchors';
import { BASELINE_ADDABLE_CAPABILITIES } from '../../engine/kubernetes/restricted';
import { scalarRange } from '../../engine/kubernetes/scalarRanges';
import { YamlEditor } from '../../engine/kubernetes/yamlEdits';
import { pairOf } from '../../engine/kubernetes/yamlNodes';
import type { HelmRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';
import { canonicalName, consequenceOf, meta as manifestRule } from '../kubernetes/capabilities-baseline';

export const meta: RuleMeta = {
  id: 'helm/capabilities-added',
  target: 'helm',
  title: "Chart adds capabilities beyond the container runtime's default set",
  defaultSeverity: 'error',
  description: `Container runtimes give a container a small default set of Linux capabilities. A chart value that
adds more, such as \`SYS_ADMIN\`, \`NET_ADMIN\`, \`NET_RAW\` or \`SYS_PTRACE\`, hands root in the container
powers that reach the node: mounting filesystems, reconfiguring the network, spoofing packets,
reading other processes' memory. The Pod Security Standards allow \`capabilities.add\` to name only
AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID,
SETPCAP, SETUID and SYS_CHROOT, written exactly so, from the baseline level up.

Ballast reports each capability outside that set in \`capabilities.add\` of any security context of
the values (\`securityContext\`, \`containerSecurityContext\`, \`controller.containerSecurityContext\`,
\`sidecars[0].securityContext\`), except in sections the chart does not render (\`enabled: false\` on
them or around them, bitnami's \`containerSecurityContext.enabled: false\` included). A name of the
set in other letters (\`net_bind_service\`, \`CAP_CHOWN\`) is reported too: pod security admission
compares names exactly. NET_BIND_SERVICE, the one capability the restricted level lets a container
add back, is never reported; adding back the rest of the default set is left to
\`kubernetes/capabilities-restricted\` on the rendered manifests.

Bad:
\`\`\`yaml
image:
  repository: example/vpn
  tag: "1.4.0"
securityContext:
  capabilities:
    add: [NET_ADMIN]
\`\`\`

Good:
\`\`\`yaml
image:
  repository: nginx
  tag: "1.27.3"
securityContext:
  capabilities:
    drop: [ALL]
    add: [NET_BIND_SERVICE]
\`\`\``,
  references: [
    { title: 'Pod Security Standards: Capabilities (baseline)', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline' },
    { title: 'Set capabilities for a Container', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container' },
    { title: 'capabilities(7): what each capability allows', url: 'https://man7.org/linux/man-pages/man7/capabilities.7.html' },
  ],
  fix: 'suggestion',
  equivalents: manifestRule.equivalents,
};

export function check(context: HelmRuleContext): void {
  const { model, report } = context;
  for (const securityContext of securityContexts(model)) {
    if (!securityContext.applied || !securityContext.section) continue;
    const capabilities = childSection(model, securityContext.section, 'capabilities');
    const add = capabilities && pairOf(capabilities.node, 'add');
    if (!capabilities || !add || !isSeq(add.value)) continue;
    const added = add.value as YAMLSeq;
    const yaml = capabilities.yaml;
    const path = formatPath([...capabilities.path, 'add']);
    added.items.forEach((item, index) => {
      // Aliases are not followed: the anchored list is checked where it is written.
      if (!isScalar(item) || item.value === null || item.value === undefined) return;
      const name = String(item.value);
      if (BASELINE_ADDABLE_CAPABILITIES.has(name)) return;
      const range = scalarRange(model, yaml, item);
      const spelled = canonicalName(name);
      if (BASELINE_ADDABLE_CAPABILITIES.has(spelled)) {
        report({
          message: `${path} lists ${name}: pod security admission accepts only the exact name ${spelled}. Write it as ${spelled}.`,
          range,
          fixes: replaceScalarFix(model, yaml, item, spelled, `Write ${spelled}`),
        });
        return;
      }
      const edit = isRepeatedByAlias(yaml.document, added) ? undefined : new YamlEditor(model, yaml).removeItem(capabilities.node, 'add', index);
      report({
        message: `${path} lists ${name}, beyond the runtime's default set: ${consequenceOf(spelled)} Remove it from the list.`,
        range,
        fixes: edit ? [{ title: `Remove ${name} from capabilities.add`, kind: 'suggestion', edits: [edit] }] : [],
      });
    });
  }
}
