import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { INTERNAL_ERROR_ID, type Severity } from '../../engine';
import { ensureCliBuilt, scanWithCli, type CliScanResult } from './cliScan';
import { collectCorpusFiles, type CorpusFile } from './corpusFiles';
import { crossCheckSyntaxErrors, type SyntaxVerdict } from './crossCheck';
import { lintCorpus, type Crash } from './engineLint';
import { fetchPackages } from './fetch';
import { packageId, type ExplainedDispute, type PackageList } from './packageList';

/** How the corpus's files are counted: Ballast's kinds, with manifests told apart from other YAML. */
export const FILE_CATEGORIES = ['dockerfile', 'manifest', 'other-yaml', 'helm-values', 'helm-template', 'ballast-config'] as const;
export type FileCategory = (typeof FILE_CATEGORIES)[number];

export interface PackageFigures {
  id: string;
  why: string;
  files: Record<FileCategory, number>;
  /** Folders with a Chart.yaml. */
  charts: number;
  objects: number;
  findings: number;
}

export interface CorpusReport {
  packages: PackageFigures[];
  totals: Omit<PackageFigures, 'id' | 'why'> & { tarballBytes: number };
  crashes: Crash[];
  cli: CliScanResult & { findings: Record<Severity, number>; notAnalysed: { path: string; error: string }[] };
  topRules: { ruleId: string; count: number }[];
  engineSeconds: number;
  syntax: {
    confirmed: SyntaxVerdict[];
    explained: (SyntaxVerdict & { reason: string })[];
    unexplained: SyntaxVerdict[];
    /** Explanations for disputes that no longer occur: the list should lose them. */
    stale: ExplainedDispute[];
  };
  downloaded: number;
  seconds: { fetch: number; total: number };
  ok: boolean;
}

export interface CorpusOptions {
  list: PackageList;
  /** Where tarballs and unpacked trees are kept between runs. */
  cacheDir: string;
  /** The repository's root, where dist/cli.js is (built when missing). */
  root: string;
}

/** Download (or reuse), unpack, lint in process and with the CLI, cross-check parse errors. */
export function runCorpus({ list, cacheDir, root }: CorpusOptions): CorpusReport {
  const start = performance.now();
  const fetched = fetchPackages(list.packages, cacheDir);
  const fetchSeconds = (performance.now() - start) / 1000;

  const files = collectCorpusFiles(fetched.packages);
  const engine = lintCorpus(files);
  const crashes = [...engine.crashes];

  const cli = scanWithCli(ensureCliBuilt(root), path.join(cacheDir, 'trees'), fetched.packages.map((p) => packageId(p.pkg)));
  crashes.push(...cliCrashes(cli, new Set(crashes.map((crash) => crash.file))));

  const verdicts = engine.linted
    .filter(({ findings }) => findings.length > 0)
    .flatMap(({ file, findings }) => crossCheckSyntaxErrors(file.displayPath, new TextDecoder('utf-8').decode(readFileSync(file.absolutePath)), findings));
  const syntax = judgeDisputes(verdicts, list.explainedDisputes, new Set(fetched.packages.map((p) => packageId(p.pkg))));

  const packages = list.packages.map((pkg) => figuresOf(packageId(pkg), pkg.why, files, engine.linted));
  const findings = { error: 0, warning: 0, info: 0 };
  const ruleCounts = new Map<string, number>();
  for (const file of cli.files ?? []) {
    for (const finding of file.findings) {
      findings[finding.severity]++;
      ruleCounts.set(finding.ruleId, (ruleCounts.get(finding.ruleId) ?? 0) + 1);
    }
  }
  return {
    packages,
    totals: { ...sumFigures(packages), tarballBytes: fetched.packages.reduce((sum, p) => sum + p.tarballBytes, 0) },
    crashes,
    cli: { ...cli, findings, notAnalysed: (cli.files ?? []).flatMap((file) => (file.error === undefined ? [] : [{ path: file.path, error: file.error }])) },
    topRules: [...ruleCounts].map(([ruleId, count]) => ({ ruleId, count })).sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId)),
    engineSeconds: engine.seconds,
    syntax,
    downloaded: fetched.downloaded,
    seconds: { fetch: fetchSeconds, total: (performance.now() - start) / 1000 },
    ok: crashes.length === 0 && syntax.unexplained.length === 0 && syntax.stale.length === 0,
  };
}

/**
 * What counts as the CLI failing: an exit code other than 0 (with `--fail-on never`, findings do
 * not fail it), output that is not a JSON report, anything on stderr (a folder it could not
 * read), and internal errors the in-process run did not already report for the same file.
 */
function cliCrashes(cli: CliScanResult, alreadyReported: Set<string>): Crash[] {
  const crashes: Crash[] = [];
  if (cli.exitCode !== 0) crashes.push({ file: cli.cwd, what: 'cli', detail: `${cli.command} exited with ${cli.exitCode ?? cli.signal}` });
  if (cli.files === undefined) crashes.push({ file: cli.cwd, what: 'cli', detail: `${cli.command} did not print a JSON report` });
  if (cli.stderr.trim() !== '') crashes.push({ file: cli.cwd, what: 'cli', detail: `${cli.command} wrote to stderr:\n${cli.stderr.trim()}` });
  for (const file of cli.files ?? []) {
    if (alreadyReported.has(file.path)) continue;
    for (const finding of file.findings.filter((f) => f.ruleId === INTERNAL_ERROR_ID)) crashes.push({ file: file.path, what: 'cli', detail: finding.message });
  }
  return crashes;
}

function judgeDisputes(verdicts: SyntaxVerdict[], explanations: readonly ExplainedDispute[], packagesRun: Set<string>): CorpusReport['syntax'] {
  const explanationOf = (verdict: SyntaxVerdict) => explanations.find((e) => e.file === verdict.file && e.line === verdict.line);
  const disputed = verdicts.filter((verdict) => verdict.independentError === undefined);
  const explained = disputed.flatMap((verdict) => {
    const explanation = explanationOf(verdict);
    return explanation ? [{ ...verdict, reason: explanation.reason }] : [];
  });
  const stale = explanations.filter(
    (e) => [...packagesRun].some((id) => e.file.startsWith(`${id}/`)) && !disputed.some((verdict) => verdict.file === e.file && verdict.line === e.line),
  );
  return {
    confirmed: verdicts.filter((verdict) => verdict.independentError !== undefined),
    explained,
    unexplained: disputed.filter((verdict) => !explanationOf(verdict)),
    stale,
  };
}

function figuresOf(id: string, why: string, files: readonly CorpusFile[], linted: ReturnType<typeof lintCorpus>['linted']): PackageFigures {
  const figures: PackageFigures = { id, why, files: emptyCounts(), charts: 0, objects: 0, findings: 0 };
  const objectsByPath = new Map(linted.filter((l) => l.file.packageId === id).map((l) => [l.file.displayPath, l]));
  for (const file of files.filter((f) => f.packageId === id)) {
    const result = objectsByPath.get(file.displayPath);
    const objects = result?.objects ?? 0;
    figures.files[categoryOf(file, objects)]++;
    if (/(^|\/)Chart\.yaml$/.test(file.displayPath)) figures.charts++;
    figures.objects += objects;
    figures.findings += result?.findings.length ?? 0;
  }
  return figures;
}

function categoryOf(file: CorpusFile, objects: number): FileCategory {
  if (file.target.kind === 'kubernetes') return objects > 0 ? 'manifest' : 'other-yaml';
  return file.target.kind;
}

function emptyCounts(): Record<FileCategory, number> {
  return Object.fromEntries(FILE_CATEGORIES.map((category) => [category, 0])) as Record<FileCategory, number>;
}

function sumFigures(packages: readonly PackageFigures[]): Omit<PackageFigures, 'id' | 'why'> {
  const total: Omit<PackageFigures, 'id' | 'why'> = { files: emptyCounts(), charts: 0, objects: 0, findings: 0 };
  for (const figures of packages) {
    for (const category of FILE_CATEGORIES) total.files[category] += figures.files[category];
    total.charts += figures.charts;
    total.objects += figures.objects;
    total.findings += figures.findings;
  }
  return total;
}
