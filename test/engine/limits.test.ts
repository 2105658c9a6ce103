import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SKIPPED_ID, lint } from '../../engine';

describe('files Ballast does not analyse', () => {
  it('binary content gets one information finding instead of findings', () => {
    const { findings } = lint({ text: 'FROM node:latest\nUSER root\n\u0000\u0001\u0002', kind: 'dockerfile' });
    assert.deepEqual(findings, [
      {
        ruleId: SKIPPED_ID,
        severity: 'info',
        message: 'This file looks binary (it contains NUL or other control characters), so Ballast did not analyse it.',
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        fixes: [],
      },
    ]);
  });

  it('a text above the size limit is skipped with its size in the message', () => {
    const text = `FROM node:latest\n${'# padding\n'.repeat(300)}`;
    const { findings } = lint({ text, kind: 'dockerfile', maxTextLength: 1024 });
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.ruleId, SKIPPED_ID);
    assert.equal(findings[0]!.message, "This file is 2.9 KB, above Ballast's limit of 1.0 KB, so it was not analysed.");
  });

  it('tabs, form feeds and non-ASCII text are not binary', () => {
    const { findings } = lint({ text: 'FROM node:22\n\tRUN echo "héllo \f wörld"\nUSER 1000\nHEALTHCHECK NONE\n', kind: 'dockerfile' });
    assert.ok(!findings.some((f) => f.ruleId === SKIPPED_ID));
  });
});
