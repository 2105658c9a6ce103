/**
 * Helm charts rendered in-process, with provenance.
 *
 * `renderChart({ files, valuesFiles?, release?, capabilities?, cache? })` renders a chart as
 * `helm template` does: Go's text/template semantics (lexer.ts, parser.ts, execute.ts), Go's fmt
 * (format.ts, goFloat.ts), Helm's functions and objects (helmFunctions.ts, helmObjects.ts), the
 * Sprig library (sprig/, through the FunctionTable interface of functions.ts), Helm's values
 * merging and subcharts (valuesFile.ts, coalesce.ts, chartValues.ts, chartLoader.ts). Nothing here
 * reads the file system: the chart's files come in as text, keyed by their path in the chart.
 *
 * Each rendered template comes with `origins`: sorted ranges of its text, each from one source.
 * - `{ kind: 'values', file, start, end, valuesPath, part }`: a scalar (or, `part: 'key'`, a key,
 *   or an empty `{}`/`[]`) written in a values file or Chart.yaml, at that range of that file. It
 *   holds through printing, `quote`, `default`, `toYaml`, `nindent`, `include`, `tpl`, `printf`
 *   and the other functions that copy or cut text; `derived: true` marks text computed from the
 *   value (`b64enc`, `upper`), which a fix cannot edit through.
 * - `{ kind: 'template', file, start, end }`: the template text, string literal or action that
 *   produced the range.
 * `missingValues` lists where an action printed a missing or null value (Helm prints nothing),
 * with the `.Values` path it asked for, so a finding can say which value to set.
 *
 * `problems` say why a template, or the chart, did not render, with a range in the file at
 * fault: a parse error or a failing action as Helm reports it (`error`), `required`/`fail`, a
 * values file that cannot be read; or, as `information`, something Ballast's renderer does not
 * do (a function it lacks, a packaged subchart, a work limit reached). A problem stops only the
 * template it is in; the others render.
 *
 * Values are plain JS data; their provenance is kept beside them (provenance.ts), so template
 * functions see and change Go-like maps and slices. Go's int/float64 difference is kept where Go
 * would show it: values-file numbers are float64 (`1000000` prints `1e+06`, `eq .Values.n 1` fails).
 *
 * Limits: 1,000,000 steps and 4,000,000 output characters per template, 200 nested
 * `template`/`include`/`tpl` calls, and Helm's own 1000 for an `include` of itself.
 */

export {
  renderChart,
  RenderCache,
  type RenderChartInput,
  type RenderChartResult,
  type RenderedTemplate,
  type OriginSegment,
  type MissingValue,
  type RenderProblem,
} from './render';
export { originAt } from './originLookup';
export type { Origin, ValuesOrigin, TemplateOrigin, ValuesPath } from './provenance';
export type { ProblemKind } from './errors';
export type { ExecutionLimits } from './execute';
export { DEFAULT_API_VERSIONS, DEFAULT_KUBE_VERSION, type CapabilitiesOptions } from './helmObjects';
export { TemplateFunctionError, type FunctionTable, type TemplateFunction } from './functions';
