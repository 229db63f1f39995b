/**
 * Structural measures of a group's internal graph, on plain integer arc lists (local node ids 0..k−1), so
 * that they can be recomputed cheaply on every null sample.
 *
 * @module
 */

/** Undirected simple projection of arcs: each unordered pair once, as (u < v), sorted. */
export function undirectedPairs(src: ArrayLike<number>, dst: ArrayLike<number>): { u: Int32Array; v: Int32Array } {
  const keys: number[] = [];
  for (let e = 0; e < src.length; e++) {
    const a = src[e] as number;
    const b = dst[e] as number;
    if (a === b) continue;
    keys.push(a < b ? a * 2 ** 26 + b : b * 2 ** 26 + a);
  }
  keys.sort((x, y) => x - y);
  const u: number[] = [];
  const v: number[] = [];
  let last = -1;
  for (const k of keys) {
    if (k === last) continue;
    last = k;
    u.push(Math.floor(k / 2 ** 26));
    v.push(k % 2 ** 26);
  }
  return { u: Int32Array.from(u), v: Int32Array.from(v) };
}

/**
 * Arc reciprocity: the share of arcs a→b whose reverse b→a is also present (Wasserman & Faust 1994;
 * NetworkX `overall_reciprocity`). `NaN` without arcs.
 */
export function arcReciprocity(
  src: ArrayLike<number>,
  dst: ArrayLike<number>,
  has: (s: number, d: number) => boolean,
): number {
  if (src.length === 0) return Number.NaN;
  let r = 0;
  for (let e = 0; e < src.length; e++) if (has(dst[e] as number, src[e] as number)) r++;
  return r / src.length;
}

function adjacency(k: number, u: Int32Array, v: Int32Array): { off: Int32Array; nb: Int32Array } {
  const off = new Int32Array(k + 1);
  for (let e = 0; e < u.length; e++) {
    const a = (u[e] as number) + 1;
    const b = (v[e] as number) + 1;
    off[a] = (off[a] as number) + 1;
    off[b] = (off[b] as number) + 1;
  }
  for (let i = 0; i < k; i++) off[i + 1] = (off[i + 1] as number) + (off[i] as number);
  const pos = off.slice(0, k);
  const nb = new Int32Array(2 * u.length);
  for (let e = 0; e < u.length; e++) {
    const a = u[e] as number;
    const b = v[e] as number;
    const pa = pos[a] as number;
    const pb = pos[b] as number;
    nb[pa] = b;
    nb[pb] = a;
    pos[a] = pa + 1;
    pos[b] = pb + 1;
  }
  for (let i = 0; i < k; i++) nb.subarray(off[i] as number, off[i + 1] as number).sort();
  return { off, nb };
}

/**
 * Transitivity (global clustering) of an undirected simple graph: 3 × triangles / connected triples
 * (Newman 2010 eq. 7.41; NetworkX `transitivity`). `NaN` without any connected triple. Triangles are counted
 * once each by intersecting sorted neighbour lists over the edges {a < b} for common neighbours w > b.
 * Edges may be given in either orientation but must be distinct.
 */
export function transitivity(k: number, u: Int32Array, v: Int32Array): number {
  const { off, nb } = adjacency(k, u, v);
  let triples = 0;
  for (let i = 0; i < k; i++) {
    const d = (off[i + 1] as number) - (off[i] as number);
    triples += (d * (d - 1)) / 2;
  }
  if (triples === 0) return Number.NaN;
  let triangles = 0;
  for (let e = 0; e < u.length; e++) {
    const a = Math.min(u[e] as number, v[e] as number);
    const b = Math.max(u[e] as number, v[e] as number);
    let i = off[a] as number;
    let j = off[b] as number;
    const iEnd = off[a + 1] as number;
    const jEnd = off[b + 1] as number;
    while (i < iEnd && j < jEnd) {
      const x = nb[i] as number;
      const y = nb[j] as number;
      if (x === y) {
        if (x > b) triangles++;
        i++;
        j++;
      } else if (x < y) i++;
      else j++;
    }
  }
  return (3 * triangles) / triples;
}

/** Result of {@link corePeriphery}. */
export interface CorePeripheryFit {
  /** Pearson correlation between the adjacency and the ideal pattern (`NaN` when undefined). */
  fit: number;
  /** Core size at the best fit. */
  coreSize: number;
  /** Local ids of the core, by decreasing degree. */
  core: number[];
}

/**
 * Discrete core–periphery fit (Borgatti & Everett 2000) of an undirected simple graph, with the ideal
 * pattern δ_ij = 1 when i or j is in the core (core–core and core–periphery ties present,
 * periphery–periphery absent). Cores are searched among the top-c nodes by degree (ties by id), c = 1..k−1;
 * the fit is the Pearson correlation between the k(k−1)/2 pair indicators of adjacency and δ:
 * r = (N·Σaδ − Σa·Σδ) / √(Σa(N − Σa) · Σδ(N − Σδ)), N = k(k−1)/2. A star has fit 1 with a core of 1.
 */
export function corePeriphery(k: number, u: Int32Array, v: Int32Array): CorePeripheryFit {
  const N = (k * (k - 1)) / 2;
  const m = u.length;
  if (k < 3 || m === 0 || m === N) return { fit: Number.NaN, coreSize: 0, core: [] };
  const { off, nb } = adjacency(k, u, v);
  const order = Array.from({ length: k }, (_, i) => i);
  const deg = (i: number) => (off[i + 1] as number) - (off[i] as number);
  order.sort((a, b) => deg(b) - deg(a) || a - b);
  const inCore = new Uint8Array(k);
  const touching = new Int32Array(k);
  for (let c = 1; c < k; c++) {
    const x = order[c - 1] as number;
    let t = touching[c - 1] as number;
    for (let e = off[x] as number; e < (off[x + 1] as number); e++) if (inCore[nb[e] as number] === 0) t++;
    touching[c] = t;
    inCore[x] = 1;
  }
  return bestCore(k, m, order, touching);
}

/**
 * The best prefix core of {@link corePeriphery}, given `touching[c]`: the ties with an end among the first c
 * nodes of `order` (c = 1..k−1).
 */
function bestCore(k: number, m: number, order: number[], touching: Int32Array): CorePeripheryFit {
  const N = (k * (k - 1)) / 2;
  let best = Number.NEGATIVE_INFINITY;
  let bestSize = 0;
  for (let c = 1; c < k; c++) {
    const sd = (c * (c - 1)) / 2 + c * (k - c);
    const den = Math.sqrt(m * (N - m) * sd * (N - sd));
    if (den === 0) continue;
    const r = (N * (touching[c] as number) - m * sd) / den;
    if (r > best + 1e-12) {
      best = r;
      bestSize = c;
    }
  }
  if (bestSize === 0) return { fit: Number.NaN, coreSize: 0, core: [] };
  return { fit: best, coreSize: bestSize, core: order.slice(0, bestSize) };
}

/** Groups up to this many members get {@link BitAdjacency} (k² bits, at most 32 KiB); larger ones the lists above. */
export const BIT_ADJACENCY_MAX_NODES = 512;

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Transitivity and core–periphery fit of the edges last loaded (see {@link undirectedMeasures}). */
export interface UndirectedMeasures {
  /** Loads distinct undirected edges (either orientation); the measures read them until the next load. */
  load(u: Int32Array, v: Int32Array): void;
  transitivity(): number;
  corePeriphery(): CorePeripheryFit;
}

/**
 * The undirected graph of one group as rows of bits, reloaded for every null sample without allocating:
 * transitivity and the core–periphery fit then cost a few word operations per edge and per node. Gives
 * exactly what {@link transitivity} and {@link corePeriphery} give (the same integer counts, the same
 * floating-point steps): 3 × triangles = Σ over edges {a, b} of |N(a) ∩ N(b)|, and the edges touching a core
 * grow, as the core takes the next node x by degree, by deg(x) − |N(x) ∩ core|.
 */
export class BitAdjacency implements UndirectedMeasures {
  readonly k: number;
  /** 32-bit words per row. */
  private readonly words: number;
  private readonly rows: Int32Array;
  private readonly core: Int32Array;
  private readonly degree: Int32Array;
  private readonly order: number[];
  /** Per core size c, the ties with an end in the core (corePeriphery's scan). */
  private readonly touching: Int32Array;
  /** The loaded edges (a copy: callers rewire their arrays in place). */
  private u = new Int32Array(0);
  private v = new Int32Array(0);
  private m = 0;
  private ordered = false;

  constructor(k: number) {
    this.k = k;
    this.words = Math.max(1, Math.ceil(k / 32));
    this.rows = new Int32Array(k * this.words);
    this.core = new Int32Array(this.words);
    this.degree = new Int32Array(k);
    this.order = Array.from({ length: k }, (_, i) => i);
    this.touching = new Int32Array(k);
  }

  load(u: Int32Array, v: Int32Array): void {
    const { rows, words, degree } = this;
    // clear the words holding the previous edges only (rows are mostly zero)
    for (let e = 0; e < this.m; e++) {
      const a = this.u[e] as number;
      const b = this.v[e] as number;
      rows[a * words + (b >>> 5)] = 0;
      rows[b * words + (a >>> 5)] = 0;
    }
    if (this.u.length < u.length) {
      this.u = new Int32Array(u.length);
      this.v = new Int32Array(u.length);
    }
    this.u.set(u);
    this.v.set(v);
    this.m = u.length;
    degree.fill(0);
    for (let e = 0; e < u.length; e++) {
      const a = u[e] as number;
      const b = v[e] as number;
      const ia = a * words + (b >>> 5);
      const ib = b * words + (a >>> 5);
      rows[ia] = (rows[ia] as number) | (1 << (b & 31));
      rows[ib] = (rows[ib] as number) | (1 << (a & 31));
      degree[a] = (degree[a] as number) + 1;
      degree[b] = (degree[b] as number) + 1;
    }
    this.ordered = false;
  }

  transitivity(): number {
    const { rows, words, degree, k, u, v, m } = this;
    let triples = 0;
    for (let i = 0; i < k; i++) {
      const d = degree[i] as number;
      triples += (d * (d - 1)) / 2;
    }
    if (triples === 0) return Number.NaN;
    let closed = 0;
    for (let e = 0; e < m; e++) {
      const ra = (u[e] as number) * words;
      const rb = (v[e] as number) * words;
      for (let w = 0; w < words; w++) closed += popcount((rows[ra + w] as number) & (rows[rb + w] as number));
    }
    // closed = 3 × triangles (each triangle is seen from its three edges)
    return closed / triples;
  }

  corePeriphery(): CorePeripheryFit {
    const { k, rows, words, degree, core, order, touching, m } = this;
    const N = (k * (k - 1)) / 2;
    if (k < 3 || m === 0 || m === N) return { fit: Number.NaN, coreSize: 0, core: [] };
    if (!this.ordered) {
      for (let i = 0; i < k; i++) order[i] = i;
      order.sort((a, b) => (degree[b] as number) - (degree[a] as number) || a - b);
      this.ordered = true;
    }
    core.fill(0);
    for (let c = 1; c < k; c++) {
      const x = order[c - 1] as number;
      let inside = 0;
      const rx = x * words;
      for (let w = 0; w < words; w++) inside += popcount((rows[rx + w] as number) & (core[w] as number));
      touching[c] = (touching[c - 1] as number) + (degree[x] as number) - inside;
      core[x >>> 5] = (core[x >>> 5] as number) | (1 << (x & 31));
    }
    return bestCore(k, m, order, touching);
  }
}

/**
 * The measures of group graphs with k nodes, one graph after another (the observed graph, then every null
 * sample): {@link BitAdjacency} up to {@link BIT_ADJACENCY_MAX_NODES} nodes, the sorted neighbour lists of
 * {@link transitivity} and {@link corePeriphery} beyond. Same results either way.
 */
export function undirectedMeasures(k: number): UndirectedMeasures {
  if (k <= BIT_ADJACENCY_MAX_NODES) return new BitAdjacency(k);
  let u = new Int32Array(0);
  let v = new Int32Array(0);
  return {
    load(eu, ev) {
      u = Int32Array.from(eu);
      v = Int32Array.from(ev);
    },
    transitivity: () => transitivity(k, u, v),
    corePeriphery: () => corePeriphery(k, u, v),
  };
}
