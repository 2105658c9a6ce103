import type { ScanTally, ScannedFile } from '../scan';
import type { WalkError } from '../walk';

export type Write = (text: string) => void;

/**
 * An output format, fed one file at a time in output order, so that a large scan is written as it
 * goes rather than held in memory.
 */
export interface Reporter {
  file(file: ScannedFile): void;
  /** After the last file: directories that could not be read, and the totals. */
  end(tally: ScanTally, walkErrors: readonly WalkError[]): void;
}

/**
 * A JSON array written item by item, laid out exactly as `JSON.stringify(value, null, 2)` lays it
 * out at that depth, so a streamed document reads the same as one built whole. The caller writes
 * the opening `[`; `close` returns the closing one.
 */
export class JsonArrayWriter {
  private count = 0;

  constructor(
    private readonly write: Write,
    /** Indentation of the array's items. */
    private readonly depth: number,
  ) {}

  push(value: unknown): void {
    this.write(`${this.count++ === 0 ? '\n' : ',\n'}${indented(value, this.depth)}`);
  }

  close(): string {
    return this.count === 0 ? ']' : `\n${' '.repeat(this.depth - 2)}]`;
  }
}

/** `value` as `JSON.stringify(value, null, 2)`, every line indented by `depth` spaces. */
export function indented(value: unknown, depth: number): string {
  const pad = ' '.repeat(depth);
  return pad + JSON.stringify(value, null, 2).replace(/\n/g, `\n${pad}`);
}
