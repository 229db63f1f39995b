/**
 * Undirected projection of the interaction graph that **sums** reciprocal strengths.
 *
 * For people u and v with ties u→v and v→u, the undirected tie has weight w(u→v) + w(v→u), the summed
 * per-kind counts, `first` = the earlier and `last` = the later of the two, and distance 1 / weight.
 * NetworkX's `to_undirected()` keeps only one direction's attributes and python-igraph's
 * `as_undirected()` defaults to collapsing without combining weights; practice-graph never loses a
 * direction's strength.
 *
 * @module
 */

import { UndirectedGraph } from 'graphology';
import type { AbstractGraph, Attributes } from 'graphology-types';
import { TIE_KINDS, type TieAttributes } from './build.js';

/** Attributes of an undirected tie. */
export type UndirectedTieAttributes = TieAttributes;

/** Options of {@link toUndirected}. */
export interface ToUndirectedOptions {
  /** Edge attribute read as strength. Default `'weight'`. A missing attribute counts as 1. */
  getEdgeWeight?: string;
}

/**
 * Projects a directed graph to an undirected one, summing reciprocal strengths (and kind counts).
 * Node attributes and graph attributes are copied. Self-loops are kept as undirected self-loops.
 *
 * @example
 * const u = toUndirected(graph);
 * u.getEdgeAttribute('a', 'b', 'weight'); // w(a→b) + w(b→a)
 */
export function toUndirected<N extends Attributes = Attributes, G extends Attributes = Attributes>(
  graph: AbstractGraph<N, Attributes, G>,
  options: ToUndirectedOptions = {},
): AbstractGraph<N, UndirectedTieAttributes, G> {
  const key = options.getEdgeWeight ?? 'weight';
  const out = new UndirectedGraph<N, UndirectedTieAttributes, G>();
  out.replaceAttributes({ ...graph.getAttributes() });
  graph.forEachNode((node, attrs) => {
    out.addNode(node, { ...attrs });
  });
  graph.forEachEdge((_edge, attrs, source, target) => {
    const w = typeof attrs[key] === 'number' ? (attrs[key] as number) : 1;
    if (out.hasEdge(source, target)) {
      out.updateEdgeAttributes(source, target, (a) => {
        const merged: UndirectedTieAttributes = {
          ...a,
          weight: a.weight + w,
          count: a.count + ((attrs.count as number) ?? 1),
        };
        for (const k of TIE_KINDS) merged[k] = a[k] + ((attrs[k] as number | undefined) ?? 0);
        merged.distance = merged.weight > 0 ? 1 / merged.weight : Number.POSITIVE_INFINITY;
        const first = attrs.first as number | undefined;
        const last = attrs.last as number | undefined;
        if (first !== undefined && (a.first === undefined || first < a.first)) merged.first = first;
        if (last !== undefined && (a.last === undefined || last > a.last)) merged.last = last;
        return merged;
      });
    } else {
      const created: UndirectedTieAttributes = {
        weight: w,
        distance: w > 0 ? 1 / w : Number.POSITIVE_INFINITY,
        count: (attrs.count as number | undefined) ?? 1,
        to: (attrs.to as number | undefined) ?? 0,
        cc: (attrs.cc as number | undefined) ?? 0,
        bcc: (attrs.bcc as number | undefined) ?? 0,
        reply: (attrs.reply as number | undefined) ?? 0,
        mention: (attrs.mention as number | undefined) ?? 0,
      };
      if (attrs.first !== undefined) created.first = attrs.first as number;
      if (attrs.last !== undefined) created.last = attrs.last as number;
      out.addEdge(source, target, created);
    }
  });
  return out;
}
