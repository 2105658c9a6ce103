/** Runs the chosen sections, prints a Markdown table per section and writes the JSON results. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import * as path from 'node:path';
import { activationNotes, activationTable, benchActivation, type ActivationRow } from './activation';
import { BenchContext } from './context';
import { editorNotes, editorTable, benchEditor, type EditorRow } from './editor';
import { ENGINE_NOTES, benchEngine, engineTable, type EngineRow } from './engine';
import { describeMachine, type MachineInfo } from './machine';
import type { BenchOptions, Section } from './options';
import { benchPlan, type BenchPlan } from './plan';
import { benchScan, scanNotes, scanTable, type ScanRow } from './scanThroughput';
import { benchTypingDuringScan, typingDuringScanNotes, typingDuringScanTable, type TypingDuringScanResult } from './typingDuringScan';

export interface BenchResults {
  machine: MachineInfo;
  quick: boolean;
  sections: Section[];
  plan: BenchPlan;
  /** Why dist/ was rebuilt before measuring, if it was. */
  rebuilt: string | undefined;
  durationSeconds: number;
  /** The load average when the run ended, beside `machine.loadAverageAtStart`. */
  loadAverageAtEnd: number[];
  engine?: EngineRow[];
  editor?: EditorRow[];
  typingDuringScan?: TypingDuringScanResult;
  scan?: ScanRow[];
  activation?: ActivationRow[];
  /** What looked wrong besides the timings (see `Observations`). */
  observations: { section: string; message: string }[];
}

export interface RunHooks {
  /** Progress lines (default: stderr). */
  log?: (line: string) => void;
  /** The Markdown output (default: stdout). */
  print?: (text: string) => void;
}

const TITLES: Record<Section, string> = {
  engine: 'Engine: parse floor and lint, in process',
  editor: 'Editor latency over the protocol',
  'typing-during-scan': 'Typing while a workspace scan runs',
  scan: 'Scan throughput',
  activation: 'Activation: loading the bundles',
};

export async function runBench(options: BenchOptions, hooks: RunHooks = {}): Promise<BenchResults> {
  const started = performance.now();
  const log = hooks.log ?? ((line: string) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`));
  const print = hooks.print ?? ((text: string) => process.stdout.write(`${text}\n`));
  const plan = benchPlan(options.quick);
  const machine = describeMachine();
  const results: BenchResults = {
    machine,
    quick: options.quick,
    sections: options.sections,
    plan,
    rebuilt: undefined,
    durationSeconds: Number.NaN,
    loadAverageAtEnd: [],
    observations: [],
  };
  print(
    `# Ballast benchmarks${options.quick ? ' (--quick: a smoke run, not figures to quote)' : ''}\n\n` +
      `${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, ${machine.platform}; load average at start ${machine.loadAverageAtStart.map((load) => load.toFixed(2)).join(' ')}; ${machine.commit}.`,
  );
  const context = new BenchContext(plan, log);
  try {
    await measureSections(options.sections, context, results, print);
  } finally {
    context.dispose();
  }
  results.observations = context.observations.notes;
  results.durationSeconds = (performance.now() - started) / 1000;
  results.loadAverageAtEnd = loadavg();
  const observed = results.observations.map((note) => `- ${note.section}: ${note.message}`).join('\n');
  print(`\n## Observations\n\n${observed || 'None.'}\n\nTook ${results.durationSeconds.toFixed(0)} s; load average at the end ${results.loadAverageAtEnd.map((load) => load.toFixed(2)).join(' ')}.`);
  if (options.output) {
    mkdirSync(path.dirname(options.output), { recursive: true });
    writeFileSync(options.output, `${JSON.stringify(results, null, 2)}\n`);
    log(`results written to ${options.output}`);
  }
  return results;
}

async function measureSections(sections: readonly Section[], context: BenchContext, results: BenchResults, print: (text: string) => void): Promise<void> {
  const { plan } = context;
  // Built and copied before anything is measured, so a build does not weigh on the figures.
  if (sections.some((section) => section !== 'engine')) context.bundles();
  results.rebuilt = context.rebuilt;
  const section = (name: Section, table: string, notes: string) => print(`\n## ${TITLES[name]}\n\n${table}\n\n${notes}`);
  for (const name of sections) {
    if (name === 'engine') {
      results.engine = benchEngine(context.inputs, plan, context.observations, context.log);
      section(name, engineTable(results.engine), ENGINE_NOTES);
    } else if (name === 'editor') {
      results.editor = await benchEditor(context);
      section(name, editorTable(results.editor), editorNotes(results.editor, plan));
    } else if (name === 'typing-during-scan') {
      results.typingDuringScan = await benchTypingDuringScan(context);
      section(name, typingDuringScanTable(results.typingDuringScan), typingDuringScanNotes(results.typingDuringScan, plan.typingPauseMs));
    } else if (name === 'scan') {
      results.scan = await benchScan(context);
      section(name, scanTable(results.scan), scanNotes(plan.scanRuns));
    } else {
      results.activation = benchActivation(context);
      section(name, activationTable(results.activation), activationNotes(plan.processStarts));
    }
  }
}
