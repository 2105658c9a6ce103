import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findRule } from '../engine';

/** The extension's root: the server runs as `<root>/dist/server.js`. */
const EXTENSION_ROOT = path.resolve(__dirname, '..');

/** The file URI of a rule's Markdown documentation, or undefined for ids that are not rules. */
export function ruleDocumentationUri(ruleId: string): string | undefined {
  if (!findRule(ruleId)) return undefined;
  return pathToFileURL(path.join(EXTENSION_ROOT, 'docs', 'rules', `${ruleId}.md`)).href;
}
