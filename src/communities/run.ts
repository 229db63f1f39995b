/**
 * The machinery shared by `detectCommunities`, `communityEnsemble`, `scanResolution` and
 * `trackCommunities`: a graph prepared once (compact view), optimisation by either engine, and the finishing
 * steps of a run (level, refinement, connectivity repair, canonical numbering).
 *
 * @module
 */

import type { AbstractGraph } from 'graphology-types';
import { GraphError } from '../errors.js';
import { optionChecker } from '../options.js';
import { createRng, DEFAULT_SEED, type Rng } from '../random.js';
import type { CommunityDetection, DetectCommunitiesParams, LevelSelection } from './detect.js';
import { graphologyLevels } from './engine-graphology.js';
import { compactModularity, type ModularityGraph, modularityGraph } from './modularity-graph.js';
import { densify, multilevel } from './optimize.js';
import { assignmentOf, canonicalize } from './partition.js';
import { refinePartition } from './refine.js';
import { repairConnectivity } from './repair.js';

/** A graph prepared once for one or many runs. */
export interface PreparedDetection {
  params: DetectCommunitiesParams;
  view: ModularityGraph;
  /** The graphology graph, when the input was one (the graphology engine reads it). */
  source: AbstractGraph | null;
}

/** The outcome of one run before canonical numbering. */
export interface RawDetection {
  membership: Int32Array;
  levels: number;
  level: number;
  refinement: { before: number; after: number; rounds: number } | null;
  repaired: number;
}

/** Resolves the seed / rng pair. */
export function resolveSeed(
  options: { seed?: number | string; rng?: unknown },
  module: string,
): { seed: number | string | null; rng: Rng } {
  if (options.rng !== undefined) {
    if (typeof options.rng !== 'function') {
      optionChecker(module).fail('rng', 'a function returning floats in [0, 1)', options.rng);
    }
    return { seed: null, rng: options.rng as Rng };
  }
  const seed = options.seed ?? DEFAULT_SEED;
  if (typeof seed !== 'string' && !Number.isFinite(seed)) {
    optionChecker(module).fail('seed', 'a finite number or a string', seed);
  }
  return { seed, rng: createRng(seed) };
}

function isGraph(graph: unknown): graph is AbstractGraph {
  return typeof graph === 'object' && graph !== null && typeof (graph as AbstractGraph).forEachEdge === 'function';
}

/** Whether `x` is a compact modularity view (already prepared). */
export function isModularityGraph(x: unknown): x is ModularityGraph {
  return typeof x === 'object' && x !== null && (x as ModularityGraph).offsets instanceof Int32Array && 'kOut' in x;
}

/** Builds the compact view once (a view given as input is used as it is, with the compact engine). */
export function prepareDetection(
  graph: AbstractGraph | ModularityGraph,
  params: DetectCommunitiesParams,
  module: string,
): PreparedDetection {
  if (isModularityGraph(graph)) {
    if (params.engine === 'graphology') {
      throw new GraphError('INVALID_INPUT', 'the graphology engine needs a graphology graph, not a compact view', {
        module,
        hint: "use `engine: 'compact'` (the default)",
      });
    }
    return { params, view: graph, source: null };
  }
  if (!isGraph(graph)) {
    throw new GraphError('INVALID_INPUT', 'expected a graphology graph', { module, got: typeof graph });
  }
  if (params.engine === 'graphology' && params.model === 'directed' && graph.type === 'mixed') {
    throw new GraphError(
      'INVALID_INPUT',
      'directed modularity with graphology needs a directed graph (got a mixed one)',
      {
        module,
        hint: "use `engine: 'compact'`, which reads undirected edges as two arcs",
      },
    );
  }
  const view = modularityGraph(graph, { getEdgeWeight: params.getEdgeWeight, model: params.model });
  return { params, view, source: graph };
}

/** Optimises modularity and returns the dendrogram (finest level first; at least one level). */
export function optimise(prepared: PreparedDetection, rng: Rng): Int32Array[] {
  const { view, params } = prepared;
  if (view.total === 0) return [Int32Array.from({ length: view.n }, (_, i) => i)];
  const levels =
    params.engine === 'compact'
      ? multilevel(view, null, params.resolution, rng).levels
      : graphologyLevels(prepared, params.resolution, rng);
  return levels.length > 0 ? levels : [Int32Array.from({ length: view.n }, (_, i) => i)];
}

/** Picks a level of a dendrogram, refines (node moves only below the final level) and repairs it. */
export function finish(
  prepared: PreparedDetection,
  levels: readonly Int32Array[],
  wanted: number,
  rng: Rng,
): RawDetection {
  const { view, params } = prepared;
  const last = levels.length - 1;
  const level = Math.min(wanted, last);
  let membership: Int32Array = (levels[level] as Int32Array).slice();
  densify(membership);
  let refinement: RawDetection['refinement'] = null;
  if (params.refine && view.total > 0) {
    const r = refinePartition(view, membership, params.resolution, rng, level === last);
    membership = r.membership;
    refinement = { before: r.before, after: r.after, rounds: r.rounds };
  }
  const repair = repairConnectivity(view, membership);
  return { membership: repair.membership, levels: levels.length, level, refinement, repaired: repair.repaired };
}

/** The level index a fixed `level` parameter asks for (`'final'` = the last). */
export function wantedLevel(level: DetectCommunitiesParams['level']): number {
  return typeof level === 'number' ? level : Number.MAX_SAFE_INTEGER;
}

/** Turns a raw run into the public record. */
export function toDetection(
  prepared: PreparedDetection,
  raw: RawDetection,
  seed: number | string | null,
  levelSelection: LevelSelection | null = null,
): CommunityDetection {
  const { view, params } = prepared;
  const canonical = canonicalize(view.keys, raw.membership);
  return {
    method: 'louvain',
    params,
    seed,
    count: canonical.communities.length,
    communities: canonical.communities,
    assignment: assignmentOf(view.keys, canonical.membership),
    modularity: compactModularity(view, canonical.membership, params.resolution),
    levels: raw.levels,
    level: raw.level,
    levelSelection,
    refinement: raw.refinement,
    repaired: raw.repaired,
  };
}
