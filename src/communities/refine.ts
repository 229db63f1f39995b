/**
 * The refinement pass run after Louvain. Louvain's last levels move whole aggregated communities, so a
 * single person who would raise modularity by changing community is never moved once their community has
 * been collapsed into one node. Refinement starts again from the finished partition on the *original*
 * graph: local moves of single nodes, then Louvain's aggregation and merge phases, repeated while modularity
 * rises (the multilevel refinement of Rotta & Noack 2011, "Multilevel local search algorithms for
 * modularity clustering"). Each round either raises Q or stops, so the result is never worse than the input.
 *
 * On Zachary's karate club (unweighted) the share of seeds reaching the known optimum Q = 0.4198 rises from
 * 62 to 183 of 200 with the compact engine and from 58 to 189 of 200 with graphology's
 * (test/communities/detect.test.ts).
 *
 * @module
 */

import type { Rng } from '../random.js';
import { compactModularity, type ModularityGraph } from './modularity-graph.js';
import { densify, localMoves, multilevel } from './optimize.js';

/** Result of {@link refinePartition}. */
export interface RefineResult {
  /** Refined membership, dense ids. */
  membership: Int32Array;
  /** Modularity before and after. */
  before: number;
  after: number;
  /** Rounds run (the last one changed nothing). */
  rounds: number;
}

/**
 * Refines a partition on the compact view.
 *
 * @param merge - also run the aggregation/merge phases (true for Louvain's final level); false keeps the
 *   granularity of a lower dendrogram level and only moves single nodes
 */
export function refinePartition(
  view: ModularityGraph,
  membership: Int32Array,
  resolution: number,
  rng: Rng,
  merge = true,
  maxRounds = 100,
): RefineResult {
  let current: Int32Array = membership.slice();
  densify(current);
  const before = compactModularity(view, current, resolution);
  let q = before;
  let rounds = 0;
  const eps = 1e-12;
  while (rounds < maxRounds) {
    rounds++;
    let next: Int32Array;
    if (merge) next = multilevel(view, current, resolution, rng).membership;
    else {
      next = current.slice();
      localMoves(view, next, resolution, rng);
      densify(next);
    }
    const q2 = compactModularity(view, next, resolution);
    if (!(q2 > q + eps)) break;
    current = next;
    q = q2;
  }
  return { membership: current, before, after: q, rounds };
}
