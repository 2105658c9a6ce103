/**
 * Bounds on what one function call may build. Go would try to allocate whatever a template asks
 * for (`repeat 1000000000 "x"`, `until 100000000`); rendering runs in the editor as the user types,
 * so a call that would build more than this stops the template instead.
 */

import { GoFailure } from './goFailure';

export const MAX_STRING_LENGTH = 1 << 24;
export const MAX_LIST_LENGTH = 1 << 20;

export function checkStringLength(length: number): void {
  if (length > MAX_STRING_LENGTH) throw new GoFailure(`result of ${length} characters is too long to render`);
}

export function checkListLength(length: number): void {
  if (length > MAX_LIST_LENGTH) throw new GoFailure(`list of ${length} items is too long to render`);
}
