/**
 * Sprig's JSON functions. The plain ones give nil (`fromJson`) or "" (`toJson`…) where the `must`
 * ones fail: invalid JSON, or a NaN or infinite number to encode.
 *
 * Helm replaces Sprig's `fromJson` and `toJson` with its own (its `fromJson` returns a dict, with
 * an `Error` key on invalid input); these are Sprig's.
 */

import { GoFailure } from './goFailure';
import { decodeJson, encodeJson, type JsonEncoding } from './goJson';
import { defineFunctions, fixed } from './signature';

const COMPACT: JsonEncoding = { escapeHtml: true };
const PRETTY: JsonEncoding = { escapeHtml: true, indent: '  ' };
const RAW: JsonEncoding = { escapeHtml: false };

function orElse<T>(compute: () => T, fallback: T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof GoFailure) return fallback;
    throw error;
  }
}

export const jsonFunctions = defineFunctions({
  fromJson: fixed(['string'], (text) => orElse(() => decodeJson(text), null)),
  mustFromJson: fixed(['string'], decodeJson),
  toJson: fixed(['any'], (value) => orElse(() => encodeJson(value, COMPACT), '')),
  mustToJson: fixed(['any'], (value) => encodeJson(value, COMPACT)),
  toPrettyJson: fixed(['any'], (value) => orElse(() => encodeJson(value, PRETTY), '')),
  mustToPrettyJson: fixed(['any'], (value) => encodeJson(value, PRETTY)),
  toRawJson: fixed(['any'], (value) => orElse(() => encodeJson(value, RAW), '')),
  mustToRawJson: fixed(['any'], (value) => encodeJson(value, RAW)),
});
