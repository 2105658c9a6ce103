import { formatJsonFloat } from './goFloat';
import { containerProvenance, entryProvenance, TracedText, type Origin, type Piece } from './provenance';
import { compareKeys, GoObject, isFloat, Traced, unwrap } from './values';

/**
 * Helm's `toJson`: Go's encoding/json, compact, map keys sorted, `<`, `>` and `&` escaped as
 * `\u003c`, float64s as Go writes them. Scalars and keys keep their values origins.
 * Returns undefined where Go's Marshal fails (NaN or infinite numbers).
 */
export function toJson(value: unknown, charge: (work: number) => void): TracedText | undefined {
  const pieces: Piece[] = [];
  let text = '';
  const traced = (start: number, origin: Origin | undefined): void => {
    if (origin && text.length > start) pieces.push({ start, end: text.length, origin });
  };
  const emit = (item: unknown, origin: Origin | undefined, depth: number): boolean => {
    const start = text.length;
    const inner = data(item);
    if (depth > 1000) return false;
    if (inner === null) text += 'null';
    else if (typeof inner === 'boolean') text += String(inner);
    else if (typeof inner === 'number') {
      if (!Number.isFinite(inner)) return false;
      text += isFloat(item) || !Number.isInteger(inner) ? formatJsonFloat(inner) : String(inner);
    } else if (typeof inner === 'string') text += jsonString(inner);
    else if (Array.isArray(inner)) {
      charge(inner.length);
      text += '[';
      for (let i = 0; i < inner.length; i++) {
        if (i > 0) text += ',';
        if (!emit(numberOf(inner, i), entryProvenance(inner, i, inner[i])?.origin, depth + 1)) return false;
      }
      text += ']';
      origin ??= containerProvenance(inner)?.origin;
      if (inner.length > 0) origin = undefined;
    } else {
      const map = inner as Record<string, unknown>;
      const keys = Object.keys(map).sort(compareKeys);
      charge(keys.length);
      text += '{';
      for (const [i, key] of keys.entries()) {
        if (i > 0) text += ',';
        const entry = entryProvenance(map, key, map[key]);
        const keyStart = text.length;
        text += jsonString(key);
        traced(keyStart, entry?.keyOrigin);
        text += ':';
        if (!emit(numberOf(map, key), entry?.origin, depth + 1)) return false;
      }
      text += '}';
      origin ??= containerProvenance(map)?.origin;
      if (keys.length > 0) origin = undefined;
    }
    traced(start, origin);
    return true;
  };
  const rootOrigin = value instanceof Traced ? value.origin : undefined;
  return emit(value, rootOrigin, 0) ? new TracedText(text, pieces) : undefined;
}

/** An entry, typed as a float64 when its container was decoded from YAML or JSON. */
function numberOf(container: Record<string, unknown> | unknown[], key: string | number): unknown {
  const value = (container as Record<string | number, unknown>)[key];
  return typeof value === 'number' && containerProvenance(container)?.decoded ? new Traced(value, undefined, 'float') : value;
}

function data(value: unknown): unknown {
  const inner = unwrap(value);
  if (inner === undefined) return null;
  if (inner instanceof GoObject) {
    if (inner.options.entries) return Object.fromEntries(inner.options.entries());
    if (inner.options.items) return inner.options.items();
    return { ...inner.fields };
  }
  return inner;
}

const HEX = '0123456789abcdef';

/** encoding/json's string: HTML-safe, U+2028 and U+2029 escaped, lone surrogates replaced. */
function jsonString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || ch === '<' || ch === '>' || ch === '&') out += `\\u00${HEX[code >> 4]}${HEX[code & 0xf]}`;
    else if (code === 0x2028 || code === 0x2029) out += `\\u${code.toString(16)}`;
    else if (code >= 0xd800 && code < 0xe000) out += '\\ufffd';
    else out += ch;
  }
  return `${out}"`;
}
