/**
 * The one seeded random number generator of practice-graph.
 *
 * `createRng(seed)` returns an `Rng`: a function with no arguments returning a float in [0, 1), the shape
 * graphology (`rng` option) and d3 (`randomLcg`) use, so the same function can be handed to
 * graphology-communities-louvain. The generator is SFC32 (Chris Doty-Humphrey's "small fast chaotic"
 * generator from PractRand), seeded through SplitMix32 so that neighbouring seeds give unrelated streams.
 * It uses only 32-bit integer arithmetic, so a seed gives the same stream in Node, Deno and browsers.
 *
 * No `Math.random` anywhere in `src/`: every random step takes `seed` or `rng`.
 *
 * @module
 */

/** A source of uniform floats in [0, 1). */
export type Rng = () => number;

/** The seed used whenever none is given, so that results reproduce by default. */
export const DEFAULT_SEED = 42;

/** Hashes a string seed to 32 bits (FNV-1a), so `'team-a'` is as good a seed as `7`. */
function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * Creates a seeded generator of floats in [0, 1) (SFC32 seeded by SplitMix32).
 *
 * @param seed - integer or string; the same seed always gives the same stream.
 * @example
 * const rng = createRng(7);
 * rng(); // the same value on every run and runtime
 */
export function createRng(seed: number | string = DEFAULT_SEED): Rng {
  const base = typeof seed === 'string' ? hashSeed(seed) : hashSeed(String(seed));
  const init = splitmix32(base);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // discard the first outputs, as recommended for SFC32
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** A uniform integer in [0, n). */
export function randomInt(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

/** Shuffles an array (or typed array) in place (Fisher–Yates) and returns it. */
export function shuffleInPlace<T extends { length: number; [i: number]: unknown }>(array: T, rng: Rng): T {
  for (let i = array.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = array[i];
    array[i] = array[j];
    array[j] = tmp;
  }
  return array;
}

/** Derives an independent child seed from a parent seed and a label (e.g. one per null model). */
export function deriveSeed(seed: number | string, label: string | number): number {
  return hashSeed(`${seed}\u0000${label}`);
}
