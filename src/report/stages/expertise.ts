/**
 * Adapters of the expertise and brokerage analyses to the report. Expertise: answers, questions, z-score,
 * ExpertiseRank, HITS authority, combined score and rank per person, from the thread summaries. Brokerage:
 * betweenness on distances (1/strength; never on `weight`), Guimerà–Amaral participation, within-module z and
 * role relative to the detected communities, and Burt's constraint. The analysis functions are passed in;
 * the report depends only on the fields listed below.
 *
 * @module
 */

import type { PersonBrokerage, PersonExpertise } from '../model.js';
import type { CommunitiesOutput, StageContext } from '../stages.js';

/** The fields of an expertise record the report reads. */
export interface ExpertLike {
  person: string;
  answers: number;
  questions: number;
  z: number;
  expertiseRank: number;
  authority: number;
  combined: number;
  rank: number;
}

/** The analysis function the expertise stage calls. */
export interface ExpertiseStageDeps {
  scoreExpertise: (threads: StageContext['threads']) => { method: string; people: ExpertLike[] };
}

/** Creates the expertise stage. */
export function createExpertiseStage(
  deps: ExpertiseStageDeps,
): (ctx: StageContext) => { method: string; people: Map<string, PersonExpertise> } {
  return (ctx) => {
    const result = deps.scoreExpertise(ctx.threads);
    const people = new Map<string, PersonExpertise>();
    for (const p of result.people) {
      people.set(p.person, {
        answers: p.answers,
        questions: p.questions,
        zScore: p.z,
        expertiseRank: p.expertiseRank,
        authority: p.authority,
        score: p.combined,
        rank: p.rank,
      });
    }
    return { method: result.method, people };
  };
}

/** The analysis functions the brokerage stage calls. */
export interface BrokerageStageDeps {
  betweenness: (
    graph: StageContext['graph'],
    options: { getEdgeDistance: 'distance'; seed: number | string },
  ) => { method: string; people: { person: string; betweenness: number }[] };
  moduleRoles: (
    graph: StageContext['graph'],
    options: { partition: ReadonlyMap<string, number>; unassigned: 'own-module' },
  ) => { people: { person: string; participation: number; z: number; roleName: string }[] };
  structuralHoles: (graph: StageContext['graph']) => { people: { person: string; constraint: number | null }[] };
}

const finite = (x: number | null | undefined) => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/** Creates the brokerage stage; roles need the detected communities and are `null` without them. */
export function createBrokerageStage(deps: BrokerageStageDeps): (
  ctx: StageContext & { communities: CommunitiesOutput | undefined },
) => {
  method: string;
  people: Map<string, PersonBrokerage>;
} {
  return (ctx) => {
    const between = deps.betweenness(ctx.graph, { getEdgeDistance: 'distance', seed: ctx.seed });
    const roles = ctx.communities
      ? new Map(
          deps
            .moduleRoles(ctx.graph, { partition: ctx.communities.assignment, unassigned: 'own-module' })
            .people.map((r) => [r.person, r]),
        )
      : undefined;
    const holes = new Map(deps.structuralHoles(ctx.graph).people.map((r) => [r.person, r]));
    const people = new Map<string, PersonBrokerage>();
    for (const b of between.people) {
      const role = roles?.get(b.person);
      people.set(b.person, {
        betweenness: b.betweenness,
        participation: finite(role?.participation),
        withinModuleZ: finite(role?.z),
        role: role ? role.roleName : null,
        constraint: finite(holes.get(b.person)?.constraint),
      });
    }
    return { method: `${between.method}+guimera-amaral+burt`, people };
  };
}
