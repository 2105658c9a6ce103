import { aliasOnPath, isRepeatedByAlias } from '../../engine/kubernetes/anchors';
import { containerImage } from '../../engine/kubernetes/images';
import { containerAnchor, objectRef, rangeOfNode } from '../../engine/kubernetes/model';
import { containerLabel } from '../../engine/kubernetes/podSecurity';
import { YamlEditor } from '../../engine/kubernetes/yamlEdits';
import { scalarAt } from '../../engine/kubernetes/yamlNodes';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/image-pull-policy',
  target: 'kubernetes',
  title: 'Image with a mutable tag is not always pulled',
  defaultSeverity: 'warning',
  description: `A tag can be moved to other content, so what runs depends on when each node last pulled it. With
\`imagePullPolicy: IfNotPresent\` (the default for any tag but \`latest\`) or \`Never\`, a node that
already holds an image under the tag runs that copy without asking the registry: a stale build, or
one planted on the node under a trusted name. The registry is not asked, so its credentials are not
checked either: a pod without pull secrets can run a private image that another team's pod
pulled onto the same node.

\`Always\` makes the kubelet resolve the tag with the registry at every pod start (layers already on
the node are not downloaded again). Images pinned by digest cannot change and are exempt; untagged
and \`latest\` images default to \`Always\` and are flagged only when the policy says otherwise (pin
them anyway: see kubernetes/image-tag-latest).

The fix is a suggestion, not a safe fix: with \`Always\`, a registry outage or rate limit can keep
pods from starting, which is a trade-off to make on purpose. Pinning by digest avoids it.

Bad:
\`\`\`yaml
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: registry.example.com/web:2.4
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
      image: registry.example.com/web:2.4
      imagePullPolicy: Always
\`\`\``,
  references: [
    { title: 'Kubernetes: Images, image pull policy', url: 'https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy' },
    { title: 'Kubernetes admission controllers: AlwaysPullImages', url: 'https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#alwayspullimages' },
  ],
  fix: 'suggestion',
  equivalents: {
    checkov: ['CKV_K8S_15'],
    'kube-score': ['container-image-pull-policy'],
    polaris: ['pullPolicyNotAlways'],
  },
};

const NOT_ALWAYS = new Set(['IfNotPresent', 'Never']);

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    const document = object.yaml.document;
    for (const spec of object.podSpecs) {
      for (const container of spec.containers) {
        const image = containerImage(model, container);
        if (!image || image.digest !== undefined) continue;
        const policyNode = scalarAt(container.node, 'imagePullPolicy', document);
        const written = typeof policyNode?.value === 'string' ? policyNode.value : undefined;
        const defaultsToAlways = image.tag === undefined || image.tag === 'latest';
        if (written === undefined ? defaultsToAlways : !NOT_ALWAYS.has(written)) continue;

        const policy = written === undefined ? 'the default imagePullPolicy, IfNotPresent' : `imagePullPolicy ${written}`;
        const shared = isRepeatedByAlias(document, container.node) || isRepeatedByAlias(document, policyNode);
        const edit = shared ? undefined : new YamlEditor(model, object.yaml).set(container.node, ['imagePullPolicy'], 'Always');
        const shown = aliasOnPath(container.node, ['imagePullPolicy']) ?? policyNode;
        report({
          message: `${containerLabel(container)} runs ${image.reference} with ${policy}: a node that already holds an image under that tag runs it without asking the registry, however stale or wherever it came from. Set imagePullPolicy: Always, or pin the image by digest.`,
          range: written === undefined ? containerAnchor(model, container) : rangeOfNode(model, object.yaml, shown)!,
          fixes: edit ? [{ title: 'Set imagePullPolicy: Always', kind: 'suggestion', edits: [edit] }] : [],
          object: objectRef(object, container),
        });
      }
    }
  }
}
