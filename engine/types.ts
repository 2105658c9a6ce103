/**
 * The engine's public vocabulary. Positions follow the LSP convention (0-based lines, UTF-16 code
 * unit columns) so that the server can pass them through untouched, but nothing here imports LSP.
 */

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** What a rule looks at. */
export type Target = 'dockerfile' | 'kubernetes' | 'helm';

/**
 * What a file is, as far as Ballast is concerned. Helm templates are not YAML until rendered:
 * Ballast recognises them so as to leave them alone.
 */
export type FileKind = 'dockerfile' | 'kubernetes' | 'helm-values' | 'helm-template' | 'ballast-config';
export const FILE_KINDS: readonly FileKind[] = ['dockerfile', 'kubernetes', 'helm-values', 'helm-template', 'ballast-config'];

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/**
 * `safe` keeps the image's meaning and may be applied by fix-all; `suggestion` changes behaviour
 * and is only applied when the user asks for it.
 */
export type FixKind = 'safe' | 'suggestion';

export interface Fix {
  title: string;
  kind: FixKind;
  edits: TextEdit[];
}

/** The Kubernetes object (and container) a finding is about. */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  name: string | undefined;
  namespace: string | undefined;
  container: string | undefined;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes: Fix[];
  /** Set for findings in Kubernetes manifests. */
  object?: ObjectRef;
}

/** Tools whose rule ids Ballast maps its own rules to. */
export const EQUIVALENT_TOOLS = ['hadolint', 'trivy', 'checkov', 'kube-linter', 'kube-score', 'polaris', 'pss'] as const;
export type EquivalentTool = (typeof EQUIVALENT_TOOLS)[number];

export interface Reference {
  title: string;
  url: string;
}

export interface RuleMeta {
  /** Stable kebab-case id prefixed by its target, e.g. `dockerfile/no-root-user`. */
  id: string;
  target: Target;
  title: string;
  defaultSeverity: Severity;
  /** Rules that are noisy for most projects ship off and are turned on by a setting. */
  enabledByDefault?: boolean;
  /** Markdown: rationale, then a bad and a good example in fenced code blocks. */
  description: string;
  references: Reference[];
  /** The strongest fix the rule offers: `none`, a `suggestion` only, or a `safe` fix. */
  fix: FixKind | 'none';
  equivalents: Partial<Record<EquivalentTool, string[]>>;
}

/** The rule id of findings that report a failure inside Ballast rather than in the file. */
export const INTERNAL_ERROR_ID = 'ballast/internal-error';

/** A rule that failed on a text: it threw (its findings are dropped), or it ran over its time budget (they are kept). */
export type RuleFailure =
  | { ruleId: string; kind: 'threw'; error: string }
  | { ruleId: string; kind: 'slow'; error: string; durationMs: number; budgetMs: number };

export interface LintResult {
  findings: Finding[];
  /** Rules that threw; their failure is also one `ballast/internal-error` finding each. */
  ruleFailures: RuleFailure[];
}
