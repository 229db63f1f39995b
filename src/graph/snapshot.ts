/**
 * A compact, read-only snapshot of a graphology graph in compressed sparse row (CSR) form, built once per
 * analysis and shared by every stage whose inner loops walk edges many times: the practice test's null
 * models (tens of thousands of passes over the arcs) and the expertise measures (Brandes over many
 * sources, power iterations). Walking graphology's iterators and attribute getters costs about two orders
 * of magnitude more per edge than walking these typed arrays.
 *
 * - Arcs are grouped by tail: node `i`'s arcs are `offsets[i] … offsets[i + 1] − 1`, with heads `dst`
 *   ascending within a row, and `src` holding each arc's tail (so loops over all arcs need no row walk).
 * - An undirected edge (or any edge, with `symmetric`) gives two arcs. Self-loops are no tie between two
 *   people: left out and counted in `selfLoops`.
 * - Parallel arcs (multigraphs, mixed graphs, `symmetric` reading of a reciprocated pair) are merged: their
 *   strengths and message counts are summed; for distances the shortest is kept.
 * - `weight` holds one value per arc: a strength (`valueKind: 'strength'`, e.g. messages: Louvain,
 *   PageRank, HITS, cohesion) or a distance (`'distance'`, e.g. 1 / strength: shortest paths). Keep the two
 *   apart (DESIGN §4): graphology's betweenness reads its weight attribute as a distance.
 * - Arcs that are no connection are skipped and counted in `skipped`: strength 0, distance +∞.
 *
 * Built in one pass over the edges (graphology's O(1) degrees give the row offsets), then every row is
 * sorted in place: no array of the graph's size beyond the snapshot's own is allocated.
 *
 * @module
 */

import type { AbstractGraph, Attributes } from 'graphology-types';
import { GraphError } from '../errors.js';

const MODULE = 'graph/snapshot';

/** The CSR snapshot of a graph (see the module description). Node i is `keys[i]`, in the graph's node order. */
export interface GraphSnapshot {
  /** `false` when every edge is stored both ways (an undirected graph, or `symmetric`). */
  readonly directed: boolean;
  readonly n: number;
  readonly keys: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  /** Number of arcs. */
  readonly m: number;
  /** n + 1 offsets: the arcs of node i are `offsets[i] … offsets[i + 1] − 1`. */
  readonly offsets: Int32Array;
  /** Tail of each arc. */
  readonly src: Int32Array;
  /** Head of each arc, ascending within a row. */
  readonly dst: Int32Array;
  /** Value of each arc (strength or distance, see `valueKind`); 1 on every arc when `weighted` is false. */
  readonly weight: Float64Array;
  /** Whether `weight` was read from the edges (`false`: every arc counts 1, `getEdgeWeight: null`). */
  readonly weighted: boolean;
  readonly valueKind: 'strength' | 'distance';
  /** Messages behind each arc: the edges' `count` attribute when present (else 1), summed over merged arcs. */
  readonly count: Float64Array;
  /** Σ of `weight` over each node's out-arcs and in-arcs. */
  readonly outStrength: Float64Array;
  readonly inStrength: Float64Array;
  /** Distinct out- and in-neighbours. */
  readonly outDegree: Int32Array;
  readonly inDegree: Int32Array;
  /** W = Σ arc values. */
  readonly totalWeight: number;
  readonly selfLoops: number;
  /** Arcs that are no connection: strength 0 or distance +∞. */
  readonly skipped: number;
}

/** A getter of an edge's value. */
export type EdgeValueGetter = (edge: string, attributes: Attributes, source: string, target: string) => number;

/** Options of {@link snapshotGraph}. */
export interface SnapshotOptions {
  /**
   * Edge attribute (or getter) read as each arc's value, or `null` for 1 on every arc. Default `'weight'`.
   * A missing or non-numeric value is an error: a graph built elsewhere must say what its edges mean.
   */
  getEdgeWeight?: string | EdgeValueGetter | null;
  /**
   * `'strength'` (default): values are finite and ≥ 0, parallel arcs are summed, 0 means no tie.
   * `'distance'`: values are > 0, parallel arcs keep the shortest, +∞ means no path through the arc.
   */
  valueKind?: 'strength' | 'distance';
  /** Store every edge both ways, reading a directed graph as undirected. Default `false`. */
  symmetric?: boolean;
}

/** Defaults of {@link SnapshotOptions}. */
export const SNAPSHOT_DEFAULTS = Object.freeze({
  getEdgeWeight: 'weight' as string | EdgeValueGetter | null,
  valueKind: 'strength' as 'strength' | 'distance',
  symmetric: false,
});

function invalid(source: string, target: string, kind: string, name: string, value: unknown): GraphError {
  return new GraphError('INVALID_INPUT', `edge ${source} → ${target} has no valid ${kind} in ${name}`, {
    module: MODULE,
    got: value,
    hint:
      kind === 'distance'
        ? 'distances must be > 0 (e.g. 1 / weight, as buildInteractionGraph writes); pass `getEdgeDistance: null` for hop counts'
        : 'a strength must be a finite number ≥ 0; fix the edge attribute, or choose another with `getEdgeWeight` (`null` counts every edge 1)',
  });
}

/** Rows at most this long are sorted by insertion; longer ones through a packed key array. */
const INSERTION_ROW = 24;

/**
 * Sorts every row of a CSR by head, in place, carrying `values` and `counts` along. Short rows (most rows
 * of a social graph) by insertion; long ones by a native sort of packed keys head · 2²² + position. No
 * array of the graph's size is allocated: on graphs of 10⁶ edges each one can cost a full garbage
 * collection of the graphology heap.
 */
function sortRows(n: number, offsets: Int32Array, heads: Int32Array, values: Float64Array, counts: Float64Array): void {
  let longest = 0;
  for (let u = 0; u < n; u++) longest = Math.max(longest, (offsets[u + 1] as number) - (offsets[u] as number));
  const big = longest > INSERTION_ROW ? longest : 0;
  const keys = new Float64Array(big);
  const h = new Int32Array(big);
  const v = new Float64Array(big);
  const c = new Float64Array(big);
  for (let u = 0; u < n; u++) {
    const start = offsets[u] as number;
    const end = offsets[u + 1] as number;
    const d = end - start;
    if (d <= INSERTION_ROW) {
      for (let p = start + 1; p < end; p++) {
        const x = heads[p] as number;
        if (x >= (heads[p - 1] as number)) continue;
        const xv = values[p] as number;
        const xc = counts[p] as number;
        let q = p - 1;
        while (q >= start && (heads[q] as number) > x) {
          heads[q + 1] = heads[q] as number;
          values[q + 1] = values[q] as number;
          counts[q + 1] = counts[q] as number;
          q--;
        }
        heads[q + 1] = x;
        values[q + 1] = xv;
        counts[q + 1] = xc;
      }
      continue;
    }
    let sorted = true;
    for (let p = start + 1; p < end && sorted; p++) sorted = (heads[p] as number) >= (heads[p - 1] as number);
    if (sorted) continue;
    const k = keys.subarray(0, d);
    for (let j = 0; j < d; j++) {
      k[j] = (heads[start + j] as number) * 4194304 + j;
      h[j] = heads[start + j] as number;
      v[j] = values[start + j] as number;
      c[j] = counts[start + j] as number;
    }
    k.sort();
    for (let j = 0; j < d; j++) {
      const from = (k[j] as number) % 4194304;
      heads[start + j] = h[from] as number;
      values[start + j] = v[from] as number;
      counts[start + j] = c[from] as number;
    }
  }
}

/** The transposed CSR of `(heads, values, counts)`: rows by head, each ordered by tail. */
function transposeRows(
  n: number,
  offsets: Int32Array,
  heads: Int32Array,
  values: Float64Array,
  counts: Float64Array,
): { offsets: Int32Array; heads: Int32Array; values: Float64Array; counts: Float64Array } {
  const m = heads.length;
  const out = new Int32Array(n + 1);
  for (let p = 0; p < m; p++) {
    const x = (heads[p] as number) + 1;
    out[x] = (out[x] as number) + 1;
  }
  for (let i = 0; i < n; i++) out[i + 1] = (out[i + 1] as number) + (out[i] as number);
  const cursor = out.slice(0, n);
  const tHeads = new Int32Array(m);
  const tValues = new Float64Array(m);
  const tCounts = new Float64Array(m);
  for (let u = 0; u < n; u++) {
    for (let p = offsets[u] as number, end = offsets[u + 1] as number; p < end; p++) {
      const v = heads[p] as number;
      const at = cursor[v] as number;
      cursor[v] = at + 1;
      tHeads[at] = u;
      tValues[at] = values[p] as number;
      tCounts[at] = counts[p] as number;
    }
  }
  return { offsets: out, heads: tHeads, values: tValues, counts: tCounts };
}

/** Assembles a snapshot from sorted, merged rows, deriving tails, strengths and degrees. */
function assemble(
  base: Pick<GraphSnapshot, 'directed' | 'keys' | 'index' | 'weighted' | 'valueKind' | 'selfLoops' | 'skipped'>,
  offsets: Int32Array,
  dst: Int32Array,
  weight: Float64Array,
  count: Float64Array,
): GraphSnapshot {
  const n = base.keys.length;
  const m = dst.length;
  const src = new Int32Array(m);
  const outStrength = new Float64Array(n);
  const inStrength = new Float64Array(n);
  const outDegree = new Int32Array(n);
  const inDegree = new Int32Array(n);
  let total = 0;
  for (let u = 0; u < n; u++) {
    const start = offsets[u] as number;
    const end = offsets[u + 1] as number;
    src.fill(u, start, end);
    outDegree[u] = end - start;
    for (let p = start; p < end; p++) {
      const v = dst[p] as number;
      const w = weight[p] as number;
      outStrength[u] = (outStrength[u] as number) + w;
      inStrength[v] = (inStrength[v] as number) + w;
      inDegree[v] = (inDegree[v] as number) + 1;
      total += w;
    }
  }
  return {
    ...base,
    n,
    m,
    offsets,
    src,
    dst,
    weight,
    count,
    outStrength,
    inStrength,
    outDegree,
    inDegree,
    totalWeight: total,
  };
}

/**
 * Builds the snapshot of `graph` (directed, undirected or mixed; simple or multi).
 *
 * @throws {GraphError} `INVALID_INPUT` when an edge value is missing, not a number, negative, not finite (a
 *   strength) or 0 (a distance).
 * @example
 * const s = snapshotGraph(graph, { getEdgeWeight: 'distance', valueKind: 'distance' });
 * s.dst.subarray(s.offsets[0], s.offsets[1]); // out-neighbours of the first node, ascending
 */
export function snapshotGraph(
  graph: AbstractGraph<Attributes, Attributes, Attributes>,
  options: SnapshotOptions = {},
): GraphSnapshot {
  const getter = options.getEdgeWeight === undefined ? SNAPSHOT_DEFAULTS.getEdgeWeight : options.getEdgeWeight;
  const kind = options.valueKind ?? SNAPSHOT_DEFAULTS.valueKind;
  const symmetric = options.symmetric ?? SNAPSHOT_DEFAULTS.symmetric;
  const n = graph.order;
  const keys: string[] = new Array(n);
  // a prototype-less object: faster than a Map for graphology's string keys in the edge pass
  const at: Record<string, number> = Object.create(null);
  // arcs per tail from graphology's O(1) degrees (self-loops left out), as offsets
  const offsets = new Int32Array(n + 1);
  let i = 0;
  graph.forEachNode((node) => {
    keys[i] = node;
    at[node] = i;
    const arcs = symmetric
      ? graph.degreeWithoutSelfLoops(node)
      : graph.outDegreeWithoutSelfLoops(node) + graph.undirectedDegreeWithoutSelfLoops(node);
    offsets[i + 1] = (offsets[i] as number) + arcs;
    i++;
  });
  const name = typeof getter === 'function' ? 'the getter' : `\`${getter}\``;
  let selfLoops = 0;

  // pass 2: fill in graph order
  const total = offsets[n] as number;
  const heads = new Int32Array(total);
  const values = new Float64Array(total);
  const counts = new Float64Array(total);
  const cursor = offsets.slice(0, n);
  graph.forEachEdge((edge, attributes, source, target, _sa, _ta, undirected) => {
    if (source === target) {
      selfLoops++;
      return;
    }
    let value = 1;
    if (getter !== null) {
      const raw = typeof getter === 'function' ? getter(edge, attributes, source, target) : attributes[getter];
      if (typeof raw !== 'number' || Number.isNaN(raw) || raw < 0) throw invalid(source, target, kind, name, raw);
      if (kind === 'distance' ? raw === 0 : raw === Number.POSITIVE_INFINITY) {
        throw invalid(source, target, kind, name, raw);
      }
      value = raw;
    }
    const c = typeof attributes.count === 'number' && attributes.count > 0 ? attributes.count : 1;
    const s = at[source] as number;
    const t = at[target] as number;
    let p = cursor[s] as number;
    cursor[s] = p + 1;
    heads[p] = t;
    values[p] = value;
    counts[p] = c;
    if (undirected || symmetric) {
      p = cursor[t] as number;
      cursor[t] = p + 1;
      heads[p] = s;
      values[p] = value;
      counts[p] = c;
    }
  });

  // order every row by head, then merge parallels and drop non-connections in place
  sortRows(n, offsets, heads, values, counts);
  const dst = heads;
  const weight = values;
  const count = counts;
  const rows = new Int32Array(n + 1);
  let write = 0;
  let skipped = 0;
  const none = kind === 'distance' ? Number.POSITIVE_INFINITY : 0;
  for (let u = 0; u < n; u++) {
    const start = write;
    for (let p = offsets[u] as number, end = offsets[u + 1] as number; p < end; p++) {
      const v = dst[p] as number;
      const w = weight[p] as number;
      if (w === none) {
        skipped++;
        continue;
      }
      if (write > start && dst[write - 1] === v) {
        const q = write - 1;
        weight[q] = kind === 'distance' ? Math.min(weight[q] as number, w) : (weight[q] as number) + w;
        count[q] = (count[q] as number) + (count[p] as number);
        continue;
      }
      dst[write] = v;
      weight[write] = w;
      count[write] = count[p] as number;
      write++;
    }
    rows[u + 1] = write;
  }
  const full = write === dst.length;
  const index = new Map<string, number>();
  for (let k = 0; k < n; k++) index.set(keys[k] as string, k);
  return assemble(
    {
      directed: graph.type !== 'undirected' && !symmetric,
      keys,
      index,
      weighted: getter !== null,
      valueKind: kind,
      selfLoops,
      skipped,
    },
    rows,
    full ? dst : dst.slice(0, write),
    full ? weight : weight.slice(0, write),
    full ? count : count.slice(0, write),
  );
}

/** The snapshot with every arc reversed (in-arcs become out-arcs), for backward searches. */
export function transposeSnapshot(g: GraphSnapshot): GraphSnapshot {
  const t = transposeRows(g.n, g.offsets, g.dst, g.weight, g.count);
  return assemble(g, t.offsets, t.heads, t.values, t.counts);
}
