import { availableParallelism } from 'node:os';
import { Worker, parentPort } from 'node:worker_threads';
import { fixFile, type FixTask } from './fix';
import { lintFile, type LintTask } from './scan';
import { UsageError } from './usageError';

/**
 * Linting many files on worker threads. The CLI bundle is its own worker script (main.ts starts
 * `runWorker` when it is loaded as a worker), so the package ships one file and the workers run
 * exactly the engine the main thread would.
 *
 * Results come back in any order and are handed on in the order of the tasks, so the output is
 * the same whatever the number of workers. Only a bounded window of tasks is in flight ahead of
 * the next result to hand on, so memory stays flat however large the tree: a slow file holds up
 * the output, never the memory.
 */

export type Task = { type: 'lint'; task: LintTask } | { type: 'fix'; task: FixTask };
type Outcome<T extends Task> = T extends { type: 'lint' } ? ReturnType<typeof lintFile> : ReturnType<typeof fixFile>;

/** Below this many files, starting workers (each loads the bundle, a few hundred ms) costs more than it saves. */
export const WORKER_THRESHOLD = 50;
/** Tasks sent to one worker before it answers, so it never waits for the next. */
const PER_WORKER = 4;
/** Tasks in flight or finished but not yet handed on, per thread. */
const WINDOW_PER_WORKER = 32;

export function runTask<T extends Task>(task: T): Outcome<T> {
  return (task.type === 'lint' ? lintFile(task.task) : fixFile((task as Extract<Task, { type: 'fix' }>).task)) as Outcome<T>;
}

/**
 * How many worker threads: `BALLAST_WORKERS` when set (0: the main thread alone), else none for
 * fewer than `WORKER_THRESHOLD` files or on two processors or fewer, else one per processor but
 * one, left to the main thread, which walks, orders and prints, and lints in between. On two
 * processors one worker was measured slower than the main thread alone (each worker warms up its
 * own copy of the engine), and it used more memory.
 */
export function workerCount(env: NodeJS.ProcessEnv, tasks: number): number {
  const forced = env.BALLAST_WORKERS;
  if (forced !== undefined && forced.trim() !== '') {
    if (!/^\d+$/.test(forced.trim())) throw new UsageError(`BALLAST_WORKERS must be a whole number of worker threads (0 lints on the main thread), not '${forced}'`);
    return Math.min(Number(forced.trim()), tasks);
  }
  const processors = availableParallelism();
  if (tasks < WORKER_THRESHOLD || processors <= 2) return 0;
  return Math.min(processors - 1, tasks);
}

/** The data a worker is started with, telling the bundle to serve tasks rather than run the CLI. */
export const WORKER_DATA = { ballast: 'worker' } as const;

export function isWorkerData(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { ballast?: unknown }).ballast === WORKER_DATA.ballast;
}

/**
 * Runs every task, on this thread and `workers` threads started from `script` (or on this thread
 * alone when 0), and hands each outcome to `emit` in task order. Rejects when a worker dies or
 * `emit` throws.
 *
 * This thread lints too, between handling the workers' messages: a worker takes a few hundred
 * milliseconds to load the bundle, so it is sent tasks only once it says it is ready, and until
 * then, or when there are no more processors than workers, the scan goes at least as fast as on
 * this thread alone.
 */
export function runOrdered<T extends Task>(tasks: readonly T[], workers: number, script: string, emit: (outcome: Outcome<T>, index: number) => void): Promise<void> {
  if (workers <= 0 || tasks.length === 0) {
    try {
      tasks.forEach((task, index) => emit(runTask(task), index));
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error);
    }
  }
  return new Promise((resolve, reject) => {
    const waiting = new Map<number, Outcome<T>>();
    const window = (workers + 1) * WINDOW_PER_WORKER;
    let nextToEmit = 0;
    let nextToSend = 0;
    let settled = false;
    let mainScheduled = false;

    const slots = Array.from({ length: workers }, () => ({ worker: new Worker(script, { workerData: WORKER_DATA }), inFlight: 0, ready: false }));
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      void Promise.all(slots.map((slot) => slot.worker.terminate())).then(() => (error === undefined ? resolve() : reject(error)));
    };
    const canSend = () => nextToSend < tasks.length && nextToSend - nextToEmit < window;
    /** Hands on every outcome that is next in order; true when the run is over. */
    const flush = (): boolean => {
      try {
        while (waiting.has(nextToEmit)) {
          const outcome = waiting.get(nextToEmit)!;
          waiting.delete(nextToEmit);
          emit(outcome, nextToEmit++);
        }
      } catch (error) {
        finish(error);
        return true;
      }
      if (nextToEmit === tasks.length) finish();
      return settled;
    };
    const send = () => {
      for (const slot of slots) {
        while (slot.ready && slot.inFlight < PER_WORKER && canSend()) {
          slot.worker.postMessage({ index: nextToSend, task: tasks[nextToSend] });
          slot.inFlight++;
          nextToSend++;
        }
      }
    };
    // One task at a time, so the workers' messages are handled between two.
    const mainStep = () => {
      mainScheduled = false;
      if (settled || !canSend()) return;
      const index = nextToSend++;
      try {
        waiting.set(index, runTask(tasks[index]!) as Outcome<T>);
      } catch (error) {
        return finish(error);
      }
      if (flush()) return;
      send();
      scheduleMain();
    };
    const scheduleMain = () => {
      if (mainScheduled || settled || !canSend()) return;
      mainScheduled = true;
      setImmediate(mainStep);
    };
    for (const slot of slots) {
      slot.worker.on('message', (message: WorkerMessage) => {
        if (settled) return;
        if ('ready' in message) {
          slot.ready = true;
        } else if ('error' in message) {
          return finish(new Error(`a worker failed on task ${message.index}: ${message.error}`));
        } else {
          slot.inFlight--;
          waiting.set(message.index, message.outcome as Outcome<T>);
          if (flush()) return;
        }
        send();
        scheduleMain();
      });
      slot.worker.on('error', (error) => finish(error));
      slot.worker.on('exit', (code) => finish(new Error(`a worker thread stopped (exit code ${code})`)));
    }
    scheduleMain();
  });
}

type WorkerReply = { index: number; outcome: unknown } | { index: number; error: string };
type WorkerMessage = WorkerReply | { ready: true };

/** A worker's life: run each task it is sent and send the outcome back. */
export function runWorker(): void {
  const port = parentPort;
  if (!port) return;
  port.on('message', ({ index, task }: { index: number; task: Task }) => {
    try {
      port.postMessage({ index, outcome: runTask(task) } satisfies WorkerReply);
    } catch (error) {
      port.postMessage({ index, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerReply);
    }
  });
  port.postMessage({ ready: true } satisfies WorkerMessage);
}
