/** Typing into an open document over the protocol, one character per edit, timed to its diagnostics. */
import type { Position } from 'vscode-languageserver/node';
import type { BenchServer } from './lspClient';
import type { BenchPlan } from './plan';

/**
 * The end of the comment line nearest the middle of the text: typing there changes no finding, so
 * every edit costs the server the same work, wherever the file's findings are.
 */
export function commentNearMiddle(text: string): Position {
  const lines = text.split('\n');
  const middle = Math.floor(lines.length / 2);
  for (let distance = 0; distance < lines.length; distance++) {
    for (const line of [middle - distance, middle + distance]) {
      const content = lines[line]?.replace(/\r$/, '');
      // Not a parser directive (`# syntax=`) nor a suppression comment, whose meaning typing would change.
      if (content !== undefined && /^\s*#(?!\s*(syntax|escape|check)\s*=)(?!.*ballast-ignore)/.test(content)) return { line, character: content.length };
    }
  }
  throw new Error('the input has no comment line to type in');
}

export interface EditOutcome {
  version: number;
  /** Edit sent to diagnostics received, or undefined when they never came. */
  latencyMs: number | undefined;
  diagnostics: number | undefined;
}

/** Types one character after another at the same place, as someone writing a word does. */
export class Typist {
  private version = 1;
  private character: number;

  constructor(
    private readonly server: BenchServer,
    readonly uri: string,
    private readonly at: Position,
    /** How long to wait for an edit's diagnostics before counting them as never published. */
    private readonly timeoutMs: number,
  ) {
    this.character = at.character;
  }

  /** One keystroke, timed to the published diagnostics of its version. */
  async typePushed(): Promise<EditOutcome> {
    const version = ++this.version;
    const sent = this.server.insert(this.uri, version, { line: this.at.line, character: this.character++ }, 'x');
    const published = await this.server.diagnosticsFor(this.uri, version, this.timeoutMs);
    return { version, latencyMs: published ? published.at - sent : undefined, diagnostics: published?.diagnostics };
  }

  /** One keystroke followed at once by `textDocument/diagnostic`, timed to its answer. */
  async typePulled(): Promise<EditOutcome> {
    const version = ++this.version;
    const sent = this.server.insert(this.uri, version, { line: this.at.line, character: this.character++ }, 'x');
    const { report, at } = await this.server.pull(this.uri);
    return { version, latencyMs: at - sent, diagnostics: report.kind === 'full' ? report.items.length : undefined };
  }
}

/** Types untimed edits until the plan's warm-up is done; returns them, the first one's latency tells of a cold server. */
export async function warmUp(type: () => Promise<EditOutcome>, warmup: BenchPlan['warmup']): Promise<EditOutcome[]> {
  const outcomes: EditOutcome[] = [];
  const started = performance.now();
  while (outcomes.length < warmup.minEdits || (performance.now() - started < warmup.ms && outcomes.length < warmup.maxEdits)) outcomes.push(await type());
  return outcomes;
}
