import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CHART_FILE_NAME, classifyFile, findChart, toSlashPath, type BallastSettings, type LintTarget } from '../engine';

/**
 * What each open document is for the engine: its kind and, for Helm values, its chart. Finding
 * the chart reads `Chart.yaml` files from disk, or from the editor when one is open there (so an
 * unsaved `appVersion` counts); what was read is kept until `chartsChanged`.
 */
export class DocumentClassifier {
  /** Chart.yaml texts read from disk by path; null when there is no such file. */
  private readonly chartFiles = new Map<string, string | null>();
  private workspaceFolders: string[] = [];

  constructor(private readonly openDocuments: { all(): TextDocument[] }) {}

  setWorkspaceFolders(uris: readonly string[]): void {
    this.workspaceFolders = uris.flatMap((uri) => filePath(uri) ?? []);
  }

  /** A Chart.yaml was created, changed or deleted on disk. */
  chartsChanged(): void {
    this.chartFiles.clear();
  }

  targetOf(document: Pick<TextDocument, 'uri' | 'languageId'>, settings: Pick<BallastSettings, 'helm.valuesFiles'>): LintTarget | undefined {
    const path = filePath(document.uri);
    if (path === undefined) return classifyFile(document.uri, { languageId: document.languageId });
    const chart = findChart(path, (candidate) => this.readChartFile(candidate));
    const root = this.workspaceFolders.filter((folder) => path.startsWith(`${folder}/`)).sort((a, b) => b.length - a.length)[0];
    return classifyFile(path, { languageId: document.languageId, chart, valuesGlobs: settings['helm.valuesFiles'], root });
  }

  private readChartFile(path: string): string | undefined {
    const open = this.openDocuments.all().find((document) => filePath(document.uri) === path);
    if (open) return open.getText();
    let text = this.chartFiles.get(path);
    if (text === undefined) {
      try {
        // `/`-separated paths, `C:/x` included, are fine for Node's file APIs on every platform.
        text = readFileSync(path, 'utf8');
      } catch {
        text = null;
      }
      this.chartFiles.set(path, text);
    }
    return text ?? undefined;
  }
}

/** Whether the document is a chart's Chart.yaml, whose edits change how its values files are read. */
export function isChartFile(uri: string): boolean {
  return filePath(uri)?.endsWith(`/${CHART_FILE_NAME}`) ?? false;
}

/** The `/`-separated file system path of a `file:` URI, or undefined for other schemes. */
function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return toSlashPath(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}
