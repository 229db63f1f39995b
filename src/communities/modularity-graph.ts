/**
 * A compact, typed-array view of a graph for modularity work, built once and shared by the refinement,
 * connectivity repair, modularity, profiles and ensembles (graphology objects are too slow to walk in
 * inner loops at 10⁵–10⁶ edges).
 *
 * The view stores the modularity matrix A in symmetric CSR form (each unordered pair {i, j}, i ≠ j, is listed
 * under both i and j) together with the self-loops and the out/in strengths:
 *
 * - **undirected model**: every edge u–v (or arc u→v) of weight w adds w to the pair {u, v}, so a directed
 *   graph is projected by *summing* reciprocal strengths (as `toUndirected` does). A_uv = A_vu = w_uv,
 *   A_uu = 2·w_uu (a self-loop counts twice in the strength, as in NetworkX and graphology-metrics),
 *   k_i = Σ_j A_ij, M = Σ_ij A_ij = 2m. `weights[e]` holds w_uv and A_uv + A_vu = 2·w_uv.
 * - **directed model**: an arc u→v of weight w adds w to A_uv (an undirected edge adds w both ways),
 *   k_i^out = Σ_j A_ij, k_i^in = Σ_j A_ji, M = Σ_ij A_ij = m. `weights[e]` holds A_uv + A_vu.
 *
 * In both models modularity is Q = (1/M) Σ_c [ Σ_{i,j∈c} A_ij − γ K_c^out K_c^in / M ] (Newman 2004;
 * Leicht & Newman 2008 for the directed form), equal to graphology-metrics' `modularity`.
 *
 * @module
 */

import type { AbstractGraph } from 'graphology-types';
import { GraphError } from '../errors.js';

const MODULE = 'communities/modularity-graph';

/** Modularity model of a {@link ModularityGraph}. */
export type ModularityModel = 'undirected' | 'directed';

/** The compact view (see the module description). Node i is `keys[i]`, in the graph's node order. */
export interface ModularityGraph {
  readonly n: number;
  readonly keys: readonly string[];
  readonly model: ModularityModel;
  /** CSR offsets (length n + 1) into `targets` / `weights`. */
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  /** Undirected: w_ij; directed: A_ij + A_ji. */
  readonly weights: Float64Array;
  /** 2 in the undirected model, 1 in the directed one: A_ij + A_ji = pairFactor · weights[e]. */
  readonly pairFactor: number;
  /** A_ii. */
  readonly selfLoop: Float64Array;
  readonly kOut: Float64Array;
  /** The same array as `kOut` in the undirected model. */
  readonly kIn: Float64Array;
  /** M = Σ_ij A_ij. */
  readonly total: number;
}

/** Options of {@link modularityGraph}. */
export interface ModularityGraphOptions {
  /**
   * Edge attribute read as strength; missing or non-numeric values count as 1. `null` = unweighted: in the
   * undirected model each connected pair counts 1 (as NetworkX's `to_undirected()` of an unweighted graph),
   * in the directed model each arc counts 1.
   */
  getEdgeWeight?: string | null;
  /** Modularity model. Default `'undirected'`. */
  model?: ModularityModel;
}

/**
 * Merges parallel entries of a CSR whose segments are `deg[i]…deg[i+1]` in `targets`/`weights`, in place
 * (the write position never passes the read position): on graphs of 10⁶ edges every further large array
 * can cost a full garbage collection of the graphology heap, so none is allocated.
 */
function mergeCsr(
  n: number,
  deg: Int32Array,
  targets: Int32Array,
  weights: Float64Array,
): { offsets: Int32Array; targets: Int32Array; weights: Float64Array } {
  const pos = new Int32Array(n).fill(-1);
  const offsets = new Int32Array(n + 1);
  let out = 0;
  for (let i = 0; i < n; i++) {
    const start = out;
    const end = deg[i + 1] as number;
    for (let p = deg[i] as number; p < end; p++) {
      const j = targets[p] as number;
      const at = pos[j] as number;
      if (at >= start) weights[at] = (weights[at] as number) + (weights[p] as number);
      else {
        pos[j] = out;
        targets[out] = j;
        weights[out] = weights[p] as number;
        out++;
      }
    }
    offsets[i + 1] = out;
  }
  const full = out === targets.length;
  return {
    offsets,
    targets: full ? targets : targets.subarray(0, out),
    weights: full ? weights : weights.subarray(0, out),
  };
}

/** Builds a symmetric CSR from pair lists (each pair listed once), merging parallel entries. */
export function buildCsr(
  n: number,
  src: Int32Array,
  dst: Int32Array,
  w: Float64Array,
  count: number,
): { offsets: Int32Array; targets: Int32Array; weights: Float64Array } {
  const deg = new Int32Array(n + 1);
  for (let e = 0; e < count; e++) {
    const a = (src[e] as number) + 1;
    const b = (dst[e] as number) + 1;
    deg[a] = (deg[a] as number) + 1;
    deg[b] = (deg[b] as number) + 1;
  }
  for (let i = 0; i < n; i++) deg[i + 1] = (deg[i + 1] as number) + (deg[i] as number);
  const targets = new Int32Array(2 * count);
  const weights = new Float64Array(2 * count);
  const fill = deg.slice(0, n);
  for (let e = 0; e < count; e++) {
    const u = src[e] as number;
    const v = dst[e] as number;
    const x = w[e] as number;
    let p = fill[u] as number;
    targets[p] = v;
    weights[p] = x;
    fill[u] = p + 1;
    p = fill[v] as number;
    targets[p] = u;
    weights[p] = x;
    fill[v] = p + 1;
  }
  return mergeCsr(n, deg, targets, weights);
}

/**
 * Builds the compact view of a graphology graph (directed, undirected or mixed; simple or multi).
 * Two passes: node degrees (O(1) each in graphology) give the CSR offsets, then one pass over the edges
 * fills it.
 *
 * @example
 * const view = modularityGraph(graph, { getEdgeWeight: 'weight' });
 * view.total; // 2 × the total strength in the undirected model
 */
export function modularityGraph(graph: AbstractGraph, options: ModularityGraphOptions = {}): ModularityGraph {
  const attr = options.getEdgeWeight === undefined ? 'weight' : options.getEdgeWeight;
  const model = options.model ?? 'undirected';
  const n = graph.order;
  const keys: string[] = new Array(n);
  // a prototype-less object: faster than a Map for graphology's string keys
  const index: Record<string, number> = Object.create(null);
  const deg = new Int32Array(n + 1);
  let i = 0;
  graph.forEachNode((node) => {
    keys[i] = node;
    index[node] = i;
    deg[i + 1] = (deg[i] as number) + graph.degreeWithoutSelfLoops(node);
    i++;
  });
  const targets = new Int32Array(deg[n] as number);
  const weights = new Float64Array(deg[n] as number);
  const fill = deg.slice(0, n);
  const selfLoop = new Float64Array(n);
  const kOut = new Float64Array(n);
  const kIn = model === 'directed' ? new Float64Array(n) : kOut;
  let total = 0;
  graph.forEachEdge((_e, attrs, source, target, _sa, _ta, undirected) => {
    const raw = attr === null ? 1 : attrs[attr];
    const x = typeof raw === 'number' && Number.isFinite(raw) ? raw : 1;
    if (x < 0) {
      throw new GraphError('INVALID_INPUT', `edge ${source} → ${target} has a negative strength`, {
        module: MODULE,
        got: x,
        hint: 'modularity needs strengths ≥ 0; read a strength attribute, not a signed score',
      });
    }
    const u = index[source] as number;
    const v = index[target] as number;
    let pair: number;
    if (model === 'undirected') {
      kOut[u] = (kOut[u] as number) + x;
      kOut[v] = (kOut[v] as number) + x;
      total += 2 * x;
      if (u === v) {
        selfLoop[u] = (selfLoop[u] as number) + 2 * x;
        return;
      }
      pair = x;
    } else {
      const arcs = undirected && u !== v ? 2 : 1;
      kOut[u] = (kOut[u] as number) + x;
      kIn[v] = (kIn[v] as number) + x;
      if (arcs === 2) {
        kOut[v] = (kOut[v] as number) + x;
        kIn[u] = (kIn[u] as number) + x;
      }
      total += arcs * x;
      if (u === v) {
        selfLoop[u] = (selfLoop[u] as number) + x;
        return;
      }
      pair = arcs * x;
    }
    let p = fill[u] as number;
    targets[p] = v;
    weights[p] = pair;
    fill[u] = p + 1;
    p = fill[v] as number;
    targets[p] = u;
    weights[p] = pair;
    fill[v] = p + 1;
  });
  const csr = mergeCsr(n, deg, targets, weights);
  if (attr === null && model === 'undirected') {
    // unweighted: each connected pair counts once, whatever the number of arcs or parallel edges
    csr.weights.fill(1);
    total = 0;
    for (let u = 0; u < n; u++) {
      if ((selfLoop[u] as number) > 0) selfLoop[u] = 2;
      kOut[u] = (csr.offsets[u + 1] as number) - (csr.offsets[u] as number) + (selfLoop[u] as number);
      total += kOut[u] as number;
    }
  }
  return { n, keys, model, ...csr, pairFactor: model === 'undirected' ? 2 : 1, selfLoop, kOut, kIn, total };
}

/**
 * The undirected view of a weighted simple graph given as pairs: `u[e]`–`v[e]` (u ≠ v, each unordered pair at
 * most once) of strength `w[e]`, over nodes `keys`. The same view `modularityGraph` builds from an undirected
 * graphology graph with these edges, without building one: a null model that rewires pairs many times can
 * run detection on each sample directly.
 */
export function pairsModularityGraph(
  keys: readonly string[],
  u: Int32Array,
  v: Int32Array,
  w: Float64Array,
): ModularityGraph {
  const n = keys.length;
  const csr = buildCsr(n, u, v, w, u.length);
  const kOut = new Float64Array(n);
  let total = 0;
  for (let e = 0; e < u.length; e++) {
    const x = w[e] as number;
    kOut[u[e] as number] = (kOut[u[e] as number] as number) + x;
    kOut[v[e] as number] = (kOut[v[e] as number] as number) + x;
    total += 2 * x;
  }
  return {
    n,
    keys,
    model: 'undirected',
    ...csr,
    pairFactor: 2,
    selfLoop: new Float64Array(n),
    kOut,
    kIn: kOut,
    total,
  };
}

/**
 * Modularity of a partition on the compact view:
 * Q = (1/M) Σ_c [ Σ_{i,j∈c} A_ij − γ K_c^out K_c^in / M ]. An edgeless graph (M = 0) has Q = 0 by definition
 * here (graphology-metrics throws, NetworkX divides by zero): no structure, no modularity.
 */
export function compactModularity(view: ModularityGraph, membership: Int32Array, resolution = 1): number {
  const { n, offsets, targets, weights, pairFactor, total } = view;
  if (total === 0) return 0;
  let C = 0;
  for (let i = 0; i < n; i++) if ((membership[i] as number) + 1 > C) C = (membership[i] as number) + 1;
  const internal = new Float64Array(C);
  const tOut = new Float64Array(C);
  const tIn = view.model === 'directed' ? new Float64Array(C) : tOut;
  for (let i = 0; i < n; i++) {
    const c = membership[i] as number;
    internal[c] = (internal[c] as number) + (view.selfLoop[i] as number);
    tOut[c] = (tOut[c] as number) + (view.kOut[i] as number);
    if (tIn !== tOut) tIn[c] = (tIn[c] as number) + (view.kIn[i] as number);
    for (let e = offsets[i] as number; e < (offsets[i + 1] as number); e++) {
      if (membership[targets[e] as number] === c)
        internal[c] = (internal[c] as number) + (pairFactor / 2) * (weights[e] as number);
    }
  }
  let q = 0;
  for (let c = 0; c < C; c++)
    q += (internal[c] as number) - (resolution * (tOut[c] as number) * (tIn[c] as number)) / total;
  return q / total;
}
