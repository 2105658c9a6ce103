import type { Scalar } from 'yaml';
import { imageValues, type ImageValue } from '../../engine/helm/sections';
import { formatPath, type HelmValuesModel } from '../../engine/helm/values';
import { rangeOfNode } from '../../engine/kubernetes/model';
import { scalarRange } from '../../engine/kubernetes/scalarRanges';
import { pairOf } from '../../engine/kubernetes/yamlNodes';
import type { HelmRuleContext } from '../../engine/rule';
import type { Range, RuleMeta } from '../../engine/types';
import { meta as manifestRule } from '../kubernetes/image-digest';

export const meta: RuleMeta = {
  id: 'helm/image-digest',
  target: 'helm',
  title: 'Chart image is not pinned by digest',
  defaultSeverity: 'warning',
  enabledByDefault: false,
  description: `A tag, even a full version like \`1.27.3\`, is a pointer that the publisher (or anyone who takes over
their account or registry) can move to different content, and every node resolves it again when it
pulls. A digest (\`sha256:…\`) names the content itself: every node runs exactly the image that was
reviewed and scanned, or the pod fails to start.

Ballast reports every image of the values that has no digest: a mapping without a non-empty
\`digest\` (bitnami charts have one) and without \`@sha256:\` in its \`tag\`, and a string reference
(\`image: busybox:1.36\`) without \`@sha256:\`. Charts made with \`helm create\` have no \`digest\` value:
their templates write \`repository:tag\`, so put the digest after the tag (\`tag: "1.27.3@sha256:…"\`).
Keep the tag next to the digest for readers and let a bot such as Renovate move both together.
Disabled sections (\`enabled: false\`) are skipped. There is no automatic fix: Ballast cannot know the
digest.

This rule is off by default because digests need tooling to stay fresh; turn it on with
\`"ballast.rules": {"helm/image-digest": "warning"}\`.

Bad:
\`\`\`yaml
image:
  registry: docker.io
  repository: bitnami/nginx
  tag: "1.27.3"
  digest: ""
\`\`\`

Good:
\`\`\`yaml
image:
  registry: docker.io
  repository: bitnami/nginx
  tag: "1.27.3"
  # The digest that \`crane digest docker.io/bitnami/nginx:1.27.3\` prints.
  digest: "sha256:0f4d5b7f3a3c2d1e0b9a8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f"
\`\`\``,
  references: [
    { title: 'Kubernetes: Images (image names, tags and digests)', url: 'https://kubernetes.io/docs/concepts/containers/images/#image-names' },
    { title: 'Helm: Images (best practices)', url: 'https://helm.sh/docs/chart_best_practices/pods/#images' },
    { title: 'NIST SP 800-190, 4.1.5: Use of untrusted images', url: 'https://csrc.nist.gov/publications/detail/sp/800-190/final' },
  ],
  fix: 'none',
  equivalents: manifestRule.equivalents,
};

const WHY = 'the tag can be moved to other content, and every node resolves it again when it pulls';

export function check(context: HelmRuleContext): void {
  const { model, report } = context;
  for (const image of imageValues(model)) {
    const imagePath = formatPath([...image.owner.path, 'image']);
    if (!image.map) {
      const reference = String(image.repository!.value);
      if (reference.includes('@sha256:')) continue;
      report({
        message: `${imagePath} ${reference} is not pinned by digest: ${WHY}. Pin it as ${reference}@sha256:<digest> so every node runs the same image.`,
        range: scalarRange(model, image.owner.yaml, image.repository!),
      });
      continue;
    }
    if (image.digestText !== '' || image.tagText.includes('@sha256:')) continue;
    // An empty tag stands for the chart's appVersion in `helm create` templates.
    const pinTag = `${imagePath}.tag: "${image.tagText || model.chart?.appVersion || '<version>'}@sha256:<digest>"`;
    const advice = pairOf(image.map.node, 'digest')
      ? `Set ${imagePath}.digest to the image's sha256 digest so every node runs the same image.`
      : `Add the digest to the tag (${pinTag}), or set ${imagePath}.digest if the chart's templates read it.`;
    report({ message: `${imagePath} ${image.display} is not pinned by digest: ${WHY}. ${advice}`, range: anchor(model, image) });
  }
}

/** The tag, else the repository, else the `image` key: the first of them written with some text. */
function anchor(model: HelmValuesModel, image: ImageValue): Range {
  const yaml = image.owner.yaml;
  const written = [image.tag, image.repository].find((node): node is Scalar => !!node?.range && node.range[1] > node.range[0]);
  return written ? scalarRange(model, yaml, written) : rangeOfNode(model, yaml, image.pair.key)!;
}
