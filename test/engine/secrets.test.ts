import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findSecretAssignments, findSecretShape, isNonSecretValue, isPlaceholder, namesSecret } from '../../engine/secrets';

describe('secret detection', () => {
  it('finds a credential by its shape and says where it is', () => {
    const value = 'url=postgres://app:s3cret@db/app';
    assert.deepEqual(findSecretShape(value), { label: 'a password in a URL', start: 4, end: 26 });
    assert.equal(findSecretShape('postgres://app:$(DB_PASSWORD)@db/app'), undefined);
    assert.equal(findSecretShape('just text'), undefined);
  });

  it('tells names that hold a secret from names that point at one', () => {
    for (const name of ['DB_PASSWORD', 'githubToken', 'spring.datasource.password', 'client-secret', 'AWS_ACCESS_KEY_ID', 'SECRET_KEY_BASE']) assert.ok(namesSecret(name), name);
    for (const name of ['PASSWORD_FILE', 'TOKEN_URL', 'ALLOW_EMPTY_PASSWORD', 'GPG_KEY', 'TOKENIZERS_PARALLELISM', 'tls.key']) assert.ok(!namesSecret(name), name);
  });

  it('knows switches, paths and placeholders are not secrets', () => {
    for (const value of ['yes', ' false ', '/run/secrets/db', './db.pass']) assert.ok(isNonSecretValue(value), value);
    assert.ok(!isNonSecretValue('hunter2'));
    for (const value of ['$(DB_PASSWORD)', '${DB_PASSWORD}', '{{ .Values.db.password }}', '${USER}${PASS}', '<your password>']) assert.ok(isPlaceholder(value), value);
    for (const value of ['hunter2', 'pre${X}', '$HOME', '<a>b']) assert.ok(!isPlaceholder(value), value);
  });

  it('finds secret settings in configuration files, with the position of the value without quotes', () => {
    const text = [
      '# database',
      'spring.datasource.url=jdbc:postgresql://db:5432/app',
      'spring.datasource.password=s3cret',
      'DB_PASSWORD_FILE=/run/secrets/db',
      'export API_TOKEN="tok-123"',
      '  "clientSecret": "abc",',
      'redis:',
      '  password: hunter2\r',
      '  token: ${REDIS_TOKEN}',
      'ldap_password = null',
      'secret:',
      '  name: x',
    ].join('\n');
    const found = findSecretAssignments(text).map((a) => ({ name: a.name, value: a.value, at: text.slice(a.start, a.end) }));
    assert.deepEqual(found, [
      { name: 'spring.datasource.password', value: 's3cret', at: 's3cret' },
      { name: 'API_TOKEN', value: 'tok-123', at: 'tok-123' },
      { name: 'clientSecret', value: 'abc', at: 'abc' },
      { name: 'password', value: 'hunter2', at: 'hunter2' },
    ]);
  });
});
