/**
 * The evidence one graph offers to the practice test: its typed-array snapshot, its time windows as arc
 * lists in the snapshot's node numbering, and the thread summaries that belong to it. Built once per graph
 * (the whole interaction graph, and each channel graph that a channel group needs).
 *
 * @module
 */

import type { InteractionGraph, WindowGraph } from '../graph/build.js';
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
    const s = snapshotGraph(w.graph, { getEdgeWeight: options.getEdgeWeight });
    const map = s.keys.map((k) => snapshot.index.get(k) ?? -1);
    const keep: number[] = [];
    for (let e = 0; e < s.m; e++) {
      if ((map[s.src[e] as number] as number) >= 0 && (map[s.dst[e] as number] as number) >= 0) keep.push(e);
    }
    // group by source in the snapshot's numbering
    keep.sort(
      (x, y) =>
        (map[s.src[x] as number] as number) - (map[s.src[y] as number] as number) ||
        (map[s.dst[x] as number] as number) - (map[s.dst[y] as number] as number),
    );
    const outOffsets = new Int32Array(snapshot.n + 1);
    for (const e of keep) {
      const a = (map[s.src[e] as number] as number) + 1;
      outOffsets[a] = (outOffsets[a] as number) + 1;
    }
    for (let i = 0; i < snapshot.n; i++) outOffsets[i + 1] = (outOffsets[i + 1] as number) + (outOffsets[i] as number);
    arcs.push({
      outOffsets,
      index: w.index,
      start: w.start,
      end: w.end,
      src: Int32Array.from(keep, (e) => map[s.src[e] as number] as number),
      dst: Int32Array.from(keep, (e) => map[s.dst[e] as number] as number),
      weight: Float64Array.from(keep, (e) => s.weight[e] as number),
      count: Float64Array.from(keep, (e) => s.count[e] as number),
    });
  }
  const evidence: Evidence = { label, snapshot, windows: arcs, threads };
  if (params?.window !== undefined) evidence.window = { length: params.window, origin: params.origin ?? 0 };
  const channel = graph.getAttribute('channel');
  if (typeof channel === 'string') evidence.channel = channel;
  return evidence;
}

/** Window number of an instant, for threads placed in time (`undefined` without windows or time). */
export function windowOf(evidence: Evidence, time: number | undefined): number | undefined {
  if (!evidence.window || time === undefined) return undefined;
  return Math.floor((time - evidence.window.origin) / evidence.window.length);
}
