import { isPair, isScalar, isSeq, type Scalar, type YAMLSeq } from 'yaml';
import { formatPath, type ValuesSection } from '../../engine/helm/values';
import { rangeInScalar, scalarRange } from '../../engine/kubernetes/scalarRanges';
import { pairOf } from '../../engine/kubernetes/yamlNodes';
import type { HelmRuleContext } from '../../engine/rule';
import { findSecretShape, isNonSecretValue, isPlaceholder, nameWords, namesSecret } from '../../engine/secrets';
import type { RuleMeta } from '../../engine/types';
import { meta as configMapRule } from '../kubernetes/secret-in-configmap';
import { meta as envRule } from '../kubernetes/secret-in-env';

export const meta: RuleMeta = {
  id: 'helm/secret-in-values',
  target: 'helm',
  title: 'Secret written into chart values',
  defaultSeverity: 'error',
  description: `A values file is committed with the chart, copied into every fork, and stored by Helm in each
release's history. A password, token or key written into it is readable by everyone who can read
any of those, and it cannot be rotated without a commit.

Ballast reports:
- a credential recognisable by its shape, under any key: a private key, an AWS access key id, a
  GitHub, GitLab, Slack, Stripe, Google or npm token, or a URL with a password in it. It has
  already been exposed: revoke it.
- a key whose name says it holds a secret (\`password\`, \`postgresPassword\`, \`token\`, \`apiKey\`,
  \`secretKey\`, \`privateKey\`, \`clientSecret\`, …) with a literal value, in a mapping or a list;
- an env var written into the values (\`extraEnvVars: [{name: DB_PASSWORD, value: …}]\`) whose name
  says it holds a secret, as kubernetes/secret-in-env does for manifests.

Keys that name where a secret is kept rather than hold it are left alone: \`existingSecret\`,
\`passwordSecretName\`, \`secretKeys.adminPasswordKey\`, \`tls.secretName\`, \`imagePullSecrets\`,
\`extraEnvVarsSecret\`, \`usePasswordFiles\`, \`passwordFile\`. So are values that hold no secret:
empty values (bitnami's \`auth.password: ""\`, with which the chart generates one), switches
(\`true\`, \`no\`), file paths, templates (\`{{ .Values.x }}\`, \`\${VAR}\`), the placeholders \`<password>\`,
\`changeme\` / \`CHANGE_ME\`, \`replaceme\` / \`REPLACE_ME\`, \`xxx\` and \`***\` (or longer), \`your-password\`
/ \`YOUR_API_KEY\`, and values encrypted or fetched at install time: SOPS's \`ENC[…]\` (helm-secrets),
vals' \`ref+vault://…\` and a SealedSecret's \`encryptedData\`.

Sections switched off with \`enabled: false\` are checked too: the chart does not render them, but the
secret is committed all the same.

Move the secret to a Secret that the chart reads (most charts have \`existingSecret\`), or pass it at
install time with \`--set\` from your CI's secret store. There is no automatic fix: the value has to
leave this file, and a credential that has been committed must be revoked.

Bad:
\`\`\`yaml
auth:
  username: app
  password: hunter2
\`\`\`

Good:
\`\`\`yaml
auth:
  username: app
  # A Secret with the key "password", created out of band.
  existingSecret: app-db-auth
\`\`\``,
  references: [
    { title: 'Kubernetes docs: Good practices for Kubernetes Secrets', url: 'https://kubernetes.io/docs/concepts/security/secrets-good-practices/' },
    { title: 'OWASP Kubernetes Top Ten K08: Secrets Management', url: 'https://owasp.org/www-project-kubernetes-top-ten/2022/en/src/K08-secrets-management' },
    { title: 'helm-secrets: encrypted values files', url: 'https://github.com/jkroepke/helm-secrets' },
  ],
  fix: 'none',
  equivalents: { ...envRule.equivalents, ...configMapRule.equivalents },
};

/** Secret words whose `…Key` is the key of a Secret that holds the value: `adminPasswordKey`, `tokenKey`. */
const SECRET_WORD = /^(password|passwd|passphrase|secret|token)s?$/;
/** Before a final `secret`, words that make the key a Secret's name: `tlsSecret`, `imagePullSecrets`, `extraEnvVarsSecret`. */
const SECRET_OBJECT_WORDS = new Set([
  'tls', 'ssl', 'cert', 'certs', 'certificate', 'certificates', 'ca', 'pull', 'registry', 'docker', 'keystore', 'truststore', 'htpasswd',
  'extra', 'additional', 'external', 'sealed', 'env', 'config', 'from',
]);

/**
 * Whether a values key holds a secret. Charts name the Secrets they read from with the same words
 * (`existingSecret`, `tlsSecret`, `secretKeys.userPasswordKey`), which are names, not secrets.
 */
export function namesValuesSecret(key: string): boolean {
  if (!namesSecret(key)) return false;
  const words = nameWords(key);
  if (words.includes('existing')) return false;
  const last = words.at(-1)!;
  const previous = words.at(-2);
  // `secretKey` itself is a secret (minio, AWS); `secretKeys`, `passwordKey` name keys of a Secret.
  if ((last === 'key' || last === 'keys') && previous !== undefined && SECRET_WORD.test(previous) && !(last === 'key' && previous === 'secret')) return false;
  if (last === 'secret' || last === 'secrets') {
    if (words.length === 1 && last === 'secrets') return false;
    if (words.slice(0, -1).some((word) => SECRET_OBJECT_WORDS.has(word))) return false;
  }
  return true;
}

/**
 * Values that stand for a secret rather than hold it: placeholders for "put yours here", SOPS's
 * encrypted `ENC[…]` (helm-secrets), vals' `ref+vault://…` and argocd-vault-plugin's `<path:…>`.
 */
const STAND_IN = /^(change[-_ ]?(me|this)|replace[-_ ]?me|x{3,}|\*{3,}|your[-_ ]?[a-z][\w-]*|<[^<>\n]+>|ENC\[[\s\S]*\]|ref\+[a-z0-9]+:\/\/\S*)$/i;

export function check(context: HelmRuleContext): void {
  // Disabled sections too: what the chart does not render is committed all the same.
  for (const section of context.model.sections) {
    if (section.path.includes('encryptedData')) continue;
    const envName = envVarName(section);
    for (const item of section.node.items) {
      if (!isPair(item) || !isScalar(item.key)) continue;
      const key = String(item.key.value);
      const name: SecretName = envName !== undefined && key === 'value' ? { env: envName } : { key };
      if (isScalar(item.value)) checkValue(context, section, name, item.value, [...section.path, key]);
      else if (isSeq(item.value)) {
        (item.value as YAMLSeq).items.forEach((entry, index) => {
          if (isScalar(entry)) checkValue(context, section, name, entry, [...section.path, key, index]);
        });
      }
    }
  }
}

/** What says the value is a secret: its key, or for `{name: DB_PASSWORD, value: …}` (extra env vars) the variable's name. */
type SecretName = { key: string } | { env: string };

/** The variable's name when the section is an env var written into the values: `extraEnvVars: [{name, value}]`. */
function envVarName(section: ValuesSection): string | undefined {
  const name = pairOf(section.node, 'name')?.value;
  return pairOf(section.node, 'value') && isScalar(name) && typeof name.value === 'string' ? name.value : undefined;
}

function checkValue(context: HelmRuleContext, section: ValuesSection, name: SecretName, node: Scalar, path: (string | number)[]): void {
  const { model, report } = context;
  const value = node.value;
  if (typeof value !== 'string' && typeof value !== 'number') return;
  const text = String(value);
  if (text.trim() === '' || isPlaceholder(text) || STAND_IN.test(text.trim())) return;
  const where = 'env' in name ? `${formatPath(path)} (env var ${name.env})` : formatPath(path);
  const store = 'env' in name ? 'a Secret and use valueFrom.secretKeyRef instead' : storeAdvice(section);
  const move = `${store}, or pass it at install time with --set from your CI's secret store.`;
  const shape = typeof value === 'string' ? findSecretShape(text) : undefined;
  const namedSecret = 'env' in name ? namesSecret(name.env) : namesValuesSecret(name.key);
  if (shape) {
    report({
      message: `${where} holds ${shape.label} in plain text: it is committed with the values, and everyone who can read them has it. Revoke it, then keep the new one in ${move}`,
      // In a multi-line value (a PEM block), the line that holds it; otherwise the whole value.
      range: text.includes('\n') ? rangeInScalar(model, section.yaml, node, shape.start, shape.end) : scalarRange(model, section.yaml, node),
    });
  } else if (namedSecret && !isNonSecretValue(text)) {
    report({
      message: `${where} is a secret written into the values: it is committed with them, and everyone who can read them has it. Move it to ${move}`,
      range: scalarRange(model, section.yaml, node),
    });
  }
}

/** Where the secret should go: the section's own `existingSecret` when it has one. */
function storeAdvice(section: ValuesSection): string {
  const existing = section.node.items.find((item) => isPair(item) && isScalar(item.key) && /^existing\w*secret$/i.test(String(item.key.value)));
  const key = existing && isPair(existing) ? String((existing.key as Scalar).value) : undefined;
  return key ? `a Secret named by ${formatPath([...section.path, key])}` : 'a Secret the chart reads (existingSecret, where the chart has one)';
}
