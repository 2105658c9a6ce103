import { picker, seededRandom } from './random';

const IMAGES = ['ghcr.io/acme/api:1.4.2', 'nginx:1.27', 'nginx:latest', 'redis:7.2', 'python', 'registry.example.com/team/worker@sha256:' + 'a'.repeat(64)];
const TEAMS = ['payments', 'search', 'platform', 'identity', 'data'];

/**
 * One Deployment of 45 lines as services write them: security contexts, resources, probes, env,
 * volumes; each value drawn so that some break the rules (privileged, no limits, `latest`, a
 * hostPath) and most do not.
 *
 * Every Deployment holds a comment in its middle, a harmless place to type. `salt`, when given,
 * adds a comment line at the top: the engine caches parsed YAML documents by their text, so salted
 * copies are parsed afresh while linting to the same findings.
 */
export function generateDeployment(index: number, next: () => number, salt?: string): string {
  const pick = picker(next);
  const name = `svc-${String(index).padStart(4, '0')}`;
  const team = pick(TEAMS);
  const privileged = next() < 0.1;
  const limits = next() < 0.8;
  const hostPath = next() < 0.1;
  const lines = [
    ...(salt === undefined ? [] : [`# ${salt}`]),
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${team}`,
    '  labels:',
    `    app.kubernetes.io/name: ${name}`,
    'spec:',
    `  replicas: ${1 + Math.floor(next() * 5)}`,
    '  selector:',
    `    matchLabels: {app.kubernetes.io/name: ${name}}`,
    '  template:',
    '    metadata:',
    `      labels: {app.kubernetes.io/name: ${name}}`,
    '    spec:',
    `      serviceAccountName: ${name}`,
    '      securityContext:',
    `        runAsNonRoot: ${next() < 0.8}`,
    '        seccompProfile: {type: RuntimeDefault}',
    `      # ${name} is owned by the ${team} team; ask them before changing its limits`,
    '      containers:',
    '        - name: app',
    `          image: ${pick(IMAGES)}`,
    '          ports:',
    '            - containerPort: 8080',
    '          env:',
    '            - name: LOG_LEVEL',
    `              value: ${pick(['info', 'debug', 'warn'])}`,
    '            - name: DATABASE_URL',
    '              valueFrom:',
    `                secretKeyRef: {name: ${name}-db, key: url}`,
    '          securityContext:',
    `            privileged: ${privileged}`,
    `            allowPrivilegeEscalation: ${privileged || next() < 0.2}`,
    '            readOnlyRootFilesystem: true',
    '            capabilities: {drop: [ALL]}',
    '          resources:',
    '            requests: {cpu: 100m, memory: 128Mi}',
    limits ? '            limits: {cpu: 500m, memory: 256Mi}' : '            limits: {}',
    '          livenessProbe: {httpGet: {path: /healthz, port: 8080}, periodSeconds: 10}',
    '          readinessProbe: {httpGet: {path: /ready, port: 8080}}',
    '          volumeMounts:',
    '            - {name: data, mountPath: /data}',
    '      volumes:',
    hostPath ? '        - {name: data, hostPath: {path: /var/lib/data}}' : '        - {name: data, emptyDir: {}}',
  ];
  return `${lines.join('\n')}\n`;
}

/** A file of `count` Deployments separated by `---`. */
export function generateDeployments(count: number, seed = 11, salt?: string): string {
  const next = seededRandom(seed);
  return Array.from({ length: count }, (_, index) => generateDeployment(index, next, salt)).join('---\n');
}
