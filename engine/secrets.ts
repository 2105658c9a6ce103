/**
 * What a secret looks like, wherever it is written: a Dockerfile's ARG and ENV, a container's env,
 * a ConfigMap's data. One detector, so that every rule agrees on what counts as a secret.
 */

/** A credential recognised by its shape: what it is, and where in the value it starts and ends. */
export interface SecretShape {
  label: string;
  start: number;
  end: number;
}

/** Literal credentials that are recognisable by their shape, whatever the variable is called. */
const SECRET_SHAPES: { label: string; pattern: RegExp }[] = [
  { label: 'a private key', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/ },
  // The key ids that AWS documentation uses as examples end in EXAMPLE.
  { label: 'an AWS access key id', pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)(?![A-Z0-9]*EXAMPLE\b)[A-Z0-9]{16}\b/ },
  { label: 'a GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/ },
  { label: 'a GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}/ },
  { label: 'a Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/ },
  { label: 'a Slack webhook URL', pattern: /https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9]+\/[A-Za-z0-9]+\/[A-Za-z0-9]+/ },
  { label: 'a Stripe secret key', pattern: /\b[rs]k_live_[A-Za-z0-9]{20,}/ },
  { label: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { label: 'an npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
  // scheme://user:password@host, unless the password is a variable.
  { label: 'a password in a URL', pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/]+:[^\s@/$]+@/i },
];

/** The first credential in `value` recognisable by its shape, or undefined. */
export function findSecretShape(value: string): SecretShape | undefined {
  for (const { label, pattern } of SECRET_SHAPES) {
    const match = pattern.exec(value);
    if (match) return { label, start: match.index, end: match.index + match[0].length };
  }
  return undefined;
}

/** Names that are secrets although no naming pattern catches them. */
const KNOWN_SECRET_NAMES = new Set(['AWS_ACCESS_KEY_ID']);

/** Words that hold a secret wherever they appear in a name: `DB_PASSWORD`, `SECRET_KEY_BASE`. */
const SECRET_WORDS = /(password|passwd|passphrase|secret)s?$/;
/** Words that hold a secret only at the end of a name: `GITHUB_TOKEN` but not `TOKEN_URL`. */
const TRAILING_SECRET_WORDS = /^(token|.+token|pass|apikey|accesskey|secretkey|privatekey|signingkey|encryptionkey|masterkey)$/;
/** `KEY` is a secret after these words only: `API_KEY`, `PRIVATE_KEY`, but not `GPG_KEY`. */
const KEY_QUALIFIERS = new Set(['api', 'access', 'secret', 'private', 'signing', 'encryption', 'master', 'session', 'client']);
/** After the secret word, these make the name point at a secret or describe it, not hold it. */
const REFERENCE_WORDS = new Set([
  'file', 'files', 'path', 'dir', 'directory', 'name', 'id', 'ref', 'arn', 'url', 'uri', 'endpoint', 'host', 'location', 'policy',
  'length', 'len', 'min', 'max', 'expiry', 'expires', 'expiration', 'ttl', 'env', 'var', 'mount', 'type', 'version', 'mode', 'prompt',
  'header', 'field', 'algorithm', 'format', 'enabled', 'required', 'rotation', 'auth', 'authentication', 'store', 'manager', 'provider',
  'command', 'cmd', 'helper',
]);
/** Before the secret word, these make the name a switch about secrets: `ALLOW_EMPTY_PASSWORD`. */
const SWITCH_WORDS = new Set(['allow', 'empty', 'random', 'require', 'skip', 'no', 'disable', 'enable', 'use', 'generate', 'reset', 'public']);

/**
 * Whether a variable or key name says that it holds a secret: `DB_PASSWORD`, `githubToken`,
 * `spring.datasource.password`; but not `PASSWORD_FILE`, `TOKEN_URL` or `ALLOW_EMPTY_PASSWORD`.
 */
export function namesSecret(name: string): boolean {
  if (KNOWN_SECRET_NAMES.has(name.toUpperCase())) return true;
  const words = nameWords(name);
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i]!;
    const isKey = word === 'key' && KEY_QUALIFIERS.has(words[i - 1] ?? '');
    const anywhere = SECRET_WORDS.test(word);
    const trailing = isKey || TRAILING_SECRET_WORDS.test(word);
    if (!anywhere && !trailing) continue;
    const after = words.slice(i + 1);
    const before = words.slice(0, isKey ? i - 1 : i);
    if (before.some((w) => SWITCH_WORDS.has(w))) return false;
    if (after.some((w) => REFERENCE_WORDS.has(w))) return false;
    if (anywhere || after.length === 0) return true;
    // A trailing word in the middle (`SECRET_KEY_BASE`'s KEY): an earlier word may still decide.
  }
  return false;
}

/** `githubToken`, `GITHUB_TOKEN` and `github-token` all become `github`, `token`. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** Switches (`MYSQL_RANDOM_ROOT_PASSWORD=yes`) and file locations (`/run/secrets/db`), not secrets. */
const NON_SECRET_VALUE = /^(true|false|yes|no|on|off|0|1|(\/|\.\/|~\/)\S*)$/i;

/** Whether a value under a secret-looking name is clearly not a secret: a switch or a file path. */
export function isNonSecretValue(value: string): boolean {
  return NON_SECRET_VALUE.test(value.trim());
}

/**
 * Values that a tool fills in before the manifest is applied or that Kubernetes expands when the
 * container starts: `${DB_PASSWORD}` (envsubst, Flux, Kustomize replacements), `$(DB_PASSWORD)`
 * (another env var of the container), `{{ .Values.password }}` (Helm and other templates), and
 * `<db-password>`, which examples write for "put yours here".
 */
const PLACEHOLDER = /^(\$\{[^}]*\}|\$\([^)]*\)|\{\{.*?\}\}|<[\w .:-]+>|\s)+$/s;

export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value);
}

/** A `name = value` or `name: value` line of a configuration file whose name says it holds a secret. */
export interface SecretAssignment {
  name: string;
  value: string;
  /** Where the value (without its quotes) starts and ends in the text. */
  start: number;
  end: number;
}

/**
 * One assignment per line, as .env, .properties, INI, TOML, YAML and JSON files write them:
 * `DB_PASSWORD=x`, `spring.datasource.password: x`, `"clientSecret": "x",`. A `:` separates only
 * when a space or the end of the line follows, so URLs (`jdbc:postgresql://…`) are not names.
 */
const ASSIGNMENT = /^[ \t]*(?:export[ \t]+)?(["']?)([A-Za-z_][\w.-]*)\1[ \t]*(?:=|:(?=[ \t\r]|$))[ \t]*(.*?)[ \t]*,?[ \t]*\r?$/dgm;
/** Values that leave the setting empty or unset. */
const EMPTY_VALUE = /^(null|nil|none|~)?$/i;

/** The lines of a configuration file that give a secret-named setting a literal value. */
export function findSecretAssignments(text: string): SecretAssignment[] {
  const found: SecretAssignment[] = [];
  for (const match of text.matchAll(ASSIGNMENT)) {
    const name = match[2]!;
    if (!namesSecret(name)) continue;
    const raw = match[3]!;
    const rawStart = match.indices![3]![0];
    const quoted = /^(["'])(.*)\1$/.exec(raw);
    const value = quoted ? quoted[2]! : raw;
    const start = quoted ? rawStart + 1 : rawStart;
    // A nested block (`password:` then an indented mapping), a structure or a comment holds no literal.
    if (!quoted && /^[[{|>#&*!]/.test(value)) continue;
    if (EMPTY_VALUE.test(value) || isNonSecretValue(value) || isPlaceholder(value)) continue;
    found.push({ name, value, start, end: start + value.length });
  }
  return found;
}
