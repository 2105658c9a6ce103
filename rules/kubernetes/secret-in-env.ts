import { describeObject } from '../../engine/kubernetes/describe';
import { envVars, literalValue } from '../../engine/kubernetes/env';
import { objectRef, rangeOfNode } from '../../engine/kubernetes/model';
import { rangeInScalar, scalarRange } from '../../engine/kubernetes/scalarRanges';
import type { KubernetesRuleContext } from '../../engine/rule';
import { findSecretShape, isNonSecretValue, isPlaceholder, namesSecret } from '../../engine/secrets';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/secret-in-env',
  target: 'kubernetes',
  title: 'Secret written into an env value',
  defaultSeverity: 'error',
  description: `A literal \`value:\` of a container's \`env\` is part of the manifest: it sits in source control, in
CI logs and \`kubectl apply\` history, and in the workload object itself, where everyone who may
\`get\` Deployments (far more people than may read Secrets) can read it. Passwords, tokens and keys
belong in a Secret.

Ballast reports:
- an env value that contains a credential, whatever the variable is called: a private key, an AWS
  access key id, a GitHub, GitLab, Slack, Stripe, Google or npm token, or a URL with a password in
  it. It has already been exposed to everyone who can read the manifest: revoke it.
- an env var whose name says it holds a secret (\`*PASSWORD*\`, \`*SECRET*\`, \`*_TOKEN\`,
  \`*_API_KEY\`, \`AWS_SECRET_ACCESS_KEY\`, …) set with a literal \`value:\`. Names that point at a
  secret rather than hold it (\`*_PASSWORD_FILE\`, \`*_TOKEN_URL\`, \`ALLOW_EMPTY_PASSWORD\`), empty
  values, switches (\`yes\`, \`false\`), file paths and values filled in later (\`$(OTHER_VAR)\`,
  \`\${VAR}\`, \`{{ .Values.x }}\`, \`<password>\`) are left alone. \`valueFrom\` is not a literal and is not reported
  here (see \`kubernetes/secret-via-env\`).

Create a Secret (out of band, or with a sealed-secrets / external-secrets / SOPS workflow) and
mount it as a file, or at least reference it with \`valueFrom.secretKeyRef\`. There is no automatic
fix: the secret has to go somewhere that is not this file.

Bad:
\`\`\`yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          image: example/api:1.4.2
          env:
            - name: DB_PASSWORD
              value: hunter2
\`\`\`

Good:
\`\`\`yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          image: example/api:1.4.2
          env:
            - name: DB_PASSWORD_FILE
              value: /run/secrets/db/password
          volumeMounts:
            - name: db
              mountPath: /run/secrets/db
              readOnly: true
      volumes:
        - name: db
          secret:
            secretName: api-db
\`\`\``,
  references: [
    { title: 'Kubernetes docs: Good practices for Kubernetes Secrets', url: 'https://kubernetes.io/docs/concepts/security/secrets-good-practices/' },
    { title: 'OWASP Kubernetes Top Ten K08: Secrets Management', url: 'https://owasp.org/www-project-kubernetes-top-ten/2022/en/src/K08-secrets-management' },
    { title: 'NIST SP 800-190, 4.1.4: Embedded clear text secrets', url: 'https://csrc.nist.gov/publications/detail/sp/800-190/final' },
  ],
  fix: 'none',
  equivalents: {
    'kube-linter': ['env-var-secret'],
    polaris: ['sensitiveContainerEnvVar'],
  },
};

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    for (const spec of object.podSpecs) {
      for (const container of spec.containers) {
        const where = `container ${container.name ?? '(unnamed)'} (${describeObject(object)})`;
        for (const env of envVars(container)) {
          const value = literalValue(env.value);
          if (value === undefined || value.trim() === '' || isPlaceholder(value)) continue;
          const shape = findSecretShape(value);
          if (shape) {
            report({
              message: `Env var ${env.name} of ${where} holds ${shape.label} in plain text: everyone who can read this manifest or the ${object.kind} has it. Revoke it, store the new one in a Secret and mount that as a file.`,
              // In a multi-line value, the line that holds it; otherwise the whole value.
              range: value.includes('\n') ? rangeInScalar(model, object.yaml, env.value!, shape.start, shape.end) : scalarRange(model, object.yaml, env.value!),
              object: objectRef(object, container),
            });
          } else if (namesSecret(env.name) && !isNonSecretValue(value)) {
            report({
              message: `Env var ${env.name} of ${where} looks like a secret but is written into the manifest: everyone who can read it or the ${object.kind} has the value. Store it in a Secret and mount that as a file (or use valueFrom.secretKeyRef).`,
              range: rangeOfNode(model, object.yaml, env.nameNode)!,
              object: objectRef(object, container),
            });
          }
        }
      }
    }
  }
}
