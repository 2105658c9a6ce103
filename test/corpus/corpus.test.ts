// The real-world corpus end to end: the pinned npm packages are downloaded (once, into
// .cache/corpus), checked against their integrity, unpacked, linted in process and by the built
// CLI, and every YAML syntax error Ballast reports is checked with js-yaml. `npm run corpus`
// runs the same step and prints the same figures.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { readPackageList } from '../../scripts/corpus/packageList';
import { formatCorpusReport } from '../../scripts/corpus/report';
import { FILE_CATEGORIES, runCorpus } from '../../scripts/corpus/run';

const ROOT = path.join(__dirname, '..', '..');
const list = readPackageList(path.join(__dirname, 'packages.json'));

describe('real-world corpus', () => {
  const report = runCorpus({ list, cacheDir: path.join(ROOT, '.cache', 'corpus'), root: ROOT });
  console.log(formatCorpusReport(report));

  it('has no crash: no exception, no failing rule, no CLI failure', () => {
    assert.deepEqual(report.crashes, []);
  });

  it('reports no YAML syntax error that js-yaml reads fine, unless it is explained', () => {
    assert.deepEqual(report.syntax.unexplained, []);
    assert.deepEqual(report.syntax.stale, []);
  });

  it('finds files of every pinned package, and the CLI lints the files the engine lints', () => {
    const empty = report.packages.filter((figures) => FILE_CATEGORIES.every((category) => figures.files[category] === 0)).map((figures) => figures.id);
    assert.deepEqual(empty, []);
    const linted = FILE_CATEGORIES.filter((category) => category !== 'helm-template').reduce((sum, category) => sum + report.totals.files[category], 0);
    assert.equal(report.cli.files?.length, linted);
  });

  it('holds Dockerfiles, manifests and Helm charts', () => {
    assert.ok(report.totals.files.dockerfile >= 100, `Dockerfiles: ${report.totals.files.dockerfile}`);
    assert.ok(report.totals.objects >= 50, `Kubernetes objects: ${report.totals.objects}`);
    assert.ok(report.totals.charts >= 5, `charts: ${report.totals.charts}`);
    assert.ok(report.totals.files['helm-values'] >= 5, `Helm values files: ${report.totals.files['helm-values']}`);
  });
});
