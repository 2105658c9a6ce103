import { isMap, isScalar, parseDocument } from 'yaml';
import { matchesGlobs, toSlashPath } from '../paths';

/**
 * Helm charts as Ballast sees them: a folder with a `Chart.yaml`, its values files and its
 * templates. Paths here use `/` separators; callers turn platform paths into that form. Nothing
 * here touches the file system: callers hand in a way to read a file.
 */

/** What the values rules need to know about the chart a values file belongs to. */
export interface ChartMetadata {
  name: string | undefined;
  /** `appVersion` from Chart.yaml: what `helm create`'s templates use when `image.tag` is empty. */
  appVersion: string | undefined;
}

export interface ChartLocation {
  /** The chart's folder, `/`-separated, without a trailing `/`. */
  root: string;
  metadata: ChartMetadata;
}

export const CHART_FILE_NAME = 'Chart.yaml';

/** Reads Chart.yaml's text as Helm does, tolerating anything half-typed. */
export function parseChartMetadata(text: string): ChartMetadata {
  const metadata: ChartMetadata = { name: undefined, appVersion: undefined };
  try {
    const document = parseDocument(text, { prettyErrors: false, strict: false });
    const root = document.contents;
    if (!isMap(root)) return metadata;
    for (const item of root.items) {
      if (!isScalar(item.key) || !isScalar(item.value)) continue;
      const value = item.value.value;
      if (value === null || value === undefined || String(value).trim() === '') continue;
      if (item.key.value === 'name') metadata.name = String(value);
      if (item.key.value === 'appVersion') metadata.appVersion = String(value);
    }
  } catch {
    // A Chart.yaml that cannot be read tells nothing; the values rules then assume no appVersion.
  }
  return metadata;
}

function parentOf(path: string): string | undefined {
  const slash = path.lastIndexOf('/');
  if (slash < 0) return undefined;
  if (slash === 0) return path === '/' ? undefined : '/';
  // `C:/` has no parent folder worth looking in.
  return path.slice(0, slash);
}

/**
 * The chart a file belongs to: the nearest folder, from the file's own upwards, that holds a
 * Chart.yaml. A subchart under `charts/` has its own Chart.yaml, so its files belong to it.
 * `readFile` returns a file's text, or undefined when there is none.
 */
export function findChart(filePath: string, readFile: (path: string) => string | undefined): ChartLocation | undefined {
  let folder = parentOf(toSlashPath(filePath));
  while (folder !== undefined) {
    const chartFile = folder === '/' ? `/${CHART_FILE_NAME}` : `${folder}/${CHART_FILE_NAME}`;
    const text = readFile(chartFile);
    if (text !== undefined) return { root: folder, metadata: parseChartMetadata(text) };
    folder = parentOf(folder);
  }
  return undefined;
}

/** What a file in a chart is: values, a template, or neither (Chart.yaml, CI files, docs). */
export type ChartFileRole = 'values' | 'template';

/** `values.yaml`, `values-prod.yaml`, `values.prod.yml`: the names Helm users give values files. */
const VALUES_NAME = /^values(?:[-.][^/]+)?\.ya?ml$/i;

/**
 * The role of a file from its path relative to the chart's folder. Templates are everything under
 * `templates/` and `*.tpl` files; values files are named like `values*.yaml` outside `templates/`,
 * or match one of `valuesGlobs` (relative to the chart's folder).
 */
export function chartFileRole(pathInChart: string, valuesGlobs: readonly string[] = []): ChartFileRole | undefined {
  const path = toSlashPath(pathInChart).replace(/^\.\//, '');
  if (path.startsWith('templates/') || /\.tpl$/i.test(path)) return 'template';
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (VALUES_NAME.test(name) && !/\.schema\./i.test(name)) return 'values';
  if (matchesGlobs(path, valuesGlobs)) return 'values';
  return undefined;
}
