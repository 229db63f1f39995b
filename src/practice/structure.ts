/**
 * Structural indicators of a group's internal graph — reciprocity, clustering, core–periphery — each judged
 * against degree-preserving rewiring of the group's own ties: directed swaps for reciprocity (every member
 * keeps its internal in- and out-degree), undirected double-edge swaps of the projection for clustering and
 * core–periphery (every member keeps its undirected internal degree; projecting rewired arcs instead would
 * inflate the null's density, since a reciprocated pair is one undirected edge but its two arcs usually land
 * on two pairs). Rewiring the whole graph would leave a handful of internal ties per group, whose reciprocity
 * and clustering are near zero for every group, so it could not tell one regime from another; within the
 * group, the question becomes "is there more mutuality, closure or a denser core than the members' activity
 * inside the group implies?"
 *
 * @module
 */

import type { GraphSnapshot } from '../graph/snapshot.js';
import type { Rng } from '../random.js';
import type { RawIndicator } from './indicator.js';
import { DirectedRewirer, UndirectedRewirer } from './rewire.js';
import { arcReciprocity, undirectedMeasures, undirectedPairs } from './structure-measures.js';

/** A group's internal arcs with local node ids 0..k−1 (local id = position in the sorted member list). */
export interface InternalArcs {
  k: number;
  src: Int32Array;
  dst: Int32Array;
  weight: Float64Array;
}

/** The arcs among `members` (sorted node indices) in local numbering. */
export function internalArcs(snapshot: GraphSnapshot, members: Int32Array): InternalArcs {
  const local = new Map<number, number>();
  members.forEach((v, i) => {
    local.set(v, i);
  });
  const src: number[] = [];
  const dst: number[] = [];
  const weight: number[] = [];
  members.forEach((v, i) => {
    for (let e = snapshot.offsets[v] as number; e < (snapshot.offsets[v + 1] as number); e++) {
      const j = local.get(snapshot.dst[e] as number);
      if (j === undefined) continue;
      src.push(i);
      dst.push(j);
      weight.push(snapshot.weight[e] as number);
    }
  });
  return {
    k: members.length,
    src: Int32Array.from(src),
    dst: Int32Array.from(dst),
    weight: Float64Array.from(weight),
  };
}

/** Options of {@link structuralIndicators}. */
export interface StructuralOptions {
  samples: number;
  burnIn: number;
  thin: number;
  /** Smallest core (absolute) that counts as "a core of several". */
  minCoreSize: number;
  /** Smallest core as a share of the members. */
  minCoreShare: number;
  rng: Rng;
}

/**
 * Reciprocity, clustering (transitivity of the undirected projection) and core–periphery fit of the group's
 * internal graph, with `samples` draws of the within-group rewiring null.
 *
 * Core–periphery: the fit (Borgatti & Everett 2000) is judged against the null; a fit above the null points
 * to a community of practice when the core is "several" (≥ `minCoreSize` and ≥ `minCoreShare` of the
 * members) and to social learning when it is a star of one or two hubs.
 */
export function structuralIndicators(arcs: InternalArcs, options: StructuralOptions): RawIndicator[] {
  const { k } = arcs;
  const R = options.samples;
  // reciprocity: directed arcs, directed rewiring
  const directed = new DirectedRewirer(arcs.src, arcs.dst, options.rng);
  const has = (s: number, d: number) => directed.has(s, d);
  const reciprocity = arcReciprocity(arcs.src, arcs.dst, has);
  const rec = new Float64Array(R);
  const m = arcs.src.length;
  directed.step(Math.round(options.burnIn * m));
  for (let r = 0; r < R; r++) {
    if (r > 0) directed.step(Math.max(1, Math.round(options.thin * m)));
    rec[r] = arcReciprocity(directed.src, directed.dst, has);
  }
  // clustering and core–periphery: the undirected projection, undirected rewiring
  const pairs = undirectedPairs(arcs.src, arcs.dst);
  const measures = undirectedMeasures(k);
  measures.load(pairs.u, pairs.v);
  const clustering = measures.transitivity();
  const cp = measures.corePeriphery();
  const undirected = new UndirectedRewirer(pairs.u, pairs.v, options.rng);
  const mu = pairs.u.length;
  const clu = new Float64Array(R);
  const fit = new Float64Array(R);
  undirected.step(Math.round(options.burnIn * mu));
  for (let r = 0; r < R; r++) {
    if (r > 0) undirected.step(Math.max(1, Math.round(options.thin * mu)));
    measures.load(undirected.u, undirected.v);
    clu[r] = measures.transitivity();
    fit[r] = measures.corePeriphery().fit;
  }
  const coreSize = cp.coreSize;
  const severalCore = coreSize >= options.minCoreSize && coreSize >= options.minCoreShare * k;
  return [
    { name: 'reciprocity', model: 'rewiring-within-group', copWhen: 'higher', observed: reciprocity, nulls: rec },
    { name: 'clustering', model: 'rewiring-within-group', copWhen: 'higher', observed: clustering, nulls: clu },
    {
      name: 'corePeriphery',
      model: 'rewiring-within-group',
      copWhen: severalCore ? 'higher' : 'lower',
      observed: cp.fit,
      nulls: fit,
      detail: { coreSize, members: k },
      judge: (_obs, pAdjusted, side, alpha) => {
        if (side !== 'above' || pAdjusted >= alpha) return { regime: 'neither', score: 0 };
        return severalCore
          ? { regime: 'community-of-practice', score: 1 - pAdjusted }
          : { regime: 'social-learning', score: -(1 - pAdjusted) };
      },
    },
  ];
}
