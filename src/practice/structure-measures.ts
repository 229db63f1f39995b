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
  let touching = 0;
  let best = Number.NEGATIVE_INFINITY;
  let bestSize = 0;
  for (let c = 1; c < k; c++) {
    const x = order[c - 1] as number;
    for (let e = off[x] as number; e < (off[x + 1] as number); e++) if (inCore[nb[e] as number] === 0) touching++;
    inCore[x] = 1;
    const sd = (c * (c - 1)) / 2 + c * (k - c);
    const den = Math.sqrt(m * (N - m) * sd * (N - sd));
    if (den === 0) continue;
    const r = (N * touching - m * sd) / den;
    if (r > best + 1e-12) {
      best = r;
      bestSize = c;
    }
  }
  if (bestSize === 0) return { fit: Number.NaN, coreSize: 0, core: [] };
  return { fit: best, coreSize: bestSize, core: order.slice(0, bestSize) };
}
