/**
 * Monte Carlo p-values against a null sample sorted once, in O(log R) per query: the block bootstrap asks
 * for thousands of them per group.
 *
 * @module
 */

const TIE = 1e-9;

/** The finite values of `values`, sorted ascending. */
export function sortedFinite(values: ArrayLike<number>): Float64Array {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) out.push(v);
  }
  return Float64Array.from(out).sort();
}

/** First index with sorted[i] ≥ x. */
function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index with sorted[i] > x. */
function upperBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `(1 + #{null ≥ obs}) / (1 + R)` with the same tie tolerance as `pUpper`. */
export function sortedPUpper(obs: number, sorted: Float64Array): number {
  const k = sorted.length - lowerBound(sorted, obs - TIE * Math.max(1, Math.abs(obs)));
  return (1 + k) / (1 + sorted.length);
}

/** `(1 + #{null ≤ obs}) / (1 + R)`. */
export function sortedPLower(obs: number, sorted: Float64Array): number {
  const k = upperBound(sorted, obs + TIE * Math.max(1, Math.abs(obs)));
  return (1 + k) / (1 + sorted.length);
}

/** Two-sided: `min(1, 2 · min(pUpper, pLower))`. */
export function sortedPTwoSided(obs: number, sorted: Float64Array): number {
  return Math.min(1, 2 * Math.min(sortedPUpper(obs, sorted), sortedPLower(obs, sorted)));
}
