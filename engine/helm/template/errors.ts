import { TemplateFunctionError } from './functions';
import type { Origin } from './provenance';

/**
 * Why a template, or a whole chart, did not render:
 * - `parse`: the template text is not a valid Go template (Helm fails too);
 * - `execute`: evaluating it failed as it fails in Helm (`nil pointer evaluating interface {}.x`);
 * - `required` / `fail`: the chart's own `required` or `fail` stopped it;
 * - `unsupported`: valid Helm, but something this renderer does not evaluate (a function it lacks,
 *   a packaged subchart); nothing is known to be wrong with the chart;
 * - `limit`: it ran past the renderer's work, output or nesting limits;
 * - `values` / `chart`: a values file or Chart.yaml cannot be read.
 */
export type ProblemKind = 'parse' | 'execute' | 'required' | 'fail' | 'unsupported' | 'limit' | 'values' | 'chart';

/** A problem raised while rendering; `location` is filled in by the nearest node when a limit trips deep inside. */
export class RenderError extends Error {
  constructor(
    readonly kind: ProblemKind,
    message: string,
    public location: Origin | undefined,
  ) {
    super(message);
  }
}

/** Thrown by `required` and `fail`: the chart stops itself, and says why in its own words. */
export class ChartFailure extends TemplateFunctionError {
  constructor(
    readonly kind: 'required' | 'fail',
    message: string,
  ) {
    super(message);
  }
}
