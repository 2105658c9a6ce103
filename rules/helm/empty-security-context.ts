import type { Node } from 'yaml';
import { hasImage, isEmptyContext, securityContexts, type SecurityContextValue } from '../../engine/helm/sections';
import { formatPath, type HelmValuesModel, type ValuesSection } from '../../engine/helm/values';
import { isRepeatedByAlias } from '../../engine/kubernetes/anchors';
import { rangeOfNode } from '../../engine/kubernetes/model';
import { YamlEditor } from '../../engine/kubernetes/yamlEdits';
import { pairOf } from '../../engine/kubernetes/yamlNodes';
import type { HelmRuleContext } from '../../engine/rule';
import type { Fix, RuleMeta, TextEdit } from '../../engine/types';
import { meta as allowPrivilegeEscalation } from '../kubernetes/allow-privilege-escalation';
import { meta as capabilitiesRestricted } from '../kubernetes/capabilities-restricted';
import { meta as runAsNonRoot } from '../kubernetes/run-as-non-root';
import { meta as seccompProfileMissing } from '../kubernetes/seccomp-profile-missing';

export const meta: RuleMeta = {
  id: 'helm/empty-security-context',
  target: 'helm',
  title: 'Chart leaves a security context empty',
  defaultSeverity: 'warning',
  description: `A security context left empty runs the pod or container with Kubernetes' defaults: as whatever user
the image names (often root), free to gain privileges through setuid binaries, with the runtime's
default capabilities and, unless the kubelet sets one, no seccomp profile. \`helm create\` writes
\`podSecurityContext: {}\` and \`securityContext: {}\` with the hardened settings commented out below;
a chart that ships them so leaves its users a pod that fails the restricted Pod Security Standard.

Ballast reports a security context (\`securityContext\`, \`podSecurityContext\`,
\`containerSecurityContext\`, any key ending in \`securityContext\`) that is \`{}\`, has no value, holds
only bitnami's \`enabled: true\`, or is switched off with bitnami's \`enabled: false\` (the chart then
renders no context at all). It does so only where the section runs something: the section holding
the context names an image (\`image:\` at the top level as \`helm create\` writes it,
\`controller.image\`, a list item of \`sidecars\`), or holds both a pod-level and a container-level
context (bitnami's \`primary\` and \`readReplicas\`, which share the top-level image). Sections the
chart does not render (\`enabled: false\` on them or around them, bitnami's
\`volumePermissions\`) are left alone.

The suggestion fills in the restricted settings: \`runAsNonRoot: true\` and \`seccompProfile.type:
RuntimeDefault\` for a pod, and for a container also \`allowPrivilegeEscalation: false\` and
\`capabilities.drop: [ALL]\`, the settings the restricted profile asks of a container.
\`readOnlyRootFilesystem\` is not among them: the restricted profile does not require it, and many
images write to their root filesystem. For \`enabled: false\` next to settings of its own, the
suggestion turns the context on instead.

Bad:
\`\`\`yaml
image:
  repository: nginx
  tag: "1.27.3"
podSecurityContext: {}
\`\`\`

Good:
\`\`\`yaml
image:
  repository: nginx
  tag: "1.27.3"
podSecurityContext:
  runAsNonRoot: true
  seccompProfile:
    type: RuntimeDefault
\`\`\``,
  references: [
    { title: 'Pod Security Standards: Restricted', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted' },
    { title: 'Configure a Security Context for a Pod or Container', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/' },
    { title: 'Helm: helm create', url: 'https://helm.sh/docs/helm/helm_create/' },
  ],
  fix: 'suggestion',
  // The restricted controls an empty context fails and the suggestion meets.
  equivalents: mergeEquivalents([runAsNonRoot, seccompProfileMissing, allowPrivilegeEscalation, capabilitiesRestricted]),
};

function mergeEquivalents(metas: RuleMeta[]): RuleMeta['equivalents'] {
  const merged: RuleMeta['equivalents'] = {};
  for (const { equivalents } of metas) {
    for (const [tool, ids] of Object.entries(equivalents) as [keyof RuleMeta['equivalents'], string[]][]) {
      merged[tool] = [...new Set([...(merged[tool] ?? []), ...ids])];
    }
  }
  return merged;
}

type Assignments = [path: string[], value: string][];

/** What `hardenContainer` sets on a container, and the pod-level half of it. */
const POD_SETTINGS: Assignments = [
  [['runAsNonRoot'], 'true'],
  [['seccompProfile', 'type'], 'RuntimeDefault'],
];
const CONTAINER_SETTINGS: Assignments = [
  [['allowPrivilegeEscalation'], 'false'],
  [['capabilities', 'drop'], '[ALL]'],
  [['runAsNonRoot'], 'true'],
  [['seccompProfile', 'type'], 'RuntimeDefault'],
];

const CONSEQUENCE = {
  pod: "the pods run with Kubernetes' defaults: as the image's user (often root) and without a seccomp profile.",
  container: "the container runs with Kubernetes' defaults: as the image's user (often root), able to gain privileges, with the runtime's default capabilities and without a seccomp profile.",
};
const SETTINGS_TEXT = {
  pod: 'runAsNonRoot: true and seccompProfile.type: RuntimeDefault',
  container: 'allowPrivilegeEscalation: false, capabilities.drop: [ALL], runAsNonRoot: true and seccompProfile.type: RuntimeDefault',
};
const FILL = 'Fill in a restricted security context';

export function check(context: HelmRuleContext): void {
  const { model } = context;
  for (const securityContext of securityContexts(model)) {
    if (!runsSomething(model, securityContext.owner)) continue;
    if (!securityContext.applied) reportSwitchedOff(context, securityContext);
    // In an override file, `{}` merges into the chart's default context and changes nothing.
    else if (isEmptyContext(securityContext) && !model.overrides) reportEmpty(context, securityContext);
  }
}

/**
 * The section holding a context runs a pod or container: it names an image, or it holds both a
 * pod-level and a container-level context, as bitnami's component sections do (`primary`,
 * `readReplicas`), which run the top-level image.
 */
function runsSomething(model: HelmValuesModel, owner: ValuesSection): boolean {
  if (hasImage(model, owner)) return true;
  const levels = new Set(securityContexts(model).filter((context) => context.owner === owner).map((context) => context.level));
  return levels.size === 2;
}

function reportSwitchedOff({ model, report }: HelmRuleContext, securityContext: SecurityContextValue): void {
  const section = securityContext.section!;
  const enabled = pairOf(section.node, 'enabled')!;
  const yaml = section.yaml;
  const editor = new YamlEditor(model, yaml);
  const hasSettings = section.node.items.length > 1;
  const shared = isRepeatedByAlias(yaml.document, section.node);
  const fixes: Fix[] = [];
  if (!shared && hasSettings) fixes.push({ title: 'Set enabled: true', kind: 'suggestion', edits: [editor.replace(enabled.value as Node, 'true')] });
  else if (!shared) pushFill(fixes, editor.setAll(section.node, [[['enabled'], 'true'], ...settingsFor(securityContext)]));
  report({
    message: `${formatPath([...section.path, 'enabled'])} is false, so the chart renders no security context and ${CONSEQUENCE[securityContext.level]} ${hasSettings ? 'Set it to true.' : `Set it to true, with ${SETTINGS_TEXT[securityContext.level]}.`}`,
    range: rangeOfNode(model, yaml, enabled.value as Node)!,
    fixes,
  });
}

function reportEmpty({ model, report }: HelmRuleContext, securityContext: SecurityContextValue): void {
  const { owner, pair, section } = securityContext;
  const yaml = owner.yaml;
  const editor = new YamlEditor(model, yaml);
  const path = formatPath([...owner.path, String(pair.key.value)]);
  const settings = settingsFor(securityContext);
  const fixes: Fix[] = [];
  const value = pair.value as Node | null;
  const written = value?.range && value.range[0] < value.range[1] ? value : undefined;
  if (section && section.node.items.length > 0) {
    // Only bitnami's `enabled: true`: the chart renders an empty context.
    if (!isRepeatedByAlias(yaml.document, section.node)) pushFill(fixes, editor.setAll(section.node, settings));
    report({ message: `${path} sets only enabled, so the chart renders an empty security context and ${CONSEQUENCE[securityContext.level]} ${advice(securityContext)}`, range: rangeOfNode(model, yaml, pair.key)!, fixes });
    return;
  }
  if (section) {
    if (!isRepeatedByAlias(yaml.document, section.node)) {
      // `{}` in a flow mapping stays flow; otherwise a block below the key, as `helm create` comments it.
      pushFill(fixes, owner.node.flow ? editor.setAll(section.node, settings) : (editor.fillEmptyMapping(pair, settings) ?? editor.setAll(section.node, settings)));
    }
  } else if (!owner.node.flow && !isRepeatedByAlias(yaml.document, owner.node)) {
    pushFill(fixes, editor.setAll(owner.node, settings.map(([keys, text]) => [[String(pair.key.value), ...keys], text])));
  }
  report({ message: `${path} is empty, so ${CONSEQUENCE[securityContext.level]} ${advice(securityContext)}`, range: rangeOfNode(model, yaml, written ?? pair.key)!, fixes });
}

function pushFill(fixes: Fix[], edits: TextEdit[] | undefined): void {
  if (edits && edits.length > 0) fixes.push({ title: FILL, kind: 'suggestion', edits });
}

function settingsFor(securityContext: SecurityContextValue): Assignments {
  return securityContext.level === 'pod' ? POD_SETTINGS : CONTAINER_SETTINGS;
}

function advice(securityContext: SecurityContextValue): string {
  return `Set ${SETTINGS_TEXT[securityContext.level]}.`;
}
