// Readings of VS Code's rendered editor, run inside the page with page.evaluate. Each function is
// self-contained (it is sent to the browser as source text) and reads only what a user sees.

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A squiggle as the user sees it: its severity, its 1-based line and the text it underlines. */
export interface Squiggle {
  severity: Severity;
  line: number;
  text: string;
}

/** One finding row of the Problems panel. */
export interface ProblemRow {
  /** Absolute path of the file the row is listed under. */
  file: string;
  severity: string;
  message: string;
  source: string;
  code: string;
  /** As shown, e.g. `[Ln 1, Col 11]`. */
  position: string;
}

/** The editor the user is typing in: the active group's text editor. */
export const ACTIVE_EDITOR = '.part.editor .editor-group-container.active .editor-container .monaco-editor';

/**
 * The lines of the editor as rendered, top to bottom. Monaco renders spaces as no-break spaces.
 * Only rendered lines are read: the fixtures are short enough to be fully on screen.
 */
export function readRenderedLines(editorSelector: string): string[] {
  const editor = document.querySelector(editorSelector);
  if (!editor) throw new Error(`no editor matches ${editorSelector}`);
  const lines = [...editor.querySelectorAll<HTMLElement>('.view-lines .view-line')];
  return lines
    .map((line) => ({ top: line.getBoundingClientRect().top, text: (line.textContent ?? '').replace(/\u00a0/g, ' ') }))
    .sort((a, b) => a.top - b.top)
    .map((line) => line.text);
}

/**
 * Every squiggle of the editor, mapped to the characters under it: a squiggle is an overlay element
 * with a position but no text, so the characters of the rendered line whose boxes lie within the
 * squiggle's box are the token it underlines.
 */
export function readSquiggles(editorSelector: string): Squiggle[] {
  const editor = document.querySelector(editorSelector);
  if (!editor) throw new Error(`no editor matches ${editorSelector}`);
  const lineElements = [...editor.querySelectorAll<HTMLElement>('.view-lines .view-line')];
  const lineNumbers = [...editor.querySelectorAll<HTMLElement>('.margin-view-overlays .line-numbers')];
  const verticallyContains = (element: Element, y: number): boolean => {
    const box = element.getBoundingClientRect();
    return box.top <= y && y < box.bottom;
  };
  const squiggles: (Squiggle & { left: number })[] = [];
  for (const overlay of editor.querySelectorAll<HTMLElement>('.view-overlays [class*="squiggly-"]')) {
    const severity = (['error', 'warning', 'info', 'hint'] as const).find((name) => overlay.classList.contains(`squiggly-${name}`));
    if (!severity) continue;
    const box = overlay.getBoundingClientRect();
    const middle = box.top + box.height / 2;
    const lineElement = lineElements.find((element) => verticallyContains(element, middle));
    const lineNumber = lineNumbers.find((element) => verticallyContains(element, middle));
    if (!lineElement || !lineNumber) continue;
    let text = '';
    const walker = document.createTreeWalker(lineElement, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const content = node.textContent ?? '';
      for (let index = 0; index < content.length; index++) {
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + 1);
        const character = range.getBoundingClientRect();
        const center = character.left + character.width / 2;
        if (center >= box.left && center <= box.right) text += content[index];
      }
    }
    squiggles.push({ severity, line: Number(lineNumber.textContent), text: text.replace(/\u00a0/g, ' '), left: box.left });
  }
  // In reading order.
  return squiggles.sort((a, b) => a.line - b.line || a.left - b.left).map(({ severity, line, text }) => ({ severity, line, text }));
}

/** The Problems panel's finding rows, each with the file row it is listed under. */
export function readProblemRows(): ProblemRow[] {
  const rows: ProblemRow[] = [];
  let file = '';
  const text = (row: Element, selector: string): string => row.querySelector(selector)?.textContent?.trim() ?? '';
  const ordered = [...document.querySelectorAll('.markers-panel .monaco-list-row')].sort(
    (a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')),
  );
  for (const row of ordered) {
    if (!row.querySelector('.marker-message')) {
      // A file row: its label's aria-label is the file's absolute path.
      file = row.querySelector('.monaco-icon-label')?.getAttribute('aria-label') ?? '';
      continue;
    }
    // The icon turns into a light bulb on a focused row; the accessible label always names the severity.
    const severity = /^(\w+):/.exec(row.getAttribute('aria-label') ?? '')?.[1]?.toLowerCase() ?? '';
    rows.push({
      file,
      severity,
      message: text(row, '.marker-message'),
      source: text(row, '.marker-source'),
      code: text(row, '.marker-code'),
      position: text(row, '.marker-line'),
    });
  }
  return rows;
}

/** The rectangle of the first occurrence of `token` on rendered line `line` (1-based), for the mouse. */
export function locateToken(args: { editorSelector: string; line: number; token: string }): { x: number; y: number } | undefined {
  const editor = document.querySelector(args.editorSelector);
  if (!editor) return undefined;
  const lineNumber = [...editor.querySelectorAll<HTMLElement>('.margin-view-overlays .line-numbers')].find(
    (element) => Number(element.textContent) === args.line,
  );
  if (!lineNumber) return undefined;
  const numberBox = lineNumber.getBoundingClientRect();
  const middle = numberBox.top + numberBox.height / 2;
  const lineElement = [...editor.querySelectorAll<HTMLElement>('.view-lines .view-line')].find((element) => {
    const box = element.getBoundingClientRect();
    return box.top <= middle && middle < box.bottom;
  });
  if (!lineElement) return undefined;
  // Map each rendered character to its text node so the token's characters can be measured.
  const characters: { node: Text; index: number; character: string }[] = [];
  const walker = document.createTreeWalker(lineElement, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const content = node.textContent ?? '';
    for (let index = 0; index < content.length; index++) characters.push({ node: node as Text, index, character: content[index] ?? '' });
  }
  const lineText = characters.map((entry) => entry.character).join('').replace(/\u00a0/g, ' ');
  const start = lineText.indexOf(args.token);
  const first = characters[start];
  const last = characters[start + args.token.length - 1];
  if (start < 0 || !first || !last) return undefined;
  const range = document.createRange();
  range.setStart(first.node, first.index);
  range.setEnd(last.node, last.index + 1);
  const box = range.getBoundingClientRect();
  return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
}

/** The label and description of the highlighted Quick Open / Command Palette row, if there is one. */
export function readFocusedQuickInputRow(rowSelector: string): { label: string; description: string } | undefined {
  const row = document.querySelector(rowSelector);
  if (!row) return undefined;
  const text = (selector: string): string => row.querySelector(selector)?.textContent?.trim() ?? '';
  return { label: text('.label-name'), description: text('.label-description') };
}
