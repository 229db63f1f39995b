/**
 * A compact description of an interaction graph: size, density, reciprocity, strength and the accounting
 * of how it was built. This is what `practice-graph analyze` prints before the later stages.
 *
 * @module
 */

import type { AbstractGraph, Attributes } from 'graphology-types';
import type { BuildStats, InteractionGraphAttributes } from './build.js';

/** Result of {@link summarizeGraph}. */
export interface GraphSummary {
  method: 'graph-summary';
  people: number;
  ties: number;
  /** Ties / (n (n − 1)), self-loops excluded. */
  density: number;
  /**
   * Share of directed ties (self-loops excluded) whose reverse tie exists:
   * r = |{(u,v) ∈ E : (v,u) ∈ E}| / |E| (NetworkX `overall_reciprocity`).
   */
  reciprocity: number;
  /** Σ weight over ties. */
  totalWeight: number;
  /** People with no tie in or out. */
  isolates: number;
  /** First and last timestamp of the messages used, ISO 8601, when known. */
  from?: string;
  to?: string;
  /** Build accounting, when the graph came from the builder. */
  build?: BuildStats;
  /** Reader accounting (read = accepted + rejected), when known. */
  read?: { source: string; format: string; read: number; accepted: number; rejected: number; messages: number };
}

/** Reciprocity of a directed graph's non-self ties (0 for a graph with no tie). */
export function reciprocity(graph: AbstractGraph): number {
  let ties = 0;
  let reciprocated = 0;
  graph.forEachDirectedEdge((_e, _a, source, target) => {
    if (source === target) return;
    ties++;
    if (graph.hasDirectedEdge(target, source)) reciprocated++;
  });
  return ties === 0 ? 0 : reciprocated / ties;
}

/**
 * Summarises an interaction graph.
 *
 * @example
 * summarizeGraph(graph); // { people: 1005, ties: 24929, reciprocity: 0.711..., ... }
 */
export function summarizeGraph<N extends Attributes, E extends Attributes>(
  graph: AbstractGraph<N, E, Attributes>,
): GraphSummary {
  let ties = 0;
  let totalWeight = 0;
  graph.forEachEdge((_e, attrs, source, target) => {
    if (source !== target) ties++;
    totalWeight += typeof attrs.weight === 'number' ? attrs.weight : 1;
  });
  let isolates = 0;
  graph.forEachNode((node) => {
    if (graph.degree(node) === 0) isolates++;
  });
  const n = graph.order;
  const attrs = graph.getAttributes() as Partial<InteractionGraphAttributes>;
  const summary: GraphSummary = {
    method: 'graph-summary',
    people: n,
    ties: graph.size,
    density: n > 1 ? ties / (n * (n - 1)) : 0,
    reciprocity: graph.type === 'undirected' ? 1 : reciprocity(graph),
    totalWeight,
    isolates,
  };
  if (typeof attrs.from === 'number') summary.from = new Date(attrs.from).toISOString();
  if (typeof attrs.to === 'number') summary.to = new Date(attrs.to).toISOString();
  if (attrs.stats) summary.build = attrs.stats;
  if (attrs.read) {
    const r = attrs.read;
    summary.read = {
      source: r.source,
      format: r.format,
      read: r.read,
      accepted: r.accepted,
      rejected: r.rejected,
      messages: r.messages,
    };
  }
  return summary;
}
