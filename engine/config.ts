import Ajv, { type ErrorObject } from 'ajv';
import { isMap, isNode, isPair, isScalar, parseDocument, type Document, type Node } from 'yaml';
import { allRules } from '../rules';
import { matchesGlobs, relativePathIn, toSlashPath } from './paths';
import { SETTINGS_SCHEMA, type BallastSettings } from './settings';
import { closestId } from './suppression';
import { LineIndex, compareRanges } from './text';
import type { Finding, Range } from './types';

/**
 * The project configuration file, `.ballast.yaml`: the settings a team shares in its repository.
 * The nearest one above a file applies, over the user's and workspace's `ballast.*` settings.
 * It is read as YAML 1.2, so `dockerfile/healthcheck-missing: off` means the string `off`.
 */

export const CONFIG_FILE_NAMES = ['.ballast.yaml', '.ballast.yml'] as const;

/** The rule id of problems in a configuration file, reported in that file. */
export const CONFIG_ERROR_ID = 'ballast/config';

/** The settings a configuration file may hold, as `SETTINGS_SCHEMA` keys (`helm.valuesFiles` is written nested). */
const CONFIG_KEYS = ['profile', 'rules', 'trustedRegistries', 'exclude', 'honorOtherToolIgnores', 'helm.valuesFiles', 'maxFileSizeMB'] as const;
type ConfigKey = (typeof CONFIG_KEYS)[number];
export type ConfigSettings = Partial<Pick<BallastSettings, ConfigKey>>;

export interface ProjectConfig {
  /** The configuration file, `/`-separated. */
  path: string;
  /** Its folder: `exclude` and `helm.valuesFiles` globs are relative to it. */
  folder: string;
  /** The valid part of the file; an invalid entry is left out and the rest still applies. */
  settings: ConfigSettings;
  /** What is wrong with the file, as findings in it. */
  errors: Finding[];
}

/** The JSON schema of `.ballast.yaml`, built from the settings table and the rule list. */
export function configSchema(): Record<string, unknown> {
  const property = (key: ConfigKey): Record<string, unknown> => {
    const { default: _default, scope: _scope, ...schema } = SETTINGS_SCHEMA[key] as Record<string, unknown>;
    if (key === 'rules') {
      return {
        ...schema,
        propertyNames: { enum: allRules.map((rule) => rule.meta.id) },
        markdownDescription: 'Severity per rule id, over the profile: `off`, `info`, `warning` or `error`.',
      };
    }
    return schema;
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://ballast.dev/schemas/ballast-config.schema.json',
    title: 'Ballast configuration (.ballast.yaml)',
    type: 'object',
    additionalProperties: false,
    properties: {
      profile: property('profile'),
      rules: property('rules'),
      trustedRegistries: property('trustedRegistries'),
      exclude: property('exclude'),
      honorOtherToolIgnores: property('honorOtherToolIgnores'),
      helm: { type: 'object', additionalProperties: false, properties: { valuesFiles: property('helm.valuesFiles') } },
      maxFileSizeMB: property('maxFileSizeMB'),
    },
  };
}

let validator: ReturnType<Ajv['compile']> | undefined;

function validate(value: unknown): ErrorObject[] {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(configSchema());
  return validator(value) ? [] : [...(validator.errors ?? [])];
}

/** Configurations read, by path and text: the same file is looked up on every keystroke. */
const parsed = new Map<string, ProjectConfig>();
const PARSED_LIMIT = 100;

/**
 * Reads a configuration file's text. Never throws: problems become findings in the file. The
 * result is shared between callers that read the same text, so it must not be changed.
 */
export function parseConfig(path: string, text: string): ProjectConfig {
  const key = `${path}\u0000${text}`;
  let config = parsed.get(key);
  if (!config) {
    config = readConfig(path, text);
    parsed.set(key, config);
    if (parsed.size > PARSED_LIMIT) parsed.delete(parsed.keys().next().value!);
  }
  return config;
}

function readConfig(path: string, text: string): ProjectConfig {
  const slashPath = toSlashPath(path);
  const folder = slashPath.slice(0, Math.max(slashPath.lastIndexOf('/'), 0)) || '/';
  const lines = new LineIndex(text);
  const config: ProjectConfig = { path: slashPath, folder, settings: {}, errors: [] };
  const document = parseDocument(text, { prettyErrors: false, strict: false, uniqueKeys: true });
  for (const error of document.errors) {
    config.errors.push(configError(`YAML syntax error: ${error.message.split('\n')[0]}. Ballast uses its defaults for this folder until the file parses.`, lines.rangeOf(error.pos[0], Math.max(error.pos[1], error.pos[0] + 1))));
  }
  if (document.errors.length > 0) return config;
  let value: unknown;
  try {
    // Aliases are not expanded beyond what a real configuration holds.
    value = document.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    config.errors.push(configError(`This file cannot be read: ${error instanceof Error ? error.message : String(error)}.`, lines.rangeOf(0, Math.min(text.length, 1))));
    return config;
  }
  // A rule id outside the list is one problem (propertyNames), not also an `enum` one about `rules`.
  const problems = validate(value).filter((problem) => !problem.schemaPath.includes('/propertyNames/'));
  const invalidPaths: string[] = [];
  for (const problem of problems) {
    const at = problemPath(problem);
    invalidPaths.push(at.join('/'));
    config.errors.push(configError(describe(problem, at), rangeAt(document, lines, at, problem)));
  }
  config.errors.sort((a, b) => compareRanges(a.range, b.range));
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) config.settings = validPart(value as Record<string, unknown>, invalidPaths);
  return config;
}

/** The keys leading to the problem: the property itself for unknown keys and rule ids. */
function problemPath(problem: ErrorObject): string[] {
  const path = problem.instancePath === '' ? [] : problem.instancePath.slice(1).split('/').map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (problem.keyword === 'additionalProperties') path.push(String((problem.params as { additionalProperty: string }).additionalProperty));
  if (problem.keyword === 'propertyNames') path.push(String((problem.params as { propertyName: string }).propertyName));
  return path;
}

function describe(problem: ErrorObject, at: string[]): string {
  const where = at.length > 0 ? at.join('.') : 'The file';
  switch (problem.keyword) {
    case 'additionalProperties':
      return `${at.at(-1)} is not a Ballast setting${at.length > 1 ? ` under ${at.slice(0, -1).join('.')}` : ''}: it is ignored. Settings are ${at.length > 1 ? 'helm.valuesFiles' : 'profile, rules, trustedRegistries, exclude, honorOtherToolIgnores, helm and maxFileSizeMB'}.`;
    case 'propertyNames': {
      const id = at.at(-1)!;
      const closest = closestId(id, allRules.map((rule) => rule.meta.id), id.split('/')[0] ?? '');
      return `${id} is not a Ballast rule: it is ignored.${closest ? ` Did you mean ${closest}?` : ' `ballast rules` lists them.'}`;
    }
    case 'enum':
      return `${where} must be one of ${((problem.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ')}: it is ignored.`;
    case 'type':
      return `${where} must be ${article((problem.params as { type: string }).type)}: it is ignored.`;
    default:
      return `${where} ${problem.message ?? 'is invalid'}: it is ignored.`;
  }
}

function article(type: string): string {
  return type === 'array' ? 'a list' : type === 'object' ? 'a mapping' : `a ${type}`;
}

/** The range of the offending key (unknown keys) or value (wrong values), else the nearest node above. */
function rangeAt(document: Document.Parsed, lines: LineIndex, path: string[], problem: ErrorObject): Range {
  const wantsKey = problem.keyword === 'additionalProperties' || problem.keyword === 'propertyNames';
  let node: unknown = document.contents;
  let found: Node | undefined = isNode(node) ? node : undefined;
  for (let i = 0; i < path.length; i++) {
    if (!isMap(node)) break;
    const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === path[i]);
    if (!pair) break;
    const last = i === path.length - 1;
    if (last && wantsKey && isNode(pair.key)) {
      found = pair.key;
      break;
    }
    node = pair.value;
    if (isNode(node)) found = node;
  }
  const range = found?.range;
  return range ? lines.rangeOf(range[0], Math.max(range[1], range[0] + 1)) : lines.rangeOf(0, 0);
}

function configError(message: string, range: Range): Finding {
  return { ruleId: CONFIG_ERROR_ID, severity: 'error', message, range, fixes: [] };
}

/** The entries no problem was found in. */
function validPart(value: Record<string, unknown>, invalidPaths: string[]): ConfigSettings {
  const bad = (path: string) => invalidPaths.some((invalid) => invalid === path || path.startsWith(`${invalid}/`) || invalid === '');
  const settings: ConfigSettings = {};
  if (typeof value.profile === 'string' && !bad('profile')) settings.profile = value.profile as BallastSettings['profile'];
  if (value.rules && typeof value.rules === 'object' && !bad('rules')) {
    const rules: BallastSettings['rules'] = {};
    for (const [id, severity] of Object.entries(value.rules as Record<string, unknown>)) {
      if (!bad(`rules/${id}`) && typeof severity === 'string') rules[id] = severity as BallastSettings['rules'][string];
    }
    settings.rules = rules;
  }
  for (const key of ['trustedRegistries', 'exclude'] as const) {
    if (Array.isArray(value[key]) && !bad(key)) settings[key] = (value[key] as unknown[]).filter((item): item is string => typeof item === 'string');
  }
  if (typeof value.honorOtherToolIgnores === 'boolean' && !bad('honorOtherToolIgnores')) settings.honorOtherToolIgnores = value.honorOtherToolIgnores;
  if (typeof value.maxFileSizeMB === 'number' && !bad('maxFileSizeMB')) settings.maxFileSizeMB = value.maxFileSizeMB;
  const helm = value.helm as Record<string, unknown> | undefined;
  if (helm && Array.isArray(helm.valuesFiles) && !bad('helm/valuesFiles')) settings['helm.valuesFiles'] = helm.valuesFiles.filter((item): item is string => typeof item === 'string');
  return settings;
}

/**
 * The configuration that applies to a file: the nearest `.ballast.yaml` (or `.ballast.yml`) in
 * its folder or a folder above. `readFile` returns a file's text, or undefined when there is none.
 */
export function findConfig(filePath: string, readFile: (path: string) => string | undefined): ProjectConfig | undefined {
  let folder = parentFolder(toSlashPath(filePath));
  while (folder !== undefined) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = folder === '/' ? `/${name}` : `${folder}/${name}`;
      const text = readFile(candidate);
      if (text !== undefined) return parseConfig(candidate, text);
    }
    folder = parentFolder(folder);
  }
  return undefined;
}

function parentFolder(path: string): string | undefined {
  const slash = path.lastIndexOf('/');
  if (slash < 0) return undefined;
  if (slash === 0) return path === '/' ? undefined : '/';
  return path.slice(0, slash);
}

/**
 * The settings for a file: the configuration file's over the user's. `rules` entries merge, the
 * file's winning; lists from the file replace the user's. `exclude` is not merged: its globs are
 * relative to the configuration's folder, so `isExcludedByConfig` reads them there.
 */
export function applyConfig<S extends BallastSettings>(settings: S, config: ProjectConfig | undefined): S {
  if (!config) return settings;
  const { rules, exclude: _relativeToConfig, ...rest } = config.settings;
  return { ...settings, ...rest, rules: { ...settings.rules, ...rules } };
}

/**
 * Settings that widen what Ballast trusts (registries) or reads (values files). In a workspace the
 * user has not trusted (VS Code's Workspace Trust), a repository must not set them for itself:
 * they come from the user's own settings only, and a `.ballast.yaml` setting them is ignored.
 */
export const TRUST_RESTRICTED_SETTINGS = ['trustedRegistries', 'helm.valuesFiles'] as const;

/** The configuration as an untrusted workspace may use it: without the trust-restricted settings. */
export function untrustedConfig(config: ProjectConfig | undefined): ProjectConfig | undefined {
  if (!config) return undefined;
  const settings = { ...config.settings };
  for (const key of TRUST_RESTRICTED_SETTINGS) delete settings[key];
  return { ...config, settings };
}

/** In an untrusted workspace: a note on each trust-restricted setting the file gives, saying it is ignored. */
export function untrustedConfigNotes(text: string): Finding[] {
  const lines = new LineIndex(text);
  const document = parseDocument(text, { prettyErrors: false, strict: false, uniqueKeys: false });
  const notes: Finding[] = [];
  for (const key of TRUST_RESTRICTED_SETTINGS) {
    const path = key.split('.');
    let node: unknown = document.contents;
    let keyNode: Node | undefined;
    for (const part of path) {
      const pair = isMap(node) ? node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === part) : undefined;
      if (!pair) {
        keyNode = undefined;
        break;
      }
      keyNode = isNode(pair.key) ? pair.key : undefined;
      node = pair.value;
    }
    const range = keyNode?.range;
    if (!range) continue;
    notes.push({
      ruleId: CONFIG_ERROR_ID,
      severity: 'info',
      message: `${key} is ignored until you trust this workspace: in a workspace you have not trusted, it comes from your user settings only.`,
      range: lines.rangeOf(range[0], Math.max(range[1], range[0] + 1)),
      fixes: [],
    });
  }
  return notes;
}

/** Whether `path` is excluded by the configuration's `exclude` globs (relative to its folder). */
export function isExcludedByConfig(config: ProjectConfig | undefined, path: string): boolean {
  const globs = config?.settings.exclude;
  if (!config || !globs || globs.length === 0) return false;
  const relative = relativePathIn(config.folder, path);
  return relative !== undefined && matchesGlobs(relative, globs);
}

export function isConfigFile(path: string): boolean {
  const name = toSlashPath(path).split('/').pop() ?? '';
  return (CONFIG_FILE_NAMES as readonly string[]).includes(name);
}
