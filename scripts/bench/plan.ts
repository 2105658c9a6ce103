import type { RepeatPlan } from './measure';

/** How much a run measures: sizes, and how many times each thing is timed. */
export interface BenchPlan {
  dockerfileInstructions: number[];
  kubernetesDeployments: number[];
  /** Helm values files by component (about 61 lines each; 1 is a `helm create`-sized file of 60 lines). */
  helmComponents: number[];
  /** The scanned repository: services, and how many times the large one repeats it. */
  repositoryServices: number;
  largeRepositoryCopies: number;
  parseFloor: RepeatPlan;
  /** Cold lints, each of a text the engine has not seen. */
  lintCold: RepeatPlan;
  lintWarm: RepeatPlan;
  /** Edits timed per input over the protocol. */
  edits: number;
  /**
   * Untimed edits first: the server's code tiers up over many small lints, or a few large ones,
   * so at least `minEdits`, then more until `ms` have passed, at most `maxEdits`.
   */
  warmup: { minEdits: number; ms: number; maxEdits: number };
  /** The input typed in while the large repository is scanned: a file of typical size. */
  typingDuringScanInput: string;
  /** Pause between keystrokes while typing during a scan (and in its idle baseline). */
  typingPauseMs: number;
  /** How long to type while the scan runs (at least `edits` edits). */
  typingDuringScanMs: number;
  /** Runs of each scan of the repository and of its large copy. */
  scanRuns: { base: number; large: number };
  processStarts: number;
}

export function benchPlan(quick: boolean): BenchPlan {
  return quick
    ? {
        dockerfileInstructions: [50],
        kubernetesDeployments: [1, 10],
        helmComponents: [1],
        repositoryServices: 20,
        largeRepositoryCopies: 2,
        parseFloor: { warmupRuns: 2, warmupMs: 50, minRuns: 3, minMs: 50, maxRuns: 20 },
        lintCold: { warmupRuns: 1, warmupMs: 0, minRuns: 3, minMs: 0, maxRuns: 3 },
        lintWarm: { warmupRuns: 1, warmupMs: 0, minRuns: 3, minMs: 50, maxRuns: 20 },
        edits: 5,
        warmup: { minEdits: 1, ms: 0, maxEdits: 1 },
        typingDuringScanInput: 'dockerfile-50',
        typingPauseMs: 20,
        typingDuringScanMs: 2_000,
        scanRuns: { base: 1, large: 1 },
        processStarts: 3,
      }
    : {
        dockerfileInstructions: [50, 500, 5000],
        kubernetesDeployments: [1, 100, 1000],
        helmComponents: [1, 100],
        repositoryServices: 150,
        largeRepositoryCopies: 10,
        parseFloor: { warmupRuns: 10, warmupMs: 500, minRuns: 3, minMs: 1000, maxRuns: 300 },
        lintCold: { warmupRuns: 10, warmupMs: 500, minRuns: 3, minMs: 1000, maxRuns: 100 },
        lintWarm: { warmupRuns: 10, warmupMs: 500, minRuns: 3, minMs: 1000, maxRuns: 300 },
        edits: 20,
        warmup: { minEdits: 2, ms: 2_000, maxEdits: 50 },
        typingDuringScanInput: 'dockerfile-50',
        typingPauseMs: 50,
        typingDuringScanMs: 20_000,
        scanRuns: { base: 3, large: 1 },
        processStarts: 10,
      };
}
