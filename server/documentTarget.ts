import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CHART_FILE_NAME,
  classifyFile,
  findChart,
  findConfig,
  isConfigFile,
  isExcludedByConfig,
  relativePathIn,
  matchesGlobs,
  toSlashPath,
  type BallastSettings,
  type LintTarget,
  type ProjectConfig,
} from '../engine';

/**
 * What the workspace says about each document: its kind and, for Helm values, its chart; the
 * `.ballast.yaml` that applies to it; whether it is excluded. Chart.yaml and .ballast.yaml are read
 * from the editor when open there (so unsaved edits count), from disk otherwise; what was read is
 * kept until `projectFilesChanged`.
 */
export class DocumentClassifier {
  /** Chart.yaml and .ballast.yaml texts read from disk by path; null when there is no such file. */
  private readonly projectFiles = new Map<string, string | null>();
  private workspaceFolders: string[] = [];
  /** The file path of each document URI seen: converting URIs on every lookup adds up per keystroke. */
  private readonly pathsOfUris = new Map<string, string | undefined>();

  constructor(private readonly openDocuments: { all(): TextDocument[] }) {}

  setWorkspaceFolders(uris: readonly string[]): void {
    this.workspaceFolders = uris.flatMap((uri) => filePath(uri) ?? []);
  }

  /** A Chart.yaml or .ballast.yaml was created, changed or deleted. */
  projectFilesChanged(): void {
    this.projectFiles.clear();
  }

  /** The `.ballast.yaml` that applies to the document, if any. */
  configFor(uri: string): ProjectConfig | undefined {
    const path = filePath(uri);
    return path === undefined ? undefined : findConfig(path, (candidate) => this.readProjectFile(candidate));
  }

  /**
   * The document's kind and chart, or undefined when Ballast does not lint it: not a kind it knows,
   * or excluded by `ballast.exclude` (relative to its workspace folder) or by the `exclude` of its
   * `.ballast.yaml` (relative to that file's folder). A configuration file is never excluded.
   */
  targetOf(document: Pick<TextDocument, 'uri' | 'languageId'>, settings: Pick<BallastSettings, 'helm.valuesFiles' | 'exclude'>): LintTarget | undefined {
    const path = filePath(document.uri);
    if (path === undefined) return classifyFile(document.uri, { languageId: document.languageId });
    const root = this.workspaceFolders.filter((folder) => path.startsWith(`${folder}/`)).sort((a, b) => b.length - a.length)[0];
    if (!isConfigFile(path) && this.isExcluded(path, root, settings.exclude)) return undefined;
    const chart = findChart(path, (candidate) => this.readProjectFile(candidate));
    return classifyFile(path, { languageId: document.languageId, chart, valuesGlobs: settings['helm.valuesFiles'], root });
  }

  private isExcluded(path: string, root: string | undefined, exclude: readonly string[]): boolean {
    const inRoot = root === undefined ? undefined : relativePathIn(root, path);
    if (inRoot !== undefined && matchesGlobs(inRoot, exclude)) return true;
    return isExcludedByConfig(findConfig(path, (candidate) => this.readProjectFile(candidate)), path);
  }

  private pathOf(uri: string): string | undefined {
    if (!this.pathsOfUris.has(uri)) this.pathsOfUris.set(uri, filePath(uri));
    return this.pathsOfUris.get(uri);
  }

  private readProjectFile(path: string): string | undefined {
    const open = this.openDocuments.all().find((document) => this.pathOf(document.uri) === path);
    if (open) return open.getText();
    let text = this.projectFiles.get(path);
    if (text === undefined) {
      try {
        // `/`-separated paths, `C:/x` included, are fine for Node's file APIs on every platform.
        text = readFileSync(path, 'utf8');
      } catch {
        text = null;
      }
      this.projectFiles.set(path, text);
    }
    return text ?? undefined;
  }
}

/** Whether the document is a file whose edits change how others are read: a Chart.yaml or a .ballast.yaml. */
export function isProjectFile(uri: string): boolean {
  const path = filePath(uri);
  return path !== undefined && (path.endsWith(`/${CHART_FILE_NAME}`) || isConfigFile(path));
}

/** The `/`-separated file system path of a `file:` URI, or undefined for other schemes. */
export function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return toSlashPath(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}
