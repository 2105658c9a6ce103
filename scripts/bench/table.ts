/** A Markdown table; columns whose header ends in `#` are right-aligned (and lose the `#`). */
export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const numeric = headers.map((header) => header.endsWith('#'));
  const titles = headers.map((header) => header.replace(/\s*#$/, ''));
  const lines = [`| ${titles.join(' | ')} |`, `| ${numeric.map((right) => (right ? '---:' : '---')).join(' | ')} |`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n');
}

/** Milliseconds with a precision that suits their size; `–` for what was not measured. */
export function ms(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

export function ratio(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '–' : `${value.toFixed(2)}×`;
}

export function megabytes(bytes: number | undefined): string {
  return bytes === undefined || !Number.isFinite(bytes) ? '–' : (bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 2 : 1);
}

export function whole(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '–' : Math.round(value).toLocaleString('en-US');
}
