// What a workspace scan keeps of the files VS Code finds: .gitignore read as git reads it,
// files.exclude as VS Code reads it, ballast.exclude as the server reads it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GitignoreRules, enabledGlobs, excludedByBallast, excludedLikeFilesExclude, findFilesExclude } from '../../client/scanFilter';

describe('workspace scan: which files are kept', () => {
  it('applies nested .gitignore files as git does', () => {
    const rules = new GitignoreRules();
    rules.add('/repo', 'build/\n/top-only.yaml\ngenerated-*.yaml\n!generated-keep.yaml\n');
    rules.add('/repo/sub', 'secret.yaml\n!generated-c.yaml\n');
    // git never looks inside an ignored folder, so this cannot bring build/Dockerfile back.
    rules.add('/repo/build', '!Dockerfile\n');
    // Each expectation as `git check-ignore --no-index` answers it for the same files.
    const expected: Record<string, boolean> = {
      'build/Dockerfile': true,
      'sub/build/Dockerfile': true,
      'top-only.yaml': true,
      'sub/top-only.yaml': false,
      'generated-a.yaml': true,
      'generated-keep.yaml': false,
      'sub/generated-b.yaml': true,
      'sub/generated-c.yaml': false,
      'sub/secret.yaml': true,
      'secret.yaml': false,
      Dockerfile: false,
    };
    const actual = Object.fromEntries(Object.keys(expected).map((path) => [path, rules.ignores(`/repo/${path}`)]));
    assert.deepEqual(actual, expected);
  });

  it('applies the .gitignore of a folder above the scanned one', () => {
    const rules = new GitignoreRules();
    rules.add('/', 'dist/\n');
    assert.equal(rules.ignores('/project/dist/Dockerfile'), true);
    assert.equal(rules.ignores('/project/src/Dockerfile'), false);
  });

  it('reads files.exclude as VS Code does: a glob that matches a folder excludes its files', () => {
    assert.equal(excludedLikeFilesExclude('a/.git/hooks/x.yaml', ['**/.git']), true);
    assert.equal(excludedLikeFilesExclude('build/deploy.yaml', ['build']), true);
    assert.equal(excludedLikeFilesExclude('src/build/deploy.yaml', ['build']), false);
    assert.equal(excludedLikeFilesExclude('src/deploy.yaml', ['**/*.yml']), false);
    assert.equal(excludedLikeFilesExclude('x/node_modules/pkg/Dockerfile', ['**/node_modules/**']), true);
    assert.deepEqual(enabledGlobs({ '**/.git': true, '**/.hg': false, '**/*.js': { when: '$(basename).ts' } }), ['**/.git']);
  });

  it('reads ballast.exclude as the server does', () => {
    assert.equal(excludedByBallast('vendor/lib/Dockerfile', ['vendor/**']), true);
    assert.equal(excludedByBallast('src/vendor/Dockerfile', ['vendor/**']), false);
    assert.equal(excludedByBallast('a/testdata/pod.yaml', ['**/testdata/**']), true);
  });

  it("gives findFiles an exclude glob only of what it reads the same way", () => {
    assert.equal(findFilesExclude(['**/.git'], ['vendor/**', 'x.yaml', '{a,b}/**'], true), '{**/node_modules/**,**/.git/**,**/.git,vendor/**}');
    // Below the workspace folder, findFiles would read `vendor/**` from the folder scanned.
    assert.equal(findFilesExclude(['build'], ['vendor/**'], false), '{**/node_modules/**,**/.git/**}');
  });
});
