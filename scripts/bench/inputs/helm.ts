import { picker, seededRandom } from './random';

/** The Chart.yaml of the generated values files: the engine reads its `appVersion`. */
export const BENCH_CHART_YAML = 'apiVersion: v2\nname: bench\ndescription: A generated chart\nversion: 1.0.0\nappVersion: "2.4.1"\n';

const COMPONENTS = ['controller', 'primary', 'readReplicas', 'worker', 'gateway', 'scheduler', 'exporter', 'frontend', 'backend', 'cache'];

/**
 * The values of one component, about 60 lines, as `helm create` and the large chart collections
 * write them: image, security contexts, resources, service, ingress, persistence, with the
 * commented-out examples such files carry. Values are drawn so that some break the rules.
 */
function componentValues(name: string, next: () => number): string[] {
  const pick = picker(next);
  return [
    `## @section ${name} parameters`,
    '## @param image.tag Overrides the image tag whose default is the chart appVersion.',
    'image:',
    '  registry: docker.io',
    `  repository: acme/${name.toLowerCase()}`,
    `  tag: ${pick(['""', '"1.8.2"', 'latest', '"2.0.0"'])}`,
    '  pullPolicy: IfNotPresent',
    'imagePullSecrets: []',
    `replicaCount: ${1 + Math.floor(next() * 3)}`,
    'serviceAccount:',
    '  create: true',
    `  automount: ${next() < 0.5}`,
    '  annotations: {}',
    '  name: ""',
    'podAnnotations: {}',
    'podLabels: {}',
    'nodeSelector: {}',
    'tolerations: []',
    'affinity: {}',
    'podSecurityContext:',
    '  fsGroup: 1001',
    '  # fsGroupChangePolicy: OnRootMismatch',
    ...(next() < 0.2
      ? ['securityContext: {}', '  # capabilities:', '  #   drop:', '  #   - ALL', '  # runAsNonRoot: true', '  # runAsUser: 1001']
      : [
          'securityContext:',
          `  runAsNonRoot: ${next() < 0.8}`,
          `  runAsUser: ${pick([1001, 1001, 0])}`,
          `  privileged: ${next() < 0.1}`,
          '  allowPrivilegeEscalation: false',
          '  readOnlyRootFilesystem: true',
        ]),
    'service:',
    `  type: ${pick(['ClusterIP', 'ClusterIP', 'NodePort', 'LoadBalancer'])}`,
    '  port: 80',
    'ingress:',
    `  enabled: ${next() < 0.5}`,
    '  className: ""',
    '  annotations: {}',
    '  hosts:',
    `    - host: ${name.toLowerCase()}.example.local`,
    '      paths:',
    '        - path: /',
    '          pathType: ImplementationSpecific',
    '  tls: []',
    ...(next() < 0.7
      ? ['resources:', '  limits:', '    cpu: 500m', '    memory: 512Mi', '  requests:', '    cpu: 100m', '    memory: 128Mi']
      : ['resources: {}', '  # limits:', '  #   cpu: 500m', '  #   memory: 512Mi', '  # requests:', '  #   cpu: 100m', '  #   memory: 128Mi']),
    'persistence:',
    '  enabled: true',
    '  size: 8Gi',
    '  # existingClaim: ""',
    `hostNetwork: ${next() < 0.05}`,
    'livenessProbe:',
    '  httpGet: {path: /, port: http}',
    'readinessProbe:',
    '  httpGet: {path: /, port: http}',
    'metrics:',
    `  enabled: ${next() < 0.5}`,
    `  adminPassword: ${next() < 0.3 ? 'changeme' : '""'}`,
  ];
}

/**
 * A Helm values file: one component at the top level, as `helm create` writes it, or, for
 * `components` > 1, each component under its own key, as the large charts do (about 61 lines a
 * component). `salt`, when given, adds a comment line at the top: the engine caches parsed YAML
 * documents by their text, so salted copies are parsed afresh while linting to the same findings.
 */
export function generateHelmValues(components: number, seed = 23, salt?: string): string {
  const next = seededRandom(seed);
  const lines = salt === undefined ? [] : [`# ${salt}`];
  if (components === 1) lines.push(...componentValues('app', next));
  for (let index = 0; components > 1 && index < components; index++) {
    const name = `${COMPONENTS[index % COMPONENTS.length]!}${Math.floor(index / COMPONENTS.length) || ''}`;
    lines.push(`${name}:`, ...componentValues(name, next).map((line) => `  ${line}`));
  }
  return `${lines.join('\n')}\n`;
}
