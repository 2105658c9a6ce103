import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { classifyFile, findChart, toSlashPath, type LintTarget } from '../../engine';
import { packageId } from './packageList';
import type { FetchedPackage } from './fetch';

/** One file of the corpus that Ballast has a kind for, Helm templates included. */
export interface CorpusFile {
  packageId: string;
  /** `<name>@<version>/<path in the package>`, as the CLI shows it when run from the trees folder. */
  displayPath: string;
  absolutePath: string;
  target: LintTarget;
}

/** Folders the CLI's walk passes by; the corpus passes them by too, so both see the same files. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

/**
 * Every file of the unpacked packages that Ballast would look at, classified the way the CLI
 * classifies it: Dockerfiles by name, YAML by the nearest Chart.yaml above it (values, template or
 * manifest). Symbolic links are not followed, as in the CLI.
 */
export function collectCorpusFiles(packages: readonly FetchedPackage[]): CorpusFile[] {
  const chartTexts = new Map<string, string | undefined>();
  const readChartFile = (file: string) => {
    if (!chartTexts.has(file)) {
      let text: string | undefined;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        text = undefined;
      }
      chartTexts.set(file, text);
    }
    return chartTexts.get(file);
  };
  const files: CorpusFile[] = [];
  for (const fetched of packages) {
    const id = packageId(fetched.pkg);
    const walk = (folder: string) => {
      const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        const absolutePath = path.join(folder, entry.name);
        if (entry.isDirectory()) {
          if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(absolutePath);
          continue;
        }
        if (!entry.isFile()) continue;
        const slashPath = toSlashPath(absolutePath);
        const target = /\.ya?ml$/i.test(entry.name) ? classifyFile(slashPath, { chart: findChart(slashPath, readChartFile) }) : classifyFile(slashPath);
        if (!target) continue;
        const inPackage = path.relative(fetched.tree, absolutePath).split(path.sep).join('/');
        files.push({ packageId: id, displayPath: `${id}/${inPackage}`, absolutePath, target });
      }
    };
    walk(fetched.tree);
  }
  return files;
}
