/** A mistake in how Ballast was called: reported in one line, with exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
