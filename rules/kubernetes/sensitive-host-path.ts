import { describeObject } from '../../engine/kubernetes/describe';
import { objectRef, rangeOfNode } from '../../engine/kubernetes/model';
import { hostPathVolumes } from '../../engine/kubernetes/volumes';
import type { KubernetesRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'kubernetes/sensitive-host-path',
  target: 'kubernetes',
  title: 'Sensitive node path mounted with hostPath',
  defaultSeverity: 'error',
  description: `A \`hostPath\` volume puts part of the node's file system in the container. For some paths that is
the node itself: the container runtime's socket starts privileged containers on request, the
kubelet's directory holds every pod's Secrets and service account tokens, \`/etc\` holds the node's
credentials, \`/proc\` and \`/sys\` are the kernel's controls. A compromised container with one of these
owns the node, and from there often the cluster.

Ballast reports \`hostPath.path\` values that are, are inside, or contain:
- \`/\`, \`/etc\`, \`/root\`, \`/home\`, \`/boot\`, \`/dev\`, \`/proc\`, \`/sys\`, \`/bin\`, \`/sbin\`, \`/lib\`,
  \`/lib64\`, \`/usr\`;
- container runtime sockets and their directories: \`/var/run/docker.sock\`, \`/run/docker.sock\`,
  \`/run/containerd\`, \`/var/run/containerd\`, \`/run/crio\`, \`/var/run/crio\`, \`/var/run/cri-dockerd.sock\`;
- \`/var/lib/kubelet\`, \`/var/lib/docker\`, \`/var/lib/containerd\` and \`/var/lib/etcd\`.

So \`/etc/kubernetes/pki\` (inside \`/etc\`) and \`/var\` or \`/run\` (which contain a runtime socket) are
reported; \`/var/log\`, \`/data\` or \`/mnt/disks\` are not (see \`kubernetes/writable-host-path\` for
those). Paths that only hold public data are left alone: \`/etc/localtime\`, \`/etc/timezone\`,
\`/usr/share/zoneinfo\`, and the CA certificate directories (\`/etc/ssl/certs\`, \`/etc/pki/tls/certs\`,
\`/etc/pki/ca-trust/extracted\`, \`/etc/ca-certificates\`, \`/usr/share/ca-certificates\`).

\`readOnly: true\` does not make these safe: reading \`/etc/kubernetes\` or the kubelet's directory
leaks credentials, and a socket mounted read-only still accepts connections. Node agents that need
one of these paths (a log shipper, a CSI driver, a node exporter) belong in their own namespace and
should say so with \`# ballast-ignore kubernetes/sensitive-host-path -- reason\`. There is no
automatic fix: removing the volume also means removing its mounts and whatever used them.

Bad:
\`\`\`yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ci-runner
spec:
  template:
    spec:
      containers:
        - name: runner
          image: example/runner:2.3.1
          volumeMounts:
            - name: docker
              mountPath: /var/run/docker.sock
      volumes:
        - name: docker
          hostPath:
            path: /var/run/docker.sock
            type: Socket
\`\`\`

Good:
\`\`\`yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ci-runner
spec:
  template:
    spec:
      containers:
        - name: runner
          image: example/runner:2.3.1
          volumeMounts:
            - name: work
              mountPath: /work
      volumes:
        - name: work
          emptyDir: {}
\`\`\``,
  references: [
    { title: 'Kubernetes docs: Volumes, hostPath (security risks)', url: 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath' },
    { title: 'Pod Security Standards: HostPath Volumes (baseline)', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline' },
    { title: 'OWASP Docker Security Cheat Sheet, rule 1: Do not expose the Docker daemon socket', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html' },
  ],
  fix: 'none',
  equivalents: {
    trivy: ['KSV-0006', 'KSV-0121'],
    checkov: ['CKV_K8S_27'],
    'kube-linter': ['docker-sock', 'sensitive-host-mounts'],
  },
};

interface SensitivePath {
  path: string;
  /** Whether paths inside it are as sensitive (false only for `/`, inside which is everything). */
  subtree: boolean;
  what: string;
}

const RUNTIME_SOCKET = 'which starts containers as root on request';

const SENSITIVE_PATHS: readonly SensitivePath[] = [
  { path: '/', subtree: false, what: 'its whole file system' },
  { path: '/var/run/docker.sock', subtree: true, what: `the Docker socket, ${RUNTIME_SOCKET}` },
  { path: '/run/docker.sock', subtree: true, what: `the Docker socket, ${RUNTIME_SOCKET}` },
  { path: '/var/run/cri-dockerd.sock', subtree: true, what: `the cri-dockerd socket, ${RUNTIME_SOCKET}` },
  { path: '/run/containerd', subtree: true, what: `containerd's socket, ${RUNTIME_SOCKET}` },
  { path: '/var/run/containerd', subtree: true, what: `containerd's socket, ${RUNTIME_SOCKET}` },
  { path: '/run/crio', subtree: true, what: `CRI-O's socket, ${RUNTIME_SOCKET}` },
  { path: '/var/run/crio', subtree: true, what: `CRI-O's socket, ${RUNTIME_SOCKET}` },
  { path: '/var/lib/kubelet', subtree: true, what: "the kubelet's data, with every pod's Secrets and service account tokens" },
  { path: '/var/lib/etcd', subtree: true, what: "the cluster's database, with every Secret" },
  { path: '/var/lib/docker', subtree: true, what: "every container's file system" },
  { path: '/var/lib/containerd', subtree: true, what: "every container's file system" },
  { path: '/etc', subtree: true, what: "the node's configuration and credentials" },
  { path: '/root', subtree: true, what: "root's home, with its keys and credentials" },
  { path: '/home', subtree: true, what: "users' homes, with their keys and credentials" },
  { path: '/proc', subtree: true, what: "every process of the node and the kernel's settings" },
  { path: '/sys', subtree: true, what: "the kernel's and devices' settings" },
  { path: '/dev', subtree: true, what: "the node's devices" },
  { path: '/boot', subtree: true, what: "the node's kernel and boot loader" },
  ...['/bin', '/sbin', '/lib', '/lib64', '/usr'].map((path) => ({ path, subtree: true, what: "the node's programs and libraries" })),
];

/** Paths under the sensitive ones that hold only public data: time zones and CA certificates. */
const PUBLIC_PATHS = [
  '/etc/localtime',
  '/etc/timezone',
  '/usr/share/zoneinfo',
  '/etc/ssl/certs',
  '/etc/pki/tls/certs',
  '/etc/pki/ca-trust/extracted',
  '/etc/ca-certificates',
  '/usr/share/ca-certificates',
];

export function check(context: KubernetesRuleContext): void {
  const { model, report } = context;
  for (const object of model.objects) {
    for (const spec of object.podSpecs) {
      for (const volume of hostPathVolumes(spec)) {
        const what = describeSensitivePath(volume.path);
        if (!what) continue;
        report({
          message: `Volume ${volume.name ?? '(unnamed)'} of ${describeObject(object)} mounts the node's ${what}: a container that has it can take over the node. Remove the volume, or mount a narrower path that holds only what the container needs.`,
          range: rangeOfNode(model, object.yaml, volume.pathNode)!,
          object: objectRef(object),
        });
      }
    }
  }
}

/** What a host path gives access to, or undefined when it is not sensitive. */
export function describeSensitivePath(written: string): string | undefined {
  const path = normalizePath(written);
  if (path === undefined || PUBLIC_PATHS.some((publicPath) => isInside(path, publicPath))) return undefined;
  for (const sensitive of SENSITIVE_PATHS) {
    if (path === sensitive.path) return `${path} (${sensitive.what})`;
    if (sensitive.subtree && isInside(path, sensitive.path)) return `${path}, inside ${sensitive.path} (${sensitive.what})`;
  }
  // A directory above a sensitive path hands out everything below it: /var holds /var/lib/kubelet.
  const below = SENSITIVE_PATHS.find((sensitive) => isInside(sensitive.path, path));
  return below && `${path}, which holds ${below.path} (${below.what})`;
}

function isInside(path: string, directory: string): boolean {
  return path === directory || path.startsWith(directory === '/' ? '/' : `${directory}/`);
}

/** `/var//run/./docker.sock/` becomes `/var/run/docker.sock`; relative (invalid) paths give undefined. */
function normalizePath(path: string): string | undefined {
  if (!path.startsWith('/')) return undefined;
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return `/${segments.join('/')}`;
}
