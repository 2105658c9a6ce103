import type { ProblemKind } from './errors';
import type { ValuesRead } from './valuesFile';

/**
 * A chart and its subcharts read from a map of files, as Helm's loader reads a chart folder:
 * Chart.yaml, values.yaml, `templates/**`, `.Files` (everything else but `charts/`), and each
 * `charts/<folder>/` with a Chart.yaml as a subchart. Packaged subcharts (`charts/*.tgz`) cannot
 * be read from text and are reported.
 */

export interface ChartDependency {
  name: string;
  alias: string | undefined;
  condition: string | undefined;
  tags: string[];
}

export interface LoadedChart {
  /** The name templates and values know it by: Chart.yaml's `name`, or the dependency's alias. */
  name: string;
  /** Where its files are in the render input: `''` for the chart rendered, `charts/db/` for a subchart. */
  prefix: string;
  metadata: Record<string, unknown>;
  /** values.yaml, read. */
  defaults: Record<string, unknown>;
  /** Files under `templates/`, by path in the render input. */
  templates: { path: string; text: string }[];
  /** `.Files`, by path within the chart. */
  files: Map<string, string>;
  dependencies: ChartDependency[];
  subcharts: LoadedChart[];
  library: boolean;
}

export interface LoadProblem {
  kind: ProblemKind;
  message: string;
  file: string;
  start: number;
  end: number;
}

/** Files of Helm's chart format that `.Files` leaves out. */
const CHART_FORMAT_FILES = new Set(['Chart.yaml', 'Chart.lock', 'values.yaml', 'values.schema.json', 'requirements.yaml', 'requirements.lock']);

/** Reads files through a cache of parsed values, keyed by text. */
export type ValuesReader = (text: string, file: string) => ValuesRead;

export function loadChart(files: ReadonlyMap<string, string>, prefix: string, readValues: ValuesReader, problems: LoadProblem[], depth = 0): LoadedChart | undefined {
  const chartFile = `${prefix}Chart.yaml`;
  const chartText = files.get(chartFile);
  if (chartText === undefined) {
    problems.push({ kind: 'chart', message: `${chartFile} is missing`, file: chartFile, start: 0, end: 0 });
    return undefined;
  }
  const chartRead = readValues(chartText, chartFile);
  for (const problem of chartRead.problems) problems.push({ kind: 'chart', message: `cannot load Chart.yaml: ${problem.message}`, file: chartFile, start: problem.start, end: problem.end });
  if (chartRead.problems.length > 0) return undefined;
  const metadata = chartRead.values;
  if (typeof metadata.name !== 'string' || metadata.name === '') {
    problems.push({ kind: 'chart', message: 'validation: chart.metadata.name is required', file: chartFile, start: 0, end: 0 });
    return undefined;
  }
  const valuesFile = `${prefix}values.yaml`;
  const valuesText = files.get(valuesFile);
  let defaults: Record<string, unknown> = {};
  if (valuesText !== undefined) {
    const read = readValues(valuesText, valuesFile);
    for (const problem of read.problems) problems.push({ kind: 'values', message: problem.message, file: valuesFile, start: problem.start, end: problem.end });
    if (read.problems.length > 0) return undefined;
    defaults = read.values;
  }

  const templates: { path: string; text: string }[] = [];
  const chartFiles = new Map<string, string>();
  const subchartFolders = new Set<string>();
  for (const [path, text] of files) {
    if (!path.startsWith(prefix)) continue;
    const relative = path.slice(prefix.length);
    if (relative.startsWith('charts/')) {
      const rest = relative.slice('charts/'.length);
      const slash = rest.indexOf('/');
      if (slash > 0 && files.has(`${prefix}charts/${rest.slice(0, slash)}/Chart.yaml`)) subchartFolders.add(rest.slice(0, slash));
      else if (slash < 0 && /\.tgz$/i.test(rest)) problems.push({ kind: 'unsupported', message: `the packaged subchart ${relative} is not rendered; unpack it into charts/ to render it`, file: path, start: 0, end: 0 });
      continue;
    }
    // Helm's loader ignores hidden files under templates/ (its default ignore rule `templates/.?*`).
    if (relative.startsWith('templates/')) {
      if (!relative.slice(relative.lastIndexOf('/') + 1).startsWith('.')) templates.push({ path, text });
    }
    else if (!CHART_FORMAT_FILES.has(relative)) chartFiles.set(relative, text);
  }
  templates.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const loaded: LoadedChart[] = [];
  if (depth < 20) {
    for (const folder of [...subchartFolders].sort()) {
      const subchart = loadChart(files, `${prefix}charts/${folder}/`, readValues, problems, depth + 1);
      if (subchart) loaded.push(subchart);
    }
  }
  const dependencies = readDependencies(metadata.dependencies);
  return {
    name: metadata.name,
    prefix,
    metadata,
    defaults,
    templates,
    files: chartFiles,
    dependencies,
    subcharts: applyDependencies(loaded, dependencies, chartFile, problems),
    library: metadata.type === 'library',
  };
}

function readDependencies(value: unknown): ChartDependency[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const record = entry as Record<string, unknown>;
    if (typeof record.name !== 'string') return [];
    return [
      {
        name: record.name,
        alias: typeof record.alias === 'string' && record.alias !== '' ? record.alias : undefined,
        condition: typeof record.condition === 'string' ? record.condition : undefined,
        tags: Array.isArray(record.tags) ? record.tags.map(String) : [],
      },
    ];
  });
}

/**
 * Helm's pairing of `charts/` with Chart.yaml's dependencies: a chart listed under an alias is
 * rendered under that name (once per alias); charts not listed are rendered as they are; a listed
 * dependency missing from `charts/` is reported, as `helm dependency build` would fetch it.
 */
function applyDependencies(charts: LoadedChart[], dependencies: ChartDependency[], chartFile: string, problems: LoadProblem[]): LoadedChart[] {
  const listed = new Set(dependencies.map((dependency) => dependency.name));
  const result = charts.filter((chart) => !listed.has(chart.name));
  for (const dependency of dependencies) {
    const chart = charts.find((candidate) => candidate.name === dependency.name);
    if (!chart) {
      problems.push({ kind: 'unsupported', message: `the dependency ${dependency.name} is not in charts/ (helm dependency build fetches it), so it is not rendered`, file: chartFile, start: 0, end: 0 });
      continue;
    }
    result.push(dependency.alias ? { ...chart, name: dependency.alias, metadata: { ...chart.metadata, name: dependency.alias } } : chart);
  }
  return result;
}
