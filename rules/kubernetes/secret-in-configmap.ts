import { isScalar, type Scalar } from 'yaml';
import { describeObject } from '../../engine/kubernetes/describe';
import type { KubeObject, KubernetesModel } from '../../engine/kubernetes/model';
import { objectRef } from '../../engine/kubernetes/model';
import { rangeInScalar, scalarRange } from '../../engine/kubernetes/scalarRanges';
import { mapAt, resolve } from '../../engine/kubernetes/yamlNodes';
import type { KubernetesRuleContext } from '../../engine/rule';
import { findSecretAssignments, findSecretShape, isNonSecretValue, isPlaceholder, namesSecret } from '../../engine/secrets';
import type { Range, RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/secret-in-configmap',
  target: 'kubernetes',
  title: 'Secret stored in a ConfigMap',
  defaultSeverity: 'error',
  description: `ConfigMaps are for configuration that is not secret. Kubernetes treats them that way: they are
never encrypted at rest, \`kubectl describe\` prints them, and read access to ConfigMaps is granted far
more widely than to Secrets (the built-in \`view\` role has it). A password in a ConfigMap is also in
the manifest, and so in source control.

Ballast reports, for each entry of \`data\` and \`binaryData\` (base64-decoded):
- a key whose name says it holds a secret (\`DB_PASSWORD\`, \`client_secret.json\`, \`apiToken\`) with a
  value that is not empty, a switch, a file path or a placeholder filled in later (\`\${VAR}\`, \`{{ .Values.x }}\`, \`<password>\`);
- a credential recognisable by its shape, under any key: a private key, an AWS access key id, a
  GitHub, GitLab, Slack, Stripe, Google or npm token, or a URL with a password in it;
- a line of a configuration file held in the ConfigMap (\`.properties\`, \`.env\`, INI, TOML, YAML,
  JSON) that sets a secret-named setting to a literal: \`spring.datasource.password=…\`,
  \`password: …\`, \`"clientSecret": "…"\`. The finding marks that line's value.

The same detector is used for Dockerfiles and env values (see \`kubernetes/secret-in-env\`). Move the
secret to a Secret, mount it as a file and have the configuration refer to it (many frameworks read
\`\${DB_PASSWORD}\` from the environment or a file). There is no automatic fix: the value has to leave
this file, and a credential that has been committed must be revoked.

Bad:
\`\`\`yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: api-config
data:
  application.properties: |
    spring.datasource.url=jdbc:postgresql://db:5432/app
    spring.datasource.password=hunter2
\`\`\`

Good:
\`\`\`yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: api-config
data:
  application.properties: |
    spring.datasource.url=jdbc:postgresql://db:5432/app
    spring.datasource.password=\${DB_PASSWORD}
\`\`\``,
  references: [
    { title: 'Kubernetes docs: ConfigMaps ("ConfigMap does not provide secrecy or encryption")', url: 'https://kubernetes.io/docs/concepts/configuration/configmap/' },
    { title: 'Kubernetes docs: Good practices for Kubernetes Secrets', url: 'https://kubernetes.io/docs/concepts/security/secrets-good-practices/' },
    { title: 'OWASP Kubernetes Top Ten K08: Secrets Management', url: 'https://owasp.org/www-project-kubernetes-top-ten/2022/en/src/K08-secrets-management' },
  ],
  fix: 'none',
  equivalents: { trivy: ['KSV-0109'] },
};

const WHY = 'ConfigMaps are not encrypted at rest and are readable by everyone who may read ConfigMaps (and this manifest).';

export function check(context: KubernetesRuleContext): void {
  for (const object of context.model.objects) {
    if (object.kind !== 'ConfigMap' || object.apiVersion !== 'v1') continue;
    const document = object.yaml.document;
    for (const field of ['data', 'binaryData'] as const) {
      for (const pair of mapAt(object.node, field, document)?.items ?? []) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        const value = resolve(pair.value, document);
        if (key === undefined || !isScalar(value) || typeof value.value !== 'string') continue;
        const binary = field === 'binaryData';
        checkEntry(context, object, { key, node: value, text: binary ? decodeBase64(value.value) : value.value, binary });
      }
    }
  }
}

function checkEntry(context: KubernetesRuleContext, object: KubeObject, entry: Entry): void {
  const { model } = context;
  const where = `${describeObject(object)}, key ${entry.key}${entry.binary ? ' (binaryData)' : ''},`;
  const report = (message: string, range: Range) => context.report({ message, range, object: objectRef(object) });
  const text = entry.text;
  if (text.trim() === '' || isPlaceholder(text)) return;
  const shape = findSecretShape(text);
  const holds = (label: string) => `${where} holds ${label}. ${WHY} Revoke it and keep the new one in a Secret.`;
  if (namesSecret(entry.key) && !isNonSecretValue(text)) {
    report(shape ? holds(shape.label) : `${where} looks like a secret. ${WHY} Move it to a Secret and mount that as a file.`, scalarRange(model, object.yaml, entry.node));
    return;
  }
  // A configuration file: each secret setting on its own, and any other credential once.
  const assignments = findSecretAssignments(text);
  for (const assignment of assignments) {
    report(
      `${where} sets ${assignment.name} to a literal value. ${WHY} Move the value to a Secret and have the configuration read it from there.`,
      locate(model, object, entry, assignment.start, assignment.end),
    );
  }
  if (shape && !assignments.some((a) => shape.start < a.end && a.start < shape.end)) report(holds(shape.label), locate(model, object, entry, shape.start, shape.end));
}

interface Entry {
  key: string;
  node: Scalar;
  /** The value as the container reads it: base64-decoded for binaryData. */
  text: string;
  binary: boolean;
}

/** In a multi-line text value, the part that holds the secret; otherwise (and in binaryData) the whole value. */
function locate(model: KubernetesModel, object: KubeObject, entry: Entry, start: number, end: number): Range {
  if (entry.binary || !entry.text.includes('\n')) return scalarRange(model, object.yaml, entry.node);
  return rangeInScalar(model, object.yaml, entry.node, start, end);
}

function decodeBase64(value: string): string {
  return Buffer.from(value.replace(/\s+/g, ''), 'base64').toString('utf8');
}
