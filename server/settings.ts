import type { Connection } from 'vscode-languageserver/node';
import { applyConfig, normalizeSettings, untrustedConfig, type BallastSettings, type ProjectConfig } from '../engine';
import { describeError, type Logger } from './guard';
import { SETTINGS_SECTION } from './protocol';

/**
 * The settings that apply to each document: the `ballast.*` settings, under the nearest
 * `.ballast.yaml`, which wins (see `applyConfig`). Clients that support
 * `workspace/configuration` are asked per document (folder settings may differ); others give the
 * settings in `initializationOptions` and push changes with `workspace/didChangeConfiguration`.
 */
export class SettingsProvider {
  private pull = false;
  private pushed: BallastSettings = normalizeSettings(undefined);
  /** Pending or answered requests, so a burst of changes asks the client once. */
  private readonly perDocument = new Map<string, Promise<BallastSettings>>();
  /**
   * VS Code's Workspace Trust, as the client reports it: in an untrusted workspace, a
   * `.ballast.yaml` cannot set what widens trust (see `TRUST_RESTRICTED_SETTINGS`); the editor
   * itself keeps workspace settings from doing so (`restrictedConfigurations` in package.json).
   * Clients that say nothing are trusted: they have no such notion.
   */
  private trusted = true;

  constructor(
    private readonly connection: Pick<Connection, 'workspace'>,
    private readonly logger: Logger,
    /** The `.ballast.yaml` that applies to a document. */
    private readonly configFor: (uri: string) => ProjectConfig | undefined = () => undefined,
  ) {}

  configure(options: { pull: boolean; initializationOptions: unknown }): void {
    this.pull = options.pull;
    this.pushed = normalizeSettings(options.initializationOptions);
    const given = options.initializationOptions as { workspaceTrusted?: unknown } | null | undefined;
    this.trusted = given?.workspaceTrusted !== false;
  }

  get workspaceTrusted(): boolean {
    return this.trusted;
  }

  /** The user trusted the workspace: its configuration files apply in full from now on. */
  trustGranted(): void {
    this.trusted = true;
    this.perDocument.clear();
  }

  forDocument(uri: string): Promise<BallastSettings> {
    if (!this.pull) return Promise.resolve(applyConfig(this.pushed, this.projectConfig(uri)));
    let settings = this.perDocument.get(uri);
    if (!settings) {
      settings = this.fetch(uri).then((fetched) => applyConfig(fetched, this.projectConfig(uri)));
      this.perDocument.set(uri, settings);
    }
    return settings;
  }

  /** The settings or a configuration file changed; `pushed` is the notification's `settings` object, if any. */
  changed(pushed: unknown): void {
    this.perDocument.clear();
    if (!this.pull && typeof pushed === 'object' && pushed !== null && SETTINGS_SECTION in pushed) {
      this.pushed = normalizeSettings((pushed as Record<string, unknown>)[SETTINGS_SECTION]);
    }
  }

  forget(uri: string): void {
    this.perDocument.delete(uri);
  }

  private projectConfig(uri: string): ProjectConfig | undefined {
    const config = this.configFor(uri);
    return this.trusted ? config : untrustedConfig(config);
  }

  private async fetch(uri: string): Promise<BallastSettings> {
    try {
      return normalizeSettings(await this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }));
    } catch (error) {
      this.logger.error(`Ballast: could not read the settings for ${uri}, using the defaults: ${describeError(error)}`);
      return normalizeSettings(undefined);
    }
  }
}
