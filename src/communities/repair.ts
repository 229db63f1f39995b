/**
 * Connectivity repair. Louvain can return communities that are badly connected or even disconnected
 * (Traag, Waltman & van Eck 2019, "From Louvain to Leiden: guaranteeing well-connected communities"): a node
 * that held a community together moves away, and the rest stays labelled as one community. Here every
 * community is split into the connected components of the subgraph it induces, so the returned partition
 * never contains a disconnected community.
 *
 * Splitting never lowers modularity for γ ≥ 0: the parts share no edge, so the split only removes the
 * expected term γ·K_A·K_B/M between them.
 *
 * @module
 */

import type { ModularityGraph } from './modularity-graph.js';

/** Result of {@link repairConnectivity}. */
export interface RepairResult {
  /** New membership, dense ids. */
  membership: Int32Array;
  /** Communities that were disconnected (and split). */
  repaired: number;
  /** Communities added by the splits. */
  added: number;
}

/**
 * Splits every community of `membership` into its connected components in `view` (breadth-first search
 * restricted to edges inside the community; edges of weight 0 still connect).
 */
export function repairConnectivity(view: ModularityGraph, membership: ArrayLike<number>): RepairResult {
  const { n, offsets, targets } = view;
  const out = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  // number of components found per original community
  const parts = new Map<number, number>();
  let next = 0;
  for (let s = 0; s < n; s++) {
    if ((out[s] as number) >= 0) continue;
    const c = membership[s] as number;
    parts.set(c, (parts.get(c) ?? 0) + 1);
    const id = next++;
    out[s] = id;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    while (head < tail) {
      const i = queue[head++] as number;
      for (let e = offsets[i] as number; e < (offsets[i + 1] as number); e++) {
        const j = targets[e] as number;
        if ((out[j] as number) < 0 && membership[j] === c) {
          out[j] = id;
          queue[tail++] = j;
        }
      }
    }
  }
  let repaired = 0;
  let added = 0;
  for (const count of parts.values()) {
    if (count > 1) {
      repaired++;
      added += count - 1;
    }
  }
  return { membership: out, repaired, added };
}
