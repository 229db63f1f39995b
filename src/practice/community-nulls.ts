/**
 * One null graph of the q–s test (`testCommunities`): the default detector on a rewired copy of the pairs,
 * and the (size, quality) of every community it finds. Shared by the calling thread and the worker script
 * (`src/workers/community-nulls.ts`), so that both compute the same numbers in the same order.
 *
 * @module
 */

import { resolveDetectParams } from '../communities/detect.js';
import { pairsModularityGraph } from '../communities/modularity-graph.js';
import { finish, optimise, prepareDetection, wantedLevel } from '../communities/run.js';
import type { Rng } from '../random.js';

const MODULE = 'practice/test-communities';

/** Size, quality and members of one community. */
export interface CommunityQuality {
  size: number;
  q: number;
  members: number[];
}

/**
 * (size, quality) of every community of a labelling over undirected weighted pairs, in order of first
 * appearance over the nodes 0…n−1: quality q_c = (1/W)·[w_c − K_c² / (4W)].
 */
export function qualities<L extends string | number>(
  u: Int32Array,
  v: Int32Array,
  w: Float64Array,
  n: number,
  label: (i: number) => L | undefined,
): Map<L, CommunityQuality> {
  const strength = new Float64Array(n);
  let W = 0;
  for (let e = 0; e < u.length; e++) {
    strength[u[e] as number] = (strength[u[e] as number] as number) + (w[e] as number);
    strength[v[e] as number] = (strength[v[e] as number] as number) + (w[e] as number);
    W += w[e] as number;
  }
  const out = new Map<L, CommunityQuality & { internal: number; K: number }>();
  for (let i = 0; i < n; i++) {
    const c = label(i);
    if (c === undefined) continue;
    let x = out.get(c);
    if (!x) {
      x = { size: 0, q: 0, members: [], internal: 0, K: 0 };
      out.set(c, x);
    }
    x.size++;
    x.members.push(i);
    x.K += strength[i] as number;
  }
  for (let e = 0; e < u.length; e++) {
    const a = label(u[e] as number);
    if (a !== undefined && a === label(v[e] as number)) (out.get(a) as { internal: number }).internal += w[e] as number;
  }
  for (const x of out.values()) x.q = W > 0 ? (x.internal - (x.K * x.K) / (4 * W)) / W : 0;
  return out;
}

/** Sizes and qualities of the communities found in one null graph, in order of first appearance. */
export interface NullCommunities {
  size: number[];
  q: number[];
}

/**
 * Runs the default detector (`detectCommunities` at `resolution`: Louvain, refinement, connectivity repair,
 * final level) on the pairs `u`–`v` with weights `w`, drawing from `rng`, and returns its communities'
 * sizes and qualities. Only the partition matters, so the detector's canonical numbering is skipped.
 */
export function nullCommunities(
  keys: readonly string[],
  u: Int32Array,
  v: Int32Array,
  w: Float64Array,
  resolution: number,
  rng: Rng,
): NullCommunities {
  const prepared = prepareDetection(
    pairsModularityGraph(keys, u, v, w),
    resolveDetectParams({ resolution }, MODULE),
    MODULE,
  );
  const { membership } = finish(prepared, optimise(prepared, rng), wantedLevel('final'), rng);
  const size: number[] = [];
  const q: number[] = [];
  for (const x of qualities(u, v, w, keys.length, (i) => membership[i]).values()) {
    size.push(x.size);
    q.push(x.q);
  }
  return { size, q };
}
