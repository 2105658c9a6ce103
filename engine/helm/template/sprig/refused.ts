/**
 * Sprig functions Helm offers that are not rendered. Most are refused on principle: their result
 * depends on chance, the clock or the network, or is generated key material, and a finding must
 * not depend on any of that. The URL functions are simply not implemented. Each stops the template
 * with a message that names the function and says why.
 */

import { GoFailure } from './goFailure';
import { defineFunctions, variadic, type GoSignature } from './signature';

const REFUSALS: Readonly<Record<string, readonly string[]>> = {
  'random functions are not rendered': ['randAlphaNum', 'randAlpha', 'randAscii', 'randNumeric', 'randBytes', 'randInt', 'shuffle', 'uuidv4'],
  'date and time functions are not rendered': [
    'now', 'date', 'dateInZone', 'date_in_zone', 'dateModify', 'date_modify', 'mustDateModify', 'must_date_modify',
    'htmlDate', 'htmlDateInZone', 'toDate', 'mustToDate', 'unixEpoch', 'ago', 'duration', 'durationRound',
  ],
  'key, certificate and password functions are not rendered': [
    'genPrivateKey', 'genCA', 'genCAWithKey', 'genSelfSignedCert', 'genSelfSignedCertWithKey', 'genSignedCert',
    'genSignedCertWithKey', 'buildCustomCert', 'bcrypt', 'htpasswd', 'derivePassword', 'encryptAES', 'decryptAES',
  ],
  'network lookups are not rendered': ['getHostByName'],
  'URL functions are not supported': ['urlParse', 'urlJoin'],
};

function refusal(reason: string): GoSignature {
  return variadic([], 'any', (): never => {
    throw new GoFailure(reason);
  });
}

export const refusedFunctions = defineFunctions(
  Object.fromEntries(Object.entries(REFUSALS).flatMap(([reason, names]) => names.map((name) => [name, refusal(reason)]))),
);

/** The names of the refused functions, for documentation and tests. */
export const refusedFunctionNames: readonly string[] = Object.values(REFUSALS).flat();
