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

/*
 * The workspace scan. The client finds the files (VS Code knows `files.exclude`, the workspace
 * folders and what the user chose) and sends them in batches; the server lints each from disk,
 * off its main thread, and publishes diagnostics for it, except for documents open in the editor,
 * whose live diagnostics always win. A scan is numbered by the client; a new number starts a new
 * scan on the server and stops what is left of the previous one.
 */

/**
 * Request `ballast/scanFiles`: lint these files from disk as part of scan `scan`; answers when the
 * batch is done. Cancelling it stops the batch: the files not started yet are left alone and the
 * answer counts what was done, with `cancelled` set.
 */
export const SCAN_FILES_REQUEST = 'ballast/scanFiles';
export interface ScanFilesParams {
  scan: number;
  uris: string[];
}

/** Findings by severity over the files linted. */
export interface ScanCounts {
  /** Files linted (or, when open in the editor, counted from their live diagnostics). */
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface ScanFilesResult extends ScanCounts {
  /** Files of the batch handled, the ones passed by included (Helm templates, excluded or vanished files). */
  processed: number;
  cancelled: boolean;
}

/**
 * Notification `ballast/scanProgress`, server to client: how many files of scan `scan` the server
 * has handled so far, all batches together. Sent at most every 100 ms, and when a batch ends.
 */
export const SCAN_PROGRESS_NOTIFICATION = 'ballast/scanProgress';
export interface ScanProgressParams {
  scan: number;
  processed: number;
}

/**
 * Request `ballast/scanFinished`: scan `scan` went through every file it found under `folders`
 * (URIs). Earlier scan results under those folders for files this scan did not include (deleted,
 * excluded since) are dropped.
 */
export const SCAN_FINISHED_REQUEST = 'ballast/scanFinished';
export interface ScanFinishedParams {
  scan: number;
  folders: string[];
}

/**
 * Request `ballast/clearScanResults`: drops every scan result and the diagnostics published for
 * them; open documents keep their live diagnostics. Answers how many files had results.
 */
export const CLEAR_SCAN_RESULTS_REQUEST = 'ballast/clearScanResults';
export interface ClearScanResultsResult {
  files: number;
}

/** Client → server: the user trusted the workspace (VS Code's Workspace Trust). */
export const WORKSPACE_TRUSTED_NOTIFICATION = 'ballast/workspaceTrusted';

/** What the client tells the server at start, besides settings for clients that push them. */
export interface BallastInitializationOptions {
  /** False in a workspace the user has not trusted; absent means trusted. */
  workspaceTrusted?: boolean;
  /**
   * How open documents get their diagnostics. By default a client that can pull them
   * (`textDocument/diagnostic`) does; `push` asks for `publishDiagnostics` with the document's
   * version instead. The VS Code client asks for push: workspace scan results are pushed, and one
   * collection per file keeps a scanned file from showing its findings twice once opened.
   */
  diagnostics?: 'push' | 'pull';
}
