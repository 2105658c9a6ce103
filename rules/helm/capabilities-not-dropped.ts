import { isAlias, isMap, isPair, isScalar, isSeq, type Node, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { isEmptyContext, securityContexts, type SecurityContextValue } from '../../engine/helm/sections';
import { formatPath } from '../../engine/helm/values';
import { isRepeatedByAlias } from '../../engine/kubernetes/anchors';
import { rangeOfNode } from '../../engine/kubernetes/model';
import { YamlEditor } from '../../engine/kubernetes/yamlEdits';
import { pairOf } from '../../engine/kubernetes/yamlNodes';
import type { HelmRuleContext } from '../../engine/rule';
import type { Fix, Range, RuleMeta, TextEdit } from '../../engine/types';
import { meta as manifestRule } from '../kubernetes/capabilities-restricted';

export const meta: RuleMeta = {
  id: 'helm/capabilities-not-dropped',
  target: 'helm',
  title: 'Chart container security context does not drop ALL capabilities',
  defaultSeverity: 'warning',
  description: `Container runtimes hand every container a default set of Linux capabilities (CHOWN, DAC_OVERRIDE,
FOWNER, SETUID, SETGID, KILL, NET_BIND_SERVICE and more) that most programs never use but an
attacker in the container can: changing any file's owner, ignoring file permissions, switching
users. The restricted Pod Security Standard requires every container to drop ALL of them, and lets
it add back only NET_BIND_SERVICE (to listen on a port below 1024). Capability names are compared
exactly: \`all\` does not count as ALL.

Ballast reports a container-level security context of the values (\`securityContext\` as
\`helm create\` writes it, \`containerSecurityContext\`, \`controller.containerSecurityContext\`, a
list item's \`securityContext\`) that sets something but has no ALL in \`capabilities.drop\`. Sections
the chart does not render (\`enabled: false\` on them or around them) and bitnami contexts switched
off with \`enabled: false\` are left alone; so are empty contexts, which
\`helm/empty-security-context\` reports.

Bad:
\`\`\`yaml
image:
  repository: nginx
  tag: "1.27.3"
securityContext:
  runAsNonRoot: true
  runAsUser: 1000
\`\`\`

Good:
\`\`\`yaml
image:
  repository: nginx
  tag: "1.27.3"
securityContext:
  capabilities:
    drop:
      - ALL
  runAsNonRoot: true
  runAsUser: 1000
\`\`\``,
  references: [
    { title: 'Pod Security Standards: Capabilities (restricted)', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted' },
    { title: 'Set capabilities for a Container', url: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container' },
    { title: 'capabilities(7): what each capability allows', url: 'https://man7.org/linux/man-pages/man7/capabilities.7.html' },
  ],
  fix: 'suggestion',
  equivalents: manifestRule.equivalents,
};

const DEFAULT_SET = "the runtime's default set (CHOWN, DAC_OVERRIDE, SETUID, …)";
const ADD_BACK = 'then add back only NET_BIND_SERVICE if the container needs a port below 1024.';
const ADD_ALL = 'Add ALL to capabilities.drop';

export function check(context: HelmRuleContext): void {
  for (const securityContext of securityContexts(context.model)) {
    if (securityContext.level !== 'container' || !securityContext.applied || isEmptyContext(securityContext)) continue;
    checkContext(context, securityContext);
  }
}

function checkContext({ model, report }: HelmRuleContext, securityContext: SecurityContextValue): void {
  const section = securityContext.section!;
  const yaml = section.yaml;
  const document = yaml.document;
  const path = formatPath(section.path);
  // What a merge key or an alias brings in is not read: it may drop ALL.
  if (hasMergeKey(section.node)) return;
  const capabilitiesPair = pairOf(section.node, 'capabilities');
  if (isAlias(capabilitiesPair?.value)) return;
  const capabilities = isMap(capabilitiesPair?.value) ? (capabilitiesPair!.value as YAMLMap) : undefined;
  if (capabilities && hasMergeKey(capabilities)) return;
  const dropPair = capabilities && pairOf(capabilities, 'drop');
  if (isAlias(dropPair?.value)) return;
  const drop = isSeq(dropPair?.value) ? (dropPair!.value as YAMLSeq) : undefined;
  if (drop?.items.some((item) => isAlias(item) || (isScalar(item) && item.value === 'ALL'))) return;

  const editor = new YamlEditor(model, yaml);
  const shared = [section.node, capabilities, drop].some((node) => isRepeatedByAlias(document, node));
  const range = (node: unknown): Range => rangeOfNode(model, yaml, node as Node)!;
  const fix = (edit: TextEdit | undefined, title = ADD_ALL): Fix[] => (edit && !shared ? [{ title, kind: 'suggestion', edits: [edit] }] : []);
  const setDropAll = () => fix(editor.set(section.node, ['capabilities', 'drop'], '[ALL]'));

  const misspelt = drop?.items.find((item): item is Scalar => isScalar(item) && typeof item.value === 'string' && item.value.toUpperCase() === 'ALL');
  if (misspelt) {
    report({
      message: `${path}.capabilities.drop lists ${String(misspelt.value)}, but capability names are compared exactly and the restricted Pod Security Standard only accepts ALL. Write it as ALL.`,
      range: range(misspelt),
      fixes: fix(editor.replace(misspelt, 'ALL'), 'Write ALL'),
    });
  } else if (drop && drop.items.length > 0) {
    report({
      message: `${path}.capabilities.drop does not list ALL, so the container keeps the rest of ${DEFAULT_SET}. Add ALL to the list, ${ADD_BACK}`,
      // A block list's own range runs on to the next line: the `drop` key stands for it.
      range: range(drop.flow ? drop : dropPair!.key),
      fixes: fix(editor.append(drop, 'ALL')),
    });
  } else {
    report({
      message: `${path} does not drop ALL capabilities, so the container keeps ${DEFAULT_SET}. Set capabilities.drop: [ALL], ${ADD_BACK}`,
      range: range(dropPair ? writtenValue(dropPair.value) ?? dropPair.key : capabilitiesPair ? capabilitiesPair.key : securityContext.pair.key),
      fixes: drop ? fix(editor.append(drop, 'ALL')) : bareKeyInFlow(section.node, capabilitiesPair?.value) ? [] : setDropAll(),
    });
  }
}

/** The value node when something is written there (`[]`, `null`, `~`), not for a bare `key:`. */
function writtenValue(value: unknown): Node | undefined {
  const node = value as Node | null;
  return node?.range && node.range[0] < node.range[1] ? node : undefined;
}

/**
 * `{capabilities: null}`: the editor nests a block below a key without a value, which would break
 * the flow mapping around it.
 */
function bareKeyInFlow(context: YAMLMap, capabilities: unknown): boolean {
  return context.flow === true && capabilities !== undefined && (capabilities === null || (isScalar(capabilities) && capabilities.value === null));
}

/** `<<: *base`: keys a merge brings in are not read. */
function hasMergeKey(map: YAMLMap): boolean {
  // The parser reads a plain `<<` key as a merge, whose value is a symbol.
  return map.items.some((item) => isPair(item) && isScalar(item.key) && (typeof item.key.value === 'symbol' || item.key.value === '<<'));
}
