/**
 * Cohesion records: is the group a social unit? Internal strength observed vs expected, the group's
 * modularity term, p-values under both nulls, and (set afterwards, across all groups tested together) the
 * Benjamini–Hochberg q-value.
 *
 * The two nulls answer different doubts, so a group is cohesive only when both reject: p = max(p_A, p_B)
 * (an intersection–union test, valid at level α without correction; Berger 1982). Under the directed
 * configuration model a z-score grows with group size without bound; the effect size reported is O/E
 * (and O over the larger null mean), never z.
 *
 * @module
 */

import type { CohesionSamples } from './cohesion-nulls.js';
import { meanSd, pUpper, round } from './stats.js';

/** The cohesion test of one node set. */
export interface CohesionTest {
  available: boolean;
  /** Why it could not be tested. */
  reason?: string;
  /** The graph it was tested on: `'organisation'`, `'help'` or the channel. */
  graph: string;
  /**
   * `'kojaku-masuda-qs'` for a detected community, whose cohesion is its q–s test (the detector re-run on null
   * graphs; `modularity`, `p`, `q` are that test's); absent for the two nulls below.
   */
  model?: 'kojaku-masuda-qs';
  /** Members tested. */
  members: number;
  /** Internal strength O. */
  observed: number | null;
  /** Expected internal strength E under the directed configuration model. */
  expected: number | null;
  /** O / E. */
  ratio: number | null;
  /** O over the larger of the two null means: the effect size the decision reads. */
  nullRatio: number | null;
  /** O / K_out: the share of the members' outgoing strength that stays among them. */
  internalShare: number | null;
  /** Directed modularity term of the group, (O − K_out·K_in / W) / W. */
  modularity: number | null;
  nullA: { model: 'degree-preserving-rewiring'; mean: number; sd: number; p: number } | null;
  nullB: { model: 'stratified-random-sets'; mean: number; sd: number; p: number } | null;
  /** max(p_A, p_B). */
  p: number | null;
  /** Benjamini–Hochberg q across the groups tested together. */
  q: number | null;
  /** q < α and nullRatio ≥ the required ratio; `null` when not testable. */
  cohesive: boolean | null;
}

/** A cohesion test that could not be run. */
export function untestedCohesion(graph: string, members: number, reason: string): CohesionTest {
  return {
    available: false,
    reason,
    graph,
    members,
    observed: null,
    expected: null,
    ratio: null,
    nullRatio: null,
    internalShare: null,
    modularity: null,
    nullA: null,
    nullB: null,
    p: null,
    q: null,
    cohesive: null,
  };
}

/** The record of set `k` of `samples` (q and the verdict are set by {@link settleCohesion}). */
export function cohesionRecord(graph: string, members: number, samples: CohesionSamples, k: number): CohesionTest {
  const o = samples.observed[k] as number;
  const e = samples.expected[k] as number;
  const a = samples.nullA[k] as Float64Array;
  const b = samples.nullB[k] as Float64Array;
  const sa = meanSd(a);
  const sb = meanSd(b);
  const pA = pUpper(o, a);
  const pB = pUpper(o, b);
  const top = Math.max(sa.mean, sb.mean);
  return {
    available: true,
    graph,
    members,
    observed: round(o),
    expected: round(e),
    ratio: e > 0 ? round(o / e) : null,
    nullRatio: top > 0 ? round(o / top) : o > 0 ? null : 0,
    internalShare: (samples.outStrength[k] as number) > 0 ? round(o / (samples.outStrength[k] as number)) : null,
    modularity: round(samples.modularity[k] as number),
    nullA: { model: 'degree-preserving-rewiring', mean: round(sa.mean), sd: round(sa.sd), p: round(pA) },
    nullB: { model: 'stratified-random-sets', mean: round(sb.mean), sd: round(sb.sd), p: round(pB) },
    p: round(Math.max(pA, pB)),
    q: null,
    cohesive: null,
  };
}

/** Sets q (from the BH q-values computed across groups) and the cohesive flag. */
export function settleCohesion(test: CohesionTest, q: number, alpha: number, minRatio: number): void {
  if (!test.available) return;
  test.q = round(q);
  const ratio = test.nullRatio;
  test.cohesive = q < alpha && (ratio === null || ratio >= minRatio);
}
