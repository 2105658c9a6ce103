import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { INTERNAL_ERROR_ID, findRule, suppressionEdit, type BallastSettings, type Fix, type LintTarget } from '../engine';
import { readBallastDiagnostic, type BallastDiagnostic } from './diagnostics';
import { fixAllEdit } from './fixAll';
import { Commands, FIX_ALL_KIND } from './protocol';

/** The code action kinds the server announces. */
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

export interface CodeActionEnvironment {
  document: TextDocument;
  settings: BallastSettings;
  /** What the document is; undefined when Ballast does not lint it. */
  target: LintTarget | undefined;
}

/**
 * The code actions for a range: per Ballast diagnostic its fixes, the two ways to disable its rule
 * and its documentation; and, when asked for source actions, fixing every safe problem at once.
 */
export function provideCodeActions(params: CodeActionParams, { document, settings, target }: CodeActionEnvironment): CodeAction[] {
  if (!target || !settings.enable) return [];
  const actions: CodeAction[] = [];
  if (isKindRequested(params.context.only, CodeActionKind.QuickFix, true)) {
    const diagnostics = params.context.diagnostics.map(readBallastDiagnostic).filter((d): d is BallastDiagnostic => d !== undefined);
    actions.push(...diagnostics.flatMap((d) => fixActions(document.uri, d)));
    actions.push(...uniqueActions(diagnostics.flatMap((d) => ruleActions(document, target, d))));
  }
  if (isKindRequested(params.context.only, FIX_ALL_KIND, false)) {
    const fixAll = fixAllAction(document, target, settings);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

/**
 * Whether an action of `kind` answers a request for `only` (kinds are hierarchical: asking for
 * `source` includes `source.fixAll.ballast`). `whenUnspecified` covers requests that name no kind.
 */
function isKindRequested(only: readonly string[] | undefined, kind: string, whenUnspecified: boolean): boolean {
  if (!only) return whenUnspecified;
  return only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

function fixActions(uri: string, { diagnostic, fixes }: BallastDiagnostic): CodeAction[] {
  return fixes.map((fix) => ({
    title: fixTitle(fix),
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix.kind === 'safe',
    edit: editOf(uri, fix.edits),
  }));
}

/** A suggestion changes what the image does; the title says so before the user applies it. */
function fixTitle(fix: Fix): string {
  return fix.kind === 'suggestion' ? `${fix.title} (changes behaviour)` : fix.title;
}

function ruleActions(document: TextDocument, { kind }: LintTarget, finding: BallastDiagnostic): CodeAction[] {
  const { diagnostic, ruleId } = finding;
  // An internal error is not the file's fault: there is nothing to disable or read up on.
  if (ruleId === INTERNAL_ERROR_ID || !findRule(ruleId)) return [];
  const text = document.getText();
  const disable = (scope: 'line' | 'file', title: string): CodeAction => {
    const { edit, cursor } = suppressionEdit({ text, kind }, ruleId, finding.range.start.line, scope);
    return {
      title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: editOf(document.uri, [edit]),
      command: placeCursorCommand(document.uri, cursor.line, cursor.character),
    };
  };
  return [
    disable('line', `Disable ${ruleId} for this line`),
    disable('file', `Disable ${ruleId} for this file`),
    {
      title: `Show documentation for ${ruleId}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: `Show documentation for ${ruleId}`, command: Commands.showRuleDocumentation, arguments: [ruleId] },
    },
  ];
}

function fixAllAction(document: TextDocument, target: LintTarget, settings: BallastSettings): CodeAction | undefined {
  const fixAll = fixAllEdit(document, target, settings);
  if (!fixAll) return undefined;
  return { title: 'Fix all auto-fixable Ballast problems', kind: FIX_ALL_KIND, edit: editOf(document.uri, [fixAll.edit]) };
}

/** The suppression comment goes in first; the cursor then lands where the reason is typed. */
function placeCursorCommand(uri: string, line: number, character: number): Command {
  return { title: 'Type the reason', command: Commands.placeCursor, arguments: [uri, line, character] };
}

function editOf(uri: string, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [uri]: edits } };
}

/** Two findings of one rule on one line would offer the same disable action twice. */
function uniqueActions(actions: CodeAction[]): CodeAction[] {
  const seen = new Set<string>();
  return actions.filter((action) => {
    const key = JSON.stringify([action.title, action.edit, action.command]);
    return !seen.has(key) && seen.add(key);
  });
}
