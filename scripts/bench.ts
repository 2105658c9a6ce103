/**
 * `npm run bench [-- --quick] [-- --only <section>]`: how fast Ballast is where users feel it.
 * Prints a Markdown table per section and writes .bench/results.json. A script, not a test:
 * nothing asserts timings. See scripts/bench/ for what each section measures.
 */
import * as path from 'node:path';
import { BenchUsageError, USAGE, parseBenchArgs } from './bench/options';
import { runBench } from './bench/run';

async function main(): Promise<void> {
  let options;
  try {
    options = parseBenchArgs(process.argv.slice(2), path.join(__dirname, '..', '.bench', 'results.json'));
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  await runBench(options);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
