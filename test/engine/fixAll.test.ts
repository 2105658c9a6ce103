import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixAll, lint } from '../../engine';

const text = [
  'FROM node:22 AS build',
  'ADD package.json /app/',
  '# ballast-ignore dockerfile/no-rot-user -- typo',
  'add src /app/src',
  'RUN curl -k https://example.com/a.tgz -o /tmp/a.tgz',
  'FROM node:22-slim',
  'USER root',
  '',
].join('\r\n');

describe('fix all', () => {
  it('applies every safe fix and no suggestion', () => {
    const result = fixAll({ text, kind: 'dockerfile' });
    assert.equal(
      result.text,
      [
        'FROM node:22 AS build',
        'COPY package.json /app/',
        '# ballast-ignore dockerfile/no-root-user -- typo',
        'copy src /app/src',
        'RUN curl -k https://example.com/a.tgz -o /tmp/a.tgz',
        'FROM node:22-slim',
        'USER root',
        '',
      ].join('\r\n'),
    );
    assert.equal(result.applied, 3);
    const remaining = lint({ text: result.text, kind: 'dockerfile' }).findings;
    assert.ok(remaining.every((f) => f.fixes.every((fix) => fix.kind !== 'safe')), 'no safe fix is left');
    assert.ok(remaining.some((f) => f.ruleId === 'dockerfile/tls-verification-disabled'), 'suggestions stay findings');
    assert.ok(remaining.some((f) => f.ruleId === 'dockerfile/no-root-user'));
  });

  it('is idempotent: applying it twice equals applying it once', () => {
    const once = fixAll({ text, kind: 'dockerfile' }).text;
    const twice = fixAll({ text: once, kind: 'dockerfile' });
    assert.equal(twice.text, once);
    assert.equal(twice.applied, 0);
  });

  it('applies suggestions too when asked for them explicitly', () => {
    const result = fixAll({ text, kind: 'dockerfile' }, ['safe', 'suggestion']);
    assert.ok(!result.text.includes('curl -k'));
    assert.ok(result.text.includes('USER 10001'));
  });
});
