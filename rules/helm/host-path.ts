import { isMap, isPair, isScalar, type Scalar, type YAMLMap } from 'yaml';
import { activeSections } from '../../engine/helm/sections';
import { formatPath, type ValuesSection } from '../../engine/helm/values';
import { scalarRange } from '../../engine/kubernetes/scalarRanges';
import { pairOf } from '../../engine/kubernetes/yamlNodes';
import type { HelmRuleContext } from '../../engine/rule';
import type { EquivalentTool, RuleMeta } from '../../engine/types';
import { meta as manifestRule } from '../kubernetes/host-path-volume';
import { describeSensitivePath, meta as sensitiveRule } from '../kubernetes/sensitive-host-path';

export const meta: RuleMeta = {
  id: 'helm/host-path',
  target: 'helm',
  title: 'Chart mounts a directory of the node (hostPath)',
  defaultSeverity: 'error',
  description: `A \`hostPath\` volume hands the pod a file or directory of the node it runs on. Whatever the pod
can write there, the node sees: container runtime sockets, kubelet credentials, system binaries and
configuration are all one path away, and even a read-only mount can leak secrets of other pods. The
Pod Security Standards forbid hostPath volumes from the baseline level up.

Ballast reports, at any depth of the values, a \`hostPath\` key whose value is a path (charts'
\`persistence.hostPath: /data\`) or a volume source with a \`path\` (\`extraVolumes\` entries with
\`hostPath: {path: /var/run/docker.sock}\`), except in sections the chart does not render
(\`enabled: false\` on them or around them). An empty \`hostPath: ""\` is the usual "off" and is left
alone. Paths that hand over the node (the container runtime's socket, the kubelet's directory, \`/etc\`,
\`/proc\`, … as \`kubernetes/sensitive-host-path\` lists them) are named as such in the message.

Configuration, secrets and scratch space have their own volume types, and storage belongs in a
PersistentVolumeClaim. There is no automatic fix: removing the volume also means removing its mounts
and whatever used them.

Bad:
\`\`\`yaml
extraVolumes:
  - name: docker
    hostPath:
      path: /var/run/docker.sock
\`\`\`

Good:
\`\`\`yaml
extraVolumes:
  - name: scratch
    emptyDir: {}
\`\`\``,
  references: [
    { title: 'Pod Security Standards: HostPath Volumes (baseline)', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline' },
    { title: 'Kubernetes documentation: hostPath volumes and their risks', url: 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath' },
    { title: 'OWASP Docker Security Cheat Sheet, rule 1: Do not expose the Docker daemon socket', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html' },
  ],
  fix: 'none',
  // Both manifest rules: this one reports every hostPath and names the sensitive ones.
  equivalents: mergeEquivalents(manifestRule.equivalents, sensitiveRule.equivalents),
};

function mergeEquivalents(...all: RuleMeta['equivalents'][]): RuleMeta['equivalents'] {
  const merged: RuleMeta['equivalents'] = {};
  for (const equivalents of all) {
    for (const [tool, ids] of Object.entries(equivalents) as [EquivalentTool, string[]][]) merged[tool] = [...new Set([...(merged[tool] ?? []), ...ids])];
  }
  return merged;
}

export function check(context: HelmRuleContext): void {
  const { model, report } = context;
  for (const section of activeSections(model)) {
    for (const item of section.node.items) {
      if (!isPair(item) || !isScalar(item.key) || item.key.value !== 'hostPath') continue;
      const found = hostPathValue(context, section, item.value);
      if (!found) continue;
      const path = String(found.scalar.value);
      const where = formatPath(found.path);
      const sensitive = describeSensitivePath(path);
      report({
        message: sensitive
          ? `${where} mounts the node's ${sensitive} with a hostPath volume: a container that has it can take over the node. Remove the volume, or mount a narrower path that holds only what the container needs.`
          : `${where} mounts ${path} of the node with a hostPath volume: whatever the pod writes there, the node sees, and its runtime sockets and credentials are a path away. Use a configMap, secret, emptyDir or persistentVolumeClaim volume instead.`,
        range: scalarRange(model, section.yaml, found.scalar),
      });
    }
  }
}

/** The host path a `hostPath:` value names: the string itself, or the `path` of a volume source. */
function hostPathValue({ model }: HelmRuleContext, section: ValuesSection, value: unknown): { scalar: Scalar; path: (string | number)[] } | undefined {
  const nonEmpty = (node: unknown): node is Scalar => isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '';
  if (nonEmpty(value)) return { scalar: value, path: [...section.path, 'hostPath'] };
  if (!isMap(value)) return undefined;
  const source = model.sectionOf.get(value as YAMLMap);
  if (!source || source.disabled) return undefined;
  const path = pairOf(source.node, 'path')?.value;
  return nonEmpty(path) ? { scalar: path, path: [...source.path, 'path'] } : undefined;
}
