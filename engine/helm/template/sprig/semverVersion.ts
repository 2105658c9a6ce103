/**
 * Semantic versions as Masterminds/semver v3 parses and orders them (NewVersion, which coerces
 * `v1.2`, `1` and leading zeros into a version, and validates pre-release and metadata).
 */

import { GoFailure } from './goFailure';

export interface SemverVersion {
  readonly major: bigint;
  readonly minor: bigint;
  readonly patch: bigint;
  readonly prerelease: string;
  readonly metadata: string;
  readonly original: string;
}

const LOOSE_VERSION = /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;
const UINT64_MAX = 2n ** 64n - 1n;

export function parseVersion(text: string): SemverVersion {
  const match = LOOSE_VERSION.exec(text);
  if (match === null) throw new GoFailure('invalid semantic version');
  const prerelease = match[5] ?? '';
  const metadata = match[8] ?? '';
  const version = {
    major: parseSegment(match[1] ?? '0'),
    minor: parseSegment((match[2] ?? '.0').slice(1)),
    patch: parseSegment((match[3] ?? '.0').slice(1)),
    prerelease,
    metadata,
    original: text,
  };
  if (prerelease !== '') validateIdentifiers(prerelease, true);
  if (metadata !== '') validateIdentifiers(metadata, false);
  return version;
}

function parseSegment(digits: string): bigint {
  const value = BigInt(digits);
  if (value > UINT64_MAX) {
    throw new GoFailure(`error parsing version segment: strconv.ParseUint: parsing "${digits}": value out of range`);
  }
  return value;
}

function validateIdentifiers(identifiers: string, prerelease: boolean): void {
  for (const identifier of identifiers.split('.')) {
    if (identifier === '' || !/^[0-9A-Za-z-]+$/.test(identifier)) {
      throw new GoFailure(prerelease ? 'invalid prerelease string' : 'invalid metadata string');
    }
    if (prerelease && /^0[0-9]+$/.test(identifier)) throw new GoFailure('version segment starts with 0');
  }
}

export function versionString(version: SemverVersion): string {
  let text = `${version.major}.${version.minor}.${version.patch}`;
  if (version.prerelease !== '') text += `-${version.prerelease}`;
  if (version.metadata !== '') text += `+${version.metadata}`;
  return text;
}

/** Version.Compare: -1, 0 or 1; metadata does not count, a pre-release sorts before its release. */
export function compareVersions(a: SemverVersion, b: SemverVersion): number {
  for (const segment of ['major', 'minor', 'patch'] as const) {
    if (a[segment] !== b[segment]) return a[segment] < b[segment] ? -1 : 1;
  }
  if (a.prerelease === b.prerelease) return 0;
  if (a.prerelease === '') return 1;
  if (b.prerelease === '') return -1;
  return comparePrerelease(a.prerelease, b.prerelease);
}

export function comparePrerelease(a: string, b: string): number {
  const partsA = a.split('.');
  const partsB = b.split('.');
  for (let i = 0; i < Math.max(partsA.length, partsB.length); i++) {
    const order = comparePrereleasePart(partsA[i] ?? '', partsB[i] ?? '');
    if (order !== 0) return order;
  }
  return 0;
}

/** Numeric identifiers compare as numbers and sort before alphanumeric ones; a missing identifier sorts first. */
function comparePrereleasePart(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return -1;
  if (b === '') return 1;
  const numberA = asUint64(a);
  const numberB = asUint64(b);
  if (numberA === undefined && numberB === undefined) return a > b ? 1 : -1;
  if (numberB === undefined) return -1;
  if (numberA === undefined) return 1;
  return numberA > numberB ? 1 : -1;
}

function asUint64(text: string): bigint | undefined {
  if (!/^[0-9]+$/.test(text)) return undefined;
  const value = BigInt(text);
  return value > UINT64_MAX ? undefined : value;
}
