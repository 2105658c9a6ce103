/** The sections of `npm run bench`, in the order they run. */
export const SECTIONS = ['engine', 'editor', 'typing-during-scan', 'scan', 'activation'] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchOptions {
  /** Fewer runs and smaller inputs: a smoke run, not figures to quote. */
  quick: boolean;
  /** The sections to run. */
  sections: Section[];
  /** Where the JSON results go; undefined writes none. */
  output: string | undefined;
}

export const USAGE = `Usage: npm run bench -- [--quick] [--only <section>[,<section>…]]… [--output <file>]
Sections: ${SECTIONS.join(', ')}. Results go to .bench/results.json unless --output says otherwise.`;

export class BenchUsageError extends Error {}

export function parseBenchArgs(args: readonly string[], defaultOutput: string): BenchOptions {
  let quick = false;
  let output: string | undefined = defaultOutput;
  const only = new Set<Section>();
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const next = inline ?? args[++index];
      if (next === undefined) throw new BenchUsageError(`${flag} needs a value`);
      return next;
    };
    if (flag === '--quick') quick = true;
    else if (flag === '--only') {
      for (const name of value().split(',')) {
        if (!(SECTIONS as readonly string[]).includes(name)) throw new BenchUsageError(`unknown section '${name}'`);
        only.add(name as Section);
      }
    } else if (flag === '--output') output = value();
    else throw new BenchUsageError(`unknown option '${arg}'`);
  }
  return { quick, sections: only.size ? SECTIONS.filter((section) => only.has(section)) : [...SECTIONS], output };
}
