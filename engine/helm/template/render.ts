import { loadChart, type LoadedChart, type LoadProblem, type ValuesReader } from './chartLoader';
import { chartValues } from './chartValues';
import { assignValuesPaths, mergeValueFiles } from './coalesce';
import { defaultFunctionTables, refusedFunctions } from './defaultFunctions';
import { RenderError, type ProblemKind } from './errors';
import { Execution, type DefinedTemplate, type ExecutionLimits } from './execute';
import type { FunctionTable } from './functions';
import { helmFunctions } from './helmFunctions';
import { capabilities, chartFiles, chartMetadata, release, type CapabilitiesOptions } from './helmObjects';
import { isEmptyTree, type TemplateTree } from './ast';
import { parseTemplate, TemplateParseError } from './parser';
import { removeAll, type Origin, type ValuesPath } from './provenance';
import { FunctionSet } from './registry';
import { readValuesFile, type ValuesRead } from './valuesFile';

/**
 * Renders a Helm chart as `helm template` does, from the chart's files as text, and reports for
 * every range of the output where it came from. See index.ts for the module's overview.
 */

export interface RenderChartInput {
  /** The chart's files by path relative to its folder, `/`-separated: `Chart.yaml`, `templates/x.yaml`, `charts/db/values.yaml`. */
  files: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  /** More values files, merged in order over values.yaml (`helm template -f a.yaml -f b.yaml`). */
  valuesFiles?: readonly { path: string; text: string }[];
  /** Defaults as `helm template`: release `release-name` in namespace `default`, a first install. */
  release?: { name?: string; namespace?: string; revision?: number; isUpgrade?: boolean };
  capabilities?: CapabilitiesOptions;
  /** Plain function tables (Sprig's by default); earlier tables win; Helm's own functions win over all. */
  functions?: readonly FunctionTable[];
  limits?: Partial<ExecutionLimits>;
  /** Parsed templates and values files to reuse between renders of a chart being edited. */
  cache?: RenderCache;
}

export interface RenderChartResult {
  /** Every template that renders to a manifest: not `_*` partials, not NOTES.txt. */
  templates: RenderedTemplate[];
  problems: RenderProblem[];
}

export interface RenderedTemplate {
  /** The template's path in the input files (`templates/deployment.yaml`, `charts/db/templates/x.yaml`). */
  path: string;
  /** Helm's name for it (`scaffold/templates/deployment.yaml`). */
  name: string;
  /** The rendered text, with Helm's `<no value>` removed. */
  text: string;
  /** Sorted, non-overlapping ranges of `text` and where each came from; together they cover `text`. */
  origins: OriginSegment[];
  /** Places where an action printed a missing or null value (and so printed nothing). */
  missingValues: MissingValue[];
}

export interface OriginSegment {
  start: number;
  end: number;
  origin: Origin;
}

export interface MissingValue {
  /** Offset in the rendered text. */
  offset: number;
  /** The path from the chart's `.Values` that was read, when known: `['securityContext', 'runAsNonRoot']`. */
  valuesPath: ValuesPath | undefined;
  /** The action that printed it. */
  action: Origin;
}

export interface RenderProblem {
  kind: ProblemKind;
  /** `information` for what the renderer cannot do (`unsupported`, `limit`); `error` for what fails in Helm too. */
  severity: 'error' | 'information';
  message: string;
  /** The file the range is in: a template, a values file, Chart.yaml. */
  file: string;
  start: number;
  end: number;
  /** The template whose rendering the problem stopped. */
  template?: string;
}

const DEFAULT_LIMITS: ExecutionLimits = { maxSteps: 1_000_000, maxOutput: 4_000_000, maxDepth: 200 };
const CACHE_LIMIT = 1000;

/** Parsed templates and values files by text, for renders of a chart as it is edited. */
export class RenderCache {
  private readonly parsed = new Map<string, Map<string, TemplateTree> | TemplateParseError>();
  private readonly values = new Map<string, ValuesRead>();

  readValues: ValuesReader = (text, file) => remember(this.values, `${file}\0${text}`, () => readValuesFile(text, file));

  parse(text: string, name: string, isFunction: (name: string) => boolean): Map<string, TemplateTree> | TemplateParseError {
    return remember(this.parsed, `${name}\0${text}`, () => parseOrError(text, name, isFunction));
  }
}

function remember<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  const found = cache.get(key);
  if (found !== undefined) {
    cache.delete(key);
    cache.set(key, found);
    return found;
  }
  const value = compute();
  cache.set(key, value);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return value;
}

function parseOrError(text: string, name: string, isFunction: (name: string) => boolean): Map<string, TemplateTree> | TemplateParseError {
  try {
    return parseTemplate(text, name, { isFunction });
  } catch (error) {
    if (error instanceof TemplateParseError) return error;
    throw error;
  }
}

function severityOf(kind: ProblemKind): RenderProblem['severity'] {
  return kind === 'unsupported' || kind === 'limit' ? 'information' : 'error';
}

function fromLoad(problem: LoadProblem): RenderProblem {
  return { ...problem, severity: severityOf(problem.kind) };
}

/** A template of some chart, with the objects it renders with. */
interface Renderable {
  path: string;
  name: string;
  text: string;
  top: Record<string, unknown>;
  basePath: string;
}

export function renderChart(input: RenderChartInput): RenderChartResult {
  const files = input.files instanceof Map ? input.files : new Map(Object.entries(input.files));
  const readValues: ValuesReader = input.cache ? input.cache.readValues : readValuesFile;
  const loadProblems: LoadProblem[] = [];
  const loaded = loadChart(files, '', readValues, loadProblems);
  const problems = loadProblems.map(fromLoad);
  if (!loaded) return { templates: [], problems };

  const userFiles = (input.valuesFiles ?? []).map((file) => ({ file, read: readValues(file.text, file.path) }));
  const valueProblems = userFiles.flatMap(({ file, read }) => read.problems.map((problem): RenderProblem => ({ kind: 'values', severity: 'error', message: problem.message, file: file.path, start: problem.start, end: problem.end })));
  if (valueProblems.length > 0) return { templates: [], problems: [...problems, ...valueProblems] };
  const computeProblems: LoadProblem[] = [];
  const { chart, values } = chartValues(loaded, mergeValueFiles(userFiles.map(({ read }) => read.values)), computeProblems);
  problems.push(...computeProblems.map(fromLoad));
  if (computeProblems.length > 0) return { templates: [], problems };
  assignValuesPaths(values, []);

  const functions = new FunctionSet(helmFunctions, input.functions ?? defaultFunctionTables, refusedFunctions);
  const isFunction = (name: string): boolean => functions.isKnown(name);
  const parse = (text: string, name: string) => (input.cache ? input.cache.parse(text, name, isFunction) : parseOrError(text, name, isFunction));
  const shared = { Release: release(input.release), Capabilities: capabilities(input.capabilities) };
  const renderables: Renderable[] = [];
  collect(chart, values, chart.name, shared, renderables);

  // Helm parses deeper paths first, so a chart's own definitions override its subcharts'.
  const order = [...renderables].sort((a, b) => helmOrder(b.name, a.name));
  const defined = new Map<string, DefinedTemplate>();
  const parsedOk = new Set<Renderable>();
  for (const renderable of order) {
    const parsed = parse(renderable.text, renderable.name);
    if (parsed instanceof TemplateParseError) {
      problems.push({ kind: parsed.unsupported ? 'unsupported' : 'parse', severity: parsed.unsupported ? 'information' : 'error', message: parsed.message, file: renderable.path, start: parsed.start, end: parsed.end, template: renderable.path });
      continue;
    }
    parsedOk.add(renderable);
    const location = { originOf: (start: number, end: number): Origin => ({ kind: 'template', file: renderable.path, start, end }) };
    for (const [name, tree] of parsed) {
      const existing = defined.get(name);
      if (existing && !isEmptyTree(existing.root) && isEmptyTree(tree.root)) continue;
      defined.set(name, { name, root: tree.root, text: renderable.text, location });
    }
  }

  const limits = { ...DEFAULT_LIMITS, ...input.limits };
  const rendered = new Map<Renderable, RenderedTemplate>();
  for (const renderable of order) {
    const fileName = renderable.path.slice(renderable.path.lastIndexOf('/') + 1);
    if (!parsedOk.has(renderable) || fileName.startsWith('_')) continue;
    const template = defined.get(renderable.name);
    if (!template) continue;
    const top = { ...renderable.top, Template: { Name: renderable.name, BasePath: renderable.basePath } };
    try {
      const output = removeAll(new Execution(functions, limits).run(template, defined, top), '<no value>');
      if (!fileName.endsWith('NOTES.txt')) rendered.set(renderable, toRendered(renderable, output.text, output.pieces));
    } catch (error) {
      if (!(error instanceof RenderError)) throw error;
      const at = error.location ?? { kind: 'template', file: renderable.path, start: 0, end: 0 };
      problems.push({ kind: error.kind, severity: severityOf(error.kind), message: error.message, file: at.file, start: at.start, end: at.end, template: renderable.path });
    }
  }
  const templates = [...rendered.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.name < b.name ? -1 : 1));
  return { templates, problems };
}

function collect(chart: LoadedChart, values: Record<string, unknown>, fullPath: string, shared: Record<string, unknown>, into: Renderable[]): void {
  const top = { ...shared, Chart: chartMetadata(chart.metadata), Files: chartFiles(chart.files), Values: values };
  for (const template of chart.templates) {
    const relative = template.path.slice(chart.prefix.length);
    // A library chart's templates only define; Helm ignores any other file in them.
    if (chart.library && !relative.slice(relative.lastIndexOf('/') + 1).startsWith('_')) continue;
    into.push({ path: template.path, name: `${fullPath}/${relative}`, text: template.text, top, basePath: `${fullPath}/templates` });
  }
  for (const subchart of chart.subcharts) {
    const subValues = values[subchart.name];
    collect(subchart, (subValues ?? {}) as Record<string, unknown>, `${fullPath}/charts/${subchart.name}`, shared, into);
  }
}

/** Helm's `byPathLen`: fewer `/` first, then by name. */
function helmOrder(a: string, b: string): number {
  const slashes = a.split('/').length - b.split('/').length;
  if (slashes !== 0) return slashes;
  return a < b ? -1 : a > b ? 1 : 0;
}

function toRendered(renderable: Renderable, text: string, pieces: readonly { start: number; end: number; origin: Origin | { kind: 'missing'; valuesPath: ValuesPath | undefined; action: Origin } }[]): RenderedTemplate {
  const origins: OriginSegment[] = [];
  const missingValues: MissingValue[] = [];
  for (const piece of pieces) {
    if (piece.origin.kind === 'missing') missingValues.push({ offset: piece.start, valuesPath: piece.origin.valuesPath, action: piece.origin.action });
    else if (piece.end > piece.start) origins.push({ start: piece.start, end: piece.end, origin: piece.origin });
  }
  return { path: renderable.path, name: renderable.name, text, origins, missingValues };
}
