import { addSources } from '../../engine/dockerfile/addSources';
import { normalizeRange } from '../../engine/dockerfile/model';
import type { DockerfileRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'dockerfile/secret-file-copied',
  target: 'dockerfile',
  title: 'Secret file copied into the image',
  defaultSeverity: 'error',
  description: `\`COPY\` and \`ADD\` store what they copy in an image layer, and a layer keeps it even when a later
\`RUN rm\` deletes the file: anyone who can pull the image can extract it. Private keys, \`.env\`
files and credential files such as \`.npmrc\`, \`.netrc\`, \`.aws/credentials\` or
\`.docker/config.json\` do not belong there.

Ballast reports \`COPY\` and \`ADD\` sources named like secrets: SSH keys (\`id_rsa*\`, \`id_ed25519*\`,
\`id_ecdsa*\`, \`.ssh/\`), private keys and keystores (\`*.pem\`, \`*.key\`, \`*.p12\`, \`*.pfx\`, \`*.ppk\`,
\`*.jks\`, \`*.keystore\`, \`.gnupg/\`), environment files (\`.env\`, \`.env.*\`) and credential files
(\`.npmrc\`, \`.pypirc\`, \`.netrc\`, \`.git-credentials\`, \`.pgpass\`, \`.aws/\`, \`.docker/config.json\`,
\`.kube/\`, \`kubeconfig\`, \`credentials\` and \`credentials.json\`/\`.yml\`/… but not source files like
\`credentials.go\`). Public halves and templates are left alone: \`*.pub\`,
\`known_hosts\`, \`.env.example\`, \`.env.sample\`, \`.env.template\`, \`.env.dist\`, and \`.pem\`/\`.key\`
files whose names say they are certificates or public keys (\`ca.pem\`, \`fullchain.pem\`,
\`repo.gpg.key\`).

\`COPY --from=<stage>\` is reported too: the file lands in this stage's layer whichever stage it came
from, and builder stages' layers are pushed by \`--cache-to … mode=max\` and \`--target\` builds.
\`COPY . .\` is not reported: what it copies depends on \`.dockerignore\`, which Ballast does not read.

Use \`RUN --mount=type=ssh\` for SSH access, \`RUN --mount=type=secret\` for other build-time
secrets, mount runtime secrets when the container starts, and list secret files in \`.dockerignore\`.

Bad:
\`\`\`dockerfile
FROM alpine:3.20
COPY id_rsa /root/.ssh/id_rsa
RUN apk add git && git clone git@github.com:example/private.git
\`\`\`

Good:
\`\`\`dockerfile
FROM alpine:3.20
RUN --mount=type=ssh apk add git openssh-client && git clone git@github.com:example/private.git
\`\`\``,
  references: [
    { title: 'CIS Docker Benchmark 4.10: Ensure secrets are not stored in Dockerfiles', url: 'https://www.cisecurity.org/benchmark/docker' },
    { title: 'NIST SP 800-190, 4.1.4: Embedded clear text secrets', url: 'https://csrc.nist.gov/publications/detail/sp/800-190/final' },
    { title: 'OWASP Docker Security Cheat Sheet, rule 12: Utilize Docker secrets for sensitive data management', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html' },
    { title: 'Docker docs: Build secrets (secret and SSH mounts)', url: 'https://docs.docker.com/build/building/secrets/' },
  ],
  fix: 'none',
  equivalents: { trivy: ['DS-0031'] },
};

type SecretFileKind = 'ssh-key' | 'ssh-directory' | 'private-key' | 'env-file' | 'credentials';

const WHAT_IT_IS: Record<SecretFileKind, string> = {
  'ssh-key': 'is an SSH private key',
  'ssh-directory': 'holds SSH keys',
  'private-key': 'may hold a private key',
  'env-file': 'usually holds secrets',
  credentials: 'usually holds credentials',
};

const INSTEAD: Record<SecretFileKind, string> = {
  'ssh-key': 'Use RUN --mount=type=ssh instead.',
  'ssh-directory': 'Use RUN --mount=type=ssh instead.',
  'private-key': 'Mount it at run time, or use RUN --mount=type=secret during the build.',
  'env-file': 'Pass the values at run time instead.',
  credentials: 'Use RUN --mount=type=secret during the build instead.',
};

const SSH_PRIVATE_KEY = /^id_(rsa|dsa|ecdsa|ed25519)/;
const SSH_PUBLIC_FILES = new Set(['known_hosts', 'authorized_keys', 'config']);
const PRIVATE_KEY_EXTENSIONS = ['.pem', '.key', '.p12', '.pfx', '.ppk', '.jks', '.keystore'];
/** `.pem` and `.key` files named as certificates or public keys (`ca.pem`, `repo.gpg.key`). */
const PUBLIC_KEY_NAME = /cert|chain|bundle|pub|gpg|asc|(^|[-_.])ca([-_.]|$)/;
const ENV_TEMPLATES = /^\.env\.(example|sample|template|dist|defaults)$/;
const CREDENTIAL_FILES = new Set(['.npmrc', '.pypirc', '.netrc', '_netrc', '.git-credentials', '.pgpass', '.dockercfg', 'kubeconfig']);
/** `credentials`, `credentials.json`, `credentials.yml`, … but not source files such as `credentials.go`. */
const CREDENTIALS_FILE = /^credentials(\.(json|ya?ml|csv|xml|ini|toml|txt|conf|cfg|env|properties))?$/;
const CREDENTIAL_DIRECTORIES = new Set(['.aws', '.kube', '.docker']);

export function check(context: DockerfileRuleContext): void {
  const { model, report } = context;
  for (const instruction of model.instructions) {
    const keyword = instruction.getKeyword();
    if (keyword !== 'COPY' && keyword !== 'ADD') continue;
    for (const source of addSources(model, instruction).sources) {
      if (source.kind !== 'local') continue;
      const kind = secretFileKind(source.value);
      if (!kind) continue;
      report({
        message: `${source.value} ${WHAT_IT_IS[kind]}, and ${keyword} stores it in an image layer anyone with the image can read. ${INSTEAD[kind]}`,
        range: normalizeRange(source.range),
      });
    }
  }
}

/** What kind of secret a copied path holds, judged by its name; undefined for ordinary files. */
export function secretFileKind(path: string): SecretFileKind | undefined {
  const segments = path.toLowerCase().split('/').filter((s) => s !== '' && s !== '.');
  const name = segments.at(-1);
  if (name === undefined) return undefined;
  const directories = segments.slice(0, -1);

  if (name === '.ssh') return 'ssh-directory';
  if (directories.includes('.ssh') && (SSH_PUBLIC_FILES.has(name) || name.endsWith('.pub'))) return undefined;
  if (SSH_PRIVATE_KEY.test(name) && !name.endsWith('.pub')) return 'ssh-key';
  if (directories.includes('.ssh')) return 'ssh-key';

  if (name === '.gnupg' || directories.includes('.gnupg')) return 'private-key';
  const extension = PRIVATE_KEY_EXTENSIONS.find((ext) => name.endsWith(ext));
  if (extension) {
    const stem = name.slice(0, -extension.length);
    const namedPublic = (extension === '.pem' || extension === '.key') && PUBLIC_KEY_NAME.test(stem);
    return namedPublic ? undefined : 'private-key';
  }

  if (name === '.env' || name === '.env*' || (name.startsWith('.env.') && !ENV_TEMPLATES.test(name))) return 'env-file';

  if (CREDENTIAL_FILES.has(name) || name.endsWith('.kubeconfig') || CREDENTIALS_FILE.test(name)) return 'credentials';
  if (CREDENTIAL_DIRECTORIES.has(name)) return 'credentials';
  if (directories.includes('.aws') || directories.includes('.kube')) return 'credentials';
  if (directories.at(-1) === '.docker' && name === 'config.json') return 'credentials';
  return undefined;
}
