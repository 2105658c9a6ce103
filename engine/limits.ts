import type { Finding } from './types';

/** The rule id of the information finding given instead of analysing a file. */
export const SKIPPED_ID = 'ballast/file-skipped';

/** Larger texts are not analysed: no real Dockerfile comes near it, and typing must stay fast. */
export const DEFAULT_MAX_TEXT_LENGTH = 5 * 1024 * 1024;

/**
 * Why a text should not be analysed at all (binary content, or too large), as the single finding
 * that replaces the analysis; undefined when it is fine.
 */
export function skipReason(text: string, maxLength: number = DEFAULT_MAX_TEXT_LENGTH): Finding | undefined {
  let message: string | undefined;
  if (text.length > maxLength) {
    message = `This file is ${formatSize(text.length)}, above Ballast's limit of ${formatSize(maxLength)}, so it was not analysed.`;
  } else if (looksBinary(text)) {
    message = 'This file looks binary (it contains NUL or other control characters), so Ballast did not analyse it.';
  }
  if (!message) return undefined;
  return { ruleId: SKIPPED_ID, severity: 'info', message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, fixes: [] };
}

function formatSize(length: number): string {
  return length >= 1024 * 1024 ? `${(length / (1024 * 1024)).toFixed(1)} MB` : `${(length / 1024).toFixed(1)} KB`;
}

/** NUL anywhere in the first 8 KB, or many control characters, as git and grep judge it. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.includes('\u0000')) return true;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) || code === 0xfffd) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}
