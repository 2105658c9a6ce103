import type { Finding } from '../types';
import { syntaxErrorFinding, yamlSpanBelow } from '../kubernetes/lint';
import type { ChartMetadata } from './chart';
import { parseHelmValues, type HelmValuesModel } from './values';

/**
 * The Helm values side of the engine. A values file is plain YAML, so its syntax errors are
 * reported like a manifest's; comments map to the lines below them as in manifests.
 */
export function prepareHelmValues(
  text: string,
  chart: ChartMetadata | undefined,
  overrides: boolean,
): { model: HelmValuesModel; spanBelow: (line: number) => { first: number; last: number } | undefined; syntaxErrors: Finding[] } {
  const model = parseHelmValues(text, chart, overrides);
  return {
    model,
    spanBelow: (line) => yamlSpanBelow(model.lines, line),
    syntaxErrors: model.documents.flatMap((yaml) => syntaxErrorFinding(model, yaml) ?? []),
  };
}
