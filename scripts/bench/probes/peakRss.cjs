// Preloaded (`node --require`) into a process whose peak memory the bench reports: when the
// process exits, writes its peak resident set in bytes (getrusage: every thread, workers included)
// to the file named by BALLAST_BENCH_PEAK_RSS_FILE.
const { isMainThread } = require('node:worker_threads');
const file = process.env.BALLAST_BENCH_PEAK_RSS_FILE;
if (isMainThread && file) {
  process.on('exit', () => require('node:fs').writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
}
