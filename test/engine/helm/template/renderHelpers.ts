// Builds small charts in memory and renders them, for the template engine's tests.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { renderChart, type RenderChartInput, type RenderChartResult, type RenderProblem } from '../../../../engine/helm/template';

export const CHART_YAML = 'apiVersion: v2\nname: demo\nversion: 0.1.0\nappVersion: "1.2.3"\n';

/** A chart with one template, `templates/t.yaml`, plus any other files. */
export function chartFiles(template: string, values = '', others: Record<string, string> = {}): Map<string, string> {
  return new Map(Object.entries({ 'Chart.yaml': CHART_YAML, 'values.yaml': values, 'templates/t.yaml': template, ...others }));
}

export interface SingleRender {
  /** The template's output, or undefined when it did not render. */
  text: string | undefined;
  problems: RenderProblem[];
  result: RenderChartResult;
}

/** Renders `templates/t.yaml` of a one-template chart. */
export function renderOne(template: string, values = '', others: Record<string, string> = {}, input: Partial<RenderChartInput> = {}): SingleRender {
  const result = renderChart({ files: chartFiles(template, values, others), ...input });
  return { text: result.templates.find((t) => t.path === 'templates/t.yaml')?.text, problems: result.problems, result };
}

/** The output of a template that must render without problems. */
export function render(template: string, values = '', others: Record<string, string> = {}, input: Partial<RenderChartInput> = {}): string {
  const { text, problems } = renderOne(template, values, others, input);
  if (problems.length > 0) throw new Error(`unexpected problems: ${JSON.stringify(problems)}`);
  return text!;
}

/** The single problem a template renders with, as `kind@start-end: message`. */
export function problemOf(template: string, values = '', others: Record<string, string> = {}): string {
  const { problems } = renderOne(template, values, others);
  if (problems.length !== 1) throw new Error(`expected one problem, got ${JSON.stringify(problems)}`);
  const [problem] = problems;
  return `${problem!.kind}@${problem!.file}:${problem!.start}-${problem!.end}: ${problem!.message}`;
}

/** Every file under a fixture folder, by `/`-separated path relative to it. */
export function readChartFolder(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir).sort()) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(path.relative(folder, full).split(path.sep).join('/'), readFileSync(full, 'utf8'));
    }
  };
  walk(folder);
  return files;
}
