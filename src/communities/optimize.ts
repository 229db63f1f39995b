/**
 * Modularity optimisation on the compact view: the local-moving phase and the multilevel loop of Louvain
 * (Blondel, Guillaume, Lambiotte & Lefebvre 2008), started from any partition. It powers the refinement pass
 * that follows graphology's Louvain (see `refine.ts`).
 *
 * Moving node i out of its community D into community C changes modularity by
 *
 *     ΔQ ∝ [ (A_iC + A_Ci) − γ (k_i^out K_C^in + k_i^in K_C^out) / M ]  −  [ same for D without i ]
 *
 * (undirected: 2·[w_iC − γ k_i K_C / 2m]). Nodes are visited in a seeded random order with a queue
 * ("fast local moves", Traag 2015; Traag, Waltman & van Eck 2019): when a node moves, its neighbours outside
 * its new community are queued again. A move is made only for a strict gain, so Q increases at every move and
 * the phase ends.
 *
 * @module
 */

import type { Rng } from '../random.js';
import { buildCsr, type ModularityGraph } from './modularity-graph.js';

/**
 * One local-moving phase. `membership` (ids in [0, n)) is updated in place.
 *
 * @returns the number of moves made
 */
export function localMoves(view: ModularityGraph, membership: Int32Array, resolution: number, rng: Rng): number {
  const { n, offsets, targets, weights, pairFactor: pf, kOut, kIn, total: M } = view;
  if (n === 0 || M === 0) return 0;
  const directed = view.model === 'directed';
  const tOut = new Float64Array(n);
  const tIn = directed ? new Float64Array(n) : tOut;
  const size = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = membership[i] as number;
    tOut[c] = (tOut[c] as number) + (kOut[i] as number);
    if (directed) tIn[c] = (tIn[c] as number) + (kIn[i] as number);
    size[c] = (size[c] as number) + 1;
  }
  const empty: number[] = [];
  for (let c = n - 1; c >= 0; c--) if (size[c] === 0) empty.push(c);

  // circular queue seeded with a random permutation of the nodes
  const queue = new Int32Array(n);
  const queued = new Uint8Array(n).fill(1);
  for (let i = 0; i < n; i++) queue[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = queue[i] as number;
    queue[i] = queue[j] as number;
    queue[j] = t;
  }
  let head = 0;
  let length = n;

  const acc = new Float64Array(n);
  const stamp = new Int32Array(n).fill(-1);
  const list = new Int32Array(n);
  const eps = 1e-12 * M;
  const scale = resolution / M;
  let moves = 0;

  while (length > 0) {
    const i = queue[head] as number;
    head = head + 1 === n ? 0 : head + 1;
    length--;
    queued[i] = 0;
    const D = membership[i] as number;
    let count = 0;
    const end = offsets[i + 1] as number;
    for (let e = offsets[i] as number; e < end; e++) {
      const c = membership[targets[e] as number] as number;
      if (stamp[c] !== i) {
        stamp[c] = i;
        acc[c] = 0;
        list[count++] = c;
      }
      acc[c] = (acc[c] as number) + (weights[e] as number);
    }
    const ko = kOut[i] as number;
    const ki = kIn[i] as number;
    tOut[D] = (tOut[D] as number) - ko;
    if (directed) tIn[D] = (tIn[D] as number) - ki;
    let best = D;
    let bestGain =
      pf * (stamp[D] === i ? (acc[D] as number) : 0) - scale * (ko * (tIn[D] as number) + ki * (tOut[D] as number));
    for (let k = 0; k < count; k++) {
      const c = list[k] as number;
      if (c === D) continue;
      const gain = pf * (acc[c] as number) - scale * (ko * (tIn[c] as number) + ki * (tOut[c] as number));
      if (gain > bestGain + eps) {
        bestGain = gain;
        best = c;
      }
    }
    // a community of its own has gain 0 (D itself when i was alone in it)
    if (bestGain < -eps && (size[D] as number) > 1) {
      best = empty.pop() as number;
      bestGain = 0;
    }
    tOut[best] = (tOut[best] as number) + ko;
    if (directed) tIn[best] = (tIn[best] as number) + ki;
    if (best === D) continue;
    size[D] = (size[D] as number) - 1;
    if (size[D] === 0) empty.push(D);
    size[best] = (size[best] as number) + 1;
    membership[i] = best;
    moves++;
    for (let e = offsets[i] as number; e < end; e++) {
      const j = targets[e] as number;
      if (queued[j] === 0 && membership[j] !== best) {
        queued[j] = 1;
        let tail = head + length;
        if (tail >= n) tail -= n;
        queue[tail] = j;
        length++;
      }
    }
  }
  return moves;
}

/** Relabels ids in place to 0…C−1 in order of first appearance; returns C. */
export function densify(membership: Int32Array): number {
  const map = new Map<number, number>();
  for (let i = 0; i < membership.length; i++) {
    const c = membership[i] as number;
    let d = map.get(c);
    if (d === undefined) {
      d = map.size;
      map.set(c, d);
    }
    membership[i] = d;
  }
  return map.size;
}

/** Result of {@link multilevel}. */
export interface MultilevelResult {
  /** Final community of each node (dense ids). */
  membership: Int32Array;
  /** Membership of each node after each level (the dendrogram, finest first). */
  levels: Int32Array[];
  /** Moves made in each level's local-moving phase. */
  moves: number[];
}

/**
 * Louvain's multilevel loop from an initial partition (singletons when `initial` is null): local moving,
 * then aggregation of each community into a node, repeated until a level changes nothing.
 */
export function multilevel(
  view0: ModularityGraph,
  initial: Int32Array | null,
  resolution: number,
  rng: Rng,
): MultilevelResult {
  const n0 = view0.n;
  let view = view0;
  let membership = initial ? initial.slice() : Int32Array.from({ length: n0 }, (_, i) => i);
  if (initial) densify(membership);
  const global = Int32Array.from({ length: n0 }, (_, i) => i);
  const levels: Int32Array[] = [];
  const moves: number[] = [];
  for (;;) {
    moves.push(localMoves(view, membership, resolution, rng));
    const C = densify(membership);
    for (let i = 0; i < n0; i++) global[i] = membership[global[i] as number] as number;
    levels.push(global.slice());
    if (C === view.n) break;
    view = aggregate(view, membership, C);
    membership = Int32Array.from({ length: C }, (_, i) => i);
  }
  return { membership: global, levels, moves };
}

/**
 * Collapses each community of `membership` (dense ids 0…C−1) into one node: pair weights summed, internal
 * weight moved to the self-loop, strengths summed. The result has the same model and total.
 */
export function aggregate(view: ModularityGraph, membership: Int32Array, C: number): ModularityGraph {
  const { n, offsets, targets, weights, pairFactor } = view;
  const selfLoop = new Float64Array(C);
  const kOut = new Float64Array(C);
  const kIn = view.model === 'directed' ? new Float64Array(C) : kOut;
  const src: number[] = [];
  const dst: number[] = [];
  const w: number[] = [];
  // members grouped by community (counting sort)
  const start = new Int32Array(C + 1);
  for (let i = 0; i < n; i++) {
    const c = (membership[i] as number) + 1;
    start[c] = (start[c] as number) + 1;
  }
  for (let c = 0; c < C; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
  const fill = start.slice(0, C);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = membership[i] as number;
    order[fill[c] as number] = i;
    fill[c] = (fill[c] as number) + 1;
  }
  const acc = new Float64Array(C);
  const seen = new Int32Array(C).fill(-1);
  const touched: number[] = [];
  for (let c = 0; c < C; c++) {
    touched.length = 0;
    for (let p = start[c] as number; p < (start[c + 1] as number); p++) {
      const i = order[p] as number;
      selfLoop[c] = (selfLoop[c] as number) + (view.selfLoop[i] as number);
      kOut[c] = (kOut[c] as number) + (view.kOut[i] as number);
      if (kIn !== kOut) kIn[c] = (kIn[c] as number) + (view.kIn[i] as number);
      for (let e = offsets[i] as number; e < (offsets[i + 1] as number); e++) {
        const d = membership[targets[e] as number] as number;
        const x = weights[e] as number;
        if (d === c) selfLoop[c] = (selfLoop[c] as number) + (pairFactor / 2) * x;
        else if (d > c) {
          if (seen[d] !== c) {
            seen[d] = c;
            acc[d] = 0;
            touched.push(d);
          }
          acc[d] = (acc[d] as number) + x;
        }
      }
    }
    for (const d of touched) {
      src.push(c);
      dst.push(d);
      w.push(acc[d] as number);
    }
  }
  const csr = buildCsr(C, Int32Array.from(src), Int32Array.from(dst), Float64Array.from(w), src.length);
  const keys = Array.from({ length: C }, (_, c) => String(c));
  return { n: C, keys, model: view.model, ...csr, pairFactor, selfLoop, kOut, kIn, total: view.total };
}
