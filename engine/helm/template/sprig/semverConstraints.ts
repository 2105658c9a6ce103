/**
 * Version constraints as Masterminds/semver v3 checks them: `>=1.21-0`, `~1.2`, `^0.3`, `1.x`,
 * hyphen ranges `1.2 - 1.4`, AND groups separated by spaces or commas, OR groups by `||`.
 *
 * Pre-releases: a version with a pre-release satisfies an AND group only when some constraint in
 * the group has a pre-release itself, which is why charts write `>=1.21-0` to accept the
 * `v1.28.3-eks-1234` versions of managed clusters.
 */

import { GoFailure } from './goFailure';
import { compareVersions, comparePrerelease, parseVersion, type SemverVersion } from './semverVersion';

interface Constraint {
  readonly operator: string;
  /** The version as written, for messages. */
  readonly original: string;
  readonly version: SemverVersion;
  /** The major (and with it minor and patch) was `x`, `*` or missing. */
  readonly dirty: boolean;
  readonly minorDirty: boolean;
  readonly patchDirty: boolean;
}

interface ConstraintGroup {
  readonly constraints: readonly Constraint[];
  readonly includesPrerelease: boolean;
}

// Go's \s is [\t\n\f\r ]; the version pattern keeps the library's `|` inside its character classes.
const S = '[\\t\\n\\f\\r ]';
const VERSION = 'v?([0-9|x|X|\\*]+)(\\.[0-9|x|X|\\*]+)?(\\.[0-9|x|X|\\*]+)?(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?';
const OPERATORS = '=||!=|>|<|>=|=>|<=|=<|~|~>|\\^';
const SINGLE = new RegExp(`^${S}*(${OPERATORS})${S}*(${VERSION})${S}*$`);
const HYPHEN_RANGE = new RegExp(`${S}*(${VERSION})${S}+-${S}+(${VERSION})${S}*`, 'g');
const FIND = new RegExp(`(${OPERATORS})${S}*(${VERSION})`, 'g');
const VALID_GROUP = new RegExp(`^(${S}*(${OPERATORS})${S}*(${VERSION})${S}*)((?:${S}+|,${S}*)(${OPERATORS})${S}*(${VERSION})${S}*)*$`);

export function parseConstraints(text: string): ConstraintGroup[] {
  let rewritten = text;
  for (const range of text.matchAll(HYPHEN_RANGE)) {
    rewritten = rewritten.replace(range[0], () => `>= ${range[1] ?? ''}, <= ${range[11] ?? ''} `);
  }
  return rewritten.split('||').map((group) => {
    if (!VALID_GROUP.test(group)) throw new GoFailure(`improper constraint: ${group}`);
    const found = Array.from(group.matchAll(FIND), (match) => match[0]);
    const constraints = (found.length > 0 ? found : [group]).map(parseConstraint);
    return { constraints, includesPrerelease: constraints.some((constraint) => constraint.version.prerelease !== '') };
  });
}

const isWildcard = (part: string): boolean => part === 'x' || part === 'X' || part === '*';

function parseConstraint(text: string): Constraint {
  const match = SINGLE.exec(text);
  if (match === null) throw new GoFailure(`improper constraint: ${text}`);
  const [, operator = '', original = '', major = '', minorPart = '', patchPart = '', prerelease = ''] = match;
  const minor = minorPart.slice(1);
  const patch = patchPart.slice(1);
  let written = original;
  let dirty = false;
  let minorDirty = false;
  let patchDirty = false;
  if (isWildcard(major)) {
    written = `0.0.0${prerelease}`;
    dirty = true;
  } else if (minorPart === '' || isWildcard(minor)) {
    written = `${major}.0.0${prerelease}`;
    dirty = minorDirty = true;
  } else if (patchPart === '' || isWildcard(patch)) {
    written = `${major}${minorPart}.0${prerelease}`;
    dirty = patchDirty = true;
  }
  let version: SemverVersion;
  try {
    version = parseVersion(written);
  } catch {
    throw new GoFailure('constraint parser error');
  }
  return { operator, original, version, dirty, minorDirty, patchDirty };
}

/** Constraints.Check: some OR group whose every constraint the version meets. */
export function satisfies(groups: readonly ConstraintGroup[], version: SemverVersion): boolean {
  return groups.some((group) => group.constraints.every((constraint) => check(constraint, version, group.includesPrerelease)));
}

function check(c: Constraint, v: SemverVersion, includePrerelease: boolean): boolean {
  if (v.prerelease !== '' && !includePrerelease) return false;
  switch (c.operator) {
    case '':
    case '=':
      return c.dirty ? tilde(c, v) : compareVersions(v, c.version) === 0;
    case '!=':
      return notEqual(c, v);
    case '>':
      return greaterThan(c, v);
    case '<':
      return compareVersions(v, c.version) < 0;
    case '>=':
    case '=>':
      return compareVersions(v, c.version) >= 0;
    case '<=':
    case '=<':
      return lessThanOrEqual(c, v);
    case '~':
    case '~>':
      return tilde(c, v);
    default:
      return caret(c, v);
  }
}

function notEqual(c: Constraint, v: SemverVersion): boolean {
  if (c.dirty) {
    if (c.version.major !== v.major) return true;
    if (c.version.minor !== v.minor && !c.minorDirty) return true;
    if (c.minorDirty) return false;
    if (c.version.patch !== v.patch && !c.patchDirty) return true;
    if (c.patchDirty) {
      if (v.prerelease !== '' || c.version.prerelease !== '') return comparePrerelease(v.prerelease, c.version.prerelease) !== 0;
      return false;
    }
  }
  return compareVersions(v, c.version) !== 0;
}

function greaterThan(c: Constraint, v: SemverVersion): boolean {
  if (!c.dirty) return compareVersions(v, c.version) === 1;
  if (v.major !== c.version.major) return v.major > c.version.major;
  // `>11` needs 12 or more; `>11.1` needs 11.2 or more.
  if (c.minorDirty) return false;
  if (c.patchDirty) return v.minor > c.version.minor;
  return compareVersions(v, c.version) === 1;
}

function lessThanOrEqual(c: Constraint, v: SemverVersion): boolean {
  if (!c.dirty) return compareVersions(v, c.version) <= 0;
  if (v.major > c.version.major) return false;
  return !(v.major === c.version.major && v.minor > c.version.minor && !c.minorDirty);
}

/** `~1.2.3` is >=1.2.3 <1.3.0; `~1` is >=1.0.0 <2.0.0. */
function tilde(c: Constraint, v: SemverVersion): boolean {
  if (compareVersions(v, c.version) < 0) return false;
  const { major, minor, patch } = c.version;
  if (major === 0n && minor === 0n && patch === 0n && !c.minorDirty && !c.patchDirty) return true;
  if (v.major !== major) return false;
  return v.minor === minor || c.minorDirty;
}

/** `^1.2.3` is >=1.2.3 <2.0.0; `^0.2.3` is >=0.2.3 <0.3.0; `^0.0.3` is =0.0.3. */
function caret(c: Constraint, v: SemverVersion): boolean {
  if (compareVersions(v, c.version) < 0) return false;
  const { major, minor, patch } = c.version;
  if (major > 0n || c.minorDirty) return v.major === major;
  if (v.major > 0n) return false;
  if (minor > 0n || c.patchDirty) return v.minor === minor;
  if (v.minor > 0n) return false;
  return v.patch === patch;
}
