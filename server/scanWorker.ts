/**
 * A worker thread of the workspace scan (bundled as dist/scanWorker.js): lints the files it is
 * sent, from disk, and answers with their findings. It shares nothing with the server's main
 * thread, which keeps answering the editor while whole folders are linted here.
 */
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { lintFileFromDisk } from './scanFile';
import type { WorkerReply, WorkerRequest } from './scanPool';

// On Linux the nice value belongs to the thread, so this makes the scan yield the processor to
// the main thread (typing) and to the editor. Elsewhere it would lower the whole server process.
if (process.platform === 'linux') {
  try {
    setPriority(10);
  } catch {
    // Not permitted somewhere: the scan then runs at the normal priority.
  }
}

parentPort?.on('message', (request: WorkerRequest) => {
  const reply: WorkerReply = { id: request.id, results: request.jobs.map((job) => lintFileFromDisk(job)) };
  parentPort?.postMessage(reply);
});
