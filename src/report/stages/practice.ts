/**
 * Adapter of the community-of-practice test to the report: the test on every reported formal group (people
 * sets and channels) with each group's alignment with the detected communities (best-matching community, its
 * Jaccard, and the Jaccard of a random same-size set, from `testGroups`' `communities` option); and the same
 * test on the detected communities themselves, so that `report.communities[]` carry verdicts and the
 * *emergent* communities of practice — detected communities whose verdict is community-of-practice — can be
 * listed first. A detected community was chosen by an optimiser, so its unit test is the Kojaku–Masuda q–s
 * test (`testCommunities`: the detector re-run on `communityNullGraphs` degree-preserving null graphs, by
 * default {@link COMMUNITY_NULL_GRAPHS}), not a comparison with random sets. The analysis functions are passed in; the report depends only
 * on the fields listed below.
 *
 * Mapping: the cohesion p-value is the larger of the two nulls' (a group is a unit only when it beats both);
 * an indicator's null range is its null mean ± 1.96 sd; its direction is the regime it points to
 * (`neutral` when neither, `unavailable` when it could not be computed); an unassessed confidence has no label.
 *
 * @module
 */

import type { Verdict } from '../../practice/decide.js';
import type { WorkersOption } from '../../workers/pool.js';
import type { Cohesion, IndicatorRecord, VerdictFields } from '../model.js';
import type { PracticeOutput, StageContext } from '../stages.js';

/** The fields of a test indicator the report reads. */
export interface IndicatorLike {
  name: string;
  available: boolean;
  observed: number | null;
  null: { mean: number | null; sd: number | null };
  p: number | null;
  regime: 'community-of-practice' | 'social-learning' | 'neither';
}

/** The fields of one group's test the report reads. */
export interface GroupTestLike {
  group: string;
  verdict: Verdict;
  copScore: number;
  confidence: { value: number | null; label: 'confident' | 'tentative' | 'ambiguous' | 'unassessed' };
  cohesion: {
    available: boolean;
    ratio: number | null;
    modularity: number | null;
    nullA: { p: number } | null;
    nullB: { p: number } | null;
    q: number | null;
  };
  indicators: IndicatorLike[];
  /** Best-matching detected community (when `communities` were passed), or `null`. */
  alignment?: { community: number | string | null; jaccard: number; expectedJaccard: number } | null;
  evidence: string[];
}

/** The q–s test of a detected community, as `testCommunities` reports it. */
export interface CommunityTestLike {
  community: string;
  quality: number;
  p: number | null;
  q: number | null;
  significant: boolean | null;
}

/** A group as the test takes it (a detected community carries its q–s test as `selection`). */
export type GroupSpecLike =
  | {
      name: string;
      members: readonly string[];
      scope: 'people';
      selection?: Omit<CommunityTestLike, 'community'> & { method: 'kojaku-masuda-qs' };
    }
  | { name: string; channel: string; scope: 'channel' };

/** The analysis functions the stage calls. */
export interface PracticeStageDeps {
  testGroups: (
    input: StageContext['ingested'],
    groups: GroupSpecLike[],
    options: {
      seed: number | string;
      samples: number;
      minGroupSize: number;
      communities?: ReadonlyMap<string, number>;
    },
  ) => { method: string; groups: GroupTestLike[] };
  testCommunities?: (
    graph: StageContext['graph'],
    options: {
      partition: ReadonlyMap<string, number>;
      samples: number;
      seed: number | string;
      resolution: number;
      getEdgeWeight: string;
      workers: WorkersOption;
    },
  ) => { communities: CommunityTestLike[] } | Promise<{ communities: CommunityTestLike[] }>;
}

/**
 * Default number of null graphs of the q–s test of the detected communities in a report
 * (`communityNullGraphs`). Each costs one degree-preserving rewiring pass and one Louvain run: 100 take 0.2 s
 * on the 150-person sample organisation (its demo runs in about 5 s), about 70 s on a 10,000-person one
 * (0.7 s each; measured next to a calibration run) on the calling thread and about 40 s on two worker
 * threads (`workers`, the default from 50,000 pairs), where `communityNullGraphs` can be lowered, or set to 0
 * to leave the detected communities untested. With fifteen communities per graph, 100 give 1,500 null
 * communities, enough for kernel-weighted p-values below α / C after Benjamini–Hochberg over C communities;
 * 20 are not (no community of that organisation came out significant with 20).
 */
export const COMMUNITY_NULL_GRAPHS = 100;

/** Ingestion options the stage needs: per-channel graphs for channel groups. */
export const PRACTICE_INGEST_OPTIONS = Object.freeze({ channels: true });

/** Maps a test indicator to the report's. */
export function reportIndicator(i: IndicatorLike): IndicatorRecord {
  const mean = i.null.mean;
  const sd = i.null.sd;
  const spread = mean !== null && sd !== null && Number.isFinite(mean) && Number.isFinite(sd);
  return {
    name: i.name,
    observed: i.available ? i.observed : null,
    nullMean: mean,
    nullLow: spread ? (mean as number) - 1.96 * (sd as number) : null,
    nullHigh: spread ? (mean as number) + 1.96 * (sd as number) : null,
    pValue: i.p,
    direction: !i.available ? 'unavailable' : i.regime === 'neither' ? 'neutral' : i.regime,
  };
}

/** Maps a test's cohesion to the report's (`null` when cohesion could not be tested). */
export function reportCohesion(c: GroupTestLike['cohesion']): Cohesion | null {
  if (!c.available) return null;
  const ps = [c.nullA?.p, c.nullB?.p].filter((p): p is number => typeof p === 'number');
  return {
    observedOverExpected: c.ratio,
    modularityTerm: c.modularity,
    pValue: ps.length > 0 ? Math.max(...ps) : null,
    qValue: c.q,
  };
}

/** The verdict fields of a test. */
function verdictFields(t: GroupTestLike): VerdictFields {
  return {
    verdict: t.verdict,
    copScore: Number.isFinite(t.copScore) ? t.copScore : null,
    confidence: t.confidence.value,
    confidenceLabel: t.confidence.label === 'unassessed' ? null : t.confidence.label,
    indicators: t.indicators.map(reportIndicator),
  };
}

/** What the practice stage reads: the stage context and, when they were detected, the communities. */
export type PracticeContext = StageContext & { communities?: { assignment: Map<string, number> } | undefined };

/** Tests the detected communities of at least `minGroupSize` members: q–s test, then the practice test. */
async function testDetected(
  deps: PracticeStageDeps,
  ctx: PracticeContext,
): Promise<Map<number, VerdictFields> | undefined> {
  const assignment = ctx.communities?.assignment;
  const samples = ctx.communityNullGraphs;
  if (!deps.testCommunities || !assignment || ctx.graph.order === 0 || samples === 0) return undefined;
  const members = new Map<number, string[]>();
  for (const [person, id] of assignment) {
    const list = members.get(id);
    if (list) list.push(person);
    else members.set(id, [person]);
  }
  const ids = [...members.keys()].filter((id) => (members.get(id) as string[]).length >= ctx.minGroupSize);
  if (ids.length === 0) return new Map();
  ctx.onProgress({ phase: 'practice', done: 0, total: COMMUNITY_NULL_GRAPHS, unit: 'null graphs' });
  // the communities were found on strengths (the ensemble reads `weight`): the null detector reads them too
  const qs = await deps.testCommunities(ctx.graph, {
    partition: assignment,
    samples,
    seed: ctx.seed,
    resolution: ctx.resolution,
    getEdgeWeight: 'weight',
    workers: ctx.workers,
  });
  ctx.onProgress({ phase: 'practice', done: samples, total: samples, unit: 'null graphs' });
  const byId = new Map(qs.communities.map((c) => [Number(c.community), c]));
  const specs: GroupSpecLike[] = ids.map((id) => {
    const t = byId.get(id);
    return {
      name: `community ${id}`,
      members: (members.get(id) as string[]).sort(),
      scope: 'people',
      selection: {
        method: 'kojaku-masuda-qs',
        quality: t?.quality ?? 0,
        p: t?.p ?? null,
        q: t?.q ?? null,
        significant: t?.significant ?? null,
      },
    };
  });
  const result = deps.testGroups(ctx.ingested, specs, {
    seed: ctx.seed,
    samples: ctx.nullSamples,
    minGroupSize: ctx.minGroupSize,
  });
  return new Map(result.groups.map((t, i) => [ids[i] as number, verdictFields(t)]));
}

/** Creates the practice stage. */
export function createPracticeStage(deps: PracticeStageDeps): (ctx: PracticeContext) => Promise<PracticeOutput> {
  return async (ctx) => {
    const specs: GroupSpecLike[] = ctx.groups.map((g) =>
      g.kind === 'channel' && g.channel !== undefined
        ? { name: g.name, channel: g.channel, scope: 'channel' }
        : { name: g.name, members: g.members, scope: 'people' },
    );
    const assignment = ctx.communities?.assignment;
    const result = deps.testGroups(ctx.ingested, specs, {
      seed: ctx.seed,
      samples: ctx.nullSamples,
      minGroupSize: ctx.minGroupSize,
      ...(assignment ? { communities: assignment } : {}),
    });
    const groups: PracticeOutput['groups'] = new Map();
    result.groups.forEach((t, i) => {
      const name = ctx.groups[i]?.name ?? t.group;
      const a = t.alignment;
      groups.set(name, {
        ...verdictFields(t),
        cohesion: reportCohesion(t.cohesion),
        alignment:
          a && a.community !== null
            ? { community: Number(a.community), jaccard: a.jaccard, expectedJaccard: a.expectedJaccard }
            : null,
        evidence: t.evidence,
      });
    });
    const communities = await testDetected(deps, ctx);
    return { method: result.method, groups, ...(communities ? { communities } : {}) };
  };
}
