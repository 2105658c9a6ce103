// Whole charts, written for the tests in the shapes real charts take: a `helm create` scaffold,
// bitnami-style database and ingress-controller charts, and a shop chart full of risky values.
// Each values file's findings are listed exactly; templates yield nothing.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import { classifyFile, findChart, fixAll, lint, toSlashPath } from '../../../engine';
import { collectTargets } from '../../../cli/walk';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'helm');

/** `path: ['rule@line:col', …]` for every file the CLI would scan under the chart, with default settings. */
function scanChart(chart: string, valuesGlobs: string[] = []): Record<string, string[]> {
  const { targets, errors } = collectTargets([chart], FIXTURES, { valuesGlobs });
  assert.deepEqual(errors, []);
  const result: Record<string, string[]> = {};
  for (const target of targets) {
    const text = readFileSync(target.absolutePath, 'utf8');
    const { findings, ruleFailures } = lint({ text, kind: target.kind, chart: target.chart, overridesChartValues: target.overridesChartValues });
    assert.deepEqual(ruleFailures, [], target.displayPath);
    result[`${target.displayPath} (${target.kind})`] = findings.map((f) => `${f.ruleId}@${f.range.start.line + 1}:${f.range.start.character + 1}`);
  }
  return result;
}

/** Every template of the chart, linted as the editor would lint it. */
function templateFindings(chart: string, files: string[]): string[] {
  return files.flatMap((file) => {
    const absolute = path.join(FIXTURES, chart, file);
    const target = classifyFile(toSlashPath(absolute), { chart: findChart(absolute, (p) => readOrUndefined(p)), languageId: 'yaml' });
    assert.deepEqual(target, { kind: 'helm-template' }, file);
    return lint({ text: readFileSync(absolute, 'utf8'), ...target! }).findings.map((f) => `${file}: ${f.ruleId}`);
  });
}

function readOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

describe('Helm charts from end to end', () => {
  it('a helm create scaffold', () => {
    assert.deepEqual(scanChart('scaffold'), EXPECTED.scaffold);
    assert.deepEqual(templateFindings('scaffold', ['templates/deployment.yaml', 'templates/service.yaml', 'templates/ingress.yaml', 'templates/serviceaccount.yaml', 'templates/tests/test-connection.yaml', 'templates/_helpers.tpl']), []);
  });

  it('a bitnami-style database chart with a library subchart', () => {
    assert.deepEqual(scanChart('database'), EXPECTED.database);
    assert.deepEqual(templateFindings('database', ['templates/primary/statefulset.yaml', 'charts/common/templates/_images.tpl']), []);
  });

  it('an ingress controller chart with components', () => {
    assert.deepEqual(scanChart('edge-proxy'), EXPECTED['edge-proxy']);
    assert.deepEqual(templateFindings('edge-proxy', ['templates/controller-deployment.yaml']), []);
  });

  it('a chart full of risky values, with CI values named by a glob', () => {
    assert.deepEqual(scanChart('storefront', ['ci/*-values.yaml']), EXPECTED.storefront);
    assert.deepEqual(templateFindings('storefront', ['templates/web.yaml']), []);
  });

  it('fixing every finding at once, suggestions included, keeps every comment and leaves YAML that parses', () => {
    for (const chart of ['scaffold', 'edge-proxy', 'storefront']) {
      for (const target of collectTargets([chart], FIXTURES).targets.filter((t) => t.kind === 'helm-values')) {
        const text = readFileSync(target.absolutePath, 'utf8');
        const request = { text, kind: target.kind, chart: target.chart, overridesChartValues: target.overridesChartValues };
        const fixed = fixAll(request, ['safe', 'suggestion']);
        assert.deepEqual(parseDocument(fixed.text).errors, [], target.displayPath);
        const comments = (source: string) => source.split('\n').filter((line) => line.trim().startsWith('#')).map((line) => line.trim());
        assert.deepEqual(comments(fixed.text), comments(text), target.displayPath);
        // Whatever had a fix is gone; what is left had none to offer.
        for (const finding of lint({ ...request, text: fixed.text }).findings) assert.deepEqual(finding.fixes, [], `${target.displayPath}: ${finding.ruleId} ${finding.message}`);
        if (chart !== 'edge-proxy') assert.ok(fixed.applied > 3, `${target.displayPath}: ${fixed.applied} fixes`);
      }
    }
  });
});

/** Findings per file as `rule@line:column` (1-based, as editors show them). */
const EXPECTED: Record<string, Record<string, string[]>> = {
  'scaffold': {
    'scaffold/Chart.yaml (kubernetes)': [],
    'scaffold/values.yaml (helm-values)': [
      'helm/automount-service-account-token@21:14',
      'helm/empty-security-context@30:21',
      'helm/empty-security-context@33:18',
      'helm/resources-missing@60:12',
    ],
  },
  'database': {
    'database/Chart.yaml (kubernetes)': [],
    'database/charts/common/Chart.yaml (kubernetes)': [],
    'database/charts/common/values.yaml (helm-values)': [],
    'database/values-production.yaml (helm-values)': [],
    'database/values.yaml (helm-values)': [],
  },
  'edge-proxy': {
    'edge-proxy/Chart.yaml (kubernetes)': [],
    'edge-proxy/values.yaml (helm-values)': [
      'helm/host-namespaces@20:16',
      'helm/capabilities-added@38:11',
      'helm/read-only-root-filesystem@39:29',
      'helm/resources-missing@42:3',
      'helm/service-exposed@48:11',
      'helm/resources-missing@63:7',
      'helm/resources-missing@76:18',
      'helm/image-tag-latest@96:10',
      'helm/image-pull-policy@97:17',
      'helm/empty-security-context@103:23',
      'helm/resources-missing@104:14',
      'helm/rbac-wildcard@115:19',
      'helm/rbac-wildcard@117:15',
      'helm/automount-service-account-token@122:33',
    ],
  },
  'storefront': {
    'storefront/Chart.yaml (kubernetes)': [],
    'storefront/ci/smoke-values.yaml (helm-values)': ['helm/image-tag-latest@3:8'],
    'storefront/values.yaml (helm-values)': [
      'helm/image-tag-latest@5:8',
      'helm/image-pull-policy@6:15',
      'helm/resources-missing@11:14',
      'helm/capabilities-not-dropped@12:3',
      'helm/run-as-root-user@13:16',
      'helm/read-only-root-filesystem@14:29',
      'helm/allow-privilege-escalation@15:31',
      'helm/service-exposed@17:11',
      'helm/image-tag-latest@23:10',
      'helm/image-pull-policy@24:17',
      'helm/resources-missing@25:3',
      'helm/empty-security-context@27:29',
      'helm/run-as-non-root@29:19',
      'helm/host-namespaces@30:12',
      'helm/privileged@37:19',
      'helm/capabilities-not-dropped@38:7',
      'helm/capabilities-added@39:15',
      'helm/seccomp-unconfined@41:15',
      'helm/resources-missing@42:5',
      'helm/host-path@48:13',
      'helm/secret-in-values@55:13',
      'helm/secret-in-values@62:5',
      'helm/automount-service-account-token@68:14',
      'helm/rbac-wildcard@74:19',
      'helm/ingress-without-tls@83:8',
      'helm/network-policy-disabled@86:12',
    ],
  },
};
