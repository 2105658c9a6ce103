import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { EQUIVALENT_TOOLS, type Finding, type Range, type RuleMeta, type Severity, type SeveritySetting } from '../../engine';
import { FILE_ERROR_ID, type ScanResult, type ScannedFile } from '../scan';
import type { WalkError } from '../walk';
import { JsonArrayWriter, indented, type Reporter, type Write } from './reporter';

/** The errata version of the OASIS schema, the one the tests validate against. */
export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** Artifact URIs are relative to this base, which `originalUriBaseIds` maps to the scanned root. */
const SOURCE_ROOT = '%SRCROOT%';

/** The partialFingerprints key; GitHub reserves `primaryLocationLineHash` for its own hash. */
export const FINGERPRINT_KEY = 'ballastLineHash/v1';

const LEVELS: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/** GitHub code scanning ranks security alerts by this score: error is high, warning medium, info low. */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.0', info: '2.0' };

export interface SarifOptions {
  toolVersion: string;
  /** Every rule Ballast has, listed whether or not it ran, so `ruleIndex` is stable across runs. */
  rules: readonly RuleMeta[];
  /** Severities given with `--rule`, reported as configuration overrides. */
  ruleOverrides: Readonly<Record<string, SeveritySetting>>;
  /** The directory paths are relative to. */
  cwd: string;
}

/**
 * SARIF 2.1.0 as GitHub code scanning reads it. Findings of registered rules become results;
 * what concerns Ballast's own run (a file it could not read, a rule that crashed, a suppression
 * naming an unknown rule, a mistake in a configuration file) becomes a tool execution
 * notification, so it is visible without being raised as a security alert.
 */
class SarifRun {
  private readonly ruleIndex: Map<string, number>;
  private readonly notifications: Sarif.Notification[] = [];

  constructor(private readonly options: SarifOptions) {
    this.ruleIndex = new Map(options.rules.map((meta, index) => [meta.id, index]));
  }

  /** Everything of the run but its results and invocation. */
  head(): Pick<Sarif.Run, 'tool' | 'originalUriBaseIds' | 'columnKind'> {
    const { options } = this;
    return {
      tool: {
        driver: {
          name: 'Ballast',
          version: options.toolVersion,
          semanticVersion: options.toolVersion,
          rules: options.rules.map(toReportingDescriptor),
        },
      },
      originalUriBaseIds: { [SOURCE_ROOT]: { uri: directoryUri(options.cwd) } },
      columnKind: 'utf16CodeUnits',
    };
  }

  /** The file's results; what is not a rule's finding is kept for the invocation. */
  results(file: ScannedFile): Sarif.Result[] {
    const location = artifactLocation(file.path);
    if (file.error !== undefined) this.notifications.push(notification('error', FILE_ERROR_ID, file.error, location));
    const results: Sarif.Result[] = [];
    file.findings.forEach((finding, i) => {
      const index = this.ruleIndex.get(finding.ruleId);
      if (index === undefined) {
        this.notifications.push(notification(LEVELS[finding.severity], finding.ruleId, finding.message, location, finding.range));
      } else {
        results.push(toResult(finding, index, location, file.fingerprints?.[i]));
      }
    });
    return results;
  }

  /** After the last file: the notifications, unreadable directories first, and the --rule overrides. */
  invocation(walkErrors: readonly WalkError[]): Sarif.Invocation {
    const notifications = [...walkErrors.map((walkError) => notification('error', FILE_ERROR_ID, walkError.message, artifactLocation(walkError.displayPath))), ...this.notifications];
    const overrides = Object.entries(this.options.ruleOverrides).flatMap(([id, setting]): Sarif.ConfigurationOverride[] => {
      const index = this.ruleIndex.get(id);
      if (index === undefined) return [];
      const configuration: Sarif.ReportingConfiguration = setting === 'off' ? { enabled: false } : { enabled: true, level: LEVELS[setting] };
      return [{ descriptor: { id, index }, configuration }];
    });
    const invocation: Sarif.Invocation = { executionSuccessful: notifications.every((n) => n.level !== 'error') };
    if (notifications.length > 0) invocation.toolExecutionNotifications = notifications;
    if (overrides.length > 0) invocation.ruleConfigurationOverrides = overrides;
    return invocation;
  }
}

export function toSarifLog(result: ScanResult, options: SarifOptions): Sarif.Log {
  const run = new SarifRun(options);
  const results = result.files.flatMap((file) => run.results(file));
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [{ ...run.head(), results, invocations: [run.invocation(result.walkErrors)] }] };
}

export function formatSarif(result: ScanResult, options: SarifOptions): string {
  return `${JSON.stringify(toSarifLog(result, options), null, 2)}\n`;
}

/** The log written result by result; the text is that of `formatSarif` on the whole scan. */
export function sarifReporter(write: Write, options: SarifOptions): Reporter {
  const run = new SarifRun(options);
  write(`{\n  "$schema": ${JSON.stringify(SARIF_SCHEMA_URI)},\n  "version": "2.1.0",\n  "runs": [\n    {\n`);
  for (const [key, value] of Object.entries(run.head())) write(`      ${JSON.stringify(key)}: ${indented(value, 6).trimStart()},\n`);
  write('      "results": [');
  const results = new JsonArrayWriter(write, 8);
  return {
    file: (file) => {
      for (const result of run.results(file)) results.push(result);
    },
    end: (_tally, walkErrors) => {
      write(`${results.close()},\n      "invocations": ${indented([run.invocation(walkErrors)], 6).trimStart()}\n    }\n  ]\n}\n`);
    },
  };
}

function toResult(finding: Finding, ruleIndex: number, location: Sarif.ArtifactLocation, fingerprint: string | undefined): Sarif.Result {
  const sarifResult: Sarif.Result = {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVELS[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation: location, region: toRegion(finding.range) } }],
  };
  if (fingerprint !== undefined) sarifResult.partialFingerprints = { [FINGERPRINT_KEY]: fingerprint };
  // Only meaning-preserving fixes: SARIF consumers may apply fixes without asking.
  const fixes = finding.fixes
    .filter((fix) => fix.kind === 'safe')
    .map(
      (fix): Sarif.Fix => ({
        description: { text: fix.title },
        artifactChanges: [
          {
            artifactLocation: location,
            replacements: fix.edits.map((edit) => ({
              deletedRegion: toRegion(edit.range),
              ...(edit.newText !== '' ? { insertedContent: { text: edit.newText } } : {}),
            })),
          },
        ],
      }),
    );
  if (fixes.length > 0) sarifResult.fixes = fixes;
  return sarifResult;
}

/** 1-based lines and columns; the end column is exclusive, like the LSP end character. */
function toRegion(range: Range): Sarif.Region {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

function artifactLocation(displayPath: string): Sarif.ArtifactLocation {
  return { uri: displayPath.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

function directoryUri(directory: string): string {
  const href = pathToFileURL(directory).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function notification(level: Sarif.Notification.level, id: string, text: string, location: Sarif.ArtifactLocation, range?: Range): Sarif.Notification {
  const physicalLocation: Sarif.PhysicalLocation = { artifactLocation: location };
  if (range) physicalLocation.region = toRegion(range);
  return { level, descriptor: { id }, message: { text }, locations: [{ physicalLocation }] };
}

function toReportingDescriptor(meta: RuleMeta): Sarif.ReportingDescriptor {
  return {
    id: meta.id,
    name: ruleName(meta.id),
    shortDescription: { text: meta.title },
    fullDescription: { text: rationale(meta.description) },
    help: { text: helpText(meta), markdown: helpMarkdown(meta) },
    defaultConfiguration: { enabled: meta.enabledByDefault !== false, level: LEVELS[meta.defaultSeverity] },
    properties: {
      tags: ['security', meta.target],
      'security-severity': SECURITY_SEVERITY[meta.defaultSeverity],
      precision: 'high',
    },
  };
}

/** `dockerfile/no-root-user` → `DockerfileNoRootUser`, the identifier-like name SARIF viewers show. */
function ruleName(id: string): string {
  return id
    .split(/[/-]/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/** The description's prose before its Bad/Good examples, each paragraph on one line. */
function rationale(description: string): string {
  const prose = description.split(/\n\**Bad:?\**:?\s*\n/)[0] ?? description;
  return prose
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' '))
    .join('\n\n');
}

function equivalentsLine(meta: RuleMeta): string | undefined {
  const parts = EQUIVALENT_TOOLS.filter((tool) => (meta.equivalents[tool] ?? []).length > 0).map((tool) => `${tool} ${(meta.equivalents[tool] ?? []).join(', ')}`);
  return parts.length > 0 ? `Equivalent checks: ${parts.join('; ')}.` : undefined;
}

function helpMarkdown(meta: RuleMeta): string {
  const sections = [meta.description.trim()];
  const equivalents = equivalentsLine(meta);
  if (equivalents) sections.push(equivalents);
  if (meta.references.length > 0) sections.push(['References:', ...meta.references.map((r) => `- [${r.title}](${r.url})`)].join('\n'));
  return sections.join('\n\n');
}

function helpText(meta: RuleMeta): string {
  const sections = [meta.description.trim()];
  const equivalents = equivalentsLine(meta);
  if (equivalents) sections.push(equivalents);
  if (meta.references.length > 0) sections.push(['References:', ...meta.references.map((r) => `- ${r.title}: ${r.url}`)].join('\n'));
  return sections.join('\n\n');
}
