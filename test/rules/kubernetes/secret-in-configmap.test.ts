import { testRule } from '../../helpers/ruleTester';

const configMap = (data: string, eol = '\n') => ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: api-config', 'data:', ...data.split('\n'), ''].join(eol);

const WHY = 'ConfigMaps are not encrypted at rest and are readable by everyone who may read ConfigMaps (and this manifest).';
const NAMED = `${WHY} Move it to a Secret and mount that as a file.`;
const SETS = `${WHY} Move the value to a Secret and have the configuration read it from there.`;
const HOLDS = `${WHY} Revoke it and keep the new one in a Secret.`;

testRule('kubernetes/secret-in-configmap', 'kubernetes', {
  valid: [
    {
      name: 'ordinary configuration, references to secrets and placeholders',
      code: configMap(
        [
          '  LOG_LEVEL: info',
          '  DB_PASSWORD_FILE: /run/secrets/db/password',
          '  ALLOW_EMPTY_PASSWORD: "yes"',
          '  REDIS_PASSWORD: ""',
          '  API_TOKEN: ${API_TOKEN}',
          '  application.properties: |',
          '    spring.datasource.url=jdbc:postgresql://db:5432/app',
          '    spring.datasource.password=${DB_PASSWORD}',
          '    spring.datasource.password-file=/run/secrets/db',
          '    proxy=http://proxy.internal:3128',
        ].join('\n'),
      ),
    },
    { name: 'a Secret is where secrets go', code: 'apiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData:\n  DB_PASSWORD: hunter2\n' },
    {
      name: 'suppressed above the key',
      code: configMap('  # ballast-ignore kubernetes/secret-in-configmap -- a local test fixture\n  DB_PASSWORD: test'),
    },
  ],
  invalid: [
    {
      name: 'a secret-named key: reported on its value',
      code: configMap('  LOG_LEVEL: info\n  DB_PASSWORD: hunter2 # temporary'),
      findings: [{ message: `ConfigMap api-config, key DB_PASSWORD, looks like a secret. ${NAMED}`, range: [6, 15, 6, 22] }],
    },
    {
      name: 'a secret-named key holding a token says what it holds',
      code: configMap('  githubToken: "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB"'),
      findings: [{ message: `ConfigMap api-config, key githubToken, holds a GitHub token. ${HOLDS}`, range: [5, 15, 5, 59] }],
    },
    {
      name: 'settings of a properties file, each on its own line, CRLF',
      code: configMap(
        [
          '  application.properties: |',
          '    spring.datasource.url=jdbc:postgresql://db:5432/app',
          '    spring.datasource.password=hunter2',
          '    app.jwt.secret = "c2VjcmV0"',
        ].join('\n'),
        '\r\n',
      ),
      findings: [
        { message: `ConfigMap api-config, key application.properties, sets spring.datasource.password to a literal value. ${SETS}`, range: [7, 31, 7, 38] },
        { message: `ConfigMap api-config, key application.properties, sets app.jwt.secret to a literal value. ${SETS}`, range: [8, 22, 8, 30] },
      ],
    },
    {
      name: 'a JSON file with a secret setting and a password in a URL',
      code: configMap(['  config.json: |-', '    {', '      "clientSecret": "s3cr3t",', '      "database": "mysql://app:pw@db/app"', '    }'].join('\n')),
      findings: [
        { message: `ConfigMap api-config, key config.json, sets clientSecret to a literal value. ${SETS}`, range: [7, 23, 7, 29] },
        { message: `ConfigMap api-config, key config.json, holds a password in a URL. ${HOLDS}`, range: [8, 19, 8, 34] },
      ],
    },
    {
      name: 'a double-quoted value with escaped line breaks is located too',
      code: configMap('  db.ini: "[db]\\npassword = hunter2\\n"'),
      findings: [{ message: `ConfigMap api-config, key db.ini, sets password to a literal value. ${SETS}`, range: [5, 28, 5, 35] }],
    },
    {
      name: 'a private key in binaryData (base64): the whole value',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: certs}\nbinaryData:\n  server.pem: LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUV2UUlCQURBTg==\n',
      findings: [{ message: `ConfigMap certs, key server.pem (binaryData), holds a private key. ${HOLDS}`, range: [4, 14, 4, 70] }],
    },
    {
      name: 'in a List, after another document, through an anchor and its alias',
      code: [
        'apiVersion: v1',
        'kind: Service',
        'metadata: {name: api}',
        '---',
        'apiVersion: v1',
        'kind: List',
        'items:',
        '  - apiVersion: v1',
        '    kind: ConfigMap',
        '    metadata: {name: shared}',
        '    data: {primary.env: &env "DB_PASS=x1", replica.env: *env}',
        '',
      ].join('\n'),
      findings: [
        { message: `ConfigMap shared, key primary.env, sets DB_PASS to a literal value. ${SETS}`, range: [10, 29, 10, 41] },
        { message: `ConfigMap shared, key replica.env, sets DB_PASS to a literal value. ${SETS}`, range: [10, 29, 10, 41] },
      ],
    },
  ],
});
