// A small deterministic pseudo-random generator (mulberry32) for generated test data and benchmark archives.

/**
 * mulberry32: 32 bits of state, uniform floats in [0, 1). Tests and benchmarks seed it so that generated phrasings,
 * archives and splits are the same on every run and machine, and a failure reproduces. Not for anything secret.
 * @param seed any integer (taken modulo 2³²)
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
