/** What the sections of one run share: the plan, the inputs, and the files written for them. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { snapshotBundles, type Bundles } from './build';
import { Observations } from './findings';
import type { BenchServer } from './lspClient';
import { benchInputs, type BenchInput } from './inputs/catalogue';
import { BENCH_CHART_YAML } from './inputs/helm';
import { generateServiceRepository } from './inputs/repository';
import type { BenchPlan } from './plan';
import { writeRepository, type ScanRepository } from './repository';

export class BenchContext {
  readonly observations = new Observations();
  readonly inputs: BenchInput[];
  private readonly root = mkdtempSync(path.join(tmpdir(), 'ballast-bench-'));
  private readonly repositories = new Map<'base' | 'large', ScanRepository>();
  private snapshot: Bundles | undefined;
  /** Why dist/ was built before it was copied, if it was. */
  rebuilt: string | undefined;

  constructor(
    readonly plan: BenchPlan,
    readonly log: (line: string) => void,
  ) {
    this.inputs = benchInputs(plan);
  }

  /**
   * The bundles measured: dist/ as built from the sources when the run needed it first, copied
   * aside. `rebuilt` says why dist/ was built then, if it was.
   */
  bundles(): Bundles {
    if (!this.snapshot) {
      const { rebuilt, ...bundles } = snapshotBundles(path.join(this.root, 'dist'), this.log);
      this.rebuilt = rebuilt;
      this.snapshot = bundles;
    }
    return this.snapshot;
  }

  /**
   * Errors the server logged are reported: figures of a server that failed to lint mean nothing.
   * The same error with other times or from another server is reported once.
   */
  noteServerErrors(section: string, server: BenchServer): void {
    for (const message of server.loggedErrors) {
      const line = message.split('\n')[0]!;
      this.observations.note(section, `the server logged: ${line}`, line.replace(/\d[\d,.]* ?ms/g, 'ms'));
    }
  }

  input(id: string): BenchInput {
    const input = this.inputs.find((candidate) => candidate.id === id);
    if (!input) throw new Error(`no bench input '${id}' in this plan`);
    return input;
  }

  /** Writes the input where an editor would have it open (Helm values beside their Chart.yaml); returns its URI. */
  writeInput(input: BenchInput): string {
    const file = path.join(this.root, 'editor', ...input.path.split('/'));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, input.text);
    if (input.kind === 'helm-values') writeFileSync(path.join(path.dirname(file), 'Chart.yaml'), BENCH_CHART_YAML);
    return pathToFileURL(file).href;
  }

  get editorWorkspace(): string {
    return pathToFileURL(path.join(this.root, 'editor')).href;
  }

  /** The repository of `repositoryServices` services (`base`) or its `largeRepositoryCopies`-fold copy (`large`), written once. */
  repository(which: 'base' | 'large'): ScanRepository {
    let repository = this.repositories.get(which);
    if (!repository) {
      const { repositoryServices: services, largeRepositoryCopies: copies } = this.plan;
      const label = which === 'base' ? `${services} services` : `${services} services ×${copies}`;
      this.log(`writing the repository of ${label}`);
      repository = writeRepository(path.join(this.root, `repository-${which}`), label, generateServiceRepository(services, which === 'base' ? 1 : copies));
      this.repositories.set(which, repository);
    }
    return repository;
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
