import { generateDockerfile } from './dockerfile';
import { generateHelmValues } from './helm';
import { generateDeployment } from './kubernetes';
import { seededRandom } from './random';

function serviceManifest(name: string, type: string, salt: string | undefined): string {
  const lines = [...(salt === undefined ? [] : [`# ${salt}`]), 'apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${name}`, 'spec:', `  type: ${type}`, '  selector:', `    app.kubernetes.io/name: ${name}`, '  ports:', '    - port: 80', '      targetPort: 8080'];
  return `${lines.join('\n')}\n`;
}

const TEMPLATE = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "app.fullname" . }}\nspec:\n  replicas: {{ .Values.replicaCount }}\n';

/**
 * A repository of `services` services, each with a Dockerfile, a manifest (a Deployment and its
 * Service) and a Helm chart (Chart.yaml, values.yaml and a template, which scans pass by). Paths
 * are `/`-separated, relative to the repository.
 *
 * With `copies` > 1 the repository is repeated under `copy-NN/` folders. The copies after the
 * first carry a salt comment in every RUN script and YAML document: same structure and findings,
 * but texts the engine's parse caches have not seen, as in a real monorepo whose services differ.
 */
export function generateServiceRepository(services: number, copies = 1, seed = 31): Record<string, string> {
  const files: Record<string, string> = {};
  for (let copy = 0; copy < copies; copy++) {
    const prefix = copies > 1 ? `copy-${String(copy).padStart(2, '0')}/` : '';
    const salt = copy === 0 ? undefined : `copy ${copy}`;
    const next = seededRandom(seed);
    for (let service = 0; service < services; service++) {
      const name = `svc-${String(service).padStart(4, '0')}`;
      const dir = `${prefix}services/${name}`;
      files[`${dir}/Dockerfile`] = generateDockerfile(8 + Math.floor(next() * 30), seed + service, salt);
      files[`${dir}/deploy/${name}.yaml`] = `${generateDeployment(service, next, salt)}---\n${serviceManifest(name, next() < 0.2 ? 'NodePort' : 'ClusterIP', salt)}`;
      files[`${dir}/chart/Chart.yaml`] = `apiVersion: v2\nname: ${name}\nversion: 0.1.0\nappVersion: "1.${service}.0"\n`;
      files[`${dir}/chart/values.yaml`] = generateHelmValues(1, seed + service, salt);
      files[`${dir}/chart/templates/deployment.yaml`] = TEMPLATE;
    }
  }
  return files;
}
