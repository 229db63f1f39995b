/**
 * Null B of the cohesion test: random sets of the same size drawn within activity strata. People are ranked
 * by activity (out-strength + in-strength; ties by node order) and cut into `strata` bins of (nearly) equal
 * size; a null set has as many people from each bin as the group has. It keeps what makes groups of busy
 * people look cohesive by chance (busy people write to each other more) and everything an organisation's
 * structure does to random sets of such people (departments, managers), which the rewiring null destroys.
 *
 * @module
 */

import type { Rng } from '../random.js';

/** Stratified sampler of node sets. */
export class StratifiedSampler {
  /** Stratum of each node. */
  readonly stratum: Int32Array;
  /** The nodes of each stratum in rank order, and working copies permuted in place by the draws. */
  private readonly sorted: Int32Array[];
  private readonly pools: Int32Array[];
  private readonly touched: Uint8Array;

  /** Cuts the `n = activity.length` nodes into at most `strata` bins of equal size by activity. */
  constructor(activity: ArrayLike<number>, strata: number) {
    const n = activity.length;
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => (activity[a] as number) - (activity[b] as number) || a - b);
    const bins = Math.max(1, Math.min(strata, n));
    this.stratum = new Int32Array(n);
    const lists: number[][] = Array.from({ length: bins }, () => []);
    order.forEach((node, rank) => {
      const h = Math.min(bins - 1, Math.floor((rank * bins) / n));
      this.stratum[node] = h;
      (lists[h] as number[]).push(node);
    });
    this.sorted = lists.map((l) => Int32Array.from(l));
    this.pools = lists.map((l) => Int32Array.from(l));
    this.touched = new Uint8Array(bins);
  }

  /** Restores every pool to rank order, so the draws that follow depend only on the rng. */
  reset(): void {
    for (let h = 0; h < this.pools.length; h++) {
      if (this.touched[h] === 0) continue;
      (this.pools[h] as Int32Array).set(this.sorted[h] as Int32Array);
      this.touched[h] = 0;
    }
  }

  /** How many of `members` fall in each stratum. */
  profile(members: ArrayLike<number>): Int32Array {
    const counts = new Int32Array(this.pools.length);
    for (let k = 0; k < members.length; k++) {
      const h = this.stratum[members[k] as number] as number;
      counts[h] = (counts[h] as number) + 1;
    }
    return counts;
  }

  /**
   * Draws a set with `profile[h]` nodes from stratum h (uniform, without replacement) into `out`
   * (length Σ profile), by a partial Fisher–Yates shuffle of each pool.
   */
  draw(profile: Int32Array, rng: Rng, out: Int32Array): void {
    let p = 0;
    for (let h = 0; h < profile.length; h++) {
      const k = profile[h] as number;
      if (k === 0) continue;
      const pool = this.pools[h] as Int32Array;
      this.touched[h] = 1;
      const len = pool.length;
      for (let t = 0; t < k; t++) {
        const j = t + Math.floor(rng() * (len - t));
        const tmp = pool[t] as number;
        pool[t] = pool[j] as number;
        pool[j] = tmp;
        out[p++] = pool[t] as number;
      }
    }
  }
}
