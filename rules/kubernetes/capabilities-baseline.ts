import { isAlias, isScalar, type Node } from 'yaml';
import { aliasOnPath, isRepeatedByAlias } from '../../engine/kubernetes/anchors';
import { objectRef, rangeOfNode } from '../../engine/kubernetes/model';
import { containerLabel } from '../../engine/kubernetes/podSecurity';
import { YamlEditor } from '../../engine/kubernetes/yamlEdits';
import { mapAt, resolve, seqAt } from '../../engine/kubernetes/yamlNodes';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/capabilities-baseline',
  target: 'kubernetes',
  title: "Capability added beyond the container runtime's default set",
  defaultSeverity: 'error',
  description: `Container runtimes give a container a small default set of Linux capabilities. Adding more, such as
\`SYS_ADMIN\`, \`NET_ADMIN\`, \`SYS_PTRACE\` or \`SYS_MODULE\`, hands root in the container powers that
reach the node: mounting filesystems, reconfiguring the network, reading other processes' memory,
loading kernel modules. \`NET_RAW\` is left out of the allowed set too: raw sockets let a container
spoof packets on the pod network. The Pod Security Standards allow \`capabilities.add\` to name only
AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID,
SETPCAP, SETUID and SYS_CHROOT, written exactly so, from the baseline level up.

Bad:
\`\`\`yaml
apiVersion: v1
kind: Pod
metadata:
  name: vpn
spec:
  containers:
    - name: vpn
      image: example/vpn:1.4
      securityContext:
        capabilities:
          add: [NET_ADMIN]
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
      securityContext:
        capabilities:
          drop: [ALL]
          add: [NET_BIND_SERVICE]
\`\`\``,
  references: [
    { title: 'Pod Security Standards: Capabilities (baseline)', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline' },
    { title: 'CIS Kubernetes Benchmark 5.2.8-5.2.9: Minimize the admission of containers with NET_RAW or added capabilities', url: 'https://www.cisecurity.org/benchmark/kubernetes' },
    { title: 'capabilities(7): what each capability allows', url: 'https://man7.org/linux/man-pages/man7/capabilities.7.html' },
  ],
  fix: 'suggestion',
  equivalents: {
    trivy: ['KSV-0022'],
    checkov: ['CKV_K8S_25'],
    polaris: ['dangerousCapabilities'],
    pss: ['baseline:capabilities_baseline'],
  },
};

/** pod-security-admission's `capabilities_allowed_1_0`, compared case-sensitively as it does. */
const BASELINE_CAPABILITIES = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    const document = object.yaml.document;
    for (const spec of object.podSpecs) {
      for (const container of spec.containers) {
        const capabilities = mapAt(mapAt(container.node, 'securityContext', document), 'capabilities', document);
        const added = seqAt(capabilities, 'add', document);
        const via = aliasOnPath(container.node, ['securityContext', 'capabilities', 'add']);
        added?.items.forEach((written, index) => {
          const item = resolve(written, document);
          if (!isScalar(item) || item.value === null || item.value === undefined) return;
          const name = String(item.value);
          if (BASELINE_CAPABILITIES.has(name)) return;
          const shared = via !== undefined || isRepeatedByAlias(document, added);
          const editor = new YamlEditor(model, object.yaml);
          const range = rangeOfNode(model, object.yaml, via ?? (written as Node))!;
          const spelled = canonicalName(name);
          if (BASELINE_CAPABILITIES.has(spelled)) {
            report({
              message: `${containerLabel(container)} adds ${name}: pod security admission accepts only the exact name ${spelled}. Write it as ${spelled}.`,
              range,
              fixes: shared || isAlias(written) ? [] : [{ title: `Write ${spelled}`, kind: 'suggestion', edits: [editor.replace(item, spelled)] }],
              object: objectRef(object, container),
            });
            return;
          }
          const edit = shared ? undefined : editor.removeItem(capabilities!, 'add', index);
          report({
            message: `${containerLabel(container)} adds the capability ${name}, beyond the runtime's default set: ${consequenceOf(spelled)} Remove it from securityContext.capabilities.add.`,
            range,
            fixes: edit ? [{ title: `Remove ${name} from capabilities.add`, kind: 'suggestion', edits: [edit] }] : [],
            object: objectRef(object, container),
          });
        });
      }
    }
  }
}

/** `chown` or `CAP_CHOWN` mean CHOWN to a reader, but pod security admission compares names exactly. */
export function canonicalName(name: string): string {
  return name.toUpperCase().replace(/^CAP_/, '');
}

/** What the best-known capabilities let root in the container do. */
const CONSEQUENCES: Record<string, string> = {
  ALL: 'it grants every capability, as good as privileged.',
  SYS_ADMIN: 'it allows mounting filesystems and many other ways out to the node.',
  NET_ADMIN: "it lets the container reconfigure the pod's network and firewall.",
  NET_RAW: 'raw sockets let the container spoof and sniff traffic on the pod network.',
  SYS_PTRACE: "it lets the container read and change other processes' memory.",
  SYS_MODULE: 'it lets the container load kernel modules into the node.',
};

export function consequenceOf(name: string): string {
  return CONSEQUENCES[name] ?? 'every added capability widens what root in the container can do to the node.';
}
