import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { call, failure } from './call';

function check(constraint: string, cases: Record<string, boolean>): void {
  for (const [version, expected] of Object.entries(cases)) {
    assert.equal(call('semverCompare', constraint, version), expected, `${constraint} ${version}`);
  }
}

describe('Sprig semver functions', () => {
  it('compares (Sprig semver_test)', () => {
    assert.equal(call('semverCompare', '1.2.3', '1.2.3'), true);
    assert.equal(call('semverCompare', '^1.2.0', '1.2.3'), true);
    assert.equal(call('semverCompare', '^1.2.0', '2.2.3'), false);
    assert.equal(failure('semverCompare', 'badConstraint', '1.2.3'), 'error calling semverCompare: improper constraint: badConstraint');
    assert.equal(failure('semverCompare', '1.2.0', 'badVersion'), 'error calling semverCompare: invalid semantic version');
  });

  it('parses versions into their parts', () => {
    assert.deepEqual(call('semver', '1.2.3-beta.1+c0ff33'), {
      Major: 1,
      Minor: 2,
      Patch: 3,
      Prerelease: 'beta.1',
      Metadata: 'c0ff33',
      Original: '1.2.3-beta.1+c0ff33',
    });
    assert.deepEqual(call('semver', 'v1.28'), { Major: 1, Minor: 28, Patch: 0, Prerelease: '', Metadata: '', Original: 'v1.28' });
    assert.equal((call('semver', '01.02.03') as { Major: number }).Major, 1);
    assert.equal(failure('semver', '1.2.3.4'), 'error calling semver: invalid semantic version');
    assert.equal(failure('semver', '1.2.3-01'), 'error calling semver: version segment starts with 0');
    assert.equal(failure('semver', 'V1.2.3'), 'error calling semver: invalid semantic version');
  });

  it('answers the capability checks charts make on Kubernetes versions', () => {
    check('>=1.19-0', { 'v1.28.3': true, 'v1.28.3-eks-1234': true, 'v1.28.3+k3s1': true, 'v1.18.20': false, 'v1.19.0-gke.100': true });
    // Without the `-0`, pre-release versions of managed clusters do not match.
    check('>=1.19', { 'v1.28.3': true, 'v1.28.3-eks-1234': false });
    check('<1.19-0', { 'v1.18.2-gke.100': true, 'v1.19.0': false });
    check('>=1.21-0', { '1.20.15+k3s1': false, '1.21.0+k3s1': true });
    check('>= 1.19-0 < 1.22-0', { 'v1.20.1': true, 'v1.22.0': false, 'v1.21.9-eks-1': true });
  });

  it('follows the ranges of the semver documentation', () => {
    check('>= 1.2, < 3.0.0 || >= 4.2.3', { '2.9': true, '3.5': false, '4.3': true, '1.1': false });
    check('1.2 - 1.4.5', { '1.2.0': true, '1.4.5': true, '1.4.6': false, '1.1.9': false });
    check('2.3.4 - 4.5', { '4.5.9': true, '4.6.0': false, '2.3.3': false });
    check('1.2.x', { '1.2.0': true, '1.2.9': true, '1.3.0': false });
    check('>= 1.2.x', { '1.2.0': true, '1.1.9': false, '7.0.0': true });
    check('<= 2.x', { '2.9.9': true, '3.0.0': false });
    check('*', { '0.0.1': true, '9.9.9': true, '1.0.0-beta': false });
    check('~1.2.3', { '1.2.3': true, '1.2.9': true, '1.3.0': false, '1.2.2': false });
    check('~1', { '1.0.0': true, '1.9.9': true, '2.0.0': false });
    check('~2.3', { '2.3.0': true, '2.3.9': true, '2.4.0': false });
    check('~1.x', { '1.9.0': true, '2.0.0': false });
    check('^1.2.3', { '1.2.3': true, '1.9.9': true, '2.0.0': false, '1.2.2': false });
    check('^1.2.x', { '1.2.0': true, '1.9.0': true, '2.0.0': false });
    check('^2.3', { '2.3.0': true, '2.9.0': true, '3.0.0': false });
    check('^0.2.3', { '0.2.3': true, '0.2.9': true, '0.3.0': false });
    check('^0.2', { '0.2.0': true, '0.3.0': false });
    check('^0.0.3', { '0.0.3': true, '0.0.4': false });
    check('^0.0', { '0.0.9': true, '0.1.0': false });
    check('^0', { '0.9.9': true, '1.0.0': false });
  });

  it('compares operators, exact versions and pre-releases', () => {
    check('!=1.2.3', { '1.2.3': false, '1.2.4': true });
    check('!=1.x', { '1.5.0': false, '2.0.0': true });
    check('>1.2', { '1.2.9': false, '1.3.0': true });
    check('>11', { '11.9.0': false, '12.0.0': true });
    check('=1.2.3', { 'v1.2.3': true, '1.2.3+build': true });
    check('<1.2.3', { '1.2.2': true, '1.2.3': false });
    check('>=1.2.3-BETA', { '1.2.3-alpha': true });
    check('>1.2.3-alpha.1', { '1.2.3-alpha.beta': true, '1.2.3-alpha.10': true, '1.2.3-alpha.0': false, '1.2.3-alpha': false });
    check('>=1.2.3-alpha.9', { '1.2.3-alpha.10': true });
    assert.equal(failure('semverCompare', '>= 1.2 ||', '1.2.0'), 'error calling semverCompare: improper constraint: ');
  });
});
