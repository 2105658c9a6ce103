import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { effectiveSeverity, findRule, lint, listRules, normalizeSettings, type EngineSettings, type Profile } from '../../engine';

/** A pod that breaks a baseline control, restricted controls and checks beyond the standards. */
const MANIFEST = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:latest
      securityContext:
        privileged: true
`;

const BASELINE_RULE = 'kubernetes/privileged-container';
const RESTRICTED_RULES = ['kubernetes/allow-privilege-escalation', 'kubernetes/run-as-non-root', 'kubernetes/seccomp-profile-missing', 'kubernetes/capabilities-restricted'];
const OUTSIDE_PSS_RULES = ['kubernetes/image-tag-latest', 'kubernetes/resources-missing'];

function firingRules(settings: Partial<EngineSettings>): Set<string> {
  return new Set(lint({ text: MANIFEST, kind: 'kubernetes', settings }).findings.map((f) => f.ruleId));
}

function severityOf(id: string, settings: Partial<EngineSettings>): string {
  return effectiveSeverity(findRule(id)!, normalizeSettings(settings));
}

describe('profiles', () => {
  it('recommended, the default, runs every rule at its default severity', () => {
    const fired = firingRules({});
    for (const id of [BASELINE_RULE, ...RESTRICTED_RULES, ...OUTSIDE_PSS_RULES]) assert.ok(fired.has(id), id);
    assert.deepEqual(firingRules({ profile: 'recommended' }), fired);
    assert.equal(severityOf('kubernetes/run-as-non-root', { profile: 'recommended' }), 'warning');
    assert.equal(severityOf('kubernetes/image-digest', { profile: 'recommended' }), 'off', 'off by default stays off');
  });

  it('pss-baseline runs only the rules of baseline controls', () => {
    const fired = firingRules({ profile: 'pss-baseline' });
    assert.ok(fired.has(BASELINE_RULE));
    for (const id of [...RESTRICTED_RULES, ...OUTSIDE_PSS_RULES]) assert.ok(!fired.has(id), id);
    for (const id of fired) assert.ok(findRule(id)!.equivalents.pss?.some((control) => control.startsWith('baseline:')), `${id} is not a baseline rule`);
  });

  it('pss-restricted runs the rules of baseline and restricted controls, and no others', () => {
    const fired = firingRules({ profile: 'pss-restricted' });
    for (const id of [BASELINE_RULE, ...RESTRICTED_RULES]) assert.ok(fired.has(id), id);
    for (const id of OUTSIDE_PSS_RULES) assert.ok(!fired.has(id), id);
    assert.equal(severityOf('kubernetes/run-as-root-user', { profile: 'pss-restricted' }), 'error');
    assert.equal(severityOf('kubernetes/run-as-root-user', { profile: 'pss-baseline' }), 'off');
  });

  it('turns Dockerfile rules off under the Pod Security Standards profiles: none is a pod control', () => {
    const dockerfile = 'FROM node:latest\nUSER root\n';
    assert.ok(lint({ text: dockerfile, kind: 'dockerfile' }).findings.length > 0);
    for (const profile of ['pss-baseline', 'pss-restricted'] as const) assert.deepEqual(lint({ text: dockerfile, kind: 'dockerfile', settings: { profile } }).findings, []);
  });

  it('lets ballast.rules turn rules on, off or to another severity on top of any profile', () => {
    const settings = { profile: 'pss-baseline' as const, rules: { 'kubernetes/resources-missing': 'info' as const, [BASELINE_RULE]: 'off' as const, 'kubernetes/run-as-non-root': 'error' as const } };
    const findings = lint({ text: MANIFEST, kind: 'kubernetes', settings }).findings;
    assert.deepEqual([...new Set(findings.filter((f) => f.ruleId === 'kubernetes/resources-missing').map((f) => f.severity))], ['info']);
    assert.deepEqual([...new Set(findings.filter((f) => f.ruleId === 'kubernetes/run-as-non-root').map((f) => f.severity))], ['error']);
    assert.ok(!findings.some((f) => f.ruleId === BASELINE_RULE));
  });

  it('reads the setting strictly: anything but a known profile name is the default', () => {
    const profiles: Profile[] = ['recommended', 'pss-baseline', 'pss-restricted'];
    for (const profile of profiles) assert.equal(normalizeSettings({ profile }).profile, profile);
    for (const junk of ['PSS-Baseline', 'restricted', '', 3, null]) assert.equal(normalizeSettings({ profile: junk }).profile, 'recommended');
  });

  it('finds every rule the Pod Security Standards profiles name: each pss equivalent is <level>:<check>', () => {
    for (const meta of listRules()) {
      for (const control of meta.equivalents.pss ?? []) assert.match(control, /^(baseline|restricted):[A-Za-z_]+$/, `${meta.id}: ${control}`);
    }
  });
});
