import { testRule } from '../../helpers/ruleTester';

const WRITTEN = 'is a secret written into the values: it is committed with them, and everyone who can read them has it. Move it to';
const GENERIC = "a Secret the chart reads (existingSecret, where the chart has one), or pass it at install time with --set from your CI's secret store.";
const named = (path: string) => `${path} ${WRITTEN} ${GENERIC}`;
const holds = (path: string, label: string, store = GENERIC) =>
  `${path} holds ${label} in plain text: it is committed with the values, and everyone who can read them has it. Revoke it, then keep the new one in ${store}`;
const GITHUB_TOKEN = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';

testRule('helm/secret-in-values', 'helm-values', {
  valid: [
    {
      name: "bitnami's auth defaults",
      code: [
        'auth:',
        '  enablePostgresUser: true',
        '  postgresPassword: ""',
        '  username: ""',
        '  password: ""',
        '  replicationPassword: ~',
        '  existingSecret: ""',
        '  secretKeys:',
        '    adminPasswordKey: postgres-password',
        '    userPasswordKey: password',
        '    replicationPasswordKey: replication-password',
        '  usePasswordFiles: true',
        '',
      ].join('\n'),
    },
    {
      name: 'keys that name where a secret is kept',
      code: [
        'auth:',
        '  existingSecret: app-db-auth',
        '  existingSecretPasswordKey: password',
        '  passwordSecretName: app-db',
        '  passwordFile: /run/secrets/db/password',
        'ingress:',
        '  tls:',
        '    - secretName: chart-example-tls',
        '      hosts: [chart-example.local]',
        'image:',
        '  pullSecrets: [regcred]',
        'imagePullSecrets:',
        '  - regcred',
        'extraEnvVarsSecret: app-env',
        'prometheusSpec:',
        '  secrets: [etcd-client-cert]',
        'serviceAccount:',
        '  automountServiceAccountToken: false',
        '',
      ].join('\n'),
    },
    {
      name: 'placeholders and templates',
      code: [
        'a:',
        '  password: changeme',
        '  rootPassword: CHANGE_ME',
        '  token: REPLACE_ME',
        '  apiKey: xxxxxxxx',
        '  secretKey: "********"',
        '  clientSecret: <client-secret>',
        '  adminPassword: your-password-here',
        '  privateKey: YOUR_PRIVATE_KEY',
        '  jwtSecret: "{{ .Values.global.jwtSecret }}"',
        '  sessionSecret: ${SESSION_SECRET}',
        '',
      ].join('\n'),
    },
    {
      name: 'switches and non-string values',
      code: 'redis:\n  auth:\n    password: true\n    token: no\n  allowEmptyPassword: "yes"\n  passwordLength: 32\n',
    },
    {
      name: 'encrypted or fetched at install time',
      code: [
        'auth:',
        '  password: ENC[AES256_GCM,data:Tr7o1g==,iv:1=,tag:k=,type:str]',
        '  token: ref+vault://secret/data/app#/token',
        '  apiKey: <path:secret/data/app#apiKey>',
        'sealedSecret:',
        '  encryptedData:',
        '    password: AgBy3i4OJSWK+PiTySYZZA9rO43cGDEq',
        '',
      ].join('\n'),
    },
    {
      name: 'a certificate and the AWS documentation key id are no secrets',
      code: 'tls:\n  crt: |\n    -----BEGIN CERTIFICATE-----\n    MIIDXTCCAkWgAwIBAgIJAJC1\n    -----END CERTIFICATE-----\naws:\n  accessKeyId: AKIAIOSFODNN7EXAMPLE\n',
    },
    { name: 'an env var that holds no secret', code: 'extraEnvVars:\n  - name: LOG_LEVEL\n    value: debug\n  - name: DB_PASSWORD_FILE\n    value: /run/secrets/db\n' },
    { name: 'suppressed', code: 'auth:\n  # ballast-ignore helm/secret-in-values -- throwaway password of the CI kind cluster\n  password: ci-only\n' },
  ],
  invalid: [
    {
      name: "a password next to the chart's existingSecret",
      code: 'auth:\n  username: app\n  password: hunter2 # TODO remove\n  existingSecret: ""\n',
      findings: [
        {
          message: `auth.password ${WRITTEN} a Secret named by auth.existingSecret, or pass it at install time with --set from your CI's secret store.`,
          range: [2, 12, 2, 19],
        },
      ],
    },
    {
      name: 'CRLF line endings',
      code: 'grafana:\r\n  adminUser: admin\r\n  adminPassword: prom-operator\r\n',
      findings: [{ message: named('grafana.adminPassword'), range: [2, 17, 2, 30] }],
    },
    {
      name: 'flow style, and a number',
      code: 'redis: {auth: {enabled: true, password: "s3cr3t!"}}\nmysql: {rootPassword: 123456}\n',
      findings: [
        { message: named('redis.auth.password'), range: [0, 40, 0, 49] },
        { message: named('mysql.rootPassword'), range: [1, 22, 1, 28] },
      ],
    },
    {
      name: 'a component at depth in a disabled section: committed all the same',
      code: 'metrics:\n  enabled: false\n  exporter:\n    auth:\n      bearerToken: 7f3c9a1e5b\n',
      findings: [{ message: named('metrics.exporter.auth.bearerToken'), range: [4, 19, 4, 29] }],
    },
    {
      name: 'a private key in a block scalar: on its BEGIN line',
      code: 'tls:\n  enabled: true\n  key: |\n    -----BEGIN RSA PRIVATE KEY-----\n    MIIEowIBAAKCAQEA\n    -----END RSA PRIVATE KEY-----\n',
      findings: [{ message: holds('tls.key', 'a private key'), range: [3, 4, 3, 35] }],
    },
    {
      name: 'credentials by their shape, under any key and in lists',
      code: `job:\n  args: ["--verbose", "--github-token=${GITHUB_TOKEN}"]\nexternalDatabase:\n  url: postgres://app:pa55w0rd@db:5432/app\n  existingSecret: ""\nci:\n  token: ${GITHUB_TOKEN}\n`,
      findings: [
        { message: holds('job.args[1]', 'a GitHub token'), range: [1, 22, 1, 79] },
        {
          message: holds('externalDatabase.url', 'a password in a URL', "a Secret named by externalDatabase.existingSecret, or pass it at install time with --set from your CI's secret store."),
          range: [3, 7, 3, 42],
        },
        { message: holds('ci.token', 'a GitHub token'), range: [6, 9, 6, 49] },
      ],
    },
    {
      name: 'a list under a secret-named key',
      code: 'mongodb:\n  auth:\n    usernames: [app, reports]\n    passwords:\n      - app-pass-1\n      - "{{ .Values.reportsPassword }}"\n',
      findings: [{ message: named('mongodb.auth.passwords[0]'), range: [4, 8, 4, 18] }],
    },
    {
      name: 'an env var written into the values',
      code: 'extraEnvVars:\n  - name: DB_PASSWORD\n    value: hunter2\n  - name: LOG_LEVEL\n    value: debug\n',
      findings: [
        {
          message: `extraEnvVars[0].value (env var DB_PASSWORD) ${WRITTEN} a Secret and use valueFrom.secretKeyRef instead, or pass it at install time with --set from your CI's secret store.`,
          range: [2, 11, 2, 18],
        },
      ],
    },
  ],
});
