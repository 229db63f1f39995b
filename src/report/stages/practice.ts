/**
 * Adapter of the community-of-practice test to the report: the test on every reported formal group (people
 * sets and channels), and each group's alignment with the detected communities (best-matching community,
 * its Jaccard, and the Jaccard of a random same-size set). The analysis functions are passed in; the report
 * depends only on the fields listed below.
 *
 * Mapping: the cohesion p-value is the larger of the two nulls' (a group is a unit only when it beats both);
 * an indicator's null range is its null mean ± 1.96 sd; its direction is the regime it points to
 * (`neutral` when neither, `unavailable` when it could not be computed); an unassessed confidence has no label.
 *
 * @module
 */

import type { Verdict } from '../../practice/decide.js';
import type { Cohesion, IndicatorRecord } from '../model.js';
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
  evidence: string[];
}

/** A group as the test takes it. */
export type GroupSpecLike =
  | { name: string; members: readonly string[]; scope: 'people' }
  | { name: string; channel: string; scope: 'channel' };

/** The analysis functions the stage calls. */
export interface PracticeStageDeps {
  testGroups: (
    input: StageContext['ingested'],
    groups: GroupSpecLike[],
    options: { seed: number | string; samples: number; minGroupSize: number },
  ) => { method: string; groups: GroupTestLike[] };
  matchGroups?: (
    groups: ReadonlyMap<string, readonly string[]>,
    partition: ReadonlyMap<string, number>,
    options: { seed: number | string },
  ) => { groups: { group: string; community: number | string | null; jaccard: number; expectedJaccard: number }[] };
}

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

/** Creates the practice stage. */
export function createPracticeStage(
  deps: PracticeStageDeps,
): (ctx: StageContext & { communities?: { assignment: Map<string, number> } | undefined }) => PracticeOutput {
  return (ctx) => {
    const specs: GroupSpecLike[] = ctx.groups.map((g) =>
      g.kind === 'channel' && g.channel !== undefined
        ? { name: g.name, channel: g.channel, scope: 'channel' }
        : { name: g.name, members: g.members, scope: 'people' },
    );
    const result = deps.testGroups(ctx.ingested, specs, {
      seed: ctx.seed,
      samples: ctx.nullSamples,
      minGroupSize: ctx.minGroupSize,
    });
    const alignment = new Map<string, { community: number; jaccard: number; expectedJaccard: number }>();
    if (deps.matchGroups && ctx.communities && ctx.groups.length > 0) {
      const members = new Map(ctx.groups.map((g) => [g.name, g.members]));
      for (const m of deps.matchGroups(members, ctx.communities.assignment, { seed: ctx.seed }).groups) {
        if (m.community !== null) {
          alignment.set(m.group, {
            community: Number(m.community),
            jaccard: m.jaccard,
            expectedJaccard: m.expectedJaccard,
          });
        }
      }
    }
    const groups: PracticeOutput['groups'] = new Map();
    result.groups.forEach((t, i) => {
      const name = ctx.groups[i]?.name ?? t.group;
      groups.set(name, {
        verdict: t.verdict,
        copScore: Number.isFinite(t.copScore) ? t.copScore : null,
        confidence: t.confidence.value,
        confidenceLabel: t.confidence.label === 'unassessed' ? null : t.confidence.label,
        indicators: t.indicators.map(reportIndicator),
        cohesion: reportCohesion(t.cohesion),
        alignment: alignment.get(name) ?? null,
        evidence: t.evidence,
      });
    });
    return { method: result.method, groups };
  };
}
