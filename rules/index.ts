import type { DockerfileRule } from '../engine/rule';
import type { RuleMeta } from '../engine/types';
import * as addRemoteChecksum from './dockerfile/add-remote-checksum';
import * as imageDigest from './dockerfile/image-digest';
import * as imageTagLatest from './dockerfile/image-tag-latest';
import * as noRootUser from './dockerfile/no-root-user';
import * as noSudo from './dockerfile/no-sudo';
import * as nonNumericUser from './dockerfile/non-numeric-user';
import * as pipeToShell from './dockerfile/pipe-to-shell';
import * as preferCopy from './dockerfile/prefer-copy';
import * as tlsVerificationDisabled from './dockerfile/tls-verification-disabled';
import * as untrustedRegistry from './dockerfile/untrusted-registry';

// One import per rule file; keep each list sorted by id.
export const dockerfileRules: DockerfileRule[] = [
  addRemoteChecksum,
  imageDigest,
  imageTagLatest,
  noRootUser,
  noSudo,
  nonNumericUser,
  pipeToShell,
  preferCopy,
  tlsVerificationDisabled,
  untrustedRegistry,
];

export const allRules: ReadonlyArray<{ meta: RuleMeta }> = [...dockerfileRules];
