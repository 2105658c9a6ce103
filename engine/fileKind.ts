import { chartFileRole, type ChartLocation, type ChartMetadata } from './helm/chart';
import { matchesGlobs, relativePathIn } from './paths';
import type { FileKind } from './types';

const DOCKERFILE_NAMES = [/^dockerfile$/i, /^containerfile$/i, /^dockerfile\..+$/i, /^containerfile\..+$/i, /^.+\.dockerfile$/i];

/**
 * What Ballast makes of a file from its name or the editor's language id alone, without knowing
 * whether it lies in a Helm chart: Dockerfiles, and YAML that may hold manifests.
 */
export function detectFileKind(path: string, languageId?: string): FileKind | undefined {
  if (languageId === 'dockerfile') return 'dockerfile';
  if (languageId === 'yaml') return 'kubernetes';
  const name = baseName(path);
  if (/\.dockerignore$/i.test(name)) return undefined;
  if (DOCKERFILE_NAMES.some((pattern) => pattern.test(name))) return 'dockerfile';
  // Any YAML may hold manifests; documents without apiVersion and kind are left alone.
  if (/\.ya?ml$/i.test(name)) return 'kubernetes';
  return undefined;
}

/** A file's kind, and for Helm values the chart they belong to: what `lint` needs besides text. */
export interface LintTarget {
  kind: FileKind;
  chart?: ChartMetadata;
  /** Helm values other than the chart's own values.yaml, which Helm merges over it. */
  overridesChartValues?: boolean;
}

export interface ClassifyOptions {
  languageId?: string;
  /** The chart the file lies in (see `findChart`), if any. */
  chart?: ChartLocation;
  /** `ballast.helm.valuesFiles`: more values files, relative to the chart's folder or to `root`. */
  valuesGlobs?: readonly string[];
  /** The workspace folder or scan root, for values files kept outside any chart. */
  root?: string;
}

/**
 * What a file is once its place is known. In a chart, templates (`templates/**`, `*.tpl`) are left
 * alone and values files (`values*.yaml` and the configured globs) get the values rules; other YAML
 * is read as manifests. Outside charts, the configured globs can still name values files.
 */
export function classifyFile(path: string, options: ClassifyOptions = {}): LintTarget | undefined {
  const { chart, valuesGlobs = [], root } = options;
  const name = baseName(path);
  if (/^\.ballast\.ya?ml$/.test(name)) return { kind: 'ballast-config' };
  if (chart) {
    const inChart = relativePathIn(chart.root, path);
    if (inChart !== undefined) {
      const role = chartFileRole(inChart, valuesGlobs);
      if (role === 'template') return { kind: 'helm-template' };
      if (role === 'values' && isYaml(name, options.languageId)) {
        return { kind: 'helm-values', chart: chart.metadata, overridesChartValues: !/^values\.ya?ml$/i.test(inChart) };
      }
    }
  }
  const kind = detectFileKind(path, options.languageId);
  if (kind === 'kubernetes' && root !== undefined && valuesGlobs.length > 0) {
    const inRoot = relativePathIn(root, path);
    if (inRoot !== undefined && matchesGlobs(inRoot, valuesGlobs)) return { kind: 'helm-values', overridesChartValues: true };
  }
  return kind ? { kind } : undefined;
}

function isYaml(name: string, languageId: string | undefined): boolean {
  return languageId === 'yaml' || /\.ya?ml$/i.test(name);
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}
