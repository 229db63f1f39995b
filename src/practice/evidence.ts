/**
 * The evidence one graph offers to the practice test: its typed-array snapshot, its time windows as arc
 * lists in the snapshot's node numbering, and the thread summaries that belong to it. Built once per graph
 * (the whole interaction graph, and each channel graph that a channel group needs).
 *
 * @module
 */

import type { InteractionGraph, WindowGraph, WindowTies } from '../graph/build.js';
import { type GraphSnapshot, snapshotGraph } from '../graph/snapshot.js';
import type { ThreadSummary } from '../log/threads.js';

/** One time window's arcs, in the numbering of the graph's snapshot, grouped by source (CSR order). */
export interface WindowArcs {
  /** Window number floor((t − origin) / window), as in {@link WindowGraph}. */
  index: number;
  start: number;
  end: number;
  src: Int32Array;
  dst: Int32Array;
  weight: Float64Array;
  /** Messages behind each arc in this window. */
  count: Float64Array;
  /** Arcs of node i are `outOffsets[i] … outOffsets[i + 1] − 1` (length n + 1 of the snapshot). */
  outOffsets: Int32Array;
}

/** A graph, its windows and its threads, ready for the practice test. */
export interface Evidence {
  /** `'organisation'` or the channel. */
  label: string;
  channel?: string;
  snapshot: GraphSnapshot;
  /** Windows sorted by index (only windows with messages exist). */
  windows: WindowArcs[];
  /** Window length and origin (ms), when the log was windowed. */
  window?: { length: number; origin: number };
  threads: readonly ThreadSummary[];
}

/** Options of {@link buildEvidence}. */
export interface EvidenceOptions {
  getEdgeWeight: string | null;
}

/** Snapshots a graph and its windows (window nodes are looked up by key; unknown keys are skipped). */
export function buildEvidence(
  label: string,
  graph: InteractionGraph,
  windows: readonly WindowGraph[],
  threads: readonly ThreadSummary[],
  options: EvidenceOptions,
): Evidence {
  const snapshot = snapshotGraph(graph, { getEdgeWeight: options.getEdgeWeight });
  const params = graph.getAttribute('params') as { window?: number; origin?: number } | undefined;
  const arcs: WindowArcs[] = [];
  for (const w of [...windows].sort((a, b) => a.index - b.index)) {
    const t = windowTies(w, options.getEdgeWeight);
    // the window's ties in the snapshot's numbering (ties of people the graph lacks are skipped)
    const map = t.people.map((k) => snapshot.index.get(k) ?? -1);
    const keep: number[] = [];
    for (let e = 0; e < t.src.length; e++) {
      if ((map[t.src[e] as number] as number) >= 0 && (map[t.dst[e] as number] as number) >= 0) keep.push(e);
    }
    // group by source in the snapshot's numbering
    keep.sort(
      (x, y) =>
        (map[t.src[x] as number] as number) - (map[t.src[y] as number] as number) ||
        (map[t.dst[x] as number] as number) - (map[t.dst[y] as number] as number),
    );
    const outOffsets = new Int32Array(snapshot.n + 1);
    for (const e of keep) {
      const a = (map[t.src[e] as number] as number) + 1;
      outOffsets[a] = (outOffsets[a] as number) + 1;
    }
    for (let i = 0; i < snapshot.n; i++) outOffsets[i + 1] = (outOffsets[i + 1] as number) + (outOffsets[i] as number);
    arcs.push({
      outOffsets,
      index: w.index,
      start: w.start,
      end: w.end,
      src: Int32Array.from(keep, (e) => map[t.src[e] as number] as number),
      dst: Int32Array.from(keep, (e) => map[t.dst[e] as number] as number),
      weight: Float64Array.from(keep, (e) => t.weight[e] as number),
      count: Float64Array.from(keep, (e) => t.count[e] as number),
    });
  }
  const evidence: Evidence = { label, snapshot, windows: arcs, threads };
  if (params?.window !== undefined) evidence.window = { length: params.window, origin: params.origin ?? 0 };
  const channel = graph.getAttribute('channel');
  if (typeof channel === 'string') evidence.channel = channel;
  return evidence;
}

/**
 * A window's arcs (self-loops left out) with the value `getEdgeWeight` reads (1 when `null`) and their message
 * count (1 when the tie has none): from the builder's typed arrays when the window offers them and the value
 * is the strength or 1, so that the window's graphology graph is never materialised; else from a snapshot of
 * the window's graph.
 */
function windowTies(w: WindowGraph, getEdgeWeight: string | null): WindowTies {
  if (w.ties && (getEdgeWeight === null || getEdgeWeight === 'weight')) {
    const t = w.ties();
    const keep: number[] = [];
    for (let e = 0; e < t.src.length; e++) if (t.src[e] !== t.dst[e]) keep.push(e);
    return {
      people: t.people,
      src: Int32Array.from(keep, (e) => t.src[e] as number),
      dst: Int32Array.from(keep, (e) => t.dst[e] as number),
      weight: Float64Array.from(keep, (e) => (getEdgeWeight === null ? 1 : (t.weight[e] as number))),
      count: Float64Array.from(keep, (e) => ((t.count[e] as number) > 0 ? (t.count[e] as number) : 1)),
    };
  }
  const s = snapshotGraph(w.graph, { getEdgeWeight });
  return { people: s.keys, src: s.src, dst: s.dst, weight: s.weight, count: s.count };
}

/** Window number of an instant, for threads placed in time (`undefined` without windows or time). */
export function windowOf(evidence: Evidence, time: number | undefined): number | undefined {
  if (!evidence.window || time === undefined) return undefined;
  return Math.floor((time - evidence.window.origin) / evidence.window.length);
}
