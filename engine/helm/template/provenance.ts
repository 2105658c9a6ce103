/**
 * Where rendered text comes from. A values file's scalars keep the range they were written at, a
 * template's text and actions keep theirs, and text built from pieces (an `include`, a `toYaml`,
 * a `printf`) keeps a piece per source.
 *
 * Values stay plain JS objects and arrays, so template functions read and mutate them as Go's
 * maps and slices (`set`, `unset`, `merge` change the map they are given). Their provenance is
 * kept beside them, keyed by the container object: `registerContainer` records where a mapping or
 * list and each of its entries came from, and `entryProvenance` answers for an entry as long as
 * the entry still holds the value it was recorded with.
 */

export type ValuesPath = readonly (string | number)[];

/** A scalar, key or collection written in a values file. */
export interface ValuesOrigin {
  kind: 'values';
  /** The values file, as the render input names it (`values.yaml`, `charts/db/values.yaml`). */
  file: string;
  start: number;
  end: number;
  /** The path of the node in its file: `['image', 'tag']`. */
  valuesPath: ValuesPath;
  /** Whether the range is the entry's key (`toYaml` writes keys too) rather than its value. */
  part: 'value' | 'key';
  /** Whether the text was computed from the value (`b64enc`, `upper`) rather than copied. */
  derived?: true;
}

/** Template source: literal text, a string literal, or the action that printed a value. */
export interface TemplateOrigin {
  kind: 'template';
  /** The template file (`templates/deployment.yaml`), relative to the rendered chart's folder. */
  file: string;
  start: number;
  end: number;
}

export type Origin = ValuesOrigin | TemplateOrigin;

/** An action printed nothing because the value it read is missing or null (`<no value>`). */
export interface MissingOrigin {
  kind: 'missing';
  /** Path from the chart's `.Values`, as far as it is known: `['securityContext', 'runAsNonRoot']`. */
  valuesPath: ValuesPath | undefined;
  /** The action that printed it (for text run by `tpl`, where that text came from). */
  action: Origin;
}

export type PieceOrigin = Origin | MissingOrigin;

/** A range of some text and where it came from. */
export interface Piece {
  start: number;
  end: number;
  origin: PieceOrigin;
}

/** A string with pieces of provenance; ranges without a piece have none of their own. */
export class TracedText {
  constructor(
    readonly text: string,
    readonly pieces: readonly Piece[],
  ) {}
}

/** Counts every character written anywhere during a render, against the output limit. */
export interface OutputMeter {
  charge(characters: number): void;
}

/** Builds a TracedText, joining neighbouring pieces from the same origin. */
export class TextBuilder {
  private readonly parts: string[] = [];
  private readonly pieces: Piece[] = [];
  length = 0;

  constructor(private readonly meter?: OutputMeter) {}

  append(text: string, origin: PieceOrigin | undefined): void {
    if (text.length === 0) return;
    this.meter?.charge(text.length);
    const start = this.length;
    this.parts.push(text);
    this.length += text.length;
    if (origin) this.addPiece(start, this.length, origin);
  }

  /** Appends traced text; its untraced ranges take `fallback`. */
  appendTraced(traced: TracedText, fallback: PieceOrigin | undefined): void {
    if (traced.text.length === 0) {
      // Missing-value markers survive even in empty text.
      for (const piece of traced.pieces) if (piece.start === piece.end) this.addPiece(this.length, this.length, piece.origin);
      return;
    }
    this.meter?.charge(traced.text.length);
    const base = this.length;
    this.parts.push(traced.text);
    this.length += traced.text.length;
    let covered = 0;
    for (const piece of traced.pieces) {
      if (fallback && piece.start > covered) this.addPiece(base + covered, base + piece.start, fallback);
      this.addPiece(base + piece.start, base + piece.end, piece.origin);
      covered = Math.max(covered, piece.end);
    }
    if (fallback && covered < traced.text.length) this.addPiece(base + covered, this.length, fallback);
  }

  private addPiece(start: number, end: number, origin: PieceOrigin): void {
    const last = this.pieces.at(-1);
    if (last && last.origin === origin && last.end === start) last.end = end;
    else this.pieces.push({ start, end, origin });
  }

  build(): TracedText {
    return new TracedText(this.parts.join(''), this.pieces);
  }
}

/** Removes every occurrence of `needle`, moving pieces with the text; removed missing-value pieces stay as empty markers. */
export function removeAll(traced: TracedText, needle: string): TracedText {
  const cuts: number[] = [];
  for (let at = traced.text.indexOf(needle); at >= 0; at = traced.text.indexOf(needle, at + needle.length)) cuts.push(at);
  if (cuts.length === 0) return traced;
  const removedBefore = (offset: number): number => {
    let removed = 0;
    for (const cut of cuts) {
      if (cut >= offset) break;
      removed += Math.min(needle.length, offset - cut);
    }
    return removed;
  };
  const pieces: Piece[] = [];
  for (const piece of traced.pieces) {
    const start = piece.start - removedBefore(piece.start);
    const end = piece.end - removedBefore(piece.end);
    if (end > start || piece.origin.kind === 'missing') pieces.push({ start, end, origin: piece.origin });
  }
  return new TracedText(traced.text.split(needle).join(''), pieces);
}

/**
 * Carries pieces from `source` over to `result`, a string computed from it, when the computation
 * only cut text off (`trim`, `trunc`, `trimSuffix`) or only added text (`quote`, `indent`,
 * `nindent`): the result is then a substring of the source, or the source a subsequence of the
 * result. Returns undefined when the result is neither.
 */
export function carryPieces(source: TracedText, result: string): Piece[] | undefined {
  if (result === source.text) return [...source.pieces];
  const at = source.text.indexOf(result);
  if (at >= 0) return clip(source.pieces, at, at + result.length);
  const positions = subsequencePositions(source.text, result);
  if (!positions) return undefined;
  return source.pieces.map((piece) => ({
    start: piece.start < source.text.length ? positions[piece.start]! : result.length,
    end: piece.end > 0 ? positions[piece.end - 1]! + 1 : positions[0] ?? 0,
    origin: piece.origin,
  }));
}

/** The pieces within [from, to), shifted to start at 0. */
function clip(pieces: readonly Piece[], from: number, to: number): Piece[] {
  const result: Piece[] = [];
  for (const piece of pieces) {
    const start = Math.max(piece.start, from);
    const end = Math.min(piece.end, to);
    if (end > start || (piece.start === piece.end && piece.start >= from && piece.start <= to)) result.push({ start: start - from, end: end - from, origin: piece.origin });
  }
  return result;
}

/** For each character of `needle`, its index in `haystack`, matching greedily left to right. */
function subsequencePositions(needle: string, haystack: string): number[] | undefined {
  const positions: number[] = [];
  let at = 0;
  for (let i = 0; i < needle.length; i++) {
    at = haystack.indexOf(needle[i]!, at);
    if (at < 0) return undefined;
    positions.push(at++);
  }
  return positions;
}

// ---- values provenance ------------------------------------------------------------------------

interface EntryProvenance {
  /** The value the entry held when recorded; provenance lapses once a template replaces it. */
  value: unknown;
  origin: ValuesOrigin | undefined;
  keyOrigin: ValuesOrigin | undefined;
}

export interface ContainerProvenance {
  /** Where the mapping or list itself is written (`securityContext: {}`). */
  origin: ValuesOrigin | undefined;
  /** Its path from the chart's `.Values`, to name a missing key in full. */
  valuesPath: ValuesPath | undefined;
  /** Whether it was decoded from YAML or JSON, whose numbers are float64 in Helm. */
  decoded: boolean;
  entries: Map<string | number, EntryProvenance>;
}

const containers = new WeakMap<object, ContainerProvenance>();

export function registerContainer(container: object, info: Omit<ContainerProvenance, 'entries'>): ContainerProvenance {
  const existing = containers.get(container);
  if (existing) {
    existing.origin ??= info.origin;
    existing.valuesPath ??= info.valuesPath;
    existing.decoded ||= info.decoded;
    return existing;
  }
  const created: ContainerProvenance = { ...info, entries: new Map() };
  containers.set(container, created);
  return created;
}

export function recordEntry(container: object, key: string | number, value: unknown, origin: ValuesOrigin | undefined, keyOrigin?: ValuesOrigin): void {
  const info = containers.get(container) ?? registerContainer(container, { origin: undefined, valuesPath: undefined, decoded: false });
  info.entries.set(key, { value, origin, keyOrigin });
}

export function containerProvenance(container: object): ContainerProvenance | undefined {
  return containers.get(container);
}

/**
 * The origin of `container[key]`, while the entry holds the value recorded for it, and of its key,
 * which stays where it is written when a template replaces the value.
 */
export function entryProvenance(container: object, key: string | number, value: unknown): { origin: ValuesOrigin | undefined; keyOrigin: ValuesOrigin | undefined } | undefined {
  const entry = containers.get(container)?.entries.get(key);
  if (!entry) return undefined;
  return { origin: Object.is(entry.value, value) ? entry.origin : undefined, keyOrigin: entry.keyOrigin };
}
