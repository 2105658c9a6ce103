import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SKIPPED_ID, decodeSource, lint, normalizeSettings } from '../../engine';

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
    assert.equal(findings[0]!.message, "This file is 2.9 KB, above Ballast's limit of 1.0 KB (ballast.maxFileSizeMB), so it was not analysed.");
  });

  it('tabs, form feeds and non-ASCII text are not binary', () => {
    const { findings } = lint({ text: 'FROM node:22\n\tRUN echo "héllo \f wörld"\nUSER 1000\nHEALTHCHECK NONE\n', kind: 'dockerfile' });
    assert.ok(!findings.some((f) => f.ruleId === SKIPPED_ID));
  });
});

describe('decoding a file from disk', () => {
  const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))));

  it('drops a UTF-8 byte order mark and keeps everything else', () => {
    assert.deepEqual(decodeSource(bytes([0xef, 0xbb, 0xbf], 'FROM node:22\n# café\n')), { text: 'FROM node:22\n# café\n' });
  });

  it('names the offset of the first byte that is not UTF-8, counting the byte order mark', () => {
    assert.deepEqual(decodeSource(bytes('FROM node:22\n# caf', [0xe9], '\n')), {
      skipped: 'This file is not valid UTF-8 (the first bad byte is at offset 18), so Ballast did not analyse it. Save it as UTF-8 to have it checked.',
    });
    assert.deepEqual(decodeSource(bytes([0xef, 0xbb, 0xbf], 'ab', [0xe2, 0x82], 'c')), {
      skipped: 'This file is not valid UTF-8 (the first bad byte is at offset 5), so Ballast did not analyse it. Save it as UTF-8 to have it checked.',
    });
  });

  it('reports UTF-16 text, full of NUL bytes, as binary rather than as bad UTF-8', () => {
    assert.deepEqual(decodeSource(Buffer.from('\ufeffFROM node:22\n', 'utf16le')), {
      skipped: 'This file looks binary (it contains NUL or other control characters), so Ballast did not analyse it.',
    });
  });

  it('knows from the byte count alone that a file is above the limit', () => {
    assert.deepEqual(decodeSource(new Uint8Array(3 * 1024 + 1), 1024), {
      skipped: "This file is 3.0 KB, above Ballast's limit of 1.0 KB (ballast.maxFileSizeMB), so it was not analysed.",
    });
  });
});

describe('the maxFileSizeMB setting', () => {
  const text = `FROM node:latest\n${'# padding\n'.repeat(2000)}`;

  it('sets the limit lint applies', () => {
    const { findings } = lint({ text, kind: 'dockerfile', settings: { maxFileSizeMB: 0.01 } });
    assert.deepEqual(
      findings.map((finding) => finding.message),
      ["This file is 19.5 KB, above Ballast's limit of 10.2 KB (ballast.maxFileSizeMB), so it was not analysed."],
    );
    assert.ok(lint({ text, kind: 'dockerfile', settings: { maxFileSizeMB: 1 } }).findings.every((finding) => finding.ruleId !== SKIPPED_ID));
  });

  it('ignores values that are not a positive size', () => {
    for (const value of [0, 0.001, -1, Number.NaN, '2', null]) assert.equal(normalizeSettings({ maxFileSizeMB: value }).maxFileSizeMB, 5);
    assert.equal(normalizeSettings({ maxFileSizeMB: 12.5 }).maxFileSizeMB, 12.5);
  });
});
