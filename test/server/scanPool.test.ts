// The scan's worker pool with a stand-in worker, so that what happens when a worker dies, or jobs
// are cancelled or jump the queue, is seen without real files.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { normalizeSettings } from '../../engine';
import type { ScanJob } from '../../server/scanFile';
import { LintPool } from '../../server/scanPool';

/** Answers each job with its path as the one finding's message, in order; a path with `crash` ends the worker. */
const WORKER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, jobs }) => {
  if (jobs.some((job) => job.path.includes('crash'))) process.exit(3);
  const results = jobs.map((job) => ({ status: 'linted', ruleFailures: [], findings: [{ ruleId: 'test', severity: 'info', message: job.path, fixes: [], range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }] }));
  parentPort.postMessage({ id, results });
});
`;

function job(name: string): ScanJob {
  return { path: name, target: { kind: 'dockerfile' }, settings: normalizeSettings({}) };
}

function message(result: Awaited<ReturnType<LintPool['run']>>): string | undefined {
  return result?.status === 'linted' ? result.findings[0]?.message : result?.status;
}

describe('scan worker pool', () => {
  let folder: string;
  let workerFile: string;
  const errors: string[] = [];
  const logger = { log: () => undefined, error: (text: string) => errors.push(text) };

  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'ballast-pool-'));
    workerFile = path.join(folder, 'worker.js');
    writeFileSync(workerFile, WORKER);
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('runs jobs in workers and answers each with its own result', async () => {
    const pool = new LintPool(workerFile, logger, 2);
    try {
      const names = Array.from({ length: 20 }, (_, index) => `file-${index}`);
      assert.deepEqual((await Promise.all(names.map((name) => pool.run(job(name))))).map(message), names);
      assert.ok(pool.workerCount >= 1 && pool.workerCount <= 2, `at most the pool's size: ${pool.workerCount}`);
    } finally {
      pool.dispose();
    }
  });

  it('when a worker dies, only the file that kills it alone fails; the others of its chunk are linted', async () => {
    errors.length = 0;
    const pool = new LintPool(workerFile, logger, 1);
    try {
      const outcomes = await Promise.allSettled(['a', 'b', 'crash-c', 'd'].map((name) => pool.run(job(name))));
      assert.deepEqual(
        outcomes.map((outcome) => (outcome.status === 'fulfilled' ? message(outcome.value) : `rejected: ${(outcome.reason as Error).message}`)),
        ['a', 'b', 'rejected: The scan worker stopped (exit code 3).', 'd'],
      );
      assert.ok(errors.some((text) => text.includes('crash-c')), 'the failure is logged');
      // The pool goes on with a new worker.
      assert.equal(message(await pool.run(job('e'))), 'e');
    } finally {
      pool.dispose();
    }
  });

  it('skips cancelled jobs, and runs priority jobs first', async () => {
    const pool = new LintPool(workerFile, logger, 1);
    try {
      let cancelled = false;
      const order: string[] = [];
      const track = (name: string, promise: Promise<unknown>) => promise.then((result) => order.push(`${name}:${message(result as never) ?? 'skipped'}`));
      // The first job occupies the worker; the rest wait in the queue.
      const first = track('first', pool.run(job('first')));
      await new Promise((resolve) => setImmediate(resolve));
      const queued = Array.from({ length: 12 }, (_, index) => track(`q${index}`, pool.run(job(`q${index}`), { cancelled: () => cancelled })));
      const urgent = track('urgent', pool.run(job('urgent'), { priority: true }));
      cancelled = true;
      await Promise.all([first, urgent, ...queued]);
      assert.deepEqual(order.filter((entry) => !entry.endsWith(':skipped')), ['first:first', 'urgent:urgent']);
      assert.equal(order.filter((entry) => entry.endsWith(':skipped')).length, 12);
    } finally {
      pool.dispose();
    }
  });
});
