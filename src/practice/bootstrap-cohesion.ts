/**
 * Cohesion under a block-bootstrap replicate: the graph rebuilt from a multiset of time windows, without
 * touching graphology. Each arc of a snapshot keeps the list of windows it appears in (and its strength
 * there); a replicate gives each window a multiplicity, and the arc's value is its presence (ties) or its
 * summed strength. One pass over these lists gives the replicate's degrees and every set's internal total.
 *
 * @module
 */

import { GraphError } from '../errors.js';
import type { CohesionSamples } from './cohesion-nulls.js';
import type { Evidence } from './evidence.js';
import { SetIndex } from './sets.js';
import { sortedFinite, sortedPUpper } from './sorted.js';

/** Per arc of a snapshot, the windows it appears in. */
export interface ArcWindows {
  offsets: Int32Array;
  window: Int32Array;
  weight: Float64Array;
}

/** Lists, for each arc of the evidence's snapshot, the windows (and strengths) it appears in. */
export function arcWindows(evidence: Evidence, weighted: boolean): ArcWindows {
  const s = evidence.snapshot;
  const lookup = new Map<number, number>();
  for (let e = 0; e < s.m; e++) {
    lookup.set((s.src[e] as number) * s.n + (s.dst[e] as number), e);
  }
  const counts = new Int32Array(s.m + 1);
  const entries: [number, number, number][] = [];
  for (const w of evidence.windows) {
    for (let i = 0; i < w.src.length; i++) {
      const e = lookup.get((w.src[i] as number) * s.n + (w.dst[i] as number));
      if (e === undefined) {
        throw new GraphError('INVALID_INPUT', 'a window graph has a tie the whole-period graph lacks', {
          module: 'practice/bootstrap',
          got: { window: w.index },
          hint: 'pass the windows built together with the graph (ingest with `window`)',
        });
      }
      entries.push([e, w.index, weighted ? (w.weight[i] as number) : 1]);
      counts[e + 1] = (counts[e + 1] as number) + 1;
    }
  }
  for (let e = 0; e < s.m; e++) counts[e + 1] = (counts[e + 1] as number) + (counts[e] as number);
  const pos = counts.slice(0, s.m);
  const window = new Int32Array(entries.length);
  const weight = new Float64Array(entries.length);
  for (const [e, w, x] of entries) {
    const p = pos[e] as number;
    window[p] = w;
    weight[p] = x;
    pos[e] = p + 1;
  }
  return { offsets: counts, window, weight };
}

/** The sets of one graph with their stored nulls, ready for replicates. */
export class ReplicateCohesion {
  private readonly index: SetIndex;
  private readonly values: Float64Array;
  private readonly outSum: Float64Array;
  private readonly inSum: Float64Array;
  private readonly internal: Float64Array;
  /** Sorted null ratios (null value / E) per set. */
  private readonly nullA: Float64Array[];
  private readonly nullB: Float64Array[];
  private readonly maxMean: number[];
  private readonly expected: Float64Array;

  constructor(
    private readonly evidence: Evidence,
    private readonly arcs: ArcWindows,
    private readonly sets: readonly Int32Array[],
    samples: CohesionSamples,
    private readonly weighted: boolean,
  ) {
    const s = evidence.snapshot;
    this.index = new SetIndex(s.n, sets);
    this.values = new Float64Array(s.m);
    this.outSum = new Float64Array(s.n);
    this.inSum = new Float64Array(s.n);
    this.internal = new Float64Array(sets.length);
    this.expected = samples.expected;
    const ratio = (xs: Float64Array, e: number) => sortedFinite(Array.from(xs, (x) => (e > 0 ? x / e : Number.NaN)));
    this.nullA = sets.map((_, k) => ratio(samples.nullA[k] as Float64Array, samples.expected[k] as number));
    this.nullB = sets.map((_, k) => ratio(samples.nullB[k] as Float64Array, samples.expected[k] as number));
    this.maxMean = sets.map((_, k) => {
      const mean = (xs: Float64Array) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
      return Math.max(mean(samples.nullA[k] as Float64Array), mean(samples.nullB[k] as Float64Array));
    });
  }

  /**
   * Rebuilds the graph for a replicate (`mult.get(window)` = times the window was drawn) and returns, per
   * set, the upper-tail p-value of its O/E ratio against the stored null ratios (max over the two nulls) and
   * O over the larger stored null mean.
   */
  replicate(mult: ReadonlyMap<number, number>): { pUpper: number; nullRatio: number }[] {
    const s = this.evidence.snapshot;
    const { offsets, window, weight } = this.arcs;
    const v = this.values;
    this.outSum.fill(0);
    this.inSum.fill(0);
    let total = 0;
    for (let e = 0; e < s.m; e++) {
      let x = 0;
      for (let j = offsets[e] as number; j < (offsets[e + 1] as number); j++) {
        const k = mult.get(window[j] as number);
        if (k === undefined) continue;
        if (!this.weighted) {
          x = 1;
          break;
        }
        x += k * (weight[j] as number);
      }
      v[e] = x;
      if (x === 0) continue;
      const a = s.src[e] as number;
      const b = s.dst[e] as number;
      this.outSum[a] = (this.outSum[a] as number) + x;
      this.inSum[b] = (this.inSum[b] as number) + x;
      total += x;
    }
    this.index.internalStrengths(s.src, s.dst, v, this.internal);
    return this.sets.map((members, k) => {
      let so = 0;
      let si = 0;
      let self = 0;
      for (const i of members) {
        so += this.outSum[i] as number;
        si += this.inSum[i] as number;
        self += (this.outSum[i] as number) * (this.inSum[i] as number);
      }
      const o = this.internal[k] as number;
      const e = total > 0 ? (so * si - self) / total : 0;
      const r = e > 0 ? o / e : Number.NaN;
      const full = this.expected[k] as number;
      const a = this.nullA[k] as Float64Array;
      const b = this.nullB[k] as Float64Array;
      const top = this.maxMean[k] as number;
      if (!Number.isFinite(r)) return { pUpper: 1, nullRatio: 0 };
      return {
        pUpper: Math.max(sortedPUpper(r, a), sortedPUpper(r, b)),
        nullRatio: top > 0 ? (r * full) / top : Number.POSITIVE_INFINITY,
      };
    });
  }
}
