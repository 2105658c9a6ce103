// The corpus's steps on inputs made here, without the network: the independent YAML verdict,
// the choice of the document it is asked about, and the tarball cache's integrity check.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { lint, YAML_SYNTAX_ID, type Finding } from '../../engine';
import { crossCheckSyntaxErrors, independentParseError } from '../../scripts/corpus/crossCheck';
import { fetchPackages, tarballName } from '../../scripts/corpus/fetch';

describe('corpus: independent YAML verdict', () => {
  it('rejects what is not YAML syntax', () => {
    assert.equal(independentParseError('a: [1, 2\nb: 3\n'), 'deficient indentation');
  });

  it('rejects an alias to no anchor', () => {
    assert.equal(independentParseError('a: *nope\n'), 'unidentified alias "nope"');
  });

  it('accepts tags it has no constructor for, and duplicate keys: neither is a syntax error', () => {
    assert.equal(independentParseError('a: !Ref x\nb: !!python/object:foo {c: 1}\n'), undefined);
    assert.equal(independentParseError('a: 1\na: 2\n'), undefined);
  });

  it('judges the document of a stream that holds the error', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: b\n  labels: {app: b\nspec: {}\n';
    const { findings } = lint({ text, kind: 'kubernetes' });
    assert.deepEqual(crossCheckSyntaxErrors('pod.yaml', text, findings), [
      {
        file: 'pod.yaml',
        line: 11,
        message: 'YAML syntax error: Flow map in block collection must be sufficiently indented and end with a }. Ballast checks this document again once it parses.',
        independentError: 'deficient indentation',
      },
    ]);
  });

  it('disputes an error reported in a stream that js-yaml reads whole', () => {
    const text = '%TAG !e! tag:example.com,2000:\n---\napiVersion: v1\nkind: ConfigMap\ndata: {x: !e!thing y}\n';
    const reported: Finding = { ruleId: YAML_SYNTAX_ID, severity: 'error', message: 'YAML syntax error: Could not resolve tag: !e!thing.', range: { start: { line: 4, character: 10 }, end: { line: 4, character: 18 } }, fixes: [] };
    assert.deepEqual(crossCheckSyntaxErrors('cm.yaml', text, [reported]), [{ file: 'cm.yaml', line: 5, message: 'YAML syntax error: Could not resolve tag: !e!thing.', independentError: undefined }]);
  });
});

describe('corpus: tarball cache', () => {
  const cache = mkdtempSync(path.join(tmpdir(), 'ballast-corpus-'));
  after(() => rmSync(cache, { recursive: true, force: true }));

  /** A tarball laid out as npm packs one, placed where the cache looks for it. */
  function cachedTarball(name: string, version: string, files: Record<string, string>): string {
    const source = path.join(cache, 'source', name, 'package');
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(source, file)), { recursive: true });
      writeFileSync(path.join(source, file), text);
    }
    const tarball = path.join(cache, 'tarballs', tarballName({ name, version }));
    mkdirSync(path.dirname(tarball), { recursive: true });
    assert.equal(spawnSync('tar', ['-czf', tarball, '-C', path.dirname(source), 'package']).status, 0);
    return `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
  }

  it('names tarballs as npm pack does', () => {
    assert.equal(tarballName({ name: '@sap/cds-dk', version: '7.9.5' }), 'sap-cds-dk-7.9.5.tgz');
    assert.equal(tarballName({ name: 'k8s', version: '0.4.15' }), 'k8s-0.4.15.tgz');
  });

  it('unpacks a cached tarball whose integrity matches, without downloading it', () => {
    const integrity = cachedTarball('@corpus/good', '1.0.0', { Dockerfile: 'FROM alpine:3.20\n', 'chart/Chart.yaml': 'name: c\n' });
    const result = fetchPackages([{ name: '@corpus/good', version: '1.0.0', integrity, why: 'test' }], cache);
    assert.equal(result.downloaded, 0);
    assert.equal(result.packages[0]!.tree, path.join(cache, 'trees', '@corpus/good@1.0.0'));
    assert.equal(readFileSync(path.join(result.packages[0]!.tree, 'Dockerfile'), 'utf8'), 'FROM alpine:3.20\n');
    assert.equal(readFileSync(path.join(result.packages[0]!.tree, 'chart', 'Chart.yaml'), 'utf8'), 'name: c\n');
  });

  it('refuses a tarball whose bytes are not the pinned ones', () => {
    const actual = cachedTarball('corpus-bad', '1.0.0', { Dockerfile: 'FROM alpine\n' });
    const pinned = `sha512-${createHash('sha512').update('other bytes').digest('base64')}`;
    assert.throws(() => fetchPackages([{ name: 'corpus-bad', version: '1.0.0', integrity: pinned, why: 'test' }], cache), {
      message: `corpus-bad@1.0.0: the tarball's integrity is ${actual}, not the pinned ${pinned}. Delete ${path.join(cache, 'tarballs', 'corpus-bad-1.0.0.tgz')} to download it again.`,
    });
  });
});
