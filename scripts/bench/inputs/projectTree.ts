import { generateDockerfile } from './dockerfile';
import { seededRandom } from './random';

/**
 * A deterministic project of about `count` files, as a CI checkout holds them: per service a
 * Dockerfile, a Deployment with a Service, and now and then a Helm chart with its values files
 * and a template. Paths are `/`-separated, relative to the project.
 */
export function generateProjectTree(count: number, seed = 7): Record<string, string> {
  const next = seededRandom(seed);
  const files: Record<string, string> = {};
  const images = ['node:22', 'nginx:latest', 'python', 'ghcr.io/acme/api:1.4.2', 'redis:7.2', 'busybox'];
  for (let service = 0; Object.keys(files).length < count; service++) {
    const name = `svc-${String(service).padStart(4, '0')}`;
    const dir = `services/${name}`;
    const image = images[Math.floor(next() * images.length)]!;
    files[`${dir}/Dockerfile`] = `${next() < 0.5 ? generateDockerfile(8 + Math.floor(next() * 30), service + 1) : `FROM ${image}\nADD . /app\nRUN apt-get install -y curl\nUSER ${next() < 0.5 ? 'root' : '10001'}\nCMD ["/app/run"]\n`}`;
    files[`${dir}/k8s/deployment.yaml`] = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      `  name: ${name}`,
      'spec:',
      '  template:',
      '    spec:',
      next() < 0.3 ? `      serviceAccount: ${name}` : `      serviceAccountName: ${name}`,
      '      containers:',
      `        - name: ${name}`,
      `          image: ${image}`,
      '          securityContext:',
      `            privileged: ${next() < 0.2}`,
      '          ports:',
      '            - containerPort: 8080',
      '---',
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      `  name: ${name}`,
      'spec:',
      `  type: ${next() < 0.2 ? 'NodePort' : 'ClusterIP'}`,
      '  ports:',
      '    - port: 80',
      '',
    ].join('\n');
    if (service % 4 === 0) {
      const chart = `charts/${name}`;
      files[`${chart}/Chart.yaml`] = `apiVersion: v2\nname: ${name}\nversion: 0.1.0\nappVersion: "1.${service}.0"\n`;
      files[`${chart}/values.yaml`] = `image:\n  repository: ${image.split(':')[0]}\n  tag: ""\n  pullPolicy: IfNotPresent\nsecurityContext: {}\nresources: {}\nservice:\n  type: ClusterIP\n  port: 80\n`;
      files[`${chart}/values-prod.yaml`] = `replicaCount: 3\nimage:\n  tag: latest\nsecurityContext:\n  privileged: ${next() < 0.3}\n`;
      files[`${chart}/templates/deployment.yaml`] = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n`;
    }
  }
  return files;
}
