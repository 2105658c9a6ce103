/**
 * Section `activation`: how long loading the bundles takes in a fresh Node process: the
 * extension (dist/extension.js, with a stub `vscode` module), which VS Code loads when it
 * activates Ballast, and the language server (dist/server.js), which it then starts. Node's own
 * start-up is measured beside them, for scale.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from './build';
import type { BenchContext } from './context';
import { summarize, type Summary } from './measure';
import { markdownTable, ms } from './table';

const PROBE = path.join(__dirname, 'probes', 'requireBundle.cjs');

export interface ActivationRow {
  what: string;
  /** Time to `require` the bundle, measured inside the process; undefined for Node alone. */
  requireMs: Summary | undefined;
  /** Spawn to exit of the whole process. */
  processMs: Summary;
}

function measure(context: BenchContext, what: string, args: string[], timesRequire: boolean): ActivationRow {
  const requireTimes: number[] = [];
  const processTimes: number[] = [];
  for (let run = 0; run < context.plan.processStarts; run++) {
    const start = performance.now();
    const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', stdio: ['pipe', 'ignore', 'pipe'] });
    processTimes.push(performance.now() - start);
    if (result.status !== 0) throw new Error(`${what}: exit code ${result.status}\n${result.stderr}`);
    if (!timesRequire) continue;
    const required = /^require-ms (\S+)$/m.exec(result.stderr)?.[1];
    if (required === undefined) throw new Error(`${what}: the probe printed no time\n${result.stderr}`);
    requireTimes.push(Number(required));
  }
  return { what, requireMs: timesRequire ? summarize(requireTimes) : undefined, processMs: summarize(processTimes) };
}

export function benchActivation(context: BenchContext): ActivationRow[] {
  context.log('activation');
  return [
    measure(context, 'Node alone (`node -e ""`)', ['-e', ''], false),
    measure(context, 'dist/extension.js (stub vscode)', [PROBE, context.bundles().extension], true),
    measure(context, 'dist/server.js --stdio', [PROBE, context.bundles().server, '--stdio'], true),
  ];
}

export function activationTable(rows: readonly ActivationRow[]): string {
  return markdownTable(
    ['Load', 'require, median (ms) #', 'require, max (ms) #', 'Process spawn to exit, median (ms) #'],
    rows.map((row) => [row.what, ms(row.requireMs?.median), ms(row.requireMs?.max), ms(row.processMs.median)]),
  );
}

export function activationNotes(starts: number): string {
  return `${starts} fresh processes each; require: measured inside the process around require(), so Node's own start-up is not in it.`;
}
