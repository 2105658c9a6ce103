import { isAlias, isMap, type Node, type YAMLMap } from 'yaml';
import { aliasOnPath } from '../../engine/kubernetes/anchors';
import { objectRef, rangeOfNode } from '../../engine/kubernetes/model';
import { writtenValue } from '../../engine/kubernetes/restricted';
import { pairOf, resolve, seqAt, stringAt } from '../../engine/kubernetes/yamlNodes';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/restricted-volume-types',
  target: 'kubernetes',
  title: 'Volume type outside the restricted set',
  defaultSeverity: 'warning',
  description: `A pod that mounts network or cloud storage directly (\`nfs\`, \`iscsi\`, \`cephfs\`,
\`awsElasticBlockStore\`, …) reaches past the PersistentVolumes that the cluster's admins define and
control: any author of a pod could point it at any share or disk the nodes can reach. \`gitRepo\`
is worse, as it runs git on the node. The restricted Pod Security Standard allows only configMap,
csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret volumes;
storage of any other kind comes through a PersistentVolumeClaim.

\`hostPath\` is forbidden too, from the baseline level up, and reported by
\`kubernetes/host-path-volume\` rather than here, so that each volume is reported once (Trivy splits
the two the same way). A volume that names none of the
known types is an emptyDir to Kubernetes and passes.

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
      volumeMounts: [{name: content, mountPath: /usr/share/nginx/html}]
  volumes:
    - name: content
      nfs:
        server: files.example.com
        path: /exports/web
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
      volumeMounts: [{name: content, mountPath: /usr/share/nginx/html}]
  volumes:
    - name: content
      persistentVolumeClaim:
        claimName: web-content
\`\`\``,
  references: [
    { title: 'Pod Security Standards: Volume Types (restricted)', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted' },
    { title: 'Persistent Volumes', url: 'https://kubernetes.io/docs/concepts/storage/persistent-volumes/' },
  ],
  fix: 'none',
  equivalents: {
    trivy: ['KSV-0028'],
    pss: ['restricted:restrictedVolumes'],
  },
};

/** The inline volume sources the restricted level allows, in pod-security-admission's words. */
const ALLOWED_TYPES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'image', 'persistentVolumeClaim', 'projected', 'secret'];

/** The other inline volume sources of the Pod API; hostPath is kubernetes/host-path-volume's. */
const RESTRICTED_TYPES = new Set([
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'nfs',
  'iscsi',
  'glusterfs',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'fc',
  'azureFile',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'portworxVolume',
  'scaleIO',
  'storageos',
]);

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    const document = object.yaml.document;
    for (const spec of object.podSpecs) {
      const listAlias = aliasOnPath(spec.node, ['volumes']);
      for (const written of seqAt(spec.node, 'volumes', document)?.items ?? []) {
        const volume = resolve(written, document);
        if (!isMap(volume)) continue;
        const map = volume as YAMLMap;
        // As in pod-security-admission: one allowed source set makes the volume acceptable.
        if (ALLOWED_TYPES.some((type) => writtenValue(map, type, document))) continue;
        for (const type of RESTRICTED_TYPES) {
          if (!writtenValue(map, type, document)) continue;
          const shown = listAlias ?? (isAlias(written) ? written : (pairOf(map, type)!.key as Node));
          report({
            message: `Volume ${stringAt(map, 'name', document) ?? '(unnamed)'} uses the volume type ${type}, which the restricted Pod Security Standard forbids: pods reach such storage only through a PersistentVolumeClaim, whose volume the cluster's admins control. Claim it with persistentVolumeClaim, or use configMap, secret, emptyDir, projected, downwardAPI, csi, ephemeral or image.`,
            range: rangeOfNode(model, object.yaml, shown)!,
            object: objectRef(object),
          });
        }
      }
    }
  }
}
