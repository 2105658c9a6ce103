import type { Finding } from './types';

/** The rule id of the information finding given instead of analysing a file. */
export const SKIPPED_ID = 'ballast/file-skipped';

/** Larger texts are not analysed unless `ballast.maxFileSizeMB` says otherwise. */
export const DEFAULT_MAX_TEXT_LENGTH = 5 * 1024 * 1024;

/**
 * A text is at most 3 bytes of UTF-8 per UTF-16 code unit, so a file of more bytes than this is
 * above the limit whatever it holds and need not be read at all to know it.
 */
export function maxFileBytes(maxTextLength: number): number {
  return 3 * maxTextLength;
}

/**
 * Why a text should not be analysed at all (binary content, or too large), as the single finding
 * that replaces the analysis; undefined when it is fine.
 */
export function skipReason(text: string, maxLength: number = DEFAULT_MAX_TEXT_LENGTH): Finding | undefined {
  let message: string | undefined;
  if (text.length > maxLength) {
    message = tooLargeMessage(text.length, maxLength);
  } else if (looksBinary(text)) {
    message = 'This file looks binary (it contains NUL or other control characters), so Ballast did not analyse it.';
  }
  return message === undefined ? undefined : skippedFinding(message);
}

export function skippedFinding(message: string): Finding {
  return { ruleId: SKIPPED_ID, severity: 'info', message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, fixes: [] };
}

export function tooLargeMessage(size: number, maxLength: number): string {
  return `This file is ${formatSize(size)}, above Ballast's limit of ${formatSize(maxLength)} (ballast.maxFileSizeMB), so it was not analysed.`;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * A file's bytes as the text Ballast analyses: UTF-8 without its byte order mark, as editors read
 * it. Anything else (invalid UTF-8, UTF-16, Latin-1) is not guessed at: the reason is returned,
 * with the offset of the first byte that is not UTF-8, so a scan reports it instead of linting
 * replacement characters.
 */
export function decodeSource(bytes: Uint8Array, maxLength: number = DEFAULT_MAX_TEXT_LENGTH): { text: string } | { skipped: string } {
  if (bytes.length > maxFileBytes(maxLength)) return { skipped: tooLargeMessage(bytes.length, maxLength) };
  const hasBom = UTF8_BOM.every((byte, i) => bytes[i] === byte);
  const body = hasBom ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    if (body.subarray(0, 8192).includes(0)) return { skipped: skipReason('\u0000')!.message };
    return { skipped: `This file is not valid UTF-8 (the first bad byte is at offset ${firstInvalidUtf8(body) + (hasBom ? 3 : 0)}), so Ballast did not analyse it. Save it as UTF-8 to have it checked.` };
  }
  const skipped = skipReason(text, maxLength);
  return skipped ? { skipped: skipped.message } : { text };
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  // Binary search on prefixes would be confused by a sequence cut in half; walk the sequences instead.
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    try {
      decoder.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return i;
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
