import { allRules, dockerfileRules, helmRules, kubernetesRules } from '../rules';
import { prepareDockerfile } from './dockerfile/lint';
import { applyEdits, selectCompatibleFixes } from './fixes';
import { SKIPPED_ID, skipReason } from './limits';
import { CONFIG_FILE_NAMES, parseConfig, untrustedConfigNotes } from './config';
import type { ChartMetadata } from './helm/chart';
import { prepareHelmValues } from './helm/lint';
import type { YamlFile } from './kubernetes/model';
import { DocumentLintCache, lintByDocument, type DocumentLint } from './kubernetes/byDocument';
import { annotationSuppressions, prepareKubernetes, YAML_SYNTAX_ID } from './kubernetes/lint';
import { profileSeverity } from './profiles';
import type { DockerfileRule, HelmRule, KubernetesRule, Report, RuleModule } from './rule';
import { maxTextLength, normalizeSettings, type EngineSettings } from './settings';
import { UNKNOWN_RULE_ID, checkDirectiveIds, collectSuppressions, fileSuppressionEdit, isSuppressed, lineSuppressionEdit, type Suppression, type SuppressionEdit } from './suppression';
import { LineIndex, compareRanges } from './text';
import { INTERNAL_ERROR_ID, type EquivalentTool, type FileKind, type Target, type Finding, type Fix, type FixKind, type LintResult, type RuleFailure, type RuleMeta, type Severity, type SeveritySetting } from './types';

export * from './types';
export { detectFileKind, classifyFile, type LintTarget } from './fileKind';
export { CONFIG_ERROR_ID, CONFIG_FILE_NAMES, TRUST_RESTRICTED_SETTINGS, untrustedConfig, applyConfig, configSchema, findConfig, isConfigFile, isExcludedByConfig, parseConfig, type ConfigSettings, type ProjectConfig } from './config';
export { CHART_FILE_NAME, findChart, parseChartMetadata, chartFileRole, type ChartLocation, type ChartMetadata } from './helm/chart';
export { matchesGlobs, relativePathIn, toSlashPath } from './paths';
export { applyEdits } from './fixes';
export { profileSeverity, type Profile } from './profiles';
export { LineIndex } from './text';
export { SETTINGS_SCHEMA, defaultSettings, maxTextLength, normalizeSettings, type BallastSettings, type EngineSettings } from './settings';
export { decodeSource } from './limits';
export type { SuppressionEdit } from './suppression';

export { SKIPPED_ID, UNKNOWN_RULE_ID, YAML_SYNTAX_ID };

export interface LintRequest {
  text: string;
  kind: FileKind;
  /** For Helm values files: the chart they belong to, read from its Chart.yaml (see `findChart`). */
  chart?: ChartMetadata;
  /** For Helm values files: whether the file overrides the chart's values.yaml (see `classifyFile`). */
  overridesChartValues?: boolean;
  settings?: Partial<EngineSettings>;
  /** Texts longer than this are not analysed; by default the `maxFileSizeMB` setting decides. */
  maxTextLength?: number;
  /** How long one rule may take on this text before it is reported as too slow (ms). */
  ruleTimeBudgetMs?: number;
  /** Rules not to run on this text: the server pauses a rule that was too slow on a document. */
  pausedRules?: ReadonlySet<string>;
  /** False in an editor workspace the user has not trusted: see `TRUST_RESTRICTED_SETTINGS`. */
  workspaceTrusted?: boolean;
}

/**
 * Rules run on the thread that lints (the editor's language server), where a slow rule cannot be
 * interrupted. A rule that takes longer than this on one file is reported, so the server can stop
 * running it on that file; the slowest real rule takes a few milliseconds on the largest input.
 */
export const DEFAULT_RULE_TIME_BUDGET_MS = 2000;


/** Every rule's metadata, for docs, the CLI's `rules` command and SARIF. */
export function listRules(): RuleMeta[] {
  return allRules.map((rule) => rule.meta);
}

export function findRule(id: string): RuleMeta | undefined {
  return allRules.find((rule) => rule.meta.id === id)?.meta;
}

/** The severity a rule runs at under the given settings (profile, then overrides), or `off`. */
export function effectiveSeverity(meta: RuleMeta, settings: EngineSettings): SeveritySetting {
  return settings.rules[meta.id] ?? profileSeverity(meta, settings.profile);
}

/** The Ballast rules equivalent to another tool's check; Trivy ids match in any of their spellings. */
function equivalentRules(tool: EquivalentTool, code: string): string[] {
  const wanted = tool === 'trivy' ? normalizeTrivyId(code) : code;
  return allRules
    .filter((rule) => (rule.meta.equivalents[tool] ?? []).some((id) => (tool === 'trivy' ? normalizeTrivyId(id) : id) === wanted))
    .map((rule) => rule.meta.id);
}

/** `KSV017`, `KSV-0017` and `AVD-KSV-0017` name the same Trivy check. */
function normalizeTrivyId(id: string): string {
  const match = /^(?:AVD-)?([A-Z]+)-?0*(\d+)$/i.exec(id.trim());
  return match ? `${match[1]!.toUpperCase()}-${match[2]!.padStart(4, '0')}` : id.toUpperCase();
}

function completeSettings(settings: Partial<EngineSettings> | undefined): EngineSettings {
  return normalizeSettings(settings ?? {});
}

/** Lints one file. Never throws for any input text: a failing rule becomes an internal finding. */
export function lint(request: LintRequest): LintResult {
  return lintWithRules(request, { dockerfile: dockerfileRules, kubernetes: kubernetesRules, helm: helmRules });
}

/** The rule sets per file kind; `lint` uses the registered ones, tests may pass their own. */
export interface RuleSets {
  dockerfile?: readonly DockerfileRule[];
  kubernetes?: readonly KubernetesRule[];
  helm?: readonly HelmRule[];
}

export function lintWithRules(request: LintRequest, rules: RuleSets): LintResult {
  const settings = completeSettings(request.settings);
  // Templates are Go text/template, not YAML: nothing to say about them before they are rendered.
  if (request.kind === 'helm-template') return { findings: [], ruleFailures: [] };
  const skipped = skipReason(request.text, request.maxTextLength ?? maxTextLength(settings));
  if (skipped) return { findings: [skipped], ruleFailures: [] };
  // Ballast's own configuration file: what is wrong in it, where it is.
  if (request.kind === 'ballast-config') {
    const findings = [...parseConfig(CONFIG_FILE_NAMES[0], request.text).errors];
    if (request.workspaceTrusted === false) findings.push(...untrustedConfigNotes(request.text));
    return { findings: findings.sort(compareFindings), ruleFailures: [] };
  }
  const suppressionOptions = { honorOtherTools: settings.honorOtherToolIgnores, equivalentRules };
  switch (request.kind) {
    case 'dockerfile': {
      const prepared = prepareDockerfile(request.text);
      const suppressions = collectSuppressions(prepared.model.lines, prepared.spanBelow, suppressionOptions);
      return finish(runRules(rules.dockerfile ?? [], prepared.model, settings, request), suppressions, prepared.model.lines, 'dockerfile');
    }
    case 'kubernetes': {
      // One YAML document at a time, each document's findings cached: see `lintByDocument`.
      const kubernetes = rules.kubernetes ?? [];
      const key = JSON.stringify([settings.profile, settings.rules, settings.trustedRegistries, settings.honorOtherToolIgnores, [...(request.pausedRules ?? [])], request.ruleTimeBudgetMs]);
      return lintByDocument(request.text, documentCacheOf(kubernetes), key, (model): DocumentLint => {
        const prepared = prepareKubernetes(model);
        const suppressions = collectSuppressions(model.lines, prepared.spanBelow, suppressionOptions);
        if (settings.honorOtherToolIgnores) suppressions.push(...annotationSuppressions(model, equivalentRules));
        const result = finish(runRules(kubernetes, model, settings, request), suppressions, model.lines, 'kubernetes');
        dropFixesInBrokenDocuments(result.findings, model);
        result.findings.push(...prepared.syntaxErrors);
        result.findings.sort(compareFindings);
        return { ...result, fileSuppressions: suppressions.filter((suppression) => suppression.lines === undefined) };
      });
    }
    case 'helm-values': {
      const prepared = prepareHelmValues(request.text, request.chart, request.overridesChartValues ?? false);
      const suppressions = collectSuppressions(prepared.model.lines, prepared.spanBelow, suppressionOptions);
      const result = finish(runRules(rules.helm ?? [], prepared.model, settings, request), suppressions, prepared.model.lines, 'helm');
      dropFixesInBrokenDocuments(result.findings, prepared.model);
      result.findings.push(...prepared.syntaxErrors);
      result.findings.sort(compareFindings);
      return result;
    }
  }
}

/** Per-document results, per rule set: tests lint with rule sets of their own. */
const documentCaches = new WeakMap<readonly KubernetesRule[], DocumentLintCache>();

function documentCacheOf(rules: readonly KubernetesRule[]): DocumentLintCache {
  let cache = documentCaches.get(rules);
  if (!cache) {
    cache = new DocumentLintCache();
    documentCaches.set(rules, cache);
  }
  return cache;
}

/**
 * Findings in a YAML document with a syntax error stay (squiggles do not flicker while a line is
 * half typed), but offer no fix: what the parser recovered is a guess, and an edit written into it
 * may be read back as something else, or not at all, so fix-all would repeat it forever.
 */
function dropFixesInBrokenDocuments(findings: Finding[], model: YamlFile): void {
  const broken = model.documents.filter((yaml) => yaml.errors.length > 0).map((yaml) => ({ first: model.lines.positionAt(yaml.offset).line, last: model.lines.positionAt(Math.max(yaml.offset, yaml.offset + yaml.text.length - 1)).line }));
  if (broken.length === 0) return;
  for (const finding of findings) {
    if (broken.some(({ first, last }) => finding.range.start.line >= first && finding.range.start.line <= last)) finding.fixes = [];
  }
}

/** Drops suppressed findings, adds the notes about suppression comments, sorts by position. */
function finish(result: LintResult, suppressions: Suppression[], lines: LineIndex, target: Target): LintResult {
  result.findings = result.findings.filter((finding) => finding.ruleId === INTERNAL_ERROR_ID || !isSuppressed(finding, suppressions));
  result.findings.push(...checkDirectiveIds(lines, KNOWN_RULE_IDS(), target));
  result.findings.sort(compareFindings);
  return result;
}

function runRules<Model>(rules: readonly RuleModule<Model>[], model: Model, settings: EngineSettings, request: LintRequest): LintResult {
  const findings: Finding[] = [];
  const ruleFailures: RuleFailure[] = [];
  const budgetMs = request.ruleTimeBudgetMs ?? DEFAULT_RULE_TIME_BUDGET_MS;
  for (const rule of rules) {
    const severity = effectiveSeverity(rule.meta, settings);
    if (severity === 'off' || request.pausedRules?.has(rule.meta.id)) continue;
    const reported: Finding[] = [];
    const report = (r: Report) => reported.push(toFinding(rule.meta, severity, r));
    const started = performance.now();
    try {
      rule.check({ model, settings, report });
      findings.push(...reported);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      ruleFailures.push({ ruleId: rule.meta.id, kind: 'threw', error: error instanceof Error && error.stack ? error.stack : message });
      findings.push(internalFinding(`Ballast rule ${rule.meta.id} failed on this file and was skipped: ${message}. The other rules ran normally.`));
      continue;
    }
    const durationMs = performance.now() - started;
    if (durationMs > budgetMs) {
      const took = `took ${formatMs(durationMs)} on this file, over its budget of ${formatMs(budgetMs)}`;
      ruleFailures.push({ ruleId: rule.meta.id, kind: 'slow', error: `${rule.meta.id} ${took}`, durationMs, budgetMs });
      findings.push(internalFinding(`Ballast rule ${rule.meta.id} ${took}. Its findings are shown; the other rules ran normally.`));
    }
  }
  return { findings, ruleFailures };
}

/** A problem of Ballast's own, at the top of the file. */
export function internalFinding(message: string): Finding {
  return { ruleId: INTERNAL_ERROR_ID, severity: 'warning', message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, fixes: [] };
}

export function formatMs(ms: number): string {
  return `${Math.round(ms).toLocaleString('en-US')} ms`;
}

function compareFindings(a: Finding, b: Finding): number {
  return compareRanges(a.range, b.range) || a.ruleId.localeCompare(b.ruleId);
}

/** Every id a suppression comment may name: all rules, whatever their target or state. */
const KNOWN_RULE_IDS = (() => {
  let ids: string[] | undefined;
  return () => (ids ??= allRules.map((rule) => rule.meta.id));
})();

function toFinding(meta: RuleMeta, severity: Severity, report: Report): Finding {
  const finding: Finding = { ruleId: meta.id, severity, message: report.message, range: report.range, fixes: report.fixes ?? [] };
  if (report.object) finding.object = report.object;
  return finding;
}

export interface FixAllResult {
  text: string;
  /** How many fixes were applied over all passes. */
  applied: number;
}

/**
 * Applies every fix of the given kinds (safe ones by default), re-linting between passes so that
 * fixes which touch the same text are applied one after the other, as ESLint does.
 */
export function fixAll(request: LintRequest, kinds: readonly FixKind[] = ['safe']): FixAllResult {
  let text = request.text;
  let applied = 0;
  for (let pass = 0; pass < 10; pass++) {
    const { findings } = lint({ ...request, text });
    const fixes: Fix[] = findings.flatMap((finding) => finding.fixes.filter((fix) => kinds.includes(fix.kind)).slice(0, 1));
    const chosen = selectCompatibleFixes(fixes);
    if (chosen.length === 0) break;
    const next = applyEdits(text, chosen.flatMap((fix) => fix.edits));
    if (next === text) break;
    text = next;
    applied += chosen.length;
  }
  return { text, applied };
}

/** The edit that disables a rule for the statement at `line`, or for the whole file. */
export function suppressionEdit(request: Pick<LintRequest, 'text' | 'kind'>, ruleId: string, line: number, scope: 'line' | 'file'): SuppressionEdit {
  switch (request.kind) {
    case 'dockerfile': {
      const prepared = prepareDockerfile(request.text);
      if (scope === 'file') return fileSuppressionEdit(prepared.model.lines, prepared.fileHeaderEnd, ruleId);
      const instruction = prepared.model.instructions.find((i) => i.getRange().start.line <= line && i.getRange().end.line >= line);
      return lineSuppressionEdit(prepared.model.lines, instruction ? instruction.getRange().start.line : line, ruleId);
    }
    case 'kubernetes':
    case 'helm-values':
    case 'helm-template':
    case 'ballast-config': {
      // A comment above the finding's own line: YAML findings sit on the key or value at fault.
      const lines = new LineIndex(request.text);
      return scope === 'file' ? fileSuppressionEdit(lines, 0, ruleId) : lineSuppressionEdit(lines, line, ruleId);
    }
  }
}
