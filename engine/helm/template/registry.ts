import { goBuiltins, SHORT_CIRCUIT, type BuiltinFunction } from './builtins';
import type { FunctionTable, TemplateFunction } from './functions';

/**
 * Which function a name calls, in Go's order: functions added to the template (Helm's over
 * Sprig's, as Helm adds its own last) before Go's builtins. A name that Helm or Sprig defines but
 * no table here implements is `unsupported`: the template stops with a message naming it instead
 * of rendering something Helm would not.
 */

/** What a function that needs the executor gets besides its arguments. */
export interface CallContext {
  /** The function's name as called. */
  name: string;
  /** Executes a named template with `dot`, returning its output. */
  executeTemplate(name: string, dot: unknown): unknown;
  /** Parses and executes template text with `dot` (Helm's `tpl`); `source` is where the text came from. */
  executeText(text: string, dot: unknown, source: unknown): unknown;
  /** Counts work against the render's step budget. */
  step(count?: number): void;
}

/** A function over executor values (provenance, Go number kinds), written for the renderer. */
export interface IntrinsicFunction {
  minArgs: number;
  /** Undefined for variadic functions. */
  maxArgs?: number;
  run(args: unknown[], context: CallContext): unknown;
}

/** How an external function's result keeps its arguments' provenance. */
export type ProvenancePolicy =
  /** The result is one of the arguments, or an entry of one (`default`, `first`, `get`). */
  | 'select'
  /** The result is text made from an argument's text (`quote`, `nindent`, `trunc`, `b64enc`). */
  | 'text'
  /** Neither: numbers, booleans, new text. */
  | 'none';

export type ResolvedFunction =
  | { kind: 'builtin'; function: BuiltinFunction }
  | { kind: 'shortCircuit'; name: 'and' | 'or' }
  | { kind: 'intrinsic'; function: IntrinsicFunction }
  | { kind: 'external'; function: TemplateFunction; provenance: ProvenancePolicy; refused: boolean }
  | { kind: 'unsupported' };

const SELECT = ['default', 'coalesce', 'ternary', 'first', 'mustFirst', 'last', 'mustLast', 'get', 'dig', 'index'];

const TEXT = [
  'quote', 'squote', 'toString', 'trim', 'trimAll', 'trimall', 'trimPrefix', 'trimSuffix', 'trunc', 'indent', 'nindent',
  'upper', 'lower', 'title', 'untitle', 'replace', 'nospace', 'abbrev', 'abbrevboth', 'substr', 'wrap', 'wrapWith', 'cat',
  'b64enc', 'b64dec', 'b32enc', 'b32dec', 'snakecase', 'camelcase', 'kebabcase', 'swapcase', 'repeat', 'join',
  'regexReplaceAll', 'regexReplaceAllLiteral', 'mustRegexReplaceAll', 'mustRegexReplaceAllLiteral', 'clean', 'base', 'dir', 'ext',
];

const POLICIES: ReadonlyMap<string, ProvenancePolicy> = new Map<string, ProvenancePolicy>([
  ...SELECT.map((name) => [name, 'select'] as const),
  ...TEXT.map((name) => [name, 'text'] as const),
]);

/** Every function name Sprig's `TxtFuncMap` defines, less `env` and `expandenv`, which Helm removes. */
const SPRIG_NAMES = `hello ago date date_in_zone date_modify dateInZone dateModify duration durationRound htmlDate
htmlDateInZone must_date_modify mustDateModify mustToDate now toDate unixEpoch abbrev abbrevboth trunc trim upper lower
title untitle substr repeat trimall trimAll trimSuffix trimPrefix nospace initials randAlphaNum randAlpha randAscii
randNumeric randSeededNumeric swapcase shuffle snakecase camelcase kebabcase wrap wrapWith contains hasPrefix hasSuffix
quote squote cat indent nindent replace plural sha1sum sha256sum sha512sum adler32sum toString atoi int64 int float64
seq toDecimal split splitList splitn toStrings until untilStep add1 add sub div mod mul randInt add1f addf subf divf
mulf biggest max min maxf minf ceil floor round join sortAlpha default empty coalesce all any compact mustCompact
fromJson toJson toPrettyJson toRawJson mustFromJson mustToJson mustToPrettyJson mustToRawJson ternary deepCopy
mustDeepCopy typeOf typeIs typeIsLike kindOf kindIs deepEqual getHostByName base dir clean ext isAbs osBase osClean
osDir osExt osIsAbs b64enc b64dec b32enc b32dec tuple list dict get set unset hasKey pluck keys pick omit merge
mergeOverwrite mustMerge mustMergeOverwrite values append push mustAppend mustPush prepend mustPrepend first mustFirst
rest mustRest last mustLast initial mustInitial reverse mustReverse uniq mustUniq without mustWithout has mustHas slice
mustSlice concat dig chunk mustChunk bcrypt htpasswd genPrivateKey derivePassword buildCustomCert genCA genCAWithKey
genSelfSignedCert genSelfSignedCertWithKey genSignedCert genSignedCertWithKey encryptAES decryptAES randBytes uuidv4
semver semverCompare fail regexMatch mustRegexMatch regexFindAll mustRegexFindAll regexFind mustRegexFind
regexReplaceAll mustRegexReplaceAll regexReplaceAllLiteral mustRegexReplaceAllLiteral regexSplit mustRegexSplit
regexQuoteMeta urlParse urlJoin`.split(/\s+/);

/** The functions Helm adds to Sprig's. */
const HELM_NAMES = ['include', 'tpl', 'required', 'toYaml', 'mustToYaml', 'toYamlPretty', 'fromYaml', 'fromYamlArray', 'toJson', 'mustToJson', 'fromJson', 'fromJsonArray', 'toToml', 'fromToml', 'lookup'];

const KNOWN_NAMES: ReadonlySet<string> = new Set([...SPRIG_NAMES, ...HELM_NAMES, ...Object.keys(goBuiltins), ...SHORT_CIRCUIT]);

export class FunctionSet {
  constructor(
    /** Helm's functions, written against the executor. */
    private readonly intrinsics: Readonly<Record<string, IntrinsicFunction>>,
    /** Plain functions, Sprig's among them; earlier tables win. */
    private readonly external: readonly FunctionTable[],
    /** External functions that always refuse to run; their failure is `unsupported`, not a chart error. */
    private readonly refused: ReadonlySet<string> = new Set(),
  ) {}

  /** Whether Go's parser would accept the name: a function Helm's engine defines. */
  isKnown(name: string): boolean {
    return KNOWN_NAMES.has(name) || Object.hasOwn(this.intrinsics, name) || this.external.some((table) => Object.hasOwn(table, name));
  }

  resolve(name: string): ResolvedFunction | undefined {
    if (Object.hasOwn(this.intrinsics, name)) return { kind: 'intrinsic', function: this.intrinsics[name]! };
    for (const table of this.external) {
      if (Object.hasOwn(table, name)) return { kind: 'external', function: table[name]!, provenance: POLICIES.get(name) ?? 'none', refused: this.refused.has(name) };
    }
    if (name === 'and' || name === 'or') return { kind: 'shortCircuit', name };
    if (Object.hasOwn(goBuiltins, name)) return { kind: 'builtin', function: goBuiltins[name]! };
    return KNOWN_NAMES.has(name) ? { kind: 'unsupported' } : undefined;
  }
}
