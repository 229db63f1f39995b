/**
 * Degree-preserving directed rewiring (the practice test's null A): a Markov chain of double edge swaps
 * a→b, c→d ⇒ a→d, c→b, rejecting swaps that would create a self-loop or an arc that already exists, so every
 * node keeps its out-degree and in-degree and the graph stays simple (Maslov & Sneppen 2002; Milo et al.
 * 2003; the directed swap of NetworkX's `directed_edge_swap`). Each arc keeps its source and its strength,
 * so out-strengths are kept exactly and in-strengths on average.
 *
 * Samples are taken from one chain: `burnIn · m` attempted swaps first, then `thin · m` between samples
 * (the usual practice for degree-preserving nulls; Fosdick et al. 2018 discuss mixing). With `thin` = 1 each
 * arc is touched about once between samples, so successive samples of a small group's internal ties are only
 * weakly correlated.
 *
 * @module
 */

import type { Rng } from '../random.js';
import { PairSet } from './pair-set.js';

/** Largest adjacency bit matrix a chain allocates (n² / 8 bytes): 32 MiB, i.e. graphs up to about 16,000 nodes. */
export const BIT_MATRIX_BYTES = 32 * 2 ** 20;

/**
 * A rewiring chain over arcs given in CSR order (sources non-decreasing): position e is one arc whose source
 * `src[e]` never changes and whose target `dst[e]` does. Since swaps keep every out-degree, each node's block
 * of positions keeps its length. "Does a→d exist?" is one probe of an adjacency bit matrix when n² bits fit in
 * {@link BIT_MATRIX_BYTES} (and the graph is not too sparse for it to pay), else a scan of a's block — contiguous
 * memory, about twice as fast here as a hash set of arcs, whose random probes miss the cache on graphs of
 * 10⁵–10⁶ arcs.
 */
export class DirectedRewirer {
  readonly src: Int32Array;
  readonly dst: Int32Array;
  readonly m: number;
  private readonly offsets: Int32Array;
  private readonly rng: Rng;
  /** Adjacency bit matrix (n² bits) when it fits in {@link BIT_MATRIX_BYTES}: one probe per check. */
  private readonly bits: Int32Array | null;
  private readonly n: number;
  /** Attempted and accepted swaps so far. */
  attempted = 0;
  accepted = 0;

  /** Starts a chain at the given arcs (copied); `src` must be non-decreasing. */
  constructor(src: ArrayLike<number>, dst: ArrayLike<number>, rng: Rng) {
    this.m = src.length;
    this.src = Int32Array.from(src);
    this.dst = Int32Array.from(dst);
    this.rng = rng;
    let n = 0;
    for (let e = 0; e < this.m; e++) {
      const a = this.src[e] as number;
      if (e > 0 && a < (this.src[e - 1] as number)) {
        throw new RangeError('DirectedRewirer: arcs must be grouped by source in increasing order (CSR order)');
      }
      n = Math.max(n, a + 1, (this.dst[e] as number) + 1);
    }
    this.offsets = new Int32Array(n + 1);
    for (let e = 0; e < this.m; e++) {
      const a = (this.src[e] as number) + 1;
      this.offsets[a] = (this.offsets[a] as number) + 1;
    }
    for (let i = 0; i < n; i++) this.offsets[i + 1] = (this.offsets[i + 1] as number) + (this.offsets[i] as number);
    this.n = n;
    this.bits = (n * n) / 8 <= BIT_MATRIX_BYTES && this.m > 4 * n ? new Int32Array(Math.ceil((n * n) / 32)) : null;
    if (this.bits) for (let e = 0; e < this.m; e++) this.flip((this.src[e] as number) * n + (this.dst[e] as number));
  }

  private flip(bit: number): void {
    const bits = this.bits as Int32Array;
    bits[bit >>> 5] = (bits[bit >>> 5] as number) ^ (1 << (bit & 31));
  }

  /** Attempts `k` swaps. */
  step(k: number): void {
    const m = this.m;
    if (m < 2) return;
    const { src, dst, offsets, rng, bits, n } = this;
    let accepted = 0;
    for (let t = 0; t < k; t++) {
      const e1 = Math.floor(rng() * m);
      const e2 = Math.floor(rng() * m);
      const a = src[e1] as number;
      const b = dst[e1] as number;
      const c = src[e2] as number;
      const d = dst[e2] as number;
      if (a === d || c === b || b === d || a === c) continue;
      if (bits) {
        const ad = a * n + d;
        const cb = c * n + b;
        if (((bits[ad >>> 5] as number) >>> (ad & 31)) & 1 || ((bits[cb >>> 5] as number) >>> (cb & 31)) & 1) continue;
        const ab = a * n + b;
        const cd = c * n + d;
        bits[ab >>> 5] = (bits[ab >>> 5] as number) ^ (1 << (ab & 31));
        bits[cd >>> 5] = (bits[cd >>> 5] as number) ^ (1 << (cd & 31));
        bits[ad >>> 5] = (bits[ad >>> 5] as number) ^ (1 << (ad & 31));
        bits[cb >>> 5] = (bits[cb >>> 5] as number) ^ (1 << (cb & 31));
      } else {
        if (scan(dst, offsets[a] as number, offsets[a + 1] as number, d)) continue;
        if (scan(dst, offsets[c] as number, offsets[c + 1] as number, b)) continue;
      }
      dst[e1] = d;
      dst[e2] = b;
      accepted++;
    }
    this.attempted += k;
    this.accepted += accepted;
  }

  /** Whether the arc s→d is present in the current state. */
  has(s: number, d: number): boolean {
    if (s + 1 >= this.offsets.length) return false;
    if (this.bits && d < this.n) {
      const bit = s * this.n + d;
      return (((this.bits[bit >>> 5] as number) >>> (bit & 31)) & 1) === 1;
    }
    return scan(this.dst, this.offsets[s] as number, this.offsets[s + 1] as number, d);
  }
}

function scan(values: Int32Array, from: number, to: number, x: number): boolean {
  for (let j = from; j < to; j++) if (values[j] === x) return true;
  return false;
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
  /** Edges {a < b} as bits a·n + b when n² bits fit in {@link BIT_MATRIX_BYTES}, else a hash set. */
  private readonly bits: Int32Array | null;
  private readonly n: number;
  private readonly edges: PairSet | null;
  private readonly rng: Rng;
  attempted = 0;
  accepted = 0;

  constructor(u: ArrayLike<number>, v: ArrayLike<number>, rng: Rng) {
    this.m = u.length;
    this.u = Int32Array.from(u);
    this.v = Int32Array.from(v);
    this.rng = rng;
    let n = 0;
    for (let e = 0; e < this.m; e++) n = Math.max(n, (this.u[e] as number) + 1, (this.v[e] as number) + 1);
    this.n = n;
    this.bits = (n * n) / 8 <= BIT_MATRIX_BYTES ? new Int32Array(Math.ceil((n * n) / 32)) : null;
    this.edges = this.bits ? null : new PairSet(this.m);
    for (let e = 0; e < this.m; e++) this.add(this.u[e] as number, this.v[e] as number);
  }

  private bit(a: number, b: number): number {
    return a < b ? a * this.n + b : b * this.n + a;
  }

  private has(a: number, b: number): boolean {
    if (this.bits) {
      const i = this.bit(a, b);
      return (((this.bits[i >>> 5] as number) >>> (i & 31)) & 1) === 1;
    }
    return a < b ? (this.edges as PairSet).has(a, b) : (this.edges as PairSet).has(b, a);
  }

  private add(a: number, b: number): void {
    if (this.bits) {
      const i = this.bit(a, b);
      this.bits[i >>> 5] = (this.bits[i >>> 5] as number) | (1 << (i & 31));
    } else if (a < b) (this.edges as PairSet).add(a, b);
    else (this.edges as PairSet).add(b, a);
  }

  private delete(a: number, b: number): void {
    if (this.bits) {
      const i = this.bit(a, b);
      this.bits[i >>> 5] = (this.bits[i >>> 5] as number) & ~(1 << (i & 31));
    } else if (a < b) (this.edges as PairSet).delete(a, b);
    else (this.edges as PairSet).delete(b, a);
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
      this.delete(a, b);
      this.delete(c, d);
      this.add(a, d);
      this.add(c, b);
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
