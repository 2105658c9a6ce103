/** Order statistics of timings; nearest-rank percentiles, so every figure is one that was measured. */
export interface Summary {
  median: number;
  p95: number;
  min: number;
  max: number;
  count: number;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function summarize(values: readonly number[]): Summary {
  return {
    median: percentile(values, 50),
    p95: percentile(values, 95),
    min: values.length ? Math.min(...values) : Number.NaN,
    max: values.length ? Math.max(...values) : Number.NaN,
    count: values.length,
  };
}

export interface RepeatPlan {
  /** Untimed runs first, so the JIT has compiled the code measured: up to `warmupRuns`, or until `warmupMs` have passed. */
  warmupRuns: number;
  warmupMs: number;
  minRuns: number;
  /** More runs, up to `maxRuns`, until this much time was measured: small inputs get many runs. */
  minMs: number;
  maxRuns: number;
}

/**
 * Times `run` repeatedly. `prepare(i)`, untimed, makes the argument of call `i` (warm-up calls
 * counted), so that each call can get an input of its own.
 */
export function timeRepeatedly<T = number>(run: (input: T) => void, plan: RepeatPlan, prepare: (i: number) => T = (i) => i as T): number[] {
  let call = 0;
  const warmupStart = performance.now();
  while (call < plan.warmupRuns && (call === 0 || performance.now() - warmupStart < plan.warmupMs)) run(prepare(call++));
  const times: number[] = [];
  let total = 0;
  while (times.length < plan.minRuns || (total < plan.minMs && times.length < plan.maxRuns)) {
    const input = prepare(call++);
    const start = performance.now();
    run(input);
    const elapsed = performance.now() - start;
    times.push(elapsed);
    total += elapsed;
  }
  return times;
}

/** Resolves with the promise's value, or undefined once `ms` have passed. */
export function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
