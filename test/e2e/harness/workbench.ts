// What a user does in VS Code, as the tests need it: open a file, read squiggles and problems, hover,
// pick a quick fix, run a command, type. Every action waits for the editor to show its result.
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import {
  ACTIVE_EDITOR,
  locateToken,
  readFocusedQuickInputRow,
  readProblemRows,
  readRenderedLines,
  readSquiggles,
  type ProblemRow,
  type Squiggle,
} from './editorDom';
import { waitFor, type WaitOptions } from './waitFor';

const QUICK_INPUT = '.quick-input-widget';
const QUICK_INPUT_ROWS = `${QUICK_INPUT} .quick-input-list .monaco-list-row`;
const QUICK_FIX_ROWS = '.action-widget .monaco-list-row.action';

export class Workbench {
  constructor(
    readonly page: Page,
    /** Absolute path of the workspace folder. */
    readonly workspace: string,
  ) {}

  /** Waits until the workbench is drawn and its file explorer shows the workspace. */
  async ready(): Promise<void> {
    await this.page.locator('.monaco-workbench').waitFor();
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
  }

  /** Opens a workspace file through Quick Open (Ctrl+P), as a user would, and waits for its editor. */
  async openFile(relativePath: string): Promise<void> {
    const name = path.posix.basename(relativePath);
    const folder = path.posix.dirname(relativePath);
    await this.openQuickInput('Control+P', relativePath);
    // The first file search indexes the workspace: wait until the file is the chosen result.
    // Quick Open shows a file's name with its folder as the description.
    await this.waitForFocusedQuickInputRow(name, folder === '.' ? '' : folder);
    await this.page.keyboard.press('Enter');
    await this.page.locator(`.tabs-container .tab.active .monaco-icon-label[aria-label^="${this.absolute(relativePath)}"]`).waitFor();
    await this.editor.locator('.view-lines .view-line').first().waitFor();
  }

  /** The absolute path of a workspace file, as VS Code shows it in labels. */
  absolute(relativePath: string): string {
    return path.posix.join(this.workspace, relativePath);
  }

  /** The active text editor. */
  get editor(): Locator {
    return this.page.locator(ACTIVE_EDITOR).first();
  }

  async editorLines(): Promise<string[]> {
    return this.page.evaluate(readRenderedLines, ACTIVE_EDITOR);
  }

  async editorText(): Promise<string> {
    return (await this.editorLines()).join('\n');
  }

  /** Waits until the editor shows exactly `expected` (lines joined with `\n`). */
  async waitForText(expected: string, options?: WaitOptions): Promise<string> {
    return waitFor('the editor text', () => this.editorText(), (text) => text === expected, options);
  }

  async squiggles(): Promise<Squiggle[]> {
    return this.page.evaluate(readSquiggles, ACTIVE_EDITOR);
  }

  /** Waits until the squiggles satisfy `accept` and returns them. */
  async waitForSquiggles(description: string, accept: (squiggles: Squiggle[]) => boolean, options?: WaitOptions): Promise<Squiggle[]> {
    return waitFor(description, () => this.squiggles(), accept, options);
  }

  /** Shows the Problems panel (Ctrl+Shift+M) unless it is already open. */
  async showProblems(): Promise<void> {
    if (!(await this.page.locator('.markers-panel').isVisible())) {
      await this.page.keyboard.press('Control+Shift+M');
    }
    await this.page.locator('.markers-panel').waitFor();
  }

  async problemRows(): Promise<ProblemRow[]> {
    return this.page.evaluate(readProblemRows);
  }

  async waitForProblems(description: string, accept: (rows: ProblemRow[]) => boolean, options?: WaitOptions): Promise<ProblemRow[]> {
    return waitFor(description, () => this.problemRows(), accept, options);
  }

  /** The viewport point in the middle of the first `token` on `line` (1-based) of the active editor. */
  private async tokenPoint(line: number, token: string): Promise<{ x: number; y: number }> {
    const point = await waitFor(
      `"${token}" to be rendered on line ${line}`,
      () => this.page.evaluate(locateToken, { editorSelector: ACTIVE_EDITOR, line, token }),
      (found) => found !== undefined,
    );
    if (!point) throw new Error(`"${token}" is not on line ${line}`);
    return point;
  }

  /** Rests the mouse on `token` and returns the text of the hover that appears. */
  async hover(line: number, token: string, accept: (text: string) => boolean): Promise<string> {
    const { x, y } = await this.tokenPoint(line, token);
    // Hovers open on mouse movement: come from outside the token so a repeated hover opens again.
    await this.page.mouse.move(x, y - 40);
    await this.page.mouse.move(x, y, { steps: 4 });
    const hover = this.page.locator('.monaco-editor .monaco-hover:not(.hidden)').first();
    return waitFor(`a hover on "${token}"`, async () => (await hover.isVisible() ? await hover.innerText() : ''), accept);
  }

  /** Puts the cursor in the middle of `token` on `line` (1-based). */
  async clickToken(line: number, token: string): Promise<void> {
    const { x, y } = await this.tokenPoint(line, token);
    await this.page.mouse.click(x, y);
  }

  /** Opens the quick fix menu (Ctrl+.) at `token` and returns the titles it offers. */
  async quickFixTitles(line: number, token: string): Promise<string[]> {
    const titles = this.page.locator(`${QUICK_FIX_ROWS} .title`);
    // A click can land while the workbench still moves focus (a tab opening, a hover closing), and
    // Ctrl+. then goes nowhere. Check where the cursor is, and press again if no menu opens.
    for (let attempt = 1; ; attempt++) {
      await this.clickToken(line, token);
      await waitFor(`the cursor on line ${line}`, () => this.cursorLine(), (found) => found === line);
      await this.page.keyboard.press('Control+.');
      try {
        await titles.first().waitFor({ timeout: 10_000 });
        break;
      } catch (error) {
        if (attempt === 3) throw error;
        console.log(`e2e: no quick fix menu at "${token}" on line ${line} after Ctrl+. (attempt ${attempt}); pressing it again`);
        await this.page.keyboard.press('Escape');
      }
    }
    return (await titles.allInnerTexts()).map((title) => title.trim());
  }

  /** The cursor's line (1-based) as the status bar shows it ("Ln 2, Col 7"), if it shows one. */
  private async cursorLine(): Promise<number | undefined> {
    const item = this.page.locator('[id="status.editor.selection"]');
    if (!(await item.isVisible())) return undefined;
    const match = /Ln (\d+)/.exec(await item.innerText());
    return match ? Number(match[1]) : undefined;
  }

  /**
   * Applies the action titled exactly `title` from the open quick fix menu. With the keyboard: the
   * menu puts a pointer-blocking layer over the page, and keys are how most people use it anyway.
   */
  async pickQuickFix(title: string): Promise<void> {
    const titles = (await this.page.locator(`${QUICK_FIX_ROWS} .title`).allInnerTexts()).map((text) => text.trim());
    const index = titles.indexOf(title);
    if (index < 0) throw new Error(`No quick fix titled "${title}"; offered: ${JSON.stringify(titles)}`);
    const focused = this.page.locator(`${QUICK_FIX_ROWS}.focused`);
    await waitFor('the first quick fix to be focused', async () => (await focused.getAttribute('aria-label')) ?? '', (label) => label === titles[0]);
    for (let step = 0; step < index; step++) await this.page.keyboard.press('ArrowDown');
    await waitFor(`"${title}" to be focused`, async () => (await focused.getAttribute('aria-label')) ?? '', (label) => label === title);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.action-widget').waitFor({ state: 'hidden' });
  }

  async dismissQuickFixes(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.locator('.action-widget').waitFor({ state: 'hidden' });
  }

  /** Opens the quick fix menu at `token` and applies the action titled exactly `title`. */
  async applyQuickFix(line: number, token: string, title: string): Promise<void> {
    await this.quickFixTitles(line, token);
    try {
      await this.pickQuickFix(title);
    } catch (error) {
      await this.dismissQuickFixes();
      throw error;
    }
  }

  /** Waits for the active editor tab to be titled `title` and returns its title. */
  async waitForActiveTab(title: string): Promise<string> {
    const tab = this.page.locator('.tabs-container .tab.active');
    return waitFor(`the active tab to be "${title}"`, async () => (await tab.getAttribute('aria-label')) ?? '', (label) => label === title);
  }

  /** Runs a command by its title from the Command Palette (Ctrl+Shift+P). */
  async runCommand(title: string): Promise<void> {
    await this.openQuickInput('Control+Shift+P', title);
    await this.waitForFocusedQuickInputRow(title, '');
    await this.page.keyboard.press('Enter');
    await this.page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
  }

  /** Waits until the highlighted Quick Open / Command Palette row has this label and description. */
  private async waitForFocusedQuickInputRow(label: string, description: string): Promise<void> {
    const read = () => this.page.evaluate(readFocusedQuickInputRow, `${QUICK_INPUT_ROWS}.focused`);
    await waitFor(`"${label}" to be the highlighted result`, read, (found) => found?.label === label && found.description === description);
  }

  /** The text of the active webview, such as a Markdown preview (webviews are nested frames). */
  async webviewText(selector: string): Promise<string> {
    const content = this.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame').locator(selector).first();
    return (await content.textContent())?.trim() ?? '';
  }

  /** Closes the active editor tab with its close button (webviews keep the keyboard to themselves). */
  async closeActiveTab(): Promise<void> {
    const tab = this.page.locator('.tabs-container .tab.active');
    const label = await tab.getAttribute('aria-label');
    await tab.locator('.tab-actions .codicon-close').click();
    await this.page.locator('.tabs-container .tab.active', { hasText: label ?? '' }).waitFor({ state: 'detached' });
  }

  /** Moves the cursor to the end of the document and types `text` key by key, as a user would. */
  async typeAtEnd(text: string): Promise<void> {
    await this.editor.locator('.view-lines').click();
    await this.page.keyboard.press('Control+End');
    await this.page.keyboard.type(text);
  }

  /** Whether the active editor has unsaved changes. */
  async isDirty(): Promise<boolean> {
    return (await this.page.locator('.tabs-container .tab.active.dirty').count()) > 0;
  }

  async save(): Promise<void> {
    await this.page.keyboard.press('Control+S');
    await this.page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached' });
  }

  private async openQuickInput(shortcut: string, text: string): Promise<void> {
    await this.page.keyboard.press(shortcut);
    const input = this.page.locator(`${QUICK_INPUT} .quick-input-box input`);
    await input.waitFor();
    // The palette opens with `>` for commands; type after it rather than over it.
    await this.page.keyboard.press('End');
    await this.page.keyboard.type(text);
  }
}
