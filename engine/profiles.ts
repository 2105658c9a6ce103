import type { EngineSettings } from './settings';
import type { RuleMeta, SeveritySetting } from './types';

/**
 * Profiles choose which rules run before `ballast.rules` overrides apply. The Pod Security
 * Standards profiles select rules by their `pss` equivalents: `baseline:<check>` and
 * `restricted:<check>` name the pod-security-admission check a rule mirrors.
 */
export type Profile = EngineSettings['profile'];

const PSS_LEVEL_NAMES = ['baseline', 'restricted'] as const;
type PssLevel = (typeof PSS_LEVEL_NAMES)[number];

/** The Pod Security Standards levels whose rules a profile runs; recommended runs every rule. */
const PSS_LEVELS: Record<Profile, readonly PssLevel[] | 'all'> = {
  recommended: 'all',
  'pss-baseline': ['baseline'],
  'pss-restricted': ['baseline', 'restricted'],
};

/** The levels of the Pod Security Standards whose controls the rule checks. */
function pssLevels(meta: RuleMeta): PssLevel[] {
  return PSS_LEVEL_NAMES.filter((level) => (meta.equivalents.pss ?? []).some((control) => control.startsWith(`${level}:`)));
}

/**
 * The severity a rule runs at under a profile, before `ballast.rules`. A Pod Security Standards
 * profile runs its rules at their default severity even if they are off by default: choosing the
 * profile is asking for exactly those controls.
 */
export function profileSeverity(meta: RuleMeta, profile: Profile): SeveritySetting {
  const levels = PSS_LEVELS[profile];
  if (levels === 'all') return meta.enabledByDefault === false ? 'off' : meta.defaultSeverity;
  return pssLevels(meta).some((level) => levels.includes(level)) ? meta.defaultSeverity : 'off';
}
