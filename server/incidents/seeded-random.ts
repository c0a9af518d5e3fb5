/** A source of uniform numbers in [0, 1), like Math.random. */
export type RandomSource = () => number;

/** A small, fast deterministic generator (mulberry32): the same seed gives the same sequence. */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One element, uniformly. The list must not be empty. */
export function pick<T>(random: RandomSource, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick from an empty list');
  return items[Math.floor(random() * items.length)] as T;
}

/** One element with probability proportional to its weight. */
export function pickWeighted<T>(random: RandomSource, items: readonly T[], weightOf: (item: T) => number): T {
  const total = items.reduce((sum, item) => sum + weightOf(item), 0);
  let roll = random() * total;
  for (const item of items) {
    roll -= weightOf(item);
    if (roll < 0) return item;
  }
  return pick(random, items);
}

/** A normally distributed number (Box-Muller), mean 0, standard deviation 1. */
export function gaussian(random: RandomSource): number {
  const u = Math.max(random(), Number.EPSILON);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}
