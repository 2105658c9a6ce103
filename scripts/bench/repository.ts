/** A generated repository written to disk, with what a scan will do with each file. */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { classifyFile, findChart, type LintTarget } from '../../engine';

export interface RepositoryFile {
  path: string;
  uri: string;
  text: string;
  bytes: number;
  /** What the engine makes of the file; Helm templates are passed by, so they are not linted. */
  target: LintTarget | undefined;
}

export interface ScanRepository {
  label: string;
  root: string;
  rootUri: string;
  /** Every file, in path order: what the editor's Scan Workspace sends the server. */
  files: RepositoryFile[];
  /** The files that are linted (all but Helm templates): the throughput figures count these. */
  linted: RepositoryFile[];
  lintedBytes: number;
}

export function writeRepository(root: string, label: string, tree: Record<string, string>): ScanRepository {
  const texts = new Map<string, string>();
  for (const [relative, text] of Object.entries(tree)) {
    const file = path.join(root, ...relative.split('/'));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    texts.set(file, text);
  }
  const files = [...texts.keys()].sort().map((file): RepositoryFile => {
    const text = texts.get(file)!;
    const chart = findChart(file, (candidate) => texts.get(candidate));
    return { path: file, uri: pathToFileURL(file).href, text, bytes: Buffer.byteLength(text), target: classifyFile(file, { chart, root }) };
  });
  const linted = files.filter((file) => file.target !== undefined && file.target.kind !== 'helm-template');
  return { label, root, rootUri: pathToFileURL(root).href, files, linted, lintedBytes: linted.reduce((sum, file) => sum + file.bytes, 0) };
}
