/**
 * A compact typed-array snapshot of a directed graph, built once per analysis: every null sample of the
 * practice test works on these arrays, never on graphology objects (walking graphology's iterators and
 * attribute getters costs about two orders of magnitude more per edge).
 *
 * @module
 */

import type { AbstractGraph } from 'graphology-types';
import { GraphError } from '../errors.js';

/**
 * Arcs grouped by source (CSR order; targets ascending within a source), with strengths and degrees.
 * Self-loops are left out (they are no tie between two people) and counted in `selfLoops`.
 */
export interface GraphSnapshot {
  readonly n: number;
  /** Node keys in the graph's node order: node i is `keys[i]`. */
  readonly keys: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  /** Number of arcs. */
  readonly m: number;
  readonly src: Int32Array;
  readonly dst: Int32Array;
  /** Strength of each arc (the `getEdgeWeight` attribute; 1 when unweighted). */
  readonly weight: Float64Array;
  /** Messages behind each arc (the `count` attribute when present, else 1). */
  readonly count: Float64Array;
  /** Arcs of node i are `outOffsets[i] … outOffsets[i + 1] − 1`. */
  readonly outOffsets: Int32Array;
  readonly outStrength: Float64Array;
  readonly inStrength: Float64Array;
  readonly outDegree: Int32Array;
  readonly inDegree: Int32Array;
  /** W = Σ arc strengths. */
  readonly totalWeight: number;
  readonly selfLoops: number;
}

/** Options of {@link snapshotGraph}. */
export interface SnapshotOptions {
  /** Edge attribute read as strength; `null` = unweighted (every arc 1). Default `'weight'`. */
  getEdgeWeight?: string | null;
}

/**
 * Builds the snapshot. An undirected edge gives two arcs; parallel arcs (multigraphs) are merged by
 * summing their strengths and counts.
 *
 * @throws GraphError when an edge strength is negative or not finite.
 */
export function snapshotGraph(graph: AbstractGraph, options: SnapshotOptions = {}): GraphSnapshot {
  const attr = options.getEdgeWeight === undefined ? 'weight' : options.getEdgeWeight;
  const keys = graph.nodes();
  const n = keys.length;
  const index = new Map<string, number>();
  keys.forEach((k, i) => {
    index.set(k, i);
  });
  const rawS: number[] = [];
  const rawD: number[] = [];
  const rawW: number[] = [];
  const rawC: number[] = [];
  let selfLoops = 0;
  graph.forEachEdge((edge, a, source, target, _sa, _ta, undirected) => {
    if (source === target) {
      selfLoops++;
      return;
    }
    let w = 1;
    if (attr !== null) {
      const v = a[attr];
      w = typeof v === 'number' ? v : 1;
      if (!Number.isFinite(w) || w < 0) {
        throw new GraphError('INVALID_INPUT', `edge strength must be a finite number ≥ 0`, {
          module: 'practice/snapshot',
          got: { edge, [attr]: v },
          hint: 'fix the edge attribute or choose another with `getEdgeWeight`',
        });
      }
    }
    if (w === 0) return;
    const c = typeof a.count === 'number' && a.count > 0 ? a.count : 1;
    const s = index.get(source) as number;
    const d = index.get(target) as number;
    rawS.push(s);
    rawD.push(d);
    rawW.push(w);
    rawC.push(c);
    if (undirected) {
      rawS.push(d);
      rawD.push(s);
      rawW.push(w);
      rawC.push(c);
    }
  });
  // sort arcs by (source, target) and merge parallels
  const order = rawS.map((_, i) => i);
  order.sort((x, y) => (rawS[x] as number) - (rawS[y] as number) || (rawD[x] as number) - (rawD[y] as number));
  const src: number[] = [];
  const dst: number[] = [];
  const weight: number[] = [];
  const count: number[] = [];
  for (const i of order) {
    const last = src.length - 1;
    if (last >= 0 && src[last] === rawS[i] && dst[last] === rawD[i]) {
      weight[last] = (weight[last] as number) + (rawW[i] as number);
      count[last] = (count[last] as number) + (rawC[i] as number);
    } else {
      src.push(rawS[i] as number);
      dst.push(rawD[i] as number);
      weight.push(rawW[i] as number);
      count.push(rawC[i] as number);
    }
  }
  const m = src.length;
  const outOffsets = new Int32Array(n + 1);
  const outStrength = new Float64Array(n);
  const inStrength = new Float64Array(n);
  const outDegree = new Int32Array(n);
  const inDegree = new Int32Array(n);
  let total = 0;
  for (let e = 0; e < m; e++) {
    const s = src[e] as number;
    const d = dst[e] as number;
    const w = weight[e] as number;
    outOffsets[s + 1] = (outOffsets[s + 1] as number) + 1;
    outStrength[s] = (outStrength[s] as number) + w;
    inStrength[d] = (inStrength[d] as number) + w;
    outDegree[s] = (outDegree[s] as number) + 1;
    inDegree[d] = (inDegree[d] as number) + 1;
    total += w;
  }
  for (let i = 0; i < n; i++) outOffsets[i + 1] = (outOffsets[i + 1] as number) + (outOffsets[i] as number);
  return {
    n,
    keys,
    index,
    m,
    src: Int32Array.from(src),
    dst: Int32Array.from(dst),
    weight: Float64Array.from(weight),
    count: Float64Array.from(count),
    outOffsets,
    outStrength,
    inStrength,
    outDegree,
    inDegree,
    totalWeight: total,
    selfLoops,
  };
}
