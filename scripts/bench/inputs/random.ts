/** A small deterministic PRNG (mulberry32), so every run measures the same inputs. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks from `items` with the generator's next number. */
export function picker(next: () => number): <T>(items: readonly T[]) => T {
  return (items) => items[Math.floor(next() * items.length)]!;
}
