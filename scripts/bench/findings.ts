/**
 * What the instrument noticed that is wrong or suspicious besides the timings: a version never
 * published, diagnostics without a version, salted inputs that lint differently. Printed after the
 * tables and kept in the JSON.
 */
export class Observations {
  readonly notes: { section: string; message: string }[] = [];
  private readonly seen = new Set<string>();

  /** Noted once per section and `key`: by default the message, or what a repeated message has in common. */
  note(section: string, message: string, key = message): void {
    if (this.seen.has(`${section}\n${key}`)) return;
    this.seen.add(`${section}\n${key}`);
    this.notes.push({ section, message });
  }
}
