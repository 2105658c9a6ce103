import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { describeError, type Logger } from './guard';
import type { ScanJob, ScanJobResult } from './scanFile';

/** What the main thread sends a worker: a few files to lint. */
export interface WorkerRequest {
  id: number;
  jobs: ScanJob[];
}

export interface WorkerReply {
  id: number;
  results: ScanJobResult[];
}

export interface RunOptions {
  /** Jumps the queue: a file the user just closed matters more than the rest of a scan. */
  priority?: boolean;
  /** Checked when the job's turn comes: a cancelled job is not run and resolves undefined. */
  cancelled?: () => boolean;
}

interface Pending {
  job: ScanJob;
  options: RunOptions;
  /** Sent alone after its chunk took a worker down, to find out whether it was the culprit. */
  alone: boolean;
  resolve(result: ScanJobResult | undefined): void;
  reject(error: Error): void;
}

interface PoolWorker {
  worker: Worker;
  /** The chunk being linted, or undefined when the worker is idle. */
  busy: { id: number; chunk: Pending[] } | undefined;
  idleTimer: NodeJS.Timeout | undefined;
}

/** Files sent to a worker at once: few enough that a cancelled scan stops quickly, enough that messages cost little. */
const CHUNK_SIZE = 8;
/** A worker idle this long is stopped: its memory is better given back than kept for a next scan. */
const IDLE_MILLISECONDS = 30_000;

/** One core for the main thread and the editor, the rest for the scan; at least one worker. */
export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism() - 1);
}

/**
 * Worker threads that lint files from disk, started when there is work and stopped when idle.
 * Jobs run in the order given (priority ones first), a few per message; the main thread hands out
 * the next chunk on a later turn of its event loop, so editor messages are answered in between.
 */
export class LintPool {
  private readonly queue: Pending[] = [];
  private readonly workers: PoolWorker[] = [];
  private nextId = 0;
  private scheduled = false;
  private disposed = false;

  constructor(
    private readonly workerFile: string,
    private readonly logger: Logger,
    private readonly size: number = defaultPoolSize(),
  ) {}

  /** Lints one file in a worker; undefined when the job was cancelled before its turn. */
  run(job: ScanJob, options: RunOptions = {}): Promise<ScanJobResult | undefined> {
    if (this.disposed) return Promise.resolve(undefined);
    return new Promise((resolve, reject) => {
      const pending: Pending = { job, options, alone: false, resolve, reject };
      if (options.priority) this.queue.unshift(pending);
      else this.queue.push(pending);
      this.schedule();
    });
  }

  /** How many workers are running, for tests. */
  get workerCount(): number {
    return this.workers.length;
  }

  dispose(): void {
    this.disposed = true;
    for (const pending of this.queue.splice(0)) pending.resolve(undefined);
    for (const entry of this.workers.splice(0)) {
      clearTimeout(entry.idleTimer);
      for (const pending of entry.busy?.chunk ?? []) pending.resolve(undefined);
      void entry.worker.terminate();
    }
  }

  private schedule(): void {
    if (this.scheduled || this.disposed) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.dispatch();
    });
  }

  private dispatch(): void {
    this.dropCancelled();
    while (this.queue.length > 0) {
      const entry = this.workers.find((candidate) => candidate.busy === undefined) ?? this.startWorker();
      if (!entry) return;
      const chunk = this.takeChunk();
      if (chunk.length === 0) return;
      clearTimeout(entry.idleTimer);
      entry.idleTimer = undefined;
      const id = ++this.nextId;
      entry.busy = { id, chunk };
      entry.worker.ref();
      const request: WorkerRequest = { id, jobs: chunk.map((pending) => pending.job) };
      entry.worker.postMessage(request);
    }
  }

  /** Jobs cancelled while they waited are answered now, so their callers need not wait for a turn. */
  private dropCancelled(): void {
    for (let index = this.queue.length - 1; index >= 0; index--) {
      const pending = this.queue[index]!;
      if (pending.options.cancelled?.()) {
        this.queue.splice(index, 1);
        pending.resolve(undefined);
      }
    }
  }

  private takeChunk(): Pending[] {
    const first = this.queue[0];
    if (first?.alone || first?.options.priority) return this.queue.splice(0, 1);
    const chunk: Pending[] = [];
    while (chunk.length < CHUNK_SIZE && this.queue.length > 0 && !this.queue[0]!.alone) chunk.push(this.queue.shift()!);
    return chunk;
  }

  private startWorker(): PoolWorker | undefined {
    if (this.workers.length >= this.size) return undefined;
    const worker = new Worker(this.workerFile);
    const entry: PoolWorker = { worker, busy: undefined, idleTimer: undefined };
    worker.on('message', (reply: WorkerReply) => this.finished(entry, reply));
    worker.on('error', (error) => this.failed(entry, error));
    worker.on('exit', (code) => this.failed(entry, new Error(`The scan worker stopped (exit code ${code}).`)));
    this.workers.push(entry);
    return entry;
  }

  private finished(entry: PoolWorker, reply: WorkerReply): void {
    const busy = entry.busy;
    if (!busy || busy.id !== reply.id) return;
    entry.busy = undefined;
    // An idle worker must not keep the process alive once the editor has gone.
    entry.worker.unref();
    busy.chunk.forEach((pending, index) => pending.resolve(reply.results[index]));
    entry.idleTimer = setTimeout(() => this.stopWorker(entry), IDLE_MILLISECONDS);
    entry.idleTimer.unref();
    this.schedule();
  }

  /**
   * A worker died (out of memory on a pathological file, most likely). Its chunk is tried again
   * one file at a time, so that only the file that kills a worker on its own is reported as failed.
   */
  private failed(entry: PoolWorker, error: Error): void {
    const index = this.workers.indexOf(entry);
    if (index < 0) return;
    this.workers.splice(index, 1);
    clearTimeout(entry.idleTimer);
    void entry.worker.terminate();
    const chunk = entry.busy?.chunk ?? [];
    entry.busy = undefined;
    if (chunk.length > 0) this.logger.error(`Ballast: a scan worker failed while linting ${chunk.map((p) => p.job.path).join(', ')}: ${describeError(error)}`);
    const retried: Pending[] = [];
    for (const pending of chunk) {
      if (pending.alone) pending.reject(error);
      else retried.push({ ...pending, alone: true });
    }
    this.queue.unshift(...retried);
    if (this.queue.length > 0) this.schedule();
  }

  private stopWorker(entry: PoolWorker): void {
    if (entry.busy) return;
    const index = this.workers.indexOf(entry);
    if (index >= 0) this.workers.splice(index, 1);
    void entry.worker.terminate();
  }
}
