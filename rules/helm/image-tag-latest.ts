import { imageValues, type ImageValue } from '../../engine/helm/sections';
import { formatPath } from '../../engine/helm/values';
import { rangeInScalar, scalarRange } from '../../engine/kubernetes/scalarRanges';
import { YamlEditor } from '../../engine/kubernetes/yamlEdits';
import type { HelmRuleContext } from '../../engine/rule';
import type { Fix, RuleMeta } from '../../engine/types';
import { meta as manifestRule } from '../kubernetes/image-tag-latest';

export const meta: RuleMeta = {
  id: 'helm/image-tag-latest',
  target: 'helm',
  title: 'Chart image resolves to latest',
  defaultSeverity: 'warning',
  description: `An image tag of \`latest\` is whatever was pushed last: each node pulls it when it starts a pod, so
pods of one release can run different code and a rollback redeploys the same moving target. Charts
that follow \`helm create\` fall back to the chart's \`appVersion\` when \`image.tag\` is empty; with no
\`appVersion\` in Chart.yaml, an empty tag means \`latest\` too. Pin a version tag (or a digest, which
makes any tag safe), or set \`appVersion\` in Chart.yaml.

Bad:
\`\`\`yaml
image:
  repository: nginx
  tag: latest
\`\`\`

Good:
\`\`\`yaml
image:
  repository: nginx
  tag: "1.27.3"
\`\`\``,
  references: [
    { title: 'Helm: Images (best practices)', url: 'https://helm.sh/docs/chart_best_practices/pods/#images' },
    { title: 'Kubernetes: Container images, image names', url: 'https://kubernetes.io/docs/concepts/containers/images/#image-names' },
  ],
  fix: 'suggestion',
  equivalents: manifestRule.equivalents,
};

export function check(context: HelmRuleContext): void {
  const { model, report } = context;
  for (const image of imageValues(model)) {
    if (image.digestText !== '') continue;
    const yaml = image.owner.yaml;
    const imagePath = formatPath([...image.owner.path, 'image']);
    if (!image.map) {
      const scalar = image.repository!;
      const reference = String(scalar.value);
      if (image.tagText === '') {
        report({
          message: `${imagePath} ${reference} has no tag, which means latest: each node pulls whatever was pushed last. Pin a version tag or a digest.`,
          range: scalarRange(model, yaml, scalar),
        });
      } else if (image.tagText === 'latest') {
        const at = reference.lastIndexOf(':latest') + 1;
        report({
          message: `${imagePath} ${reference} uses latest: each node pulls whatever was pushed last. Pin a version tag or a digest.`,
          range: rangeInScalar(model, yaml, scalar, at, at + 'latest'.length),
        });
      }
      continue;
    }
    if (image.tagText === 'latest') {
      report({
        message: `${imagePath}.tag is latest: each node pulls whatever was pushed last, so pods of one release can run different code. Pin a version tag or a digest.`,
        range: scalarRange(model, yaml, image.tag!),
        fixes: pinToAppVersion(context, image),
      });
    } else if (image.tagText === '' && model.chart && model.chart.appVersion === undefined && (image.tag || !model.overrides)) {
      // An override file that leaves the tag out keeps the chart's default tag; an empty one clears it.
      const anchor = image.tag ?? image.repository;
      report({
        message: `${imagePath}.tag is ${image.tag ? 'empty' : 'not set'} and Chart.yaml has no appVersion to fall back on, so the image resolves to latest. Pin a version tag here, or set appVersion in Chart.yaml.`,
        range: anchor?.range ? scalarRange(model, yaml, anchor) : scalarRange(model, yaml, image.pair.key),
      });
    }
  }
}

/** With an appVersion to pin to, offers it: the version the chart says it ships. */
function pinToAppVersion({ model }: HelmRuleContext, image: ImageValue): Fix[] {
  const appVersion = model.chart?.appVersion;
  if (!appVersion || !image.map) return [];
  const edit = new YamlEditor(model, image.owner.yaml).set(image.map.node, ['tag'], JSON.stringify(appVersion));
  return edit ? [{ title: `Pin the tag to the chart's appVersion ${appVersion}`, kind: 'suggestion', edits: [edit] }] : [];
}
