import { testRule } from '../../helpers/ruleTester';

const pod = (container: string, eol = '\n') =>
  ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: db', 'spec:', '  containers:', '    - name: postgres', '      image: postgres:16.4', ...container.split('\n'), ''].join(eol);

const ADVICE = 'Mount the Secret as a file instead: environment variables are inherited by child processes, readable in /proc/<pid>/environ, and not updated when the Secret is rotated.';

testRule('kubernetes/secret-via-env', 'kubernetes', {
  valid: [
    { name: 'literal and ConfigMap values', code: pod('      env:\n        - name: PGDATA\n          value: /var/lib/postgresql/data\n        - name: MODE\n          valueFrom: {configMapKeyRef: {name: cfg, key: mode}}') },
    { name: 'envFrom a ConfigMap', code: pod('      envFrom:\n        - configMapRef: {name: cfg}') },
    { name: 'a Secret mounted as a file', code: pod('      volumeMounts: [{name: db, mountPath: /run/secrets/db, readOnly: true}]').replace('spec:\n', 'spec:\n  volumes: [{name: db, secret: {secretName: db}}]\n') },
    {
      name: 'suppressed above the env entry',
      code: pod('      env:\n        # ballast-ignore kubernetes/secret-via-env -- the image reads no files\n        - name: POSTGRES_PASSWORD\n          valueFrom:\n            secretKeyRef: {name: db, key: password}'),
    },
  ],
  invalid: [
    {
      name: 'secretKeyRef: reported on its key',
      code: pod('      env:\n        - name: POSTGRES_PASSWORD\n          valueFrom:\n            secretKeyRef:\n              name: db\n              key: password # rotated monthly'),
      findings: [{ message: `Env var POSTGRES_PASSWORD of container postgres (Pod db) takes Secret db (key password). ${ADVICE}`, range: [13, 19, 13, 27] }],
    },
    {
      name: 'secretKeyRef without a key: reported on secretKeyRef; CRLF',
      code: pod('      env:\n        - name: TOKEN\n          valueFrom:\n            secretKeyRef: {name: api}', '\r\n'),
      findings: [{ message: `Env var TOKEN of container postgres (Pod db) takes Secret api. ${ADVICE}`, range: [11, 12, 11, 24] }],
    },
    {
      name: 'envFrom secretRef: reported on the Secret name, or on secretRef when it has none',
      code: pod('      envFrom:\n        - prefix: DB_\n          secretRef: {name: db-credentials}\n        - secretRef: {}'),
      findings: [
        { message: `Container postgres (Pod db) imports every key of Secret db-credentials as environment variables (envFrom). ${ADVICE}`, range: [10, 28, 10, 42] },
        { message: `Container postgres (Pod db) imports every key of a Secret as environment variables (envFrom). ${ADVICE}`, range: [11, 10, 11, 19] },
      ],
    },
    {
      name: 'flow style in a Deployment init container, next to another document',
      code: [
        'apiVersion: v1',
        'kind: Service',
        'metadata: {name: api}',
        'spec: {ports: [{port: 80}]}',
        '---',
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: {name: api}',
        'spec:',
        '  template:',
        '    spec:',
        '      initContainers: [{name: migrate, env: [{name: DB_URL, valueFrom: {secretKeyRef: {name: db, key: url}}}]}]',
        '      containers: [{name: api}]',
        '',
      ].join('\n'),
      findings: [{ message: `Env var DB_URL of container migrate (Deployment api) takes Secret db (key url). ${ADVICE}`, range: [11, 102, 11, 105] }],
    },
  ],
});
