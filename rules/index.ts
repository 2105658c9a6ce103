import type { DockerfileRule, HelmRule, KubernetesRule } from '../engine/rule';
import type { RuleMeta } from '../engine/types';
import * as helmAllowPrivilegeEscalation from './helm/allow-privilege-escalation';
import * as helmAutomountServiceAccountToken from './helm/automount-service-account-token';
import * as helmCapabilitiesAdded from './helm/capabilities-added';
import * as helmCapabilitiesNotDropped from './helm/capabilities-not-dropped';
import * as helmEmptySecurityContext from './helm/empty-security-context';
import * as helmHostNamespaces from './helm/host-namespaces';
import * as helmHostPath from './helm/host-path';
import * as helmImageDigest from './helm/image-digest';
import * as helmImagePullPolicy from './helm/image-pull-policy';
import * as helmImageTagLatest from './helm/image-tag-latest';
import * as helmIngressWithoutTls from './helm/ingress-without-tls';
import * as helmNetworkPolicyDisabled from './helm/network-policy-disabled';
import * as helmPrivileged from './helm/privileged';
import * as helmRbacWildcard from './helm/rbac-wildcard';
import * as helmReadOnlyRootFilesystem from './helm/read-only-root-filesystem';
import * as helmResourcesMissing from './helm/resources-missing';
import * as helmRootGroup from './helm/root-group';
import * as helmRunAsNonRoot from './helm/run-as-non-root';
import * as helmRunAsRootUser from './helm/run-as-root-user';
import * as helmSeccompUnconfined from './helm/seccomp-unconfined';
import * as helmSecretInValues from './helm/secret-in-values';
import * as helmServiceExposed from './helm/service-exposed';
import * as addRemoteChecksum from './dockerfile/add-remote-checksum';
import * as aptNoInstallRecommends from './dockerfile/apt-no-install-recommends';
import * as aptUnpinnedVersions from './dockerfile/apt-unpinned-versions';
import * as healthcheckMissing from './dockerfile/healthcheck-missing';
import * as imageDigest from './dockerfile/image-digest';
import * as imageTagLatest from './dockerfile/image-tag-latest';
import * as insecurePermissions from './dockerfile/insecure-permissions';
import * as noRootUser from './dockerfile/no-root-user';
import * as noSudo from './dockerfile/no-sudo';
import * as nonNumericUser from './dockerfile/non-numeric-user';
import * as packageSignatureDisabled from './dockerfile/package-signature-disabled';
import * as pipeToShell from './dockerfile/pipe-to-shell';
import * as preferCopy from './dockerfile/prefer-copy';
import * as secretFileCopied from './dockerfile/secret-file-copied';
import * as secretInBuildConfig from './dockerfile/secret-in-build-config';
import * as sshExposed from './dockerfile/ssh-exposed';
import * as tlsVerificationDisabled from './dockerfile/tls-verification-disabled';
import * as untrustedRegistry from './dockerfile/untrusted-registry';
import * as allowPrivilegeEscalation from './kubernetes/allow-privilege-escalation';
import * as apparmorUnconfined from './kubernetes/apparmor-unconfined';
import * as automountServiceAccountToken from './kubernetes/automount-service-account-token';
import * as capabilitiesBaseline from './kubernetes/capabilities-baseline';
import * as capabilitiesRestricted from './kubernetes/capabilities-restricted';
import * as defaultNamespace from './kubernetes/default-namespace';
import * as defaultServiceAccount from './kubernetes/default-service-account';
import * as deprecatedServiceAccountField from './kubernetes/deprecated-service-account-field';
import * as hostNamespaces from './kubernetes/host-namespaces';
import * as hostPathVolume from './kubernetes/host-path-volume';
import * as hostPort from './kubernetes/host-port';
import * as hostPortZero from './kubernetes/host-port-zero';
import * as kubernetesImageDigest from './kubernetes/image-digest';
import * as imagePullPolicy from './kubernetes/image-pull-policy';
import * as kubernetesImageTagLatest from './kubernetes/image-tag-latest';
import * as ingressWithoutTls from './kubernetes/ingress-without-tls';
import * as kubeSystemNamespace from './kubernetes/kube-system-namespace';
import * as lowUid from './kubernetes/low-uid';
import * as privilegedContainer from './kubernetes/privileged-container';
import * as probeHost from './kubernetes/probe-host';
import * as procMount from './kubernetes/proc-mount';
import * as procMountRestricted from './kubernetes/proc-mount-restricted';
import * as rbacAnonymousBinding from './kubernetes/rbac-anonymous-binding';
import * as rbacClusterAdminBinding from './kubernetes/rbac-cluster-admin-binding';
import * as rbacCreatePods from './kubernetes/rbac-create-pods';
import * as rbacNodeProxy from './kubernetes/rbac-node-proxy';
import * as rbacPodExec from './kubernetes/rbac-pod-exec';
import * as rbacPrivilegeEscalationVerbs from './kubernetes/rbac-privilege-escalation-verbs';
import * as rbacSecretsAccess from './kubernetes/rbac-secrets-access';
import * as rbacWildcard from './kubernetes/rbac-wildcard';
import * as readOnlyRootFilesystem from './kubernetes/read-only-root-filesystem';
import * as resourcesMissing from './kubernetes/resources-missing';
import * as restrictedVolumeTypes from './kubernetes/restricted-volume-types';
import * as rootGroup from './kubernetes/root-group';
import * as runAsNonRoot from './kubernetes/run-as-non-root';
import * as runAsRootUser from './kubernetes/run-as-root-user';
import * as seccompProfileMissing from './kubernetes/seccomp-profile-missing';
import * as seccompUnconfined from './kubernetes/seccomp-unconfined';
import * as secretInConfigmap from './kubernetes/secret-in-configmap';
import * as secretInEnv from './kubernetes/secret-in-env';
import * as secretViaEnv from './kubernetes/secret-via-env';
import * as selinuxOptions from './kubernetes/selinux-options';
import * as sensitiveHostPath from './kubernetes/sensitive-host-path';
import * as serviceExposure from './kubernetes/service-exposure';
import * as serviceExternalIps from './kubernetes/service-external-ips';
import * as unsafeSysctls from './kubernetes/unsafe-sysctls';
import * as kubernetesUntrustedRegistry from './kubernetes/untrusted-registry';
import * as windowsHostProcess from './kubernetes/windows-host-process';
import * as writableHostPath from './kubernetes/writable-host-path';

// One import per rule file; keep each list sorted by id.
export const dockerfileRules: DockerfileRule[] = [
  addRemoteChecksum,
  aptNoInstallRecommends,
  aptUnpinnedVersions,
  healthcheckMissing,
  imageDigest,
  imageTagLatest,
  insecurePermissions,
  noRootUser,
  noSudo,
  nonNumericUser,
  packageSignatureDisabled,
  pipeToShell,
  preferCopy,
  secretFileCopied,
  secretInBuildConfig,
  sshExposed,
  tlsVerificationDisabled,
  untrustedRegistry,
];

export const kubernetesRules: KubernetesRule[] = [
  allowPrivilegeEscalation,
  apparmorUnconfined,
  automountServiceAccountToken,
  capabilitiesBaseline,
  capabilitiesRestricted,
  defaultNamespace,
  defaultServiceAccount,
  deprecatedServiceAccountField,
  hostNamespaces,
  hostPathVolume,
  hostPort,
  hostPortZero,
  kubernetesImageDigest,
  imagePullPolicy,
  kubernetesImageTagLatest,
  ingressWithoutTls,
  kubeSystemNamespace,
  lowUid,
  privilegedContainer,
  probeHost,
  procMount,
  procMountRestricted,
  rbacAnonymousBinding,
  rbacClusterAdminBinding,
  rbacCreatePods,
  rbacNodeProxy,
  rbacPodExec,
  rbacPrivilegeEscalationVerbs,
  rbacSecretsAccess,
  rbacWildcard,
  readOnlyRootFilesystem,
  resourcesMissing,
  restrictedVolumeTypes,
  rootGroup,
  runAsNonRoot,
  runAsRootUser,
  seccompProfileMissing,
  seccompUnconfined,
  secretInConfigmap,
  secretInEnv,
  secretViaEnv,
  selinuxOptions,
  sensitiveHostPath,
  serviceExposure,
  serviceExternalIps,
  unsafeSysctls,
  kubernetesUntrustedRegistry,
  windowsHostProcess,
  writableHostPath,
];

export const helmRules: HelmRule[] = [
  helmAllowPrivilegeEscalation,
  helmAutomountServiceAccountToken,
  helmCapabilitiesAdded,
  helmCapabilitiesNotDropped,
  helmEmptySecurityContext,
  helmHostNamespaces,
  helmHostPath,
  helmImageDigest,
  helmImagePullPolicy,
  helmImageTagLatest,
  helmIngressWithoutTls,
  helmNetworkPolicyDisabled,
  helmPrivileged,
  helmRbacWildcard,
  helmReadOnlyRootFilesystem,
  helmResourcesMissing,
  helmRootGroup,
  helmRunAsNonRoot,
  helmRunAsRootUser,
  helmSeccompUnconfined,
  helmSecretInValues,
  helmServiceExposed,
];

export const allRules: ReadonlyArray<{ meta: RuleMeta }> = [...dockerfileRules, ...kubernetesRules, ...helmRules];
