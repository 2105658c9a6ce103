import { formatMs, type RuleFailure } from '../engine';
import type { Logger } from './guard';

/**
 * The output channel's record of rules that failed: each failure once per server, with the stack
 * of a rule that threw. The user sees one diagnostic per failure in the file already; the log is
 * where a bug report starts.
 */
export class RuleFailureLog {
  private readonly reported = new Set<string>();

  constructor(
    private readonly logger: Logger,
    /** What happens next to a rule that was too slow, as the caller handles it. */
    private readonly afterSlow: string,
  ) {}

  report(failures: readonly RuleFailure[], uri: string): void {
    for (const failure of failures) {
      const key = `${failure.kind}:${failure.ruleId}`;
      if (this.reported.has(key)) continue;
      this.reported.add(key);
      this.logger.error(
        failure.kind === 'threw'
          ? `Ballast: rule ${failure.ruleId} failed and was skipped: ${failure.error}`
          : `Ballast: rule ${failure.ruleId} took ${formatMs(failure.durationMs)} on ${uri}, over its budget of ${formatMs(failure.budgetMs)}${this.afterSlow}.`,
      );
    }
  }
}
