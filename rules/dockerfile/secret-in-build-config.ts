import type { Property, PropertyInstruction } from 'dockerfile-ast';
import { normalizeRange } from '../../engine/dockerfile/model';
import type { DockerfileRuleContext } from '../../engine/rule';
import { findSecretShape, isNonSecretValue, namesSecret } from '../../engine/secrets';
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
  const secretValue = value !== undefined ? findSecretShape(value) : undefined;
  if (secretValue && valueRange) {
    context.report({
      message: `The value of ${name} contains ${secretValue.label}, so anyone who can read the Dockerfile has it. Revoke it and pass it with RUN --mount=type=secret,id=${id} instead.`,
      range: normalizeRange(valueRange),
    });
    return;
  }
  if (!namesSecret(name)) return;
  if (value !== undefined && isNonSecretValue(value)) return;
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
