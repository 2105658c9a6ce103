import { testRule } from '../../helpers/ruleTester';

const pod = (volumeLines: string, eol = '\n') =>
  ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: app', '      image: nginx:1.27', '  volumes:', ...volumeLines.split('\n'), ''].join(eol);

const message = (name: string, type: string) =>
  `Volume ${name} uses the volume type ${type}, which the restricted Pod Security Standard forbids: pods reach such storage only through a PersistentVolumeClaim, whose volume the cluster's admins control. Claim it with persistentVolumeClaim, or use configMap, secret, emptyDir, projected, downwardAPI, csi, ephemeral or image.`;

testRule('kubernetes/restricted-volume-types', 'kubernetes', {
  valid: [
    {
      name: 'every allowed type',
      code: pod(
        [
          '    - {name: a, configMap: {name: settings}}',
          '    - {name: b, csi: {driver: secrets-store.csi.k8s.io}}',
          '    - {name: c, downwardAPI: {items: []}}',
          '    - {name: d, emptyDir: {}}',
          '    - {name: e, ephemeral: {volumeClaimTemplate: {spec: {}}}}',
          '    - {name: f, image: {reference: "example/models:1.0"}}',
          '    - {name: g, persistentVolumeClaim: {claimName: data}}',
          '    - {name: h, projected: {sources: []}}',
          '    - {name: i, secret: {secretName: tls}}',
        ].join('\n'),
      ),
    },
    { name: 'no source at all is an emptyDir to Kubernetes', code: pod('    - name: scratch') },
    { name: 'a null source is no source', code: pod('    - name: scratch\n      nfs: null\n      emptyDir:') },
    { name: 'hostPath is for the baseline rule to report', code: pod('    - name: logs\n      hostPath: {path: /var/log}') },
    { name: 'suppressed above the key', code: pod('    - name: legacy\n      # ballast-ignore kubernetes/restricted-volume-types -- until the CSI driver lands\n      nfs: {server: files, path: /x}') },
  ],
  invalid: [
    {
      name: 'nfs, on the type key, CRLF',
      code: pod('    - name: content # shared with the CMS\n      nfs:\n        server: files.example.com\n        path: /exports/web', '\r\n'),
      findings: [{ message: message('content', 'nfs'), range: [10, 6, 10, 9] }],
    },
    {
      name: 'several volumes of a CronJob, flow style; an allowed source wins as in pod-security-admission',
      code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: backup}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: [{name: job, image: restic:0.17}]\n          volumes: [{name: src, gitRepo: {repository: "https://example.com/r.git"}}, {name: ok, secret: {secretName: s}, nfs: {server: x, path: /}}, {name: disk, awsElasticBlockStore: {volumeID: vol-1}}]\n',
      findings: [
        { message: message('src', 'gitRepo'), range: [9, 32, 9, 39] },
        { message: message('disk', 'awsElasticBlockStore'), range: [9, 162, 9, 182] },
      ],
    },
    {
      name: 'a Deployment in a multi-document file, cephfs and an unnamed iscsi volume',
      code: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: apps}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers: [{name: app, image: nginx:1.27}]\n      volumes:\n        - name: shared\n          cephfs: {monitors: [10.0.0.1]}\n        - iscsi: {targetPortal: 10.0.0.2, iqn: x, lun: 0}\n',
      findings: [
        { message: message('shared', 'cephfs'), range: [13, 10, 13, 16] },
        { message: message('(unnamed)', 'iscsi'), range: [14, 10, 14, 15] },
      ],
    },
    {
      name: 'a volume that is an alias: found at the alias',
      code: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: a}\n    spec:\n      containers: [{name: app, image: nginx:1.27}]\n      volumes: [&nfs {name: data, nfs: {server: files, path: /data}}]\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: b}\n    spec:\n      containers: [{name: app, image: nginx:1.27}]\n      volumes: [*nfs]\n',
      findings: [
        { message: message('data', 'nfs'), range: [8, 34, 8, 37] },
        { message: message('data', 'nfs'), range: [14, 16, 14, 20] },
      ],
    },
  ],
});
