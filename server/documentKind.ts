import type { TextDocument } from 'vscode-languageserver-textdocument';
import { detectFileKind, type FileKind } from '../engine';

/** What Ballast makes of an open document, from its language id or its file name. */
export function documentKind(document: Pick<TextDocument, 'uri' | 'languageId'>): FileKind | undefined {
  return detectFileKind(uriPath(document.uri), document.languageId);
}

function uriPath(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}
