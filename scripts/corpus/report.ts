import { FILE_CATEGORIES, type CorpusReport, type FileCategory } from './run';

const CATEGORY_TITLES: Record<FileCategory, string> = {
  dockerfile: 'Dockerfiles',
  manifest: 'manifests',
  'other-yaml': 'other YAML',
  'helm-values': 'Helm values',
  'helm-template': 'Helm templates',
  'ballast-config': '.ballast.yaml',
};

/** The corpus run as a person reads it: a table per package, totals, then every problem found. */
export function formatCorpusReport(report: CorpusReport): string {
  const out: string[] = [];
  const columns = [...FILE_CATEGORIES.map((category) => CATEGORY_TITLES[category]), 'charts', 'objects', 'findings'];
  out.push(`| package | ${columns.join(' | ')} |`, `| --- |${columns.map(() => ' ---: |').join('')}`);
  for (const figures of [...report.packages, { id: '**total**', ...report.totals }]) {
    const cells = [...FILE_CATEGORIES.map((category) => figures.files[category]), figures.charts, figures.objects, figures.findings];
    out.push(`| ${figures.id} | ${cells.join(' | ')} |`);
  }
  const { totals, cli } = report;
  const linted = FILE_CATEGORIES.filter((c) => c !== 'helm-template').reduce((sum, c) => sum + totals.files[c], 0);
  const allFiles = linted + totals.files['helm-template'];
  out.push('');
  out.push(
    `${report.packages.length} packages (${megabytes(report.totals.tarballBytes)} of tarballs, ${report.downloaded} downloaded this run), ` +
      `${allFiles} files: ${FILE_CATEGORIES.map((c) => `${totals.files[c]} ${CATEGORY_TITLES[c]}`).join(', ')}; ${totals.charts} charts, ${totals.objects} Kubernetes objects.`,
  );
  out.push(`Engine in process: ${linted} files in ${report.engineSeconds.toFixed(2)} s (${rate(linted, report.engineSeconds)} files/s), ${totals.findings} findings.`);
  const cliFiles = cli.files?.length ?? 0;
  out.push(
    `CLI (${cli.command}, from ${cli.cwd}): ${cliFiles} files in ${cli.seconds.toFixed(2)} s wall (${rate(cliFiles, cli.seconds)} files/s), ` +
      `${cli.findings.error} errors, ${cli.findings.warning} warnings, ${cli.findings.info} infos; exit ${cli.exitCode ?? cli.signal}.`,
  );
  if (report.topRules.length > 0) out.push(`Most frequent: ${report.topRules.slice(0, 8).map((r) => `${r.ruleId} ${r.count}`).join(', ')}.`);
  if (cli.notAnalysed.length > 0) {
    out.push(`Not analysed (${cli.notAnalysed.length}):`);
    for (const file of cli.notAnalysed) out.push(`  ${file.path}: ${file.error}`);
  }
  const { syntax } = report;
  out.push(
    `YAML syntax errors: ${syntax.confirmed.length + syntax.explained.length + syntax.unexplained.length} reported, ${syntax.confirmed.length} confirmed by js-yaml, ` +
      `${syntax.explained.length} disputed and explained, ${syntax.unexplained.length} disputed and unexplained.`,
  );
  for (const verdict of syntax.confirmed) out.push(`  confirmed ${verdict.file}:${verdict.line}: ${verdict.message} [js-yaml: ${verdict.independentError}]`);
  for (const verdict of syntax.explained) out.push(`  explained ${verdict.file}:${verdict.line}: ${verdict.message} (${verdict.reason})`);
  for (const verdict of syntax.unexplained) out.push(`  DISPUTED ${verdict.file}:${verdict.line}: ${verdict.message} (js-yaml reads this document without error)`);
  for (const stale of syntax.stale) out.push(`  STALE explanation ${stale.file}:${stale.line}: no such dispute any more; remove it from the list`);
  out.push(`Crashes: ${report.crashes.length}.`);
  for (const crash of report.crashes) out.push(`  ${crash.what} in ${crash.file}: ${crash.detail}`);
  out.push(`Wall time: ${report.seconds.total.toFixed(1)} s (download and unpack ${report.seconds.fetch.toFixed(1)} s).`);
  out.push(report.ok ? 'Corpus: OK.' : 'Corpus: FAILED.');
  return `${out.join('\n')}\n`;
}

function rate(files: number, seconds: number): number {
  return seconds > 0 ? Math.round(files / seconds) : 0;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
