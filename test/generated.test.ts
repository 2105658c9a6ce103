import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { ROOT, generatedFiles } from '../scripts/generated';

// README's rule and settings tables, the rule docs and package.json's settings block are all
// derived; committing a rule or setting change without `npm run generate` fails here.
for (const [path, expected] of generatedFiles()) {
  it(`${path} is up to date (run npm run generate)`, () => {
    let actual: string;
    try {
      actual = readFileSync(join(ROOT, path), 'utf8');
    } catch {
      assert.fail(`${path} is missing`);
    }
    assert.equal(actual, expected);
  });
}
