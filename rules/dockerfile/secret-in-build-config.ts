import type { Property, PropertyInstruction } from 'dockerfile-ast';
import { normalizeRange } from '../../engine/dockerfile/model';
import type { DockerfileRuleContext } from '../../engine/rule';
import type { Range, RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'dockerfile/secret-in-build-config',
  target: 'dockerfile',
  title: 'Secret in ARG or ENV',
  defaultSeverity: 'error',
  description: `\`ENV\` values are stored in the image configuration: anyone who can pull the image reads them with
\`docker inspect\`. \`ARG\` values are not, but they are recorded in the image history of every
\`RUN\` that sees them and in the build's provenance attestation, and a default value is written in
the Dockerfile itself, in source control. Neither is a place for a password, a token or a key.

Ballast reports:
- an \`ARG\` or \`ENV\` whose name says it holds a secret (\`*_TOKEN\`, \`*PASSWORD*\`, \`*SECRET*\`,
  \`*_API_KEY\`, \`*PRIVATE_KEY*\`, \`AWS_SECRET_ACCESS_KEY\`, …), like BuildKit's own
  \`SecretsUsedInArgOrEnv\` check. Names that point at a secret rather than hold it are left alone
  (\`*_PASSWORD_FILE\`, \`*_TOKEN_URL\`, \`*_SECRET_NAME\`, \`PASSWORD_POLICY\`, \`ALLOW_EMPTY_PASSWORD\`),
  and so are values that are clearly not secrets: booleans (\`MYSQL_RANDOM_ROOT_PASSWORD=yes\`) and
  file paths (\`DB_PASSWORD=/run/secrets/db\`). An \`ENV\` set to an empty value clears the variable
  and is not reported.
- any \`ARG\` or \`ENV\` whose value contains a credential, whatever its name: a private key, an AWS
  access key id, a GitHub, GitLab, Slack, Stripe, Google or npm token, or a URL with a password in
  it. Such a secret is already exposed to everyone who can read the Dockerfile: revoke it.

Use a build secret instead: \`RUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci\`,
built with \`docker build --secret id=npm_token,env=NPM_TOKEN .\`; pass runtime secrets when the
container starts. There is no automatic fix: moving a secret to a secret mount also changes the
build command and every step that reads it, which a text edit in the Dockerfile cannot do.

Bad:
\`\`\`dockerfile
FROM node:22-alpine
ARG NPM_TOKEN
RUN echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > .npmrc && npm ci
\`\`\`

Good:
\`\`\`dockerfile
FROM node:22-alpine
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci
\`\`\``,
  references: [
    { title: 'CIS Docker Benchmark 4.10: Ensure secrets are not stored in Dockerfiles', url: 'https://www.cisecurity.org/benchmark/docker' },
    { title: 'NIST SP 800-190, 4.1.4: Embedded clear text secrets', url: 'https://csrc.nist.gov/publications/detail/sp/800-190/final' },
    { title: 'OWASP Docker Security Cheat Sheet, rule 12: Utilize Docker secrets for sensitive data management', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html' },
    { title: 'Docker build checks: SecretsUsedInArgOrEnv', url: 'https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/' },
    { title: 'Docker docs: Build secrets', url: 'https://docs.docker.com/build/building/secrets/' },
  ],
  fix: 'none',
  equivalents: { trivy: ['DS-0031'], checkov: ['CKV_DOCKER_1005'] },
};

/** Literal credentials that are recognisable by their shape, whatever the variable is called. */
const SECRET_VALUES: { label: string; pattern: RegExp }[] = [
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
/** Values that are switches or file locations, not secrets. */
const NON_SECRET_VALUE = /^(true|false|yes|no|on|off|0|1|(\/|\.\/|~\/)\S*)$/i;

export function check(context: DockerfileRuleContext): void {
  for (const instruction of context.model.instructions) {
    const keyword = instruction.getKeyword();
    if (keyword !== 'ARG' && keyword !== 'ENV') continue;
    for (const property of (instruction as PropertyInstruction).getProperties()) checkProperty(context, keyword, property);
  }
}

function checkProperty(context: DockerfileRuleContext, keyword: 'ARG' | 'ENV', property: Property): void {
  const name = property.getName();
  const value = property.getValue() ?? undefined;
  const id = name.toLowerCase();
  const valueRange = property.getValueRange();
  const secretValue = value !== undefined ? SECRET_VALUES.find(({ pattern }) => pattern.test(value)) : undefined;
  if (secretValue && valueRange) {
    context.report({
      message: `The value of ${name} contains ${secretValue.label}, so anyone who can read the Dockerfile has it. Revoke it and pass it with RUN --mount=type=secret,id=${id} instead.`,
      range: normalizeRange(valueRange),
    });
    return;
  }
  if (!namesSecret(name)) return;
  if (value !== undefined && NON_SECRET_VALUE.test(value.trim())) return;
  if (keyword === 'ENV' && (value === undefined || value === '')) return;
  const nameRange: Range = normalizeRange(property.getNameRange());
  context.report({
    message:
      keyword === 'ENV'
        ? `${name} looks like a secret, and ENV keeps its value in the image for anyone who pulls it. Pass it at run time, or use RUN --mount=type=secret,id=${id} during the build.`
        : `${name} looks like a secret, and build arguments are kept in the image history and provenance. Use RUN --mount=type=secret,id=${id} instead.`,
    range: nameRange,
  });
}

/** Whether a variable name says that it holds a secret (see the rule description). */
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
function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}
