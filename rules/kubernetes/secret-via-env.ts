import { describeObject } from '../../engine/kubernetes/describe';
import { envFromSecrets, envVars } from '../../engine/kubernetes/env';
import { objectRef, rangeOfNode } from '../../engine/kubernetes/model';
import { mapAt, pairOf, scalarAt } from '../../engine/kubernetes/yamlNodes';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/secret-via-env',
  target: 'kubernetes',
  title: 'Secret passed through an environment variable',
  defaultSeverity: 'info',
  description: `A Secret handed to a container through \`env[].valueFrom.secretKeyRef\` or \`envFrom[].secretRef\`
ends up in the process environment, where it is easier to leak than a file:
- every child process inherits it, including shells, package managers and tools that dump their
  environment into logs, crash reports and error trackers;
- anyone who can read \`/proc/<pid>/environ\` of the process (the same user in another container
  of a pod that shares the process namespace, a debug container, a node agent) reads it;
- it is fixed when the container starts: rotating the Secret changes nothing until the pod is
  restarted, whereas a mounted Secret is updated in place.

Mount the Secret as a volume (\`readOnly: true\`) and have the application read the file; many
images support \`*_FILE\` variables for that (\`POSTGRES_PASSWORD_FILE\`). This is the CIS Kubernetes
Benchmark's advice (5.4.1). It is reported as information, with no automatic fix: whether the
application can read its secret from a file is a change to the application.

Bad:
\`\`\`yaml
apiVersion: v1
kind: Pod
metadata:
  name: db
spec:
  containers:
    - name: postgres
      image: postgres:16.4
      env:
        - name: POSTGRES_PASSWORD
          valueFrom:
            secretKeyRef:
              name: db
              key: password
\`\`\`

Good:
\`\`\`yaml
apiVersion: v1
kind: Pod
metadata:
  name: db
spec:
  containers:
    - name: postgres
      image: postgres:16.4
      env:
        - name: POSTGRES_PASSWORD_FILE
          value: /run/secrets/db/password
      volumeMounts:
        - name: db
          mountPath: /run/secrets/db
          readOnly: true
  volumes:
    - name: db
      secret:
        secretName: db
\`\`\``,
  references: [
    { title: 'CIS Kubernetes Benchmark 5.4.1: Prefer using Secrets as files over Secrets as environment variables', url: 'https://www.cisecurity.org/benchmark/kubernetes' },
    { title: 'Kubernetes docs: Good practices for Kubernetes Secrets', url: 'https://kubernetes.io/docs/concepts/security/secrets-good-practices/' },
    { title: 'Kubernetes docs: Using Secrets as files from a Pod', url: 'https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-files-from-a-pod' },
  ],
  fix: 'none',
  equivalents: {
    checkov: ['CKV_K8S_35'],
    'kube-linter': ['read-secret-from-env-var'],
  },
};

const ADVICE = 'Mount the Secret as a file instead: environment variables are inherited by child processes, readable in /proc/<pid>/environ, and not updated when the Secret is rotated.';

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    const document = object.yaml.document;
    for (const spec of object.podSpecs) {
      for (const container of spec.containers) {
        const where = `container ${container.name ?? '(unnamed)'} (${describeObject(object)})`;
        for (const env of envVars(container)) {
          const secretKeyRef = mapAt(env.valueFrom, 'secretKeyRef', document);
          if (!secretKeyRef) continue;
          const secretName = scalarAt(secretKeyRef, 'name', document)?.value;
          const key = scalarAt(secretKeyRef, 'key', document);
          const source = typeof secretName === 'string' ? `Secret ${secretName}` : 'a Secret';
          report({
            message: `Env var ${env.name} of ${where} takes ${source}${typeof key?.value === 'string' ? ` (key ${key.value})` : ''}. ${ADVICE}`,
            range: rangeOfNode(model, object.yaml, key ?? pairOf(env.valueFrom, 'secretKeyRef')!.key)!,
            object: objectRef(object, container),
          });
        }
        for (const source of envFromSecrets(container)) {
          const name = scalarAt(source.secretRef, 'name', document);
          report({
            message: `${capitalise(where)} imports every key of ${source.secretName ? `Secret ${source.secretName}` : 'a Secret'} as environment variables (envFrom). ${ADVICE}`,
            range: rangeOfNode(model, object.yaml, name ?? pairOf(source.node, 'secretRef')!.key)!,
            object: objectRef(object, container),
          });
        }
      }
    }
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
