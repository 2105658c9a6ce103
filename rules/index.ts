import type { DockerfileRule } from '../engine/rule';
import type { RuleMeta } from '../engine/types';
import * as imageTagLatest from './dockerfile/image-tag-latest';
import * as noRootUser from './dockerfile/no-root-user';

// One import per rule file; keep each list sorted by id.
export const dockerfileRules: DockerfileRule[] = [
  imageTagLatest,
  noRootUser,
];

export const allRules: ReadonlyArray<{ meta: RuleMeta }> = [...dockerfileRules];
