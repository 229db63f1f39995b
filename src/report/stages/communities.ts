/**
 * Adapter of the communities analysis to the report: a seeded Louvain ensemble whose consensus partition is
 * the report's partition and whose agreement across runs is its stability, and community profiles (density,
 * conductance). The analysis functions are passed in (`createCommunitiesStage({ communityEnsemble,
 * profileCommunities })`), so the report depends only on the fields it reads, listed in the types below.
 *
 * @module
 */

import type { CommunitiesOutput, StageContext } from '../stages.js';

/** The fields of a community ensemble the report reads. */
export interface EnsembleLike {
  method: string;
  consensus: { count: number; assignment: Record<string, number>; modularity: number };
  best: { repaired: number };
  stability: { mean: number };
}

/** The fields of community profiles the report reads. */
export interface ProfilesLike {
  communities: { id: number | string; density: number; conductance: number }[];
}

/** The analysis functions the stage calls. */
export interface CommunitiesStageDeps {
  communityEnsemble: (
    graph: StageContext['graph'],
    options: { resolution: number; seed: number | string; runs: number },
  ) => EnsembleLike;
  profileCommunities: (
    graph: StageContext['graph'],
    partition: { assignment: Record<string, number> },
    options: { resolution: number },
  ) => ProfilesLike;
}

/** Runs in the ensemble behind the report's partition. */
export const REPORT_ENSEMBLE_RUNS = 10;

const unit = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : null);

/** Creates the communities stage from the analysis functions. */
export function createCommunitiesStage(deps: CommunitiesStageDeps): (ctx: StageContext) => CommunitiesOutput {
  return (ctx) => {
    const ensemble = deps.communityEnsemble(ctx.graph, {
      resolution: ctx.resolution,
      seed: ctx.seed,
      runs: REPORT_ENSEMBLE_RUNS,
    });
    const { consensus } = ensemble;
    const profiles = new Map<number, { density: number | null; conductance: number | null }>();
    if (ctx.graph.order > 0) {
      const profiled = deps.profileCommunities(
        ctx.graph,
        { assignment: consensus.assignment },
        { resolution: ctx.resolution },
      );
      for (const p of profiled.communities) {
        profiles.set(Number(p.id), { density: unit(p.density), conductance: unit(p.conductance) });
      }
    }
    return {
      partition: {
        method: ensemble.method,
        resolution: ctx.resolution,
        modularity: consensus.modularity,
        count: consensus.count,
        repaired: ensemble.best.repaired,
        stability: unit(ensemble.stability.mean),
        seed: ctx.seed,
      },
      assignment: new Map(Object.entries(consensus.assignment)),
      profiles,
    };
  };
}
