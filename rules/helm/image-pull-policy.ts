import { isPair, type Scalar } from 'yaml';
import { imageValues, type ImageValue } from '../../engine/helm/sections';
import { formatPath, type HelmValuesModel } from '../../engine/helm/values';
import { isRepeatedByAlias } from '../../engine/kubernetes/anchors';
import { scalarRange } from '../../engine/kubernetes/scalarRanges';
import { YamlEditor } from '../../engine/kubernetes/yamlEdits';
import type { HelmRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';
import { meta as manifestRule } from '../kubernetes/image-pull-policy';

export const meta: RuleMeta = {
  id: 'helm/image-pull-policy',
  target: 'helm',
  title: 'Chart image with a moving tag is not always pulled',
  defaultSeverity: 'warning',
  description: `\`latest\`, and an image with no tag at all, name whatever was pushed last. With \`pullPolicy:
IfNotPresent\` or \`Never\`, a node that already holds an image under that name runs its copy without
asking the registry: pods of one release run whichever build each node pulled first, an upgrade
changes nothing on nodes that have one, and an image planted on a node under a trusted name is run
as is. The registry is not asked, so its credentials are not checked either.

Ballast reports an image with \`pullPolicy\` (or \`imagePullPolicy\` next to \`image: repo:tag\`) set to
\`IfNotPresent\` or \`Never\` when its tag is \`latest\`, or when it has no tag and nothing else pins it:
a string reference without one, or an empty \`tag\` in a chart whose Chart.yaml has no \`appVersion\`
to fall back on. Images pinned by digest are exempt. A version tag with \`IfNotPresent\`, which is
what \`helm create\` writes, is left alone here (see kubernetes/image-pull-policy for the stricter
check on rendered manifests). Disabled sections (\`enabled: false\`) are skipped.

The fix sets \`pullPolicy: Always\`. It is a suggestion, not a safe fix: a registry outage or rate
limit can then keep pods from starting. Pinning a version tag or a digest is the better cure (see
helm/image-tag-latest).

Bad:
\`\`\`yaml
image:
  repository: nginx
  pullPolicy: IfNotPresent
  tag: latest
\`\`\`

Good:
\`\`\`yaml
image:
  repository: nginx
  pullPolicy: IfNotPresent
  tag: "1.27.3"
\`\`\``,
  references: [
    { title: 'Kubernetes: Images, image pull policy', url: 'https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy' },
    { title: 'Helm: Images (best practices)', url: 'https://helm.sh/docs/chart_best_practices/pods/#images' },
  ],
  fix: 'suggestion',
  equivalents: manifestRule.equivalents,
};

/** The policies with which a node runs the copy it already holds. */
const NOT_ALWAYS = new Set(['IfNotPresent', 'Never']);

export function check(context: HelmRuleContext): void {
  const { model, report } = context;
  for (const image of imageValues(model)) {
    const policy = image.pullPolicy;
    if (!policy || typeof policy.value !== 'string' || !NOT_ALWAYS.has(policy.value)) continue;
    const moving = movingTag(model, image);
    if (!moving) continue;
    const key = policyKey(image, policy);
    const policyPath = formatPath([...(image.map ?? image.owner).path, key]);
    const document = image.owner.yaml.document;
    const shared = [image.owner.node, image.map?.node, policy].some((node) => isRepeatedByAlias(document, node));
    const edit = shared ? undefined : new YamlEditor(model, image.owner.yaml).replace(policy, quoted(policy, 'Always'));
    report({
      message: `${policyPath} is ${policy.value} but ${moving}: a node that already holds an image under that name runs it without asking the registry, however stale or wherever it came from. Set ${key}: Always, or pin a version tag or a digest.`,
      range: scalarRange(model, image.owner.yaml, policy),
      fixes: edit ? [{ title: `Set ${key}: Always`, kind: 'suggestion', edits: [edit] }] : [],
    });
  }
}

/** Why the image's tag moves, for the message; undefined when a tag or digest pins it. */
function movingTag(model: HelmValuesModel, image: ImageValue): string | undefined {
  // A digest, in its own key or after the tag (`tag: 1.2@sha256:…`), pins the image.
  if (image.digestText !== '' || image.tagText.includes('@')) return undefined;
  const imagePath = formatPath([...image.owner.path, 'image']);
  if (image.tagText === 'latest') return image.map ? `${imagePath}.tag is latest` : `${imagePath} ${image.display} uses latest`;
  if (image.tagText !== '') return undefined;
  if (!image.map) return `${imagePath} ${image.display} has no tag, which means latest`;
  // `helm create` templates fall back to the chart's appVersion; outside a chart nothing is known.
  // An override file that leaves the tag out keeps the chart's default tag.
  if (!image.tag && model.overrides) return undefined;
  if (model.chart && model.chart.appVersion === undefined) return `${imagePath}.tag is ${image.tag ? 'empty' : 'not set'} and Chart.yaml has no appVersion, which means latest`;
  return undefined;
}

/** `text` in the quotes the scalar was written with. */
function quoted(scalar: Scalar, text: string): string {
  return scalar.type === 'QUOTE_DOUBLE' ? `"${text}"` : scalar.type === 'QUOTE_SINGLE' ? `'${text}'` : text;
}

/** `pullPolicy`, or `imagePullPolicy` where that is the key next to a string image. */
function policyKey(image: ImageValue, policy: Scalar): string {
  const holder = image.map ?? image.owner;
  const pair = holder.node.items.find((item) => isPair(item) && item.value === policy);
  return pair && isPair(pair) ? String((pair.key as Scalar).value) : 'pullPolicy';
}
