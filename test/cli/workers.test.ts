import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { generateProjectTree } from '../../scripts/bench/inputs/projectTree';
import { formatJson, jsonReporter, toJsonReport } from '../../cli/format/json';
import { formatSarif, sarifReporter } from '../../cli/format/sarif';
import { runOrdered, type Task } from '../../cli/pool';
import { ScanTally, lintFile, type ScanResult, type ScannedFile } from '../../cli/scan';
import { collectTargets } from '../../cli/walk';
import { listRules } from '../../engine';
import { CLI_BUNDLE, buildCli, createProject, removeDirectory, runCli, type CliRun } from './cliHarness';

/**
 * A preload that counts the worker threads the CLI starts and says how many on stderr when the
 * process exits, so a test can tell the worker path ran.
 */
const COUNTING_HOOK = `
const threads = require('node:worker_threads');
if (threads.isMainThread) {
  const Original = threads.Worker;
  let started = 0;
  threads.Worker = class extends Original {
    constructor(...args) { super(...args); started++; }
  };
  process.on('exit', () => process.stderr.write('[workers started: ' + started + ']\\n'));
}
`;

describe('ballast scan on worker threads', () => {
  let project: string;
  let hook: string;
  before(async () => {
    await buildCli();
    project = createProject({
      ...generateProjectTree(100),
      // Something to report besides rule findings, and a configuration for one folder.
      'services/svc-0003/binary.Dockerfile': Buffer.from([0x46, 0x00, 0x01, 0x02]),
      'services/.ballast.yaml': 'rules:\n  dockerfile/no-root-user: error\n  dockerfile/nope: off\n',
    });
    hook = path.join(project, 'count-workers.cjs');
    writeFileSync(hook, COUNTING_HOOK);
  });
  after(() => removeDirectory(project));

  const scan = (args: string[], workers: string | undefined, cwd = project): CliRun & { started: number } => {
    const run = runCli(['scan', ...args], cwd, { BALLAST_WORKERS: workers ?? '', NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${hook}` });
    const match = /\[workers started: (\d+)\]\n$/.exec(run.stderr);
    assert.ok(match, run.stderr);
    return { ...run, stderr: run.stderr.slice(0, match.index), started: Number(match[1]) };
  };

  const mainThread = new Map<string, CliRun>();

  it('gives byte for byte the output of the main thread, in every format', () => {
    for (const format of ['text', 'compact', 'json', 'sarif']) {
      const main = scan(['--format', format], '0');
      assert.equal(main.started, 0);
      assert.equal(main.status, 1, format);
      assert.ok(main.stdout.length > 10_000, format);
      const { started, ...threaded } = scan(['--format', format], '2');
      assert.equal(started, 2, format);
      assert.deepEqual(threaded, { status: main.status, stdout: main.stdout, stderr: main.stderr }, format);
      mainThread.set(format, { status: main.status, stdout: main.stdout, stderr: main.stderr });
    }
  });

  it('gives the same output on every run, whatever the number of workers', () => {
    for (const workers of ['1', '3', '3']) {
      const { started, ...run } = scan(['--format', 'sarif'], workers);
      assert.equal(started, Number(workers));
      assert.deepEqual(run, mainThread.get('sarif'), `${workers} workers`);
    }
  });

  it('uses workers by default from 50 files on, one per processor but one (none on two processors or fewer), and none below', () => {
    assert.equal(scan([], undefined).started, availableParallelism() <= 2 ? 0 : availableParallelism() - 1);
    assert.equal(scan(['services/svc-0001', 'services/svc-0002'], undefined).started, 0);
  });

  it('fix --dry-run and fix give the same result on workers as on the main thread', () => {
    const dryMain = runCli(['fix', '--dry-run'], project, { BALLAST_WORKERS: '0' });
    const dryThreaded = runCli(['fix', '--dry-run'], project, { BALLAST_WORKERS: '2' });
    assert.match(dryMain.stdout, /^--- a\/services\/svc-\d+\/Dockerfile\n/);
    assert.deepEqual(dryThreaded, dryMain);
    const fixed = runCli(['fix'], project, { BALLAST_WORKERS: '2' });
    assert.equal(fixed.stderr, dryMain.stderr.replace(/^Would apply (.*) \(dry run: no file was written\)\.$/m, 'Applied $1.'));
    assert.equal(runCli(['fix', '--dry-run'], project, { BALLAST_WORKERS: '2' }).stdout, '');
  });

  it('BALLAST_WORKERS must be a whole number', () => {
    assert.deepEqual(runCli(['scan'], project, { BALLAST_WORKERS: 'many' }), {
      status: 2,
      stdout: '',
      stderr: "ballast: BALLAST_WORKERS must be a whole number of worker threads (0 lints on the main thread), not 'many'\nRun 'ballast scan --help' for usage.\n",
    });
  });
});

describe('streaming: results in task order, documents as if built whole', () => {
  let project: string;
  before(async () => {
    await buildCli();
    project = createProject(generateProjectTree(60));
  });
  after(() => removeDirectory(project));

  const lintTasks = (): Task[] => collectTargets(['.'], project).targets.map((target) => ({ type: 'lint', task: { target, fingerprints: true } }));

  it('runOrdered hands results on in task order, whatever the workers', async () => {
    const tasks = lintTasks();
    const collect = async (workers: number) => {
      const seen: { index: number; file: ScannedFile }[] = [];
      await runOrdered(tasks, workers, CLI_BUNDLE, (outcome, index) => seen.push({ index, file: outcome as ScannedFile }));
      return seen;
    };
    const main = await collect(0);
    assert.deepEqual(
      main.map((entry) => entry.index),
      tasks.map((_, index) => index),
    );
    assert.deepEqual(await collect(3), main);
  });

  it('the JSON and SARIF reporters write exactly what the whole-document formatters do', () => {
    const tasks = lintTasks();
    const result: ScanResult = { files: tasks.map((task) => lintFile((task as Extract<Task, { type: 'lint' }>).task)), walkErrors: [{ displayPath: 'locked', message: 'cannot read this directory: EACCES: permission denied' }] };
    const stream = (make: (write: (text: string) => void) => { file(file: ScannedFile): void; end(tally: ScanTally, walkErrors: ScanResult['walkErrors']): void }) => {
      let text = '';
      const reporter = make((chunk) => (text += chunk));
      for (const file of result.files) reporter.file(file);
      reporter.end(ScanTally.of(result), result.walkErrors);
      return text;
    };
    const sarifOptions = { toolVersion: '1.0.0', rules: listRules(), ruleOverrides: { 'dockerfile/no-root-user': 'error' as const }, cwd: project };
    assert.equal(stream(jsonReporter), formatJson(result));
    assert.equal(stream((write) => sarifReporter(write, sarifOptions)), formatSarif(result, sarifOptions));
    const empty: ScanResult = { files: [], walkErrors: [] };
    assert.equal(formatJson(empty), `${JSON.stringify(toJsonReport(empty), null, 2)}\n`);
    let emptyJson = '';
    const reporter = jsonReporter((chunk) => (emptyJson += chunk));
    reporter.end(new ScanTally(), []);
    assert.equal(emptyJson, formatJson(empty));
  });
});
