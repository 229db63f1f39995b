/**
 * Ensembles of seeded Louvain runs, their consensus partition and the stability of each person and
 * community.
 *
 * - **Runs**: `runs` detections (refined and repaired, see `detectCommunities`) with seeds derived from
 *   `seed` (`deriveSeed(seed, r)`), so any run can be reproduced alone.
 * - **Consensus** (Lancichinetti & Fortunato 2012, "Consensus clustering in complex networks"): the
 *   co-assignment D_ij = share of runs placing i and j together, on the pairs joined by an edge; pairs with
 *   D_ij < `threshold` are dropped; Louvain is run `runs` times on the graph weighted by D and D is computed
 *   again, until every remaining pair has D = 1 (all runs agree) or `maxIterations` is reached. The consensus
 *   communities are then the connected components of the pairs that every run keeps together. The
 *   re-clustering runs on the typed-array engine.
 * - **Stability of a person**: the share of runs in which the person is in the run community that best
 *   matches (largest overlap) their consensus community. **Stability of a community**: the mean stability
 *   of its members, and the mean Jaccard index between it and its best match in each run.
 *
 * Because merges forced by the resolution limit differ from run to run while real groups do not, the
 * consensus keeps small well-separated groups apart that each single γ = 1 run merges.
 *
 * @module
 */

import type { AbstractGraph } from 'graphology-types';
import { optionChecker, resolveOptions } from '../options.js';
import { createRng, type Rng } from '../random.js';
import {
  type CommunityDetection,
  type DetectCommunitiesOptions,
  type DetectCommunitiesParams,
  resolveDetectParams,
  runSeeds,
} from './detect.js';
import { type LevelSelection, selectStableLevel } from './levels.js';
import { compactModularity, type ModularityGraph } from './modularity-graph.js';
import { multilevel } from './optimize.js';
import { assignmentOf, canonicalize } from './partition.js';
import { repairConnectivity } from './repair.js';
import { finish, optimise, prepareDetection, type RawDetection, resolveSeed, toDetection, wantedLevel } from './run.js';
import { type CommunityStability, countOf, stabilityOf } from './stability.js';

const MODULE = 'communities/ensemble';
const check = optionChecker(MODULE);

/** Options of {@link communityEnsemble}. */
export interface CommunityEnsembleOptions extends DetectCommunitiesOptions {
  /** Number of runs. Default 10. */
  runs?: number;
  /** Co-assignment share below which a pair is dropped from the consensus graph, in (0, 1]. Default 0.5. */
  threshold?: number;
  /** Consensus iterations at most. Default 10. */
  maxIterations?: number;
}

/** Defaults of the ensemble-specific options. */
export const COMMUNITY_ENSEMBLE_DEFAULTS = Object.freeze({ runs: 10, threshold: 0.5, maxIterations: 10 });

/** Parameters recorded in a {@link CommunityEnsemble}. */
export interface CommunityEnsembleParams extends DetectCommunitiesParams {
  runs: number;
  threshold: number;
  maxIterations: number;
}

/** Result of {@link communityEnsemble}. */
export interface CommunityEnsemble {
  method: 'louvain-ensemble';
  params: CommunityEnsembleParams;
  seed: number | string | null;
  /** One line per run. */
  runs: { seed: number; modularity: number; count: number; repaired: number }[];
  /** Mean, standard deviation, min and max of the runs' Q_γ. */
  modularity: { mean: number; sd: number; min: number; max: number };
  /** The run with the highest modularity (the first of equals). */
  best: CommunityDetection;
  /** How a `level: 'stable'` was chosen from the runs (`null` otherwise). */
  levelSelection: LevelSelection | null;
  consensus: {
    count: number;
    /** Members per consensus community; ids by size descending, then smallest member. */
    communities: string[][];
    assignment: Record<string, number>;
    /** Q_γ of the consensus partition on the original graph. */
    modularity: number;
    iterations: number;
    /** Whether the consensus iterations ended with every run agreeing. */
    converged: boolean;
  };
  stability: {
    /** Mean person stability. */
    mean: number;
    people: Record<string, number>;
    communities: CommunityStability[];
  };
}

/** Co-assignment share of each CSR entry over the given memberships. */
function coAssignment(view: ModularityGraph, memberships: readonly Int32Array[]): Float64Array {
  const { n, offsets, targets } = view;
  const d = new Float64Array(targets.length);
  for (const m of memberships) {
    for (let i = 0; i < n; i++) {
      for (let e = offsets[i] as number; e < (offsets[i + 1] as number); e++) {
        if (m[i] === m[targets[e] as number]) d[e] = (d[e] as number) + 1;
      }
    }
  }
  for (let e = 0; e < d.length; e++) d[e] = (d[e] as number) / memberships.length;
  return d;
}

/** The undirected consensus graph: pairs with D ≥ threshold, weighted by D. */
function consensusGraph(view: ModularityGraph, d: Float64Array, threshold: number): ModularityGraph {
  const { n, offsets, targets } = view;
  const off = new Int32Array(n + 1);
  const t: number[] = [];
  const w: number[] = [];
  const k = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (let e = offsets[i] as number; e < (offsets[i + 1] as number); e++) {
      const x = d[e] as number;
      if (x >= threshold && x > 0) {
        t.push(targets[e] as number);
        w.push(x);
        k[i] = (k[i] as number) + x;
        total += x;
      }
    }
    off[i + 1] = t.length;
  }
  return {
    n,
    keys: view.keys,
    model: 'undirected',
    offsets: off,
    targets: Int32Array.from(t),
    weights: Float64Array.from(w),
    pairFactor: 2,
    selfLoop: new Float64Array(n),
    kOut: k,
    kIn: k,
    total,
  };
}

/** Lancichinetti–Fortunato consensus of the runs' memberships. */
function consensus(
  view: ModularityGraph,
  memberships: readonly Int32Array[],
  threshold: number,
  maxIterations: number,
  resolution: number,
  seed: number,
): { membership: Int32Array; iterations: number; converged: boolean } {
  let graph = view;
  let runs = memberships;
  let iterations = 0;
  const rng = createRng(seed);
  for (;;) {
    const d = coAssignment(graph, runs);
    const next = consensusGraph(graph, d, threshold);
    let agree = true;
    for (const x of next.weights) if (x < 1) agree = false;
    if (agree || iterations >= maxIterations) {
      // components of the pairs every run keeps together
      const unanimous = consensusGraph(graph, d, 1);
      const parts = repairConnectivity(unanimous, new Int32Array(view.n));
      return { membership: parts.membership, iterations, converged: agree };
    }
    iterations++;
    graph = next;
    runs = memberships.map(() => multilevel(next, null, resolution, rng).membership);
  }
}

/**
 * Runs an ensemble of seeded Louvain detections and derives a consensus partition and stability figures.
 *
 * @example
 * const ens = communityEnsemble(graph, { runs: 20, seed: 1 });
 * ens.modularity.max;           // best Q over the runs
 * ens.stability.people['ada'];  // share of runs in which ada stays with her consensus community
 */
export function communityEnsemble(graph: AbstractGraph, options: CommunityEnsembleOptions = {}): CommunityEnsemble {
  const base = resolveDetectParams(options, MODULE);
  const o = resolveOptions(COMMUNITY_ENSEMBLE_DEFAULTS, {
    runs: options.runs,
    threshold: options.threshold,
    maxIterations: options.maxIterations,
  });
  const runsCount = check.positiveInt('runs', o.runs);
  const threshold = check.probability('threshold', o.threshold);
  if (threshold === 0) check.fail('threshold', 'a number in (0, 1]', threshold);
  const maxIterations = check.nonNegativeInt('maxIterations', o.maxIterations);
  const params: CommunityEnsembleParams = { ...base, runs: runsCount, threshold, maxIterations };
  const { seed, rng } = resolveSeed(options, MODULE);
  const prepared = prepareDetection(graph, base, MODULE);
  const { view } = prepared;

  const seeds = runSeeds(seed, rng, runsCount);
  const rngs = seeds.map((s) => createRng(s));
  const dendrograms = rngs.map((r) => optimise(prepared, r));
  let levelSelection: LevelSelection | null = null;
  let level = wantedLevel(base.level);
  if (base.level === 'stable') {
    levelSelection = selectStableLevel(dendrograms, base.levelTolerance);
    level = levelSelection.level;
  }
  const raws: RawDetection[] = dendrograms.map((d, r) => finish(prepared, d, level, rngs[r] as Rng));
  const detections = raws.map((raw, r) => ({ raw, q: compactModularity(view, raw.membership, base.resolution), r }));
  let bestIndex = 0;
  for (const d of detections) if (d.q > (detections[bestIndex] as (typeof detections)[number]).q) bestIndex = d.r;
  const qs = detections.map((d) => d.q);
  const mean = qs.reduce((a, b) => a + b, 0) / qs.length;
  const sd = Math.sqrt(qs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, qs.length - 1));

  const memberships = raws.map((r) => r.membership);
  const cons = consensus(view, memberships, threshold, maxIterations, base.resolution, seeds[0] ?? 0);
  const canonical = canonicalize(view.keys, cons.membership);
  const stab = stabilityOf(canonical.membership, canonical.communities.length, memberships);

  return {
    method: 'louvain-ensemble',
    params,
    seed,
    runs: raws.map((raw, r) => ({
      seed: seeds[r] as number,
      modularity: qs[r] as number,
      count: countOf(raw.membership),
      repaired: raw.repaired,
    })),
    modularity: { mean, sd, min: Math.min(...qs), max: Math.max(...qs) },
    best: toDetection(prepared, raws[bestIndex] as RawDetection, seeds[bestIndex] as number, levelSelection),
    levelSelection,
    consensus: {
      count: canonical.communities.length,
      communities: canonical.communities,
      assignment: assignmentOf(view.keys, canonical.membership),
      modularity: compactModularity(view, canonical.membership, base.resolution),
      iterations: cons.iterations,
      converged: cons.converged,
    },
    stability: {
      mean: stab.people.length === 0 ? 1 : stab.people.reduce((a, b) => a + b, 0) / stab.people.length,
      people: Object.fromEntries(view.keys.map((k, i) => [k, stab.people[i] as number])),
      communities: stab.communities,
    },
  };
}

export type { CommunityStability } from './stability.js';
