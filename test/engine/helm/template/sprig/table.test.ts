import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sprigFunctions } from '../../../../../engine/helm/template/sprig';
import { refusedFunctionNames } from '../../../../../engine/helm/template/sprig/refused';
import { call, failure } from './call';

/** Sprig 3.3's function map, less `env` and `expandenv`, which Helm removes. */
const HELM_SPRIG_FUNCTIONS = `
  hello ago date date_in_zone date_modify dateInZone dateModify duration durationRound htmlDate htmlDateInZone
  must_date_modify mustDateModify mustToDate now toDate unixEpoch
  abbrev abbrevboth trunc trim upper lower title untitle substr repeat trimall trimAll trimSuffix trimPrefix nospace
  initials randAlphaNum randAlpha randAscii randNumeric swapcase shuffle snakecase camelcase kebabcase wrap wrapWith
  contains hasPrefix hasSuffix quote squote cat indent nindent replace plural sha1sum sha256sum sha512sum adler32sum toString
  atoi int64 int float64 seq toDecimal split splitList splitn toStrings until untilStep
  add1 add sub div mod mul randInt add1f addf subf divf mulf biggest max min maxf minf ceil floor round
  join sortAlpha default empty coalesce all any compact mustCompact fromJson toJson toPrettyJson toRawJson
  mustFromJson mustToJson mustToPrettyJson mustToRawJson ternary deepCopy mustDeepCopy
  typeOf typeIs typeIsLike kindOf kindIs deepEqual getHostByName
  base dir clean ext isAbs osBase osClean osDir osExt osIsAbs b64enc b64dec b32enc b32dec
  tuple list dict get set unset hasKey pluck keys pick omit merge mergeOverwrite mustMerge mustMergeOverwrite values
  append push mustAppend mustPush prepend mustPrepend first mustFirst rest mustRest last mustLast initial mustInitial
  reverse mustReverse uniq mustUniq without mustWithout has mustHas slice mustSlice concat dig chunk mustChunk
  bcrypt htpasswd genPrivateKey derivePassword buildCustomCert genCA genCAWithKey genSelfSignedCert
  genSelfSignedCertWithKey genSignedCert genSignedCertWithKey encryptAES decryptAES randBytes uuidv4
  semver semverCompare fail regexMatch mustRegexMatch regexFindAll mustRegexFindAll regexFind mustRegexFind
  regexReplaceAll mustRegexReplaceAll regexReplaceAllLiteral mustRegexReplaceAllLiteral regexSplit mustRegexSplit
  regexQuoteMeta urlParse urlJoin
`.trim().split(/\s+/);

describe('Sprig function table', () => {
  it('has exactly the Sprig functions Helm offers, and cannot be changed', () => {
    assert.deepEqual(Object.keys(sprigFunctions).sort(), [...HELM_SPRIG_FUNCTIONS].sort());
    assert.ok(Object.isFrozen(sprigFunctions));
    assert.equal(sprigFunctions.env, undefined);
    assert.equal(sprigFunctions.printf, undefined);
  });

  it('refuses what depends on chance, the clock or the network, naming the function', () => {
    assert.equal(failure('randAlphaNum', 16), 'error calling randAlphaNum: random functions are not rendered');
    assert.equal(failure('uuidv4'), 'error calling uuidv4: random functions are not rendered');
    assert.equal(failure('now'), 'error calling now: date and time functions are not rendered');
    assert.equal(failure('date', '2006-01-02', 0), 'error calling date: date and time functions are not rendered');
    assert.equal(failure('genCA', 'ca', 365), 'error calling genCA: key, certificate and password functions are not rendered');
    assert.equal(failure('getHostByName', 'example.com'), 'error calling getHostByName: network lookups are not rendered');
    assert.equal(failure('urlParse', 'https://example.com'), 'error calling urlParse: URL functions are not supported');
    for (const name of refusedFunctionNames) assert.match(failure(name), new RegExp(`^error calling ${name}: .+ not (rendered|supported)$`), name);
    assert.equal(refusedFunctionNames.length, 40);
  });

  it('checks argument counts and types as text/template does', () => {
    assert.equal(failure('trunc', 5), 'wrong number of args for trunc: want 2 got 1');
    assert.equal(failure('upper', 'a', 'b'), 'wrong number of args for upper: want 1 got 2');
    assert.equal(failure('merge'), 'wrong number of args for merge: want at least 1 got 0');
    assert.equal(failure('upper', 1.5), 'wrong type for value; expected string; got float64');
    assert.equal(failure('upper', ['a']), 'wrong type for value; expected string; got []interface {}');
    assert.equal(failure('upper', null), 'invalid value; expected string');
    assert.equal(failure('upper', undefined), 'invalid value; expected string');
    assert.equal(failure('trunc', 1.5, 'abc'), 'wrong type for value; expected int; got float64');
    assert.equal(failure('trunc', '3', 'abc'), 'wrong type for value; expected int; got string');
    assert.equal(failure('merge', {}, []), 'wrong type for value; expected map[string]interface {}; got []interface {}');
    assert.equal(failure('seq', 1, 'x'), 'wrong type for value; expected int; got string');
    assert.equal(call('toString', undefined), '<nil>');
  });

  it('takes a piped value as the last argument', () => {
    // `"x" | default "y"`, `"$5.00" | trimAll "$"`, `"catch" | contains "cat"`, `list 1 2 3 | has 1`, `4 | div 5`.
    assert.equal(call('default', 'y', 'x'), 'x');
    assert.equal(call('trimAll', '$', '$5.00'), '5.00');
    assert.equal(call('contains', 'cat', 'catch'), true);
    assert.equal(call('has', 1, [1, 2, 3]), true);
    assert.equal(call('div', 5, 4), 1);
    assert.equal(call('replace', ' ', '-', 'I Am Henry VIII'), 'I-Am-Henry-VIII');
    assert.equal(call('dig', 'a', '', { a: 1 }), 1);
    assert.equal(call('regexReplaceAll', 'a(x*)b', '-ab-axxb-', '${1}W'), '-W-xxW-');
  });
});
