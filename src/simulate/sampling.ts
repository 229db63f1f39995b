/**
 * Small sampling helpers on top of the seeded generator of `src/random.ts`. Every function consumes a fixed,
 * documented amount of randomness for a given input, so a simulation replays exactly.
 *
 * @module
 */

import type { Rng } from '../random.js';

/**
 * A Poisson variate with mean `lambda`: Knuth's product of uniforms below 30, a rounded normal
 * approximation N(λ, λ) above (its error is negligible for the volumes simulated).
 */
export function poisson(rng: Rng, lambda: number): number {
  if (!(lambda > 0)) return 0;
  if (lambda < 30) {
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = rng();
    while (p > limit) {
      k++;
      p *= rng();
    }
    return k;
  }
  return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal(rng)));
}

/** A standard normal variate (Box–Muller; two uniforms per call). */
export function normal(rng: Rng): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** An exponential variate with the given mean. */
export function exponential(rng: Rng, mean: number): number {
  return -mean * Math.log(1 - rng());
}

/** An integer uniform in [lo, hi]. */
export function between(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

/** An element uniform over a non-empty array. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

/**
 * An index drawn with probability proportional to `weights[i]` (linear scan; for the small sets of a
 * group). Returns −1 when every weight is 0.
 */
export function weightedIndex(rng: Rng, weights: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i] as number;
  if (!(total > 0)) return -1;
  let u = rng() * total;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i] as number;
    if (u < 0) return i;
  }
  for (let i = weights.length - 1; i >= 0; i--) if ((weights[i] as number) > 0) return i;
  return -1;
}

/** `k` distinct elements of `items` (partial Fisher–Yates on a copy); all of them when k ≥ length. */
export function sample<T>(rng: Rng, items: readonly T[], k: number): T[] {
  const copy = items.slice();
  const n = Math.min(k, copy.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rng() * (copy.length - i));
    const tmp = copy[i] as T;
    copy[i] = copy[j] as T;
    copy[j] = tmp;
  }
  return copy.slice(0, n);
}
