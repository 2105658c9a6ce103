import { testRule } from '../../helpers/ruleTester';

/** A Deployment whose container `api` has the given `env` entries (block style, 10 spaces deep). */
const deployment = (env: string, eol = '\n') =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: api',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: api',
    '          image: example/api:1.4.2',
    '          env:',
    ...env.split('\n'),
    '',
  ].join(eol);

const TOKEN = 'ghp_0123456789abcdefghijklmnopqrstuvwxyzAB';

testRule('kubernetes/secret-in-env', 'kubernetes', {
  valid: [
    {
      name: 'secrets taken from a Secret',
      code: deployment('            - name: DB_PASSWORD\n              valueFrom:\n                secretKeyRef: {name: db, key: password}'),
    },
    {
      name: 'names that point at a secret, switches, empty values and paths',
      code: deployment(
        [
          '            - name: DB_PASSWORD_FILE',
          '              value: /run/secrets/db/password',
          '            - name: TOKEN_URL',
          '              value: https://auth.example/token',
          '            - name: ALLOW_EMPTY_PASSWORD',
          '              value: "yes"',
          '            - name: MYSQL_RANDOM_ROOT_PASSWORD',
          '              value: "true"',
          '            - name: ADMIN_PASSWORD',
          '              value: ""',
          '            - name: REDIS_PASSWORD',
        ].join('\n'),
      ),
    },
    {
      name: 'values filled in later: another env var, envsubst, templates, example placeholders',
      code: deployment(
        [
          '            - name: DB_PASSWORD',
          '              value: $(POSTGRES_PASSWORD)',
          '            - name: API_TOKEN',
          '              value: ${API_TOKEN}',
          '            - name: CLIENT_SECRET',
          '              value: "{{ .Values.clientSecret }}"',
          '            - name: DATABASE_URL',
          '              value: postgres://app:$(DB_PASSWORD)@db:5432/app',
          '            - name: ADMIN_TOKEN',
          '              value: <admin token>',
        ].join('\n'),
      ),
    },
    {
      name: 'a YAML 1.1 boolean is not a string value (Kubernetes rejects it)',
      code: deployment('            - name: DB_PASSWORD\n              value: yes'),
    },
    { name: 'the AWS documentation example key id', code: deployment('            - name: UPLOAD_ID\n              value: AKIAIOSFODNN7EXAMPLE') },
    { name: 'not a manifest', code: 'env:\n  - name: DB_PASSWORD\n    value: hunter2\n' },
    {
      name: 'suppressed above the env entry',
      code: deployment('            # ballast-ignore kubernetes/secret-in-env -- a throwaway test database\n            - name: DB_PASSWORD\n              value: test'),
    },
  ],
  invalid: [
    {
      name: 'a secret-named env var with a literal value: reported on the name',
      code: deployment('            - name: LOG_LEVEL\n              value: info\n            - name: DB_PASSWORD\n              value: hunter2 # change me'),
      findings: [
        {
          message:
            'Env var DB_PASSWORD of container api (Deployment api) looks like a secret but is written into the manifest: everyone who can read it or the Deployment has the value. Store it in a Secret and mount that as a file (or use valueFrom.secretKeyRef).',
          range: [13, 20, 13, 31],
        },
      ],
    },
    {
      name: 'a token under any name: reported on the value, once',
      code: deployment(`            - name: GITHUB_TOKEN\n              value: "${TOKEN}"`),
      findings: [
        {
          message:
            'Env var GITHUB_TOKEN of container api (Deployment api) holds a GitHub token in plain text: everyone who can read this manifest or the Deployment has it. Revoke it, store the new one in a Secret and mount that as a file.',
          range: [12, 21, 12, 65],
        },
      ],
    },
    {
      name: 'a password in a URL, CRLF line ends',
      code: deployment('            - name: DATABASE_URL\n              value: postgres://app:s3cret@db:5432/app', '\r\n'),
      findings: [
        {
          message:
            'Env var DATABASE_URL of container api (Deployment api) holds a password in a URL in plain text: everyone who can read this manifest or the Deployment has it. Revoke it, store the new one in a Secret and mount that as a file.',
          range: [12, 21, 12, 54],
        },
      ],
    },
    {
      name: 'a private key in a block scalar: the line that starts it',
      code: deployment('            - name: TLS_KEY\n              value: |\n                -----BEGIN EC PRIVATE KEY-----\n                MHcCAQEEIB\n                -----END EC PRIVATE KEY-----'),
      findings: [
        {
          message:
            'Env var TLS_KEY of container api (Deployment api) holds a private key in plain text: everyone who can read this manifest or the Deployment has it. Revoke it, store the new one in a Secret and mount that as a file.',
          range: [13, 16, 13, 46],
        },
      ],
    },
    {
      name: 'flow style, CronJob init container, a second document and a List',
      code: [
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata: {name: unrelated}',
        '---',
        'apiVersion: batch/v1',
        'kind: CronJob',
        'metadata: {name: backup}',
        'spec:',
        '  jobTemplate:',
        '    spec:',
        '      template:',
        '        spec:',
        '          initContainers: [{name: fetch, env: [{name: S3_SECRET_ACCESS_KEY, value: abc123}]}]',
        '---',
        'apiVersion: v1',
        'kind: List',
        'items:',
        '  - apiVersion: v1',
        '    kind: Pod',
        '    metadata: {name: debug}',
        '    spec:',
        '      ephemeralContainers:',
        '        - name: shell',
        '          env: [{name: apiKey, value: k-123}]',
        '',
      ].join('\n'),
      findings: [
        {
          message:
            'Env var S3_SECRET_ACCESS_KEY of container fetch (CronJob backup) looks like a secret but is written into the manifest: everyone who can read it or the CronJob has the value. Store it in a Secret and mount that as a file (or use valueFrom.secretKeyRef).',
          range: [12, 54, 12, 74],
        },
        {
          message:
            'Env var apiKey of container shell (Pod debug) looks like a secret but is written into the manifest: everyone who can read it or the Pod has the value. Store it in a Secret and mount that as a file (or use valueFrom.secretKeyRef).',
          range: [23, 23, 23, 29],
        },
      ],
    },
    {
      name: 'a value shared through an anchor is reported where it is written, for each container',
      code: [
        'apiVersion: v1',
        'kind: Pod',
        'metadata: {name: p}',
        'spec:',
        '  containers:',
        '    - name: a',
        `      env: [{name: HOOK, value: &hook "https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXX"}]`,
        '    - name: b',
        '      env: [{name: NOTIFY, value: *hook}]',
        '',
      ].join('\n'),
      findings: [
        {
          message:
            'Env var HOOK of container a (Pod p) holds a Slack webhook URL in plain text: everyone who can read this manifest or the Pod has it. Revoke it, store the new one in a Secret and mount that as a file.',
          range: [6, 38, 6, 101],
        },
        {
          message:
            'Env var NOTIFY of container b (Pod p) holds a Slack webhook URL in plain text: everyone who can read this manifest or the Pod has it. Revoke it, store the new one in a Secret and mount that as a file.',
          range: [6, 38, 6, 101],
        },
      ],
    },
  ],
});
