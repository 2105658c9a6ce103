/** Deterministic, seeded benchmark inputs, shared by `npm run bench` and profiling. */

/** A small deterministic PRNG (mulberry32) so every run measures the same inputs. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PACKAGES = ['curl', 'ca-certificates', 'git', 'build-essential', 'python3', 'libssl-dev', 'openssh-client', 'jq', 'unzip', 'gnupg'];

/** A multi-stage Dockerfile of about `count` instructions, with long RUN chains. */
export function generateDockerfile(count: number, seed = 1): string {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const lines = ['# syntax=docker/dockerfile:1', 'ARG BASE_TAG=22.11-bookworm'];
  let instructions = 0;
  let stage = 0;
  while (instructions < count) {
    lines.push(`FROM node:\${BASE_TAG} AS stage${stage++}`);
    instructions++;
    for (let i = 0; i < 40 && instructions < count; i++, instructions++) {
      const roll = next();
      if (roll < 0.35) {
        const packages = Array.from({ length: 3 + Math.floor(next() * 6) }, () => pick(PACKAGES));
        lines.push(`RUN apt-get update \\\n    && apt-get install -y --no-install-recommends \\\n      ${packages.join(' \\\n      ')} \\\n    && rm -rf /var/lib/apt/lists/*`);
      } else if (roll < 0.5) {
        lines.push(`RUN curl -fsSL https://example.com/install-${i}.sh -o /tmp/i.sh && sh /tmp/i.sh && rm /tmp/i.sh`);
      } else if (roll < 0.65) {
        lines.push(`COPY --chown=10001:10001 src/${i} /app/${i}`);
      } else if (roll < 0.75) {
        lines.push(`ENV APP_${i}=value-${i}`);
      } else if (roll < 0.85) {
        lines.push(`# step ${i}\nWORKDIR /app/${i}`);
      } else {
        lines.push(`RUN <<EOF\nset -eux\nnpm ci --omit=dev\nnpm run build -- --stage ${i}\nEOF`);
      }
    }
  }
  lines.push('USER 10001', 'HEALTHCHECK CMD ["node", "healthcheck.js"]', 'CMD ["node", "server.js"]');
  return `${lines.join('\n')}\n`;
}

/**
 * A deterministic project of about `count` files, as a CI checkout holds them: per service a
 * Dockerfile, a Deployment with a Service, and now and then a Helm chart with its values files
 * and a template. Paths are `/`-separated, relative to the project.
 */
export function generateProjectTree(count: number, seed = 7): Record<string, string> {
  const next = random(seed);
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
