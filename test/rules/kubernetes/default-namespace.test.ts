import { testRule } from '../../helpers/ruleTester';

const ON = { rules: { 'kubernetes/default-namespace': 'info' as const } };
const MISSING = (object: string) =>
  `${object} names no namespace, so it lands in whichever one kubectl points at, usually default. Set metadata.namespace, unless the tool that applies it sets one.`;
const DEFAULT = (object: string) =>
  `${object} is in the default namespace, which rarely has quotas, network policies or a Pod Security level of its own and is shared with everything nobody placed. Give it a namespace of its own.`;

const service = (metadata: string, eol = '\n') => ['apiVersion: v1', 'kind: Service', 'metadata:', ...metadata.split('\n'), 'spec: {ports: [{port: 80}]}', ''].join(eol);

testRule('kubernetes/default-namespace', 'kubernetes', {
  valid: [
    { name: 'off by default', code: service('  name: web') },
    { name: 'a namespace of its own', code: service('  name: web\n  namespace: shop'), settings: ON },
    {
      name: 'cluster-scoped objects and tool configuration',
      code: [
        'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}',
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: reader}\nrules: []',
        'apiVersion: cert-manager.io/v1\nkind: ClusterIssuer\nmetadata: {name: letsencrypt}',
        'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: fast}',
        'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [deployment.yaml]',
        'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration',
        'apiVersion: v1\nkind: Config\nclusters: []',
      ].join('\n---\n'),
      settings: ON,
    },
    {
      name: 'what Kubernetes itself keeps in default',
      code: 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: default, namespace: default}\nautomountServiceAccountToken: false\n---\n' + service('  name: kubernetes\n  namespace: default'),
      settings: ON,
    },
    { name: 'suppressed above the namespace', code: service('  name: web\n  # ballast-ignore kubernetes/default-namespace -- a demo\n  namespace: default'), settings: ON },
  ],
  invalid: [
    {
      name: 'namespace: default: reported on it',
      code: service('  name: web\n  namespace: default # TODO'),
      settings: ON,
      findings: [{ message: DEFAULT('Service web'), range: [4, 13, 4, 20] }],
    },
    {
      name: 'no namespace: reported on the kind; CRLF',
      code: service('  name: web', '\r\n'),
      settings: ON,
      findings: [{ message: MISSING('Service web'), range: [1, 6, 1, 13] }],
    },
    {
      name: 'each object of a List and of every document, custom resources included',
      code: [
        'apiVersion: v1',
        'kind: List',
        'items:',
        '- {apiVersion: apps/v1, kind: Deployment, metadata: {name: web, namespace: default}, spec: {}}',
        '- {apiVersion: v1, kind: Secret, metadata: {name: tls}}',
        '---',
        'apiVersion: argoproj.io/v1alpha1',
        'kind: Rollout',
        'metadata: {name: canary}',
        '',
      ].join('\n'),
      settings: ON,
      findings: [
        { message: DEFAULT('Deployment web'), range: [3, 75, 3, 82] },
        { message: MISSING('Secret tls'), range: [4, 25, 4, 31] },
        { message: MISSING('Rollout canary'), range: [7, 6, 7, 13] },
      ],
    },
  ],
});
