import { parseChartMetadata, type ChartMetadata } from '../../../engine';
import type { BenchPlan } from '../plan';
import { generateDockerfile } from './dockerfile';
import { BENCH_CHART_YAML, generateHelmValues } from './helm';
import { generateDeployments } from './kubernetes';

/** One file the engine and editor sections measure. */
export interface BenchInput {
  /** Stable key in the JSON results: `dockerfile-500`, `kubernetes-1000`, `helm-values-100`. */
  id: string;
  label: string;
  kind: 'dockerfile' | 'kubernetes' | 'helm-values';
  languageId: 'dockerfile' | 'yaml';
  /** Where the file lies in a workspace; Helm values lie in a chart, beside `BENCH_CHART_YAML`. */
  path: string;
  text: string;
  /** For Helm values: the chart, as the engine gets it. */
  chart?: ChartMetadata;
  /** The same input with `salt` in every RUN script or YAML document: the same findings, a text no cache has seen. */
  salted(salt: string): string;
}

export function lineCount(text: string): number {
  return text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
}

export function benchInputs(plan: BenchPlan): BenchInput[] {
  const inputs: BenchInput[] = [];
  for (const count of plan.dockerfileInstructions) {
    inputs.push({
      id: `dockerfile-${count}`,
      label: `Dockerfile, ${count.toLocaleString('en-US')} instructions`,
      kind: 'dockerfile',
      languageId: 'dockerfile',
      path: `dockerfile-${count}/Dockerfile`,
      text: generateDockerfile(count),
      salted: (salt) => generateDockerfile(count, undefined, salt),
    });
  }
  for (const count of plan.kubernetesDeployments) {
    inputs.push({
      id: `kubernetes-${count}`,
      label: `Kubernetes, ${count.toLocaleString('en-US')} Deployment${count === 1 ? '' : 's'}`,
      kind: 'kubernetes',
      languageId: 'yaml',
      path: `kubernetes-${count}/deployments.yaml`,
      text: generateDeployments(count),
      salted: (salt) => generateDeployments(count, undefined, salt),
    });
  }
  const chart = parseChartMetadata(BENCH_CHART_YAML);
  for (const components of plan.helmComponents) {
    const text = generateHelmValues(components);
    inputs.push({
      id: `helm-values-${components}`,
      label: `Helm values, ${lineCount(text).toLocaleString('en-US')} lines`,
      kind: 'helm-values',
      languageId: 'yaml',
      path: `helm-values-${components}/values.yaml`,
      text,
      chart,
      salted: (salt) => generateHelmValues(components, undefined, salt),
    });
  }
  return inputs;
}
