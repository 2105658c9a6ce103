/** `EACCES: permission denied` rather than the full `open '/abs/path'` text Node adds. */
export function describeFileSystemError(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    const message = error instanceof Error ? error.message : '';
    const reason = /^[A-Z]+: ([^,]+)/.exec(message)?.[1];
    return reason ? `${error.code}: ${reason}` : error.code;
  }
  return error instanceof Error ? error.message : String(error);
}
