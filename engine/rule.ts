import type { DockerfileModel } from './dockerfile/model';
import type { HelmValuesModel } from './helm/values';
import type { KubernetesModel } from './kubernetes/model';
import type { EngineSettings } from './settings';
import type { Fix, ObjectRef, Range, RuleMeta } from './types';

/** What a rule hands to `report`: the engine adds the rule id and the configured severity. */
export interface Report {
  message: string;
  range: Range;
  fixes?: Fix[];
  /** For Kubernetes findings: the object and container concerned (see `objectRef`). */
  object?: ObjectRef;
}

export interface RuleContext<Model> {
  model: Model;
  settings: EngineSettings;
  report(report: Report): void;
}

export type DockerfileRuleContext = RuleContext<DockerfileModel>;
export type KubernetesRuleContext = RuleContext<KubernetesModel>;
export type HelmRuleContext = RuleContext<HelmValuesModel>;

/** A rule module: `export const meta` and `export function check` in one file under `rules/`. */
export interface RuleModule<Model> {
  meta: RuleMeta;
  check(context: RuleContext<Model>): void;
}

export type DockerfileRule = RuleModule<DockerfileModel>;
export type KubernetesRule = RuleModule<KubernetesModel>;
export type HelmRule = RuleModule<HelmValuesModel>;
