/** Drives the server's workspace scan the way the extension's Scan Workspace command does. */
import type { CancellationToken } from 'vscode-languageserver/node';
import { SCAN_FILES_REQUEST, SCAN_FINISHED_REQUEST, type ScanFilesParams, type ScanFilesResult, type ScanFinishedParams } from '../../server/protocol';
import type { BenchServer } from './lspClient';

/** As client/scan.ts sends them: batches of 100 files, two requests under way. */
const BATCH_SIZE = 100;
const BATCHES_IN_FLIGHT = 2;

export interface ScanRun {
  ms: number;
  result: ScanFilesResult;
}

/**
 * Scans `uris` as scan number `scan` of `folder`; the time runs from the first request to the last
 * answer. Cancelling `token` stops the scan as the Cancel button does: no batch is sent after it,
 * the ones under way are cancelled, and the scan is not reported finished.
 */
export async function runWorkspaceScan(server: BenchServer, scan: number, folder: string, uris: readonly string[], token?: CancellationToken): Promise<ScanRun> {
  const result: ScanFilesResult = { processed: 0, files: 0, errors: 0, warnings: 0, infos: 0, cancelled: false };
  let next = 0;
  const sendBatches = async () => {
    while (next < uris.length && !token?.isCancellationRequested) {
      const params: ScanFilesParams = { scan, uris: uris.slice(next, next + BATCH_SIZE) };
      next += BATCH_SIZE;
      // An undefined token would be sent as a parameter of its own.
      const answer = await (token ? server.connection.sendRequest<ScanFilesResult>(SCAN_FILES_REQUEST, params, token) : server.connection.sendRequest<ScanFilesResult>(SCAN_FILES_REQUEST, params));
      for (const key of ['processed', 'files', 'errors', 'warnings', 'infos'] as const) result[key] += answer[key];
      result.cancelled ||= answer.cancelled;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: BATCHES_IN_FLIGHT }, sendBatches));
  const ms = performance.now() - start;
  result.cancelled ||= token?.isCancellationRequested ?? false;
  if (!result.cancelled) {
    const finished: ScanFinishedParams = { scan, folders: [folder] };
    await server.connection.sendRequest(SCAN_FINISHED_REQUEST, finished);
  }
  return { ms, result };
}
