/**
 * Degree-preserving directed rewiring (the practice test's null A): a Markov chain of double edge swaps
 * a→b, c→d ⇒ a→d, c→b, rejecting swaps that would create a self-loop or an arc that already exists, so every
 * node keeps its out-degree and in-degree and the graph stays simple (Maslov & Sneppen 2002; Milo et al.
 * 2003; the directed swap of NetworkX's `directed_edge_swap`). Each arc keeps its source and its strength,
 * so out-strengths are kept exactly and in-strengths on average.
 *
 * Samples are taken from one chain: `burnIn · m` attempted swaps first, then `thin · m` between samples
 * (the usual practice for degree-preserving nulls; Fosdick et al. 2018 discuss mixing).
 *
 * @module
 */

import type { Rng } from '../random.js';
import { PairSet } from './pair-set.js';

/** A rewiring chain over arcs (src fixed, dst mutable). */
export class DirectedRewirer {
  readonly src: Int32Array;
  readonly dst: Int32Array;
  readonly m: number;
  private readonly arcs: PairSet;
  private readonly rng: Rng;
  /** Attempted and accepted swaps so far. */
  attempted = 0;
  accepted = 0;

  /** Starts a chain at the given arcs (copied). */
  constructor(src: ArrayLike<number>, dst: ArrayLike<number>, rng: Rng) {
    this.m = src.length;
    this.src = Int32Array.from(src);
    this.dst = Int32Array.from(dst);
    this.rng = rng;
    this.arcs = new PairSet(this.m);
    for (let e = 0; e < this.m; e++) this.arcs.add(this.src[e] as number, this.dst[e] as number);
  }

  /** Attempts `k` swaps. */
  step(k: number): void {
    const m = this.m;
    if (m < 2) return;
    const src = this.src;
    const dst = this.dst;
    const arcs = this.arcs;
    const rng = this.rng;
    let accepted = 0;
    for (let t = 0; t < k; t++) {
      const e1 = Math.floor(rng() * m);
      const e2 = Math.floor(rng() * m);
      const a = src[e1] as number;
      const b = dst[e1] as number;
      const c = src[e2] as number;
      const d = dst[e2] as number;
      if (a === d || c === b || b === d || a === c) continue;
      if (arcs.has(a, d) || arcs.has(c, b)) continue;
      arcs.delete(a, b);
      arcs.delete(c, d);
      arcs.add(a, d);
      arcs.add(c, b);
      dst[e1] = d;
      dst[e2] = b;
      accepted++;
    }
    this.attempted += k;
    this.accepted += accepted;
  }

  /** Whether the arc s→d is present in the current state. */
  has(s: number, d: number): boolean {
    return this.arcs.has(s, d);
  }
}

/**
 * Degree-preserving rewiring of an undirected simple graph (Maslov & Sneppen's double edge swap, as in
 * NetworkX `double_edge_swap`): u–v, x–y ⇒ u–x, v–y or u–y, v–x (chosen at random), rejecting self-loops
 * and existing edges. Used for the undirected measures (clustering, core–periphery), whose null must keep
 * the undirected degrees: rewiring arcs and projecting afterwards would inflate the null's density (a
 * reciprocated pair is one undirected edge, but its two arcs usually land on two different pairs).
 */
export class UndirectedRewirer {
  readonly u: Int32Array;
  readonly v: Int32Array;
  readonly m: number;
  private readonly edges: PairSet;
  private readonly rng: Rng;
  attempted = 0;
  accepted = 0;

  constructor(u: ArrayLike<number>, v: ArrayLike<number>, rng: Rng) {
    this.m = u.length;
    this.u = Int32Array.from(u);
    this.v = Int32Array.from(v);
    this.rng = rng;
    this.edges = new PairSet(this.m);
    for (let e = 0; e < this.m; e++) this.edges.add(...UndirectedRewirer.key(this.u[e] as number, this.v[e] as number));
  }

  private static key(a: number, b: number): [number, number] {
    return a < b ? [a, b] : [b, a];
  }

  private has(a: number, b: number): boolean {
    return a < b ? this.edges.has(a, b) : this.edges.has(b, a);
  }

  /** Attempts `k` swaps. */
  step(k: number): void {
    const m = this.m;
    if (m < 2) return;
    const { u, v, rng } = this;
    let accepted = 0;
    for (let t = 0; t < k; t++) {
      const e1 = Math.floor(rng() * m);
      const e2 = Math.floor(rng() * m);
      if (e1 === e2) continue;
      const a = u[e1] as number;
      const b = v[e1] as number;
      let c = u[e2] as number;
      let d = v[e2] as number;
      if (rng() < 0.5) {
        const tmp = c;
        c = d;
        d = tmp;
      }
      // a–b, c–d ⇒ a–d, c–b
      if (a === d || c === b || a === c || b === d) continue;
      if (this.has(a, d) || this.has(c, b)) continue;
      this.edges.delete(...UndirectedRewirer.key(a, b));
      this.edges.delete(...UndirectedRewirer.key(c, d));
      this.edges.add(...UndirectedRewirer.key(a, d));
      this.edges.add(...UndirectedRewirer.key(c, b));
      u[e1] = a;
      v[e1] = d;
      u[e2] = c;
      v[e2] = b;
      accepted++;
    }
    this.attempted += k;
    this.accepted += accepted;
  }
}
