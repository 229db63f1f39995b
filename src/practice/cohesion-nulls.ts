/**
 * The two cohesion nulls, sampled for many node sets of one graph at once.
 *
 * Observed statistic of a set S: its internal strength O(S) = Σ_{i,j ∈ S, i ≠ j} w_ij.
 * - Analytic expectation under the directed configuration model (Newman 2010 §13.2; Leicht & Newman 2008):
 *   E(S) = (K_out(S) · K_in(S) − Σ_{i ∈ S} k_out,i · k_in,i) / W, with strengths k and W = Σ w.
 *   The group's modularity term is Q(S) = (O(S) − K_out(S) · K_in(S) / W) / W.
 * - Null A: O(S) on degree-preserving rewirings of the whole graph (one chain shared by every set; see
 *   {@link DirectedRewirer}), the sets held fixed.
 * - Null B: O(S') for random sets S' with the stratum profile of S (see {@link StratifiedSampler}).
 *
 * @module
 */

import type { GraphSnapshot } from '../graph/snapshot.js';
import { createRng, type Rng } from '../random.js';
import { DirectedRewirer } from './rewire.js';
import { internalStrength, Marks, SetIndex } from './sets.js';
import { StratifiedSampler } from './strata.js';

/** Options of {@link sampleCohesionNulls}. */
export interface CohesionNullOptions {
  /** Null samples R per null model. */
  samples: number;
  /** Activity strata of null B. */
  strata: number;
  /** Attempted swaps per arc before the first null-A sample. */
  burnIn: number;
  /** Attempted swaps per arc between null-A samples. */
  thin: number;
  /** Seed of the rewiring chain. */
  seed: number | string;
  /** Seed of each set's null-B draws (so a set's null does not depend on the other sets tested with it). */
  setSeeds: readonly (number | string)[];
  /** Called with the time spent in each phase (ms), for benchmarks. */
  profile?: ((phase: string, ms: number) => void) | undefined;
}

/** Raw samples of {@link sampleCohesionNulls}, per set. */
export interface CohesionSamples {
  observed: Float64Array;
  expected: Float64Array;
  modularity: Float64Array;
  /** Strength out of / into each set (K_out, K_in). */
  outStrength: Float64Array;
  inStrength: Float64Array;
  nullA: Float64Array[];
  nullB: Float64Array[];
  rewiring: { attempted: number; accepted: number };
}

const now = () => performance.now();

/** Samples both cohesion nulls for `sets` (node indices of `snapshot`) and returns the raw figures. */
export function sampleCohesionNulls(
  snapshot: GraphSnapshot,
  sets: readonly Int32Array[],
  options: CohesionNullOptions,
): CohesionSamples {
  const { n, m, src, dst, weight, offsets, outStrength, inStrength, totalWeight: W } = snapshot;
  const R = options.samples;
  const count = sets.length;
  const marks = new Marks(n);
  const observed = new Float64Array(count);
  const expected = new Float64Array(count);
  const modularity = new Float64Array(count);
  const kOut = new Float64Array(count);
  const kIn = new Float64Array(count);
  sets.forEach((members, k) => {
    observed[k] = internalStrength(members, offsets, dst, weight, marks);
    let so = 0;
    let si = 0;
    let self = 0;
    for (const i of members) {
      so += outStrength[i] as number;
      si += inStrength[i] as number;
      self += (outStrength[i] as number) * (inStrength[i] as number);
    }
    kOut[k] = so;
    kIn[k] = si;
    expected[k] = W > 0 ? (so * si - self) / W : 0;
    modularity[k] = W > 0 ? ((observed[k] as number) - (so * si) / W) / W : 0;
  });

  // null A: one chain, every set per sample
  let t = now();
  const nullA = sets.map(() => new Float64Array(R));
  const index = new SetIndex(n, sets);
  const chain = new DirectedRewirer(src, dst, createRng(options.seed));
  chain.step(Math.round(options.burnIn * m));
  const scratch = new Float64Array(count);
  let counting = 0;
  for (let r = 0; r < R; r++) {
    if (r > 0) chain.step(Math.max(1, Math.round(options.thin * m)));
    const c = now();
    index.internalStrengths(chain.src, chain.dst, weight, scratch);
    for (let k = 0; k < count; k++) (nullA[k] as Float64Array)[r] = scratch[k] as number;
    counting += now() - c;
  }
  options.profile?.('null A: swaps', now() - t - counting);
  options.profile?.('null A: counting', counting);

  // null B: stratified random sets, per set with its own stream
  t = now();
  const activity = new Float64Array(n);
  for (let i = 0; i < n; i++) activity[i] = (outStrength[i] as number) + (inStrength[i] as number);
  const sampler = new StratifiedSampler(activity, options.strata);
  const nullB = sets.map((members, k) => {
    const rng: Rng = createRng(options.setSeeds[k] ?? k);
    const profile = sampler.profile(members);
    sampler.reset();
    const draw = new Int32Array(members.length);
    const out = new Float64Array(R);
    for (let r = 0; r < R; r++) {
      sampler.draw(profile, rng, draw);
      out[r] = internalStrength(draw, offsets, dst, weight, marks);
    }
    return out;
  });
  options.profile?.('null B (strata)', now() - t);

  return {
    observed,
    expected,
    modularity,
    outStrength: kOut,
    inStrength: kIn,
    nullA,
    nullB,
    rewiring: { attempted: chain.attempted, accepted: chain.accepted },
  };
}
