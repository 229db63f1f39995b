/**
 * Ranking helpers shared by the expertise and brokerage measures: mid-ranks with tolerance for
 * floating-point ties, rank percentiles, Spearman's rank correlation, and deterministic 1-based orders.
 *
 * @module
 */

/**
 * Relative tolerance under which two scores count as tied. Power iterations (PageRank, HITS) and
 * accumulated path counts give structurally identical people values that differ in the last bits; a
 * tolerance keeps their order from depending on summation order.
 */
export const TIE_TOLERANCE = 1e-12;

function tied(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= TIE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * Ascending mid-ranks (1-based; tied values share the mean of the ranks they span). Values are tied
 * when within a relative 1e-12 (`TIE_TOLERANCE`) of the first value of their run.
 *
 * @example
 * midRanks([10, 30, 20, 20]); // => [1, 4, 2.5, 2.5]
 */
export function midRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (values[a] as number) - (values[b] as number) || a - b,
  );
  const ranks = new Float64Array(n);
  for (let i = 0; i < n; ) {
    const head = values[order[i] as number] as number;
    let j = i + 1;
    while (j < n && tied(head, values[order[j] as number] as number)) j++;
    const mid = (i + 1 + j) / 2;
    for (let t = i; t < j; t++) ranks[order[t] as number] = mid;
    i = j;
  }
  return ranks;
}

/**
 * Rank percentiles in [0, 1]: `(midRank − 1) / (n − 1)`, so the largest value gets 1, the smallest 0 and
 * tied values the same percentile; a single value (or all values tied) gets 0.5.
 *
 * @example
 * rankPercentiles([1, 5, 3]); // => [0, 1, 0.5]
 */
export function rankPercentiles(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const ranks = midRanks(values);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = n === 1 ? 0.5 : ((ranks[i] as number) - 1) / (n - 1);
  return out;
}

/**
 * Spearman's rank correlation: the Pearson correlation of the mid-ranks (ties handled as in
 * `scipy.stats.spearmanr`). `NaN` when either side is constant or shorter than 2.
 *
 * @example
 * spearman([1, 2, 3, 4], [10, 20, 30, 40]); // => 1
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length) throw new RangeError(`spearman: lengths differ (${x.length} vs ${y.length})`);
  const n = x.length;
  if (n < 2) return Number.NaN;
  const rx = midRanks(x);
  const ry = midRanks(y);
  const mean = (n + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (rx[i] as number) - mean;
    const dy = (ry[i] as number) - mean;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? Number.NaN : sxy / Math.sqrt(sxx * syy);
}

/** Compares ids by UTF-16 code units (the same order on every runtime and locale). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A deterministic 1-based rank for each item: sorted by the keys in order (each descending), ties broken
 * by id (ascending). Returns the ranks aligned with `ids`.
 */
export function descendingRanks(ids: readonly string[], keys: ReadonlyArray<ArrayLike<number>>): Int32Array {
  const n = ids.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    for (const key of keys) {
      const ka = key[a] as number;
      const kb = key[b] as number;
      if (!tied(ka, kb)) return kb - ka;
    }
    return compareIds(ids[a] as string, ids[b] as string);
  });
  const ranks = new Int32Array(n);
  order.forEach((item, position) => {
    ranks[item] = position + 1;
  });
  return ranks;
}
