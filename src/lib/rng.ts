/** A seeded pseudo-random generator returning floats in [0, 1). */
export type Random = () => number;

/** Mulberry32: small, fast and good enough for shuffling and seeds. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random permutation of 0..n-1 (Fisher-Yates), drawn from `random`. */
export function permutation(n: number, random: Random): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order;
}

/** A derived integer seed, so that each consumer of randomness gets its own stream. */
export function deriveSeed(seed: number, salt: number): number {
  return Math.floor(createRandom((seed ^ Math.imul(salt + 1, 0x9e3779b1)) >>> 0)() * 2 ** 31);
}
