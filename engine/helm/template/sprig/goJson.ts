/**
 * encoding/json over template values: Marshal (map keys sorted, `<`, `>` and `&` escaped unless
 * asked not to, floats formatted as Go formats them) and Unmarshal into interface{} (numbers become
 * float64), with Go's error messages.
 */

import { GoFailure } from './goFailure';
import { dictSet, isDict, isNil, sortedKeys, type GoDict } from './goValue';
import { formatFloat, quoteGo } from './goFormat';

export interface JsonEncoding {
  /** Escape `<`, `>` and `&` as \u003c, \u003e and \u0026, as json.Marshal does. */
  escapeHtml: boolean;
  /** json.MarshalIndent's indent; undefined for compact output. */
  indent?: string;
}

export function encodeJson(value: unknown, encoding: JsonEncoding): string {
  return encode(value, encoding, '');
}

function encode(value: unknown, encoding: JsonEncoding, depth: string): string {
  if (isNil(value)) return 'null';
  switch (typeof value) {
    case 'string':
      return encodeString(value, encoding.escapeHtml);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new GoFailure(`json: unsupported value: ${formatFloat(value)}`);
      return Object.is(value, -0) ? '-0' : String(value);
  }
  const inner = encoding.indent === undefined ? undefined : depth + encoding.indent;
  const open = inner === undefined ? '' : `\n${inner}`;
  const close = inner === undefined ? '' : `\n${depth}`;
  const separator = inner === undefined ? ',' : `,\n${inner}`;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${open}${value.map((item) => encode(item, encoding, inner ?? '')).join(separator)}${close}]`;
  }
  if (isDict(value)) {
    const keys = sortedKeys(value);
    if (keys.length === 0) return '{}';
    const colon = inner === undefined ? ':' : ': ';
    const members = keys.map((key) => `${encodeString(key, encoding.escapeHtml)}${colon}${encode(value[key], encoding, inner ?? '')}`);
    return `{${open}${members.join(separator)}${close}}`;
  }
  throw new GoFailure(`json: unsupported type: ${typeof value}`);
}

const JSON_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t',
};

function encodeString(text: string, escapeHtml: boolean): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const escape = JSON_ESCAPES[char];
    if (escape !== undefined) out += escape;
    else if (code < 0x20 || code === 0x2028 || code === 0x2029 || (escapeHtml && (char === '<' || char === '>' || char === '&'))) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else if (code >= 0xd800 && code <= 0xdfff) out += '\\ufffd';
    else out += char;
  }
  return `${out}"`;
}

/** json.Unmarshal into interface{}; throws a GoFailure with Go's message for invalid input. */
export function decodeJson(text: string): unknown {
  const reader = new JsonReader(text);
  reader.skipSpace();
  const value = reader.readValue();
  reader.skipSpace();
  if (!reader.atEnd()) throw reader.invalid('after top-level value');
  return value;
}

class JsonReader {
  private position = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.position >= this.text.length;
  }

  skipSpace(): void {
    while (/[ \t\n\r]/.test(this.text[this.position] ?? '')) this.position++;
  }

  /** A syntax error on the character at the current position, as Go's scanner words it. */
  invalid(context: string): GoFailure {
    if (this.atEnd()) return new GoFailure('unexpected end of JSON input');
    // Go's scanner reports the byte, so a multi-byte character shows as its first UTF-8 byte.
    const char = String.fromCharCode(Buffer.from(this.text.slice(this.position, this.position + 2), 'utf8')[0] ?? 0);
    const quoted = char === "'" ? "'\\''" : char === '"' ? `'"'` : `'${quoteGo(char).slice(1, -1)}'`;
    return new GoFailure(`invalid character ${quoted} ${context}`);
  }

  readValue(): unknown {
    const char = this.text[this.position];
    if (char === '{') return this.readObject();
    if (char === '[') return this.readArray();
    if (char === '"') return this.readString();
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return this.readNumber();
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (char === word[0]) return this.readLiteral(word, value);
    }
    throw this.invalid('looking for beginning of value');
  }

  private readLiteral(word: string, value: boolean | null): boolean | null {
    for (let i = 1; i < word.length; i++) {
      this.position++;
      if (this.text[this.position] !== word[i]) throw this.invalid(`in literal ${word} (expecting '${word[i]}')`);
    }
    this.position++;
    return value;
  }

  private readObject(): GoDict {
    const object: GoDict = {};
    this.position++;
    this.skipSpace();
    if (this.text[this.position] === '}') {
      this.position++;
      return object;
    }
    for (;;) {
      if (this.text[this.position] !== '"') throw this.invalid('looking for beginning of object key string');
      const key = this.readString();
      this.skipSpace();
      if (this.text[this.position] !== ':') throw this.invalid('after object key');
      this.position++;
      this.skipSpace();
      dictSet(object, key, this.readValue());
      this.skipSpace();
      const next = this.text[this.position];
      this.position++;
      if (next === '}') return object;
      if (next !== ',') {
        this.position--;
        throw this.invalid('after object key:value pair');
      }
      this.skipSpace();
    }
  }

  private readArray(): unknown[] {
    const array: unknown[] = [];
    this.position++;
    this.skipSpace();
    if (this.text[this.position] === ']') {
      this.position++;
      return array;
    }
    for (;;) {
      array.push(this.readValue());
      this.skipSpace();
      const next = this.text[this.position];
      this.position++;
      if (next === ']') return array;
      if (next !== ',') {
        this.position--;
        throw this.invalid('after array element');
      }
      this.skipSpace();
    }
  }

  private readString(): string {
    const start = this.position;
    this.position++;
    for (;;) {
      const char = this.text[this.position];
      if (char === undefined) throw this.invalid('in string literal');
      if (char === '"') break;
      if (char < ' ') throw this.invalid('in string literal');
      if (char === '\\') {
        this.position++;
        const escape = this.text[this.position] ?? '';
        if (escape === 'u') {
          for (let i = 0; i < 4; i++) {
            this.position++;
            if (!/[0-9a-fA-F]/.test(this.text[this.position] ?? '')) throw this.invalid('in \\u hexadecimal character escape');
          }
        } else if (!'"\\/bfnrt'.includes(escape) || escape === '') {
          throw this.invalid('in string escape code');
        }
      }
      this.position++;
    }
    this.position++;
    // The literal is valid JSON now; JSON.parse decodes its escapes (a lone surrogate escape aside, as Go does, to U+FFFD).
    return (JSON.parse(this.text.slice(start, this.position)) as string).replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  }

  private readNumber(): number {
    const match = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(this.text.slice(this.position));
    const literal = match?.[0] ?? '';
    if (literal === '') {
      // Only a lone `-` can get here: the character after it is the one that is wrong.
      this.position++;
      throw this.invalid('in numeric literal');
    }
    const after = this.text[this.position + literal.length];
    if (after === '.' || after === 'e' || after === 'E') {
      this.position += literal.length + 1;
      if (after !== '.' && /[+-]/.test(this.text[this.position] ?? '')) this.position++;
      throw this.invalid(after === '.' ? 'after decimal point in numeric literal' : 'in exponent of numeric literal');
    }
    this.position += literal.length;
    const value = Number(literal);
    if (!Number.isFinite(value)) throw new GoFailure(`json: cannot unmarshal number ${literal} into Go value of type float64`);
    return value;
  }
}
