import type { Scalar } from 'yaml';
import type { KubernetesModel, PodSpec, ServiceAccountInfo } from './model';
import { scalarAt } from './yamlNodes';

/** The service account a pod runs as, named the way the API server reads the pod spec. */
export interface PodServiceAccount {
  name: string;
  /** The field and value that name it; undefined when the namespace's `default` applies. */
  field: 'serviceAccountName' | 'serviceAccount' | undefined;
  node: Scalar | undefined;
}

/** `serviceAccountName`, else the deprecated `serviceAccount`, else `default` (empty means unset). */
export function podServiceAccount(spec: PodSpec): PodServiceAccount {
  const document = spec.object.yaml.document;
  for (const field of ['serviceAccountName', 'serviceAccount'] as const) {
    const node = scalarAt(spec.node, field, document);
    if (typeof node?.value === 'string' && node.value !== '') return { name: node.value, field, node };
  }
  return { name: 'default', field: undefined, node: undefined };
}

/** A ServiceAccount of the file by name, in the pod's namespace when both name one. */
export function serviceAccountObject(model: KubernetesModel, spec: PodSpec, name: string): ServiceAccountInfo | undefined {
  const namespace = spec.object.namespace;
  return model.serviceAccounts.find((account) => account.name === name && (account.namespace === undefined || namespace === undefined || account.namespace === namespace));
}

/**
 * Whether the pod's containers get a service account token mounted: the pod's own
 * `automountServiceAccountToken` decides, else its ServiceAccount's when this file defines it,
 * else they do.
 */
export function mountsServiceAccountToken(model: KubernetesModel, spec: PodSpec): boolean {
  const own = scalarAt(spec.node, 'automountServiceAccountToken', spec.object.yaml.document)?.value;
  if (typeof own === 'boolean') return own;
  const account = serviceAccountObject(model, spec, podServiceAccount(spec).name);
  return account ? account.automountServiceAccountToken !== false : true;
}
