import { LSPErrorCodes, ResponseError, TextDocumentEdit, ErrorCodes, type ExecuteCommandParams, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { BallastSettings, LintTarget } from '../engine';
import { fixAllEdit } from './fixAll';
import { Commands, type ApplyAllFixesResult } from './protocol';

/** The commands the server executes; the client's other commands are its own. */
export const SERVER_COMMANDS = [Commands.applyAllFixes];

export interface CommandEnvironment {
  documents: { get(uri: string): TextDocument | undefined };
  settingsFor(uri: string): Promise<BallastSettings>;
  targetOf(document: TextDocument, settings: BallastSettings): LintTarget | undefined;
  applyEdit(edit: WorkspaceEdit): Promise<{ applied: boolean }>;
  /** Whether the client accepts versioned edits, which it refuses to apply to a changed document. */
  versionedEdits: boolean;
}

export async function executeCommand(params: ExecuteCommandParams, env: CommandEnvironment): Promise<ApplyAllFixesResult> {
  if (params.command !== Commands.applyAllFixes) throw new ResponseError(ErrorCodes.InvalidParams, `Unknown command ${params.command}.`);
  const [uri, version] = params.arguments ?? [];
  if (typeof uri !== 'string' || typeof version !== 'number') {
    throw new ResponseError(ErrorCodes.InvalidParams, `${Commands.applyAllFixes} takes the document's URI and version.`);
  }
  return applyAllFixes(uri, version, env);
}

/** Applies every safe fix to the document, provided it is still at the version the user saw. */
async function applyAllFixes(uri: string, version: number, env: CommandEnvironment): Promise<ApplyAllFixesResult> {
  const settings = await env.settingsFor(uri);
  const document = env.documents.get(uri);
  if (!document) throw new ResponseError(ErrorCodes.InvalidParams, `${uri} is not open.`);
  if (document.version !== version) {
    throw new ResponseError(LSPErrorCodes.ContentModified, `${uri} changed (version ${document.version}, not ${version}); nothing was fixed.`);
  }
  const target = env.targetOf(document, settings);
  if (!target || !settings.enable) return { fixed: 0 };
  const fixAll = fixAllEdit(document, target, settings);
  if (!fixAll) return { fixed: 0 };
  const edit: WorkspaceEdit = env.versionedEdits
    ? { documentChanges: [TextDocumentEdit.create({ uri, version }, [fixAll.edit])] }
    : { changes: { [uri]: [fixAll.edit] } };
  const { applied } = await env.applyEdit(edit);
  return { fixed: applied ? fixAll.fixed : 0 };
}
