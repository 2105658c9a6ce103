import { readFileSync } from 'node:fs';
import { INTERNAL_ERROR_ID, lint, type Finding } from '../../engine';
import { parseKubernetes } from '../../engine/kubernetes/model';
import type { CorpusFile } from './corpusFiles';

/** A failure inside Ballast on a corpus file: what must never happen. */
export interface Crash {
  file: string;
  /** `exception` escaped `lint`; `rule failure` is a rule that threw and was isolated. */
  what: 'exception' | 'rule failure' | 'internal-error finding' | 'cli';
  detail: string;
}

export interface LintedFile {
  file: CorpusFile;
  findings: Finding[];
  /** Kubernetes objects (documents with string `apiVersion` and `kind`) in a manifest file. */
  objects: number;
  /** How long `lint` took on it. */
  milliseconds: number;
}

export interface EngineLintResult {
  linted: LintedFile[];
  crashes: Crash[];
  seconds: number;
}

/**
 * Lints every corpus file in this process, with the default settings, so that an exception is
 * caught with its stack rather than lost in a worker thread. Helm templates are passed by, as the
 * CLI passes them by.
 */
export function lintCorpus(files: readonly CorpusFile[]): EngineLintResult {
  const linted: LintedFile[] = [];
  const crashes: Crash[] = [];
  const start = performance.now();
  for (const file of files) {
    if (file.target.kind === 'helm-template') continue;
    const text = new TextDecoder('utf-8').decode(readFileSync(file.absolutePath));
    try {
      const lintStart = performance.now();
      const { findings, ruleFailures } = lint({ text, ...file.target });
      const milliseconds = performance.now() - lintStart;
      for (const failure of ruleFailures) crashes.push({ file: file.displayPath, what: 'rule failure', detail: `${failure.ruleId}: ${failure.error}` });
      if (ruleFailures.length === 0) {
        for (const finding of findings.filter((f) => f.ruleId === INTERNAL_ERROR_ID)) crashes.push({ file: file.displayPath, what: 'internal-error finding', detail: finding.message });
      }
      // The documents were parsed by `lint` just now and come from the parse cache.
      const objects = file.target.kind === 'kubernetes' ? parseKubernetes(text).objects.length : 0;
      linted.push({ file, findings, objects, milliseconds });
    } catch (error) {
      crashes.push({ file: file.displayPath, what: 'exception', detail: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  }
  return { linted, crashes, seconds: (performance.now() - start) / 1000 };
}
