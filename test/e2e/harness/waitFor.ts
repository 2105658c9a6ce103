// Polls a reading of the editor until it is what a test expects. The editor updates asynchronously
// (language server round trips, rendering), so tests wait for a state, never for a fixed time.
import { setTimeout as delay } from 'node:timers/promises';

export const DEFAULT_TIMEOUT_MS = 30_000;
const POLL_INTERVAL_MS = 100;

export interface WaitOptions {
  timeoutMs?: number;
}

/**
 * Reads `read()` until `accept` holds and returns that reading. On timeout the error names what was
 * awaited and shows the last reading, which is what a failing test needs to be understood.
 */
export async function waitFor<T>(
  description: string,
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  { timeoutMs = DEFAULT_TIMEOUT_MS }: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await read();
      lastError = undefined;
      if (accept(last)) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) break;
    await delay(POLL_INTERVAL_MS);
  }
  const shown = lastError !== undefined ? `error: ${String(lastError)}` : JSON.stringify(last, null, 2);
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${description}; last reading: ${shown}`);
}
