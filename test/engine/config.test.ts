import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONFIG_ERROR_ID, applyConfig, classifyFile, configSchema, findConfig, isExcludedByConfig, lint, normalizeSettings, parseConfig } from '../../engine';

/** Each error as `line:col-line:col message`, 0-based like LSP. */
function errors(text: string): string[] {
  return parseConfig('/repo/.ballast.yaml', text).errors.map((e) => `${e.range.start.line}:${e.range.start.character}-${e.range.end.line}:${e.range.end.character} ${e.message}`);
}

describe('.ballast.yaml', () => {
  it('reads every setting it may hold, YAML 1.2 style (off is a string)', () => {
    const config = parseConfig(
      '/repo/.ballast.yaml',
      'profile: pss-restricted\nrules:\n  dockerfile/healthcheck-missing: off\n  helm/image-digest: warning\ntrustedRegistries: [ghcr.io/acme]\nexclude:\n  - vendor/**\nhonorOtherToolIgnores: false\nhelm:\n  valuesFiles: [ci/*.yaml]\n',
    );
    assert.deepEqual(config, {
      path: '/repo/.ballast.yaml',
      folder: '/repo',
      settings: {
        profile: 'pss-restricted',
        rules: { 'dockerfile/healthcheck-missing': 'off', 'helm/image-digest': 'warning' },
        trustedRegistries: ['ghcr.io/acme'],
        exclude: ['vendor/**'],
        honorOtherToolIgnores: false,
        'helm.valuesFiles': ['ci/*.yaml'],
      },
      errors: [],
    });
  });

  it('reports each problem on its key or value, and keeps the valid rest', () => {
    const text = 'profile: pss-restricted\nrules:\n  dockerfile/healthcheck-missing: off\n  kubernetes/privileged: warning\n  dockerfile/no-root-user: loud\ntrustedRegistries: ghcr.io\nhelm:\n  valuesFile: [ci/*.yaml]\nprofil: x\n';
    assert.deepEqual(errors(text), [
      '3:2-3:23 kubernetes/privileged is not a Ballast rule: it is ignored. Did you mean kubernetes/privileged-container?',
      '4:27-4:31 rules.dockerfile/no-root-user must be one of "off", "info", "warning", "error": it is ignored.',
      '5:19-5:26 trustedRegistries must be a list: it is ignored.',
      '7:2-7:12 valuesFile is not a Ballast setting under helm: it is ignored. Settings are helm.valuesFiles.',
      '8:0-8:6 profil is not a Ballast setting: it is ignored. Settings are profile, rules, trustedRegistries, exclude, honorOtherToolIgnores, helm and maxFileSizeMB.',
    ]);
    assert.deepEqual(parseConfig('/repo/.ballast.yaml', text).settings, { profile: 'pss-restricted', rules: { 'dockerfile/healthcheck-missing': 'off' } });
  });

  it('reports a syntax error, a file that is not a mapping, and takes an empty file as no settings', () => {
    assert.deepEqual(errors('profile: [\n'), [
      '1:0-1:0 YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]. Ballast uses its defaults for this folder until the file parses.',
    ]);
    assert.deepEqual(errors('- a\n- b\n'), ['0:0-2:0 The file must be a mapping: it is ignored.']);
    assert.deepEqual(parseConfig('/repo/.ballast.yaml', '# nothing yet\n'), { path: '/repo/.ballast.yaml', folder: '/repo', settings: {}, errors: [] });
  });

  it('does not expand an alias bomb', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n');
    const [error] = errors(bomb);
    assert.match(error!, /^0:0-0:1 This file cannot be read: .*alias/i);
  });

  it('is linted as its own kind: the errors are the findings', () => {
    assert.deepEqual(classifyFile('/repo/.ballast.yml'), { kind: 'ballast-config' });
    const { findings } = lint({ text: 'profile: strict\n', kind: 'ballast-config' });
    assert.deepEqual(findings.map((f) => [f.ruleId, f.severity, f.message]), [
      [CONFIG_ERROR_ID, 'error', 'profile must be one of "recommended", "pss-baseline", "pss-restricted": it is ignored.'],
    ]);
  });

  it('the nearest file applies, over the user settings', () => {
    const files: Record<string, string> = {
      '/repo/.ballast.yaml': 'profile: pss-baseline\n',
      '/repo/services/api/.ballast.yml': 'rules: {dockerfile/image-digest: error}\nexclude: [generated/**]\n',
    };
    const read = (path: string) => files[path];
    const api = findConfig('/repo/services/api/Dockerfile', read);
    assert.equal(api?.path, '/repo/services/api/.ballast.yml');
    assert.equal(findConfig('/repo/services/web/Dockerfile', read)?.path, '/repo/.ballast.yaml');
    assert.equal(findConfig('/elsewhere/Dockerfile', read), undefined);

    const user = normalizeSettings({ profile: 'pss-restricted', rules: { 'dockerfile/no-sudo': 'off', 'dockerfile/image-digest': 'info' }, exclude: ['x/**'] });
    const merged = applyConfig(user, api);
    assert.equal(merged.profile, 'pss-restricted');
    assert.deepEqual(merged.rules, { 'dockerfile/no-sudo': 'off', 'dockerfile/image-digest': 'error' });
    // Exclusions stay relative to the file that declares them.
    assert.deepEqual(merged.exclude, ['x/**']);
    assert.equal(isExcludedByConfig(api, '/repo/services/api/generated/Dockerfile'), true);
    assert.equal(isExcludedByConfig(api, '/repo/services/api/Dockerfile'), false);
  });

  it('has a JSON schema listing every rule id', () => {
    const schema = configSchema() as { properties: { rules: { propertyNames: { enum: string[] } } } };
    assert.ok(schema.properties.rules.propertyNames.enum.includes('helm/privileged'));
    assert.ok(schema.properties.rules.propertyNames.enum.includes('dockerfile/no-root-user'));
  });
});
