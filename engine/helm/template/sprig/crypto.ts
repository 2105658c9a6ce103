/** Sprig's checksums: hex digests of the string's UTF-8 bytes, and Adler-32 in decimal. */

import { createHash } from 'node:crypto';
import { utf8 } from './goText';
import { defineFunctions, fixed } from './signature';

const hexDigest = (algorithm: string) => (text: string): string => createHash(algorithm).update(utf8(text)).digest('hex');

/** hash/adler32 checksum, printed as an unsigned decimal. */
function adler32(text: string): string {
  const MOD = 65521;
  let a = 1;
  let b = 0;
  for (const byte of utf8(text)) {
    a = (a + byte) % MOD;
    b = (b + a) % MOD;
  }
  return String(b * 65536 + a);
}

export const cryptoFunctions = defineFunctions({
  sha1sum: fixed(['string'], hexDigest('sha1')),
  sha256sum: fixed(['string'], hexDigest('sha256')),
  sha512sum: fixed(['string'], hexDigest('sha512')),
  adler32sum: fixed(['string'], adler32),
});
