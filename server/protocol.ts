/**
 * Names the client and the server agree on. This module imports nothing at run time, so the
 * client can share it without bundling the engine.
 */
import type { RuleMeta } from '../engine/types';

export const DIAGNOSTIC_SOURCE = 'Ballast';

/** The `ballast` section of the settings, pulled per document. */
export const SETTINGS_SECTION = 'ballast';

/** The code action kind of "fix all safe problems", for `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = 'source.fixAll.ballast';

export const Commands = {
  /** Server command, arguments `[uri, version]`: applies every safe fix through `workspace/applyEdit`. */
  applyAllFixes: 'ballast.applyAllFixes',
  /** Client command, arguments `[uri, line, character]`: moves the cursor after a code action's edit. */
  placeCursor: 'ballast.placeCursor',
  /** Client command, optional argument the rule id: opens the rule's documentation. */
  showRuleDocumentation: 'ballast.showRuleDocumentation',
} as const;

/** What `ballast.applyAllFixes` answers. */
export interface ApplyAllFixesResult {
  /** How many fixes the applied edit contains; 0 when there was nothing to fix. */
  fixed: number;
}

/** Request `ballast/rules`: the metadata of every rule. */
export const RULES_REQUEST = 'ballast/rules';
export type RulesResponse = RuleMeta[];
