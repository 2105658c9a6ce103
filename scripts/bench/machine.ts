/** The machine and the code measured, so figures from different runs can be told apart. */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { ROOT } from './build';

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  node: string;
  platform: string;
  totalMemoryBytes: number;
  /** 1, 5 and 15 minute load averages: a busy machine makes every figure slower. */
  loadAverageAtStart: number[];
  /** The commit measured, `+ changes` when the working tree differs from it. */
  commit: string;
  date: string;
}

function describeCommit(): string {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  const head = git('rev-parse', '--short', 'HEAD');
  if (head.status !== 0) return 'no git commit';
  const dirty = git('status', '--porcelain', '--untracked-files=no').stdout.trim() !== '';
  return `commit ${head.stdout.trim()}${dirty ? ' + changes' : ''}`;
}

export function describeMachine(): MachineInfo {
  const processors = cpus();
  return {
    cpus: processors.length,
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    node: process.version,
    platform: `${platform()} ${release()}`,
    totalMemoryBytes: totalmem(),
    loadAverageAtStart: loadavg(),
    commit: describeCommit(),
    date: new Date().toISOString(),
  };
}
