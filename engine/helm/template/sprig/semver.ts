/**
 * Sprig's `semver` and `semverCompare` (Masterminds/semver v3).
 *
 * In Go, `semver` returns a *Version whose methods a template calls (`(semver "1.2.3").Major`);
 * here it returns a dict with those names as keys: Major, Minor, Patch, Prerelease, Metadata and
 * Original.
 */

import { parseConstraints, satisfies } from './semverConstraints';
import { parseVersion } from './semverVersion';
import { defineFunctions, fixed } from './signature';

export const semverFunctions = defineFunctions({
  semver: fixed(['string'], (text) => {
    const version = parseVersion(text);
    return {
      Major: Number(version.major),
      Minor: Number(version.minor),
      Patch: Number(version.patch),
      Prerelease: version.prerelease,
      Metadata: version.metadata,
      Original: version.original,
    };
  }),
  // The constraint is parsed first, so an invalid constraint is reported even for an invalid version.
  semverCompare: fixed(['string', 'string'], (constraint, version) => {
    const groups = parseConstraints(constraint);
    return satisfies(groups, parseVersion(version));
  }),
});
