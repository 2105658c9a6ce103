/**
 * Sprig's `b64enc`, `b64dec`, `b32enc` and `b32dec` (standard alphabets, padded). Decoding follows
 * Go's decoders: line breaks are skipped, and invalid input gives Go's error text as the result
 * (`illegal base64 data at input byte 4`), which Sprig returns instead of failing.
 */

import { fromUtf8, utf8 } from './goText';
import { defineFunctions, fixed } from './signature';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const PAD = 0x3d;
const isLineBreak = (byte: number | undefined): boolean => byte === 0x0a || byte === 0x0d;

class CorruptInput {
  constructor(readonly offset: number) {}
}

function decodeMap(alphabet: string): Int16Array {
  const map = new Int16Array(256).fill(-1);
  for (let i = 0; i < alphabet.length; i++) map[alphabet.charCodeAt(i)] = i;
  return map;
}

const BASE64_MAP = decodeMap(BASE64);
const BASE32_MAP = decodeMap(BASE32);

/** base64.StdEncoding.DecodeString, quantum by quantum, to report the offset Go reports. */
function decodeBase64(src: Uint8Array): Uint8Array | CorruptInput {
  const out: number[] = [];
  let si = 0;
  for (;;) {
    const quantum = [0, 0, 0, 0];
    let length = 4;
    let end = false;
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return Uint8Array.from(out);
        return new CorruptInput(si - j);
      }
      const byte = src[si] ?? 0;
      si++;
      const value = BASE64_MAP[byte] ?? -1;
      if (value >= 0) {
        quantum[j] = value;
        continue;
      }
      if (isLineBreak(byte)) {
        j--;
        continue;
      }
      if (byte !== PAD || j < 2) return new CorruptInput(si - 1);
      if (j === 2) {
        // "==" is expected; line breaks may sit between the two.
        while (si < src.length && isLineBreak(src[si])) si++;
        if (si === src.length) return new CorruptInput(src.length);
        if (src[si] !== PAD) return new CorruptInput(si - 1);
        si++;
      }
      while (si < src.length && isLineBreak(src[si])) si++;
      if (si < src.length) return new CorruptInput(si);
      length = j;
      end = true;
      break;
    }
    const [a = 0, b = 0, c = 0, d = 0] = quantum;
    const bits = (a << 18) | (b << 12) | (c << 6) | d;
    out.push(...[(bits >> 16) & 0xff, (bits >> 8) & 0xff, bits & 0xff].slice(0, length - 1));
    if (end) return Uint8Array.from(out);
  }
}

/** Bytes decoded from each count of base32 characters before the padding. */
const BASE32_BYTES: Readonly<Record<number, number>> = { 2: 1, 4: 2, 5: 3, 7: 4, 8: 5 };

/** base32.StdEncoding.DecodeString: line breaks are removed first, so offsets count without them. */
function decodeBase32(input: Uint8Array): Uint8Array | CorruptInput {
  const src = input.filter((byte) => !isLineBreak(byte));
  const out: number[] = [];
  let position = 0;
  let end = false;
  while (position < src.length && !end) {
    const quantum = new Array<number>(8).fill(0);
    let length = 8;
    for (let j = 0; j < 8; ) {
      if (position === src.length) return new CorruptInput(position - j);
      const byte = src[position] ?? 0;
      position++;
      const remaining = src.length - position;
      if (byte === PAD && j >= 2 && remaining < 8) {
        if (remaining + j < 7) return new CorruptInput(src.length);
        for (let k = 0; k < 7 - j; k++) {
          if (remaining > k && src[position + k] !== PAD) return new CorruptInput(position + k - 1);
        }
        length = j;
        end = true;
        if (length === 1 || length === 3 || length === 6) return new CorruptInput(position - 1);
        break;
      }
      const value = BASE32_MAP[byte] ?? -1;
      if (value < 0) return new CorruptInput(position - 1);
      quantum[j] = value;
      j++;
    }
    let bits = 0n;
    for (const value of quantum) bits = (bits << 5n) | BigInt(value);
    const bytes = [32n, 24n, 16n, 8n, 0n].map((shift) => Number((bits >> shift) & 0xffn));
    out.push(...bytes.slice(0, BASE32_BYTES[length] ?? 0));
  }
  return Uint8Array.from(out);
}

function encodeBase32(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 5) {
    const block = bytes.subarray(i, i + 5);
    let bits = 0n;
    for (let k = 0; k < 5; k++) bits = (bits << 8n) | BigInt(block[k] ?? 0);
    const characters = Math.ceil((block.length * 8) / 5);
    for (let k = 0; k < 8; k++) out += k < characters ? BASE32[Number((bits >> BigInt(35 - 5 * k)) & 31n)] : '=';
  }
  return out;
}

function decoded(result: Uint8Array | CorruptInput, name: string): string {
  return result instanceof CorruptInput ? `illegal ${name} data at input byte ${result.offset}` : fromUtf8(result);
}

export const encodingFunctions = defineFunctions({
  b64enc: fixed(['string'], (text) => utf8(text).toString('base64')),
  b64dec: fixed(['string'], (text) => decoded(decodeBase64(utf8(text)), 'base64')),
  b32enc: fixed(['string'], (text) => encodeBase32(utf8(text))),
  b32dec: fixed(['string'], (text) => decoded(decodeBase32(utf8(text)), 'base32')),
});
