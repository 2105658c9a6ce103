/**
 * Runs the built CLI (`node dist/cli.js`) the way a user or CI does, on copies of the fixture
 * project, so the tests cover argument parsing, the walk, exit codes and what reaches stdout.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { listRules } from '../../engine';

export const ROOT = path.resolve(__dirname, '../..');
export const CLI_BUNDLE = path.join(ROOT, 'dist', 'cli.js');
export const FIXTURE_PROJECT = path.join(ROOT, 'test', 'fixtures', 'cli', 'project');

/** What the bundle is built from: any of these newer than dist/cli.js means it is stale. */
const SOURCES = ['cli', 'engine', 'rules', 'package.json', 'package-lock.json'];

function newestModification(target: string): number {
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(target).map((entry) => newestModification(path.join(target, entry))));
}

function isStale(): boolean {
  let built: number;
  try {
    built = statSync(CLI_BUNDLE).mtimeMs;
  } catch {
    return true;
  }
  return SOURCES.some((source) => newestModification(path.join(ROOT, source)) > built);
}

let building: Promise<void> | undefined;

/**
 * Bundles the CLI as esbuild.mjs does when dist/cli.js is missing or older than its sources, so
 * the suite runs alone and never tests an old build. Test files run in parallel processes: the
 * bundle is written beside the target and renamed into place, so none runs a half-written file.
 */
export function buildCli(): Promise<void> {
  building ??= (async () => {
    if (!isStale()) return;
    const result = await esbuild.build({
      entryPoints: [path.join(ROOT, 'cli', 'main.ts')],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      banner: { js: '#!/usr/bin/env node' },
      write: false,
      outfile: CLI_BUNDLE,
      logLevel: 'warning',
    });
    mkdirSync(path.dirname(CLI_BUNDLE), { recursive: true });
    for (const file of result.outputFiles) {
      const temporary = `${file.path}.${process.pid}.tmp`;
      writeFileSync(temporary, file.contents);
      renameSync(temporary, file.path);
    }
  })();
  return building;
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/cli.js …` in `cwd`, with stdout a pipe (so no colour) and NO_COLOR unset. */
export function runCli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliRun {
  const { NO_COLOR: _ignored, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [CLI_BUNDLE, ...args], { cwd, encoding: 'utf8', env: { ...inherited, ...env }, maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * A fresh copy of the fixture project in a temporary directory, plus what git cannot hold in a
 * checkout: a `.git/Dockerfile` and a `node_modules/pkg/Dockerfile`, both full of findings, which
 * the scan must skip.
 */
export function copyFixtureProject(): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'ballast-cli-'));
  cpSync(FIXTURE_PROJECT, directory, { recursive: true });
  for (const skipped of ['.git', path.join('node_modules', 'pkg')]) {
    mkdirSync(path.join(directory, skipped), { recursive: true });
    writeFileSync(path.join(directory, skipped, 'Dockerfile'), 'FROM node:latest\nUSER root\n');
  }
  return directory;
}

export function removeDirectory(directory: string): void {
  rmSync(directory, { recursive: true, force: true });
}

/**
 * `--rule <id>=off` for every rule except the given ones, so exact-output tests see only the
 * rules they are about and do not change each time a rule is added.
 */
export function onlyRulesArgs(ids: readonly string[]): string[] {
  return listRules()
    .filter((rule) => !ids.includes(rule.id))
    .flatMap((rule) => ['--rule', `${rule.id}=off`]);
}

/** The two reference rules the fixture project is written to trigger. */
export const TAG_RULE = 'dockerfile/image-tag-latest';
export const ROOT_RULE = 'dockerfile/no-root-user';
export const REFERENCE_RULES = onlyRulesArgs([TAG_RULE, ROOT_RULE]);

/**
 * A temporary project made of the given files (`/`-separated paths, text or bytes), with an empty
 * `.git` folder unless `git: false`, so `.gitignore` applies as in a checkout.
 */
export function createProject(files: Record<string, string | Buffer>, options: { git?: boolean } = {}): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'ballast-cli-'));
  if (options.git !== false) mkdirSync(path.join(directory, '.git'));
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(directory, ...relative.split('/'));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return directory;
}

/** Runs the CLI with stdout on a pseudo-terminal, through util-linux `script`; stdout and stderr come back together. */
export function runOnTerminal(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): { status: number | null; output: string } {
  const { NO_COLOR: _ignored, ...inherited } = process.env;
  const command = [process.execPath, CLI_BUNDLE, ...args].map((word) => `'${word.replace(/'/g, `'\\''`)}'`).join(' ');
  const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd, encoding: 'utf8', env: { ...inherited, ...env } });
  if (result.error) throw result.error;
  return { status: result.status, output: result.stdout.replace(/\r\n/g, '\n') };
}
