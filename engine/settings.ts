import type { SeveritySetting } from './types';

/**
 * Every `ballast.*` setting, declared once. package.json's `contributes.configuration` is generated
 * from this table (`npm run generate`), and a test fails when the two drift apart.
 */
export const SETTINGS_SCHEMA = {
  enable: {
    type: 'boolean',
    default: true,
    description: 'Lint with Ballast.',
  },
  run: {
    type: 'string',
    enum: ['onType', 'onSave'],
    enumDescriptions: ['Lint as you type.', 'Lint when the file is saved.'],
    default: 'onType',
    description: 'When Ballast lints an open file.',
  },
  profile: {
    type: 'string',
    enum: ['recommended', 'pss-baseline', 'pss-restricted'],
    enumDescriptions: [
      'Every rule at its default severity.',
      'Only the rules that check a control of the Pod Security Standards baseline level.',
      'Only the rules that check a control of the Pod Security Standards baseline or restricted level.',
    ],
    default: 'recommended',
    markdownDescription:
      "Which rules run. `recommended`: every rule at its default severity; rules that are off by default stay off. `pss-baseline`: only the rules that check a control of the Pod Security Standards' baseline level (a `baseline:` entry among their equivalents), at their default severities, the controls a namespace labelled `pod-security.kubernetes.io/enforce: baseline` enforces; every other rule, Dockerfile rules included, is off. `pss-restricted`: the rules of the baseline and the restricted levels. `ballast.rules` applies on top of the profile: a severity given there turns a rule on or changes it, `off` turns it off.",
  },
  rules: {
    type: 'object',
    default: {},
    additionalProperties: { type: 'string', enum: ['off', 'info', 'warning', 'error'] },
    markdownDescription:
      'Severity per rule id, overriding the default: `{"dockerfile/healthcheck-missing": "off", "dockerfile/image-digest": "warning"}`. Rules that are off by default are turned on by giving them a severity.',
  },
  trustedRegistries: {
    type: 'array',
    items: { type: 'string' },
    default: [],
    markdownDescription:
      'Registries that base images and container images may come from (`docker.io`, `ghcr.io/my-org`, `*.dkr.ecr.*.amazonaws.com`). When empty, `dockerfile/untrusted-registry` and `kubernetes/untrusted-registry` are silent.',
  },
  honorOtherToolIgnores: {
    type: 'boolean',
    default: true,
    markdownDescription:
      "Honour other tools' suppressions for the Ballast rules equivalent to their checks: hadolint's `# hadolint ignore=DL3002`, Trivy's `# trivy:ignore:KSV-0017`, and the Kubernetes annotations of Checkov (`checkov.io/skip1: CKV_K8S_16=reason`) and kube-linter (`ignore-check.kube-linter.io/privileged-container`).",
  },
  exclude: {
    type: 'array',
    items: { type: 'string' },
    default: [],
    markdownDescription:
      'Files and folders Ballast leaves alone, as globs relative to the workspace folder (or to the folder of the `.ballast.yaml` that sets them): `vendor/**`, `**/testdata/**`. Workspace scans and `ballast scan` skip them, and open files they match are not linted. `files.exclude` and `.gitignore` are respected by workspace scans as well.',
  },
  'helm.valuesFiles': {
    type: 'array',
    items: { type: 'string' },
    default: [],
    markdownDescription:
      'More Helm values files, as globs (`ci/*.yaml`, `environments/**/*.yaml`). In a chart (a folder with `Chart.yaml`), `values.yaml`, `values-*.yaml` and `values.*.yaml` are values files already; the globs add others, matched against the path relative to the chart\'s folder, or relative to the workspace folder for values files kept outside any chart.',
  },
  maxFileSizeMB: {
    type: 'number',
    default: 5,
    minimum: 0.01,
    markdownDescription:
      'Files larger than this many megabytes are not analysed: they get one information diagnostic saying so. No hand-written Dockerfile, manifest or values file comes near the default; generated ones may, and are better checked by `ballast scan` in CI.',
  },

} as const;

type Schema = typeof SETTINGS_SCHEMA;
type ValueOf<S> = S extends { type: 'boolean' }
  ? boolean
  : S extends { type: 'string'; enum: readonly (infer E)[] }
    ? E
    : S extends { type: 'array' }
      ? string[]
      : S extends { type: 'number' }
        ? number
        : S extends { type: 'object' }
        ? Record<string, SeveritySetting>
        : never;

/** The settings as the server receives them, typed from the schema above. */
export type BallastSettings = { -readonly [K in keyof Schema]: ValueOf<Schema[K]> };

/** The part of the settings the engine reads. */
export type EngineSettings = Pick<BallastSettings, 'profile' | 'rules' | 'trustedRegistries' | 'honorOtherToolIgnores' | 'maxFileSizeMB'>;

export function defaultSettings(): BallastSettings {
  return {
    enable: SETTINGS_SCHEMA.enable.default,
    run: SETTINGS_SCHEMA.run.default,
    profile: SETTINGS_SCHEMA.profile.default,
    rules: {},
    trustedRegistries: [],
    honorOtherToolIgnores: SETTINGS_SCHEMA.honorOtherToolIgnores.default,
    exclude: [],
    'helm.valuesFiles': [],
    maxFileSizeMB: SETTINGS_SCHEMA.maxFileSizeMB.default,
  };
}

const SEVERITY_SETTINGS = new Set<string>(['off', 'info', 'warning', 'error']);

/** Accepts whatever a client or config sent and keeps only well-formed values. */
export function normalizeSettings(input: unknown): BallastSettings {
  const result = defaultSettings();
  if (!input || typeof input !== 'object') return result;
  const raw = input as Record<string, unknown>;
  if (typeof raw.enable === 'boolean') result.enable = raw.enable;
  if (raw.run === 'onType' || raw.run === 'onSave') result.run = raw.run;
  if (SETTINGS_SCHEMA.profile.enum.some((profile) => profile === raw.profile)) result.profile = raw.profile as BallastSettings['profile'];
  if (raw.rules && typeof raw.rules === 'object' && !Array.isArray(raw.rules)) {
    for (const [id, value] of Object.entries(raw.rules as Record<string, unknown>)) {
      if (typeof value === 'string' && SEVERITY_SETTINGS.has(value)) result.rules[id] = value as SeveritySetting;
    }
  }
  if (Array.isArray(raw.trustedRegistries)) result.trustedRegistries = strings(raw.trustedRegistries);
  if (typeof raw.honorOtherToolIgnores === 'boolean') result.honorOtherToolIgnores = raw.honorOtherToolIgnores;
  if (Array.isArray(raw.exclude)) result.exclude = strings(raw.exclude);
  // VS Code hands dotted settings over nested (`helm: {valuesFiles}`); other clients may send them flat.
  const helm = raw.helm && typeof raw.helm === 'object' ? (raw.helm as Record<string, unknown>) : {};
  const valuesFiles = helm.valuesFiles ?? raw['helm.valuesFiles'];
  if (Array.isArray(valuesFiles)) result['helm.valuesFiles'] = strings(valuesFiles);
  if (typeof raw.maxFileSizeMB === 'number' && Number.isFinite(raw.maxFileSizeMB) && raw.maxFileSizeMB >= SETTINGS_SCHEMA.maxFileSizeMB.minimum) result.maxFileSizeMB = raw.maxFileSizeMB;
  return result;
}

/** The longest text the settings let Ballast analyse, in UTF-16 code units as editors count them. */
export function maxTextLength(settings: Pick<EngineSettings, 'maxFileSizeMB'>): number {
  return Math.round(settings.maxFileSizeMB * 1024 * 1024);
}

/** The non-empty strings of a list, trimmed. */
function strings(values: readonly unknown[]): string[] {
  return values.filter((value): value is string => typeof value === 'string' && value.trim() !== '').map((value) => value.trim());
}
