/**
 * Modularity of any partition of a graph (detected communities, departments, teams), computed on the
 * compact view.
 *
 * Q_γ = (1/M) Σ_c [ Σ_{i,j∈c} A_ij − γ K_c^out K_c^in / M ]
 *
 * Undirected model (default): A is the projection with summed reciprocal strengths, a self-loop counts twice
 * in a strength, K_c = Σ_{i∈c} k_i and M = 2m; this is Newman's Q (Newman 2006), equal to NetworkX's
 * `modularity` and graphology-metrics' `modularity` on the same partition. Directed model: Leicht & Newman
 * (2008), M = m. An edgeless graph has Q = 0 (graphology-metrics throws and NetworkX divides by zero).
 *
 * @module
 */

import type { AbstractGraph } from 'graphology-types';
import { GraphError } from '../errors.js';
import { optionChecker, resolveOptions } from '../options.js';
import { compactModularity, type ModularityGraph, type ModularityModel, modularityGraph } from './modularity-graph.js';
import { type PartitionLike, partitionMap } from './partition.js';

const MODULE = 'communities/modularity';
const check = optionChecker(MODULE);

/** Options of {@link modularity}. */
export interface ModularityOptions {
  /** Edge attribute read as strength; `null` = unweighted. Default `'weight'`. */
  getEdgeWeight?: string | null;
  /** Default `'undirected'`. */
  model?: ModularityModel;
  /** γ ≥ 0. Default 1. */
  resolution?: number;
}

/** Defaults of {@link ModularityOptions}. */
export const MODULARITY_DEFAULTS = Object.freeze({
  getEdgeWeight: 'weight' as string | null,
  model: 'undirected' as ModularityModel,
  resolution: 1,
});

/**
 * Dense community ids of the view's nodes from a partition, or from a node attribute when `partition` is a
 * string. Every node must have a community.
 */
export function membershipOf(
  graph: AbstractGraph,
  view: ModularityGraph,
  partition: PartitionLike | string,
  module: string,
): Int32Array {
  const labels = new Map<number | string, number>();
  const out = new Int32Array(view.n);
  const map = typeof partition === 'string' ? null : partitionMap(partition, module);
  for (let i = 0; i < view.n; i++) {
    const key = view.keys[i] as string;
    const label = map
      ? map.get(key)
      : (graph.getNodeAttribute(key, partition as string) as number | string | undefined);
    if (label === undefined || label === null) {
      throw new GraphError('NOT_A_PARTITION', `node "${key}" has no community`, {
        module,
        hint:
          typeof partition === 'string'
            ? `set the node attribute \`${partition}\` on every node`
            : 'give every node of the graph a community (e.g. its own label for people without a group)',
      });
    }
    let id = labels.get(label);
    if (id === undefined) {
      id = labels.size;
      labels.set(label, id);
    }
    out[i] = id;
  }
  return out;
}

/**
 * Modularity of a partition.
 *
 * @param partition - node → community (extra nodes not in the graph are ignored), a result with
 *   `assignment`, or the name of a node attribute holding the community
 * @throws GraphError `NOT_A_PARTITION` when a node of the graph has no community
 * @example
 * modularity(graph, detectCommunities(graph));  // equals the result's own `modularity`
 * modularity(graph, 'department');              // Q of the formal structure
 */
export function modularity(
  graph: AbstractGraph,
  partition: PartitionLike | string,
  options: ModularityOptions = {},
): number {
  const o = resolveOptions(MODULARITY_DEFAULTS, options);
  if (o.getEdgeWeight !== null) check.string('getEdgeWeight', o.getEdgeWeight);
  const model = check.oneOf('model', o.model, ['undirected', 'directed'] as const);
  const resolution = check.nonNegative('resolution', o.resolution);
  const view = modularityGraph(graph, { getEdgeWeight: o.getEdgeWeight, model });
  return compactModularity(view, membershipOf(graph, view, partition, MODULE), resolution);
}
