/**
 * `testGroups`: does each formal group behave as a community of practice, as ad hoc social learning, as a
 * hybrid of the two, or as no social unit at all? The method is in docs/method.md; in short:
 *
 * 1. eligibility (members, messages, windows) → `insufficient-evidence` with the reason;
 * 2. cohesion against two nulls (degree-preserving rewiring; stratified random sets), BH across groups, on
 *    the interaction graph and, for people groups, on the help graph (help cohesion);
 * 3. regime indicators, each against its own null, Holm within the group;
 * 4. residual cohesion without the group's top answerers;
 * 5. a decision table → verdict, copScore, and a block-bootstrap confidence over time windows.
 *
 * @module
 */

import type { Ingested } from '../graph/ingest.js';
import { deriveSeed } from '../random.js';
import { bootstrapConfidence, type Confidence, type SetSlot } from './bootstrap.js';
import { arcWindows, ReplicateCohesion } from './bootstrap-cohesion.js';
import { type CohesionTest, cohesionRecord, settleCohesion, untestedCohesion } from './cohesion.js';
import { type CohesionSamples, sampleCohesionNulls } from './cohesion-nulls.js';
import { type Decision, decide, VERDICTS, type Verdict } from './decide.js';
import type { Evidence } from './evidence.js';
import { cohesionLine, confidenceLine, depletionLine, indicatorLine, verdictLine } from './explain.js';
import type { GroupScope, GroupSpec } from './groups.js';
import type { TopAnswerer } from './help.js';
import { helpCohesion } from './help-cohesion.js';
import type { Indicator } from './indicator.js';
import { type GroupIndicators, groupIndicators, unavailableIndicators } from './indicators.js';
import { resolveTestGroupsOptions, type TestGroupsOptions, type TestGroupsParams } from './options.js';
import { type ResidualTest, residualCohesive, residualTest } from './residual.js';
import { type Eligibility, EvidenceCache, type GroupWork, resolveGroup } from './resolve.js';
import { benjaminiHochberg } from './stats.js';

/** What `testGroups` reads: the result of `ingest` (with `channels` when some groups are channels). */
export type PracticeInput = Ingested;

/** The test of one group. */
export interface GroupTest {
  group: string;
  scope: GroupScope;
  channel?: string;
  verdict: Verdict;
  /** Evidence for a community of practice (+) vs social learning (−), in [−1, 1]. */
  copScore: number;
  confidence: Confidence;
  eligibility: Eligibility;
  cohesion: CohesionTest;
  /** Cohesion of the group on the organisation's help graph (who answers whom): people groups only. */
  helpCohesion: CohesionTest;
  /** Cohesion of the members other than the top answerers, on the graph the group is read on. */
  residual: ResidualTest;
  indicators: Indicator[];
  decision: Decision;
  evidence: string[];
}

/** Result of {@link testGroups}. */
export interface GroupTests {
  method: 'practice-test';
  params: Omit<TestGroupsParams, 'seed'>;
  seed: number | string;
  groups: GroupTest[];
  /** Number of groups per verdict. */
  verdicts: Record<Verdict, number>;
  /** The rewiring chains: attempted and accepted swaps per graph. */
  rewiring: { graph: string; arcs: number; attempted: number; accepted: number }[];
}

interface SetRef {
  graph: string;
  k: number;
}

const now = () => performance.now();

/**
 * Tests formal groups for community of practice vs social learning.
 *
 * @param input - what `ingest` returned (use `window` for the temporal indicators and the confidence, and
 *   `channels` when some groups are channels)
 * @param groups - people groups (`{ name, members }`) and channel groups (`{ name, channel }`)
 * @example
 * const input = await ingest(readCsv('messages.csv'), { window: '14d', channels: true });
 * const result = testGroups(input, [{ name: 'guild', members: ['ada', 'bob', 'cy', 'dee', 'eve'] }]);
 * result.groups[0].verdict; // 'community-of-practice' | 'social-learning' | 'hybrid' | ...
 */
export function testGroups(
  input: PracticeInput,
  groups: readonly GroupSpec[],
  options: TestGroupsOptions = {},
): GroupTests {
  const p = resolveTestGroupsOptions(options);
  const profile = options.profile;
  let t = now();
  const cache = new EvidenceCache(input, p.getEdgeWeight);
  const names = new Set<string>();
  const works: GroupWork[] = groups.map((spec, i) => {
    const w = resolveGroup(spec, i, cache, p);
    if (names.has(spec.name)) w.group.name = `${spec.name}#${i}`;
    names.add(w.group.name);
    return w;
  });
  profile?.('resolve groups', now() - t);

  // the cohesion nulls: one run per graph, every set of that graph at once
  const runs = new Map<string, { evidence: Evidence; sets: Int32Array[]; seeds: string[] }>();
  const addSet = (evidence: Evidence, members: Int32Array, seedLabel: string): SetRef => {
    let run = runs.get(evidence.label);
    if (!run) {
      run = { evidence, sets: [], seeds: [] };
      runs.set(evidence.label, run);
    }
    run.sets.push(members);
    run.seeds.push(seedLabel);
    return { graph: evidence.label, k: run.sets.length - 1 };
  };
  const cohesionRefs = works.map((w) =>
    w.group.cohesionMembers && w.eligibility.eligible
      ? addSet(cache.whole, w.group.cohesionMembers, `strata\u0000${w.group.name}`)
      : null,
  );
  // residual cohesion against the organisation: people groups only (a channel's test is the depletion test)
  const residualRefs = works.map((w) =>
    w.group.scope === 'people' && w.residual && w.residual.length >= 2 && w.eligibility.eligible
      ? addSet(cache.whole, w.residual, `strata-residual\u0000${w.group.name}`)
      : null,
  );
  const samples = new Map<string, CohesionSamples>();
  for (const [label, run] of runs) {
    samples.set(
      label,
      sampleCohesionNulls(run.evidence.snapshot, run.sets, {
        samples: p.samples,
        strata: p.strata,
        burnIn: p.burnIn,
        thin: p.thin,
        seed: deriveSeed(p.seed, `rewiring\u0000${label}`),
        setSeeds: run.seeds.map((s) => deriveSeed(p.seed, s)),
        profile,
      }),
    );
  }

  const cohesion = works.map((w, i) => {
    const ref = cohesionRefs[i];
    if (ref)
      return cohesionRecord(
        ref.graph,
        w.group.cohesionMembers?.length ?? 0,
        samples.get(ref.graph) as CohesionSamples,
        ref.k,
      );
    const reason = !w.eligibility.eligible
      ? 'the group is not eligible'
      : (w.group.cohesionUnavailable ?? 'not testable');
    return untestedCohesion(cache.whole.label, w.group.cohesionMembers?.length ?? w.group.members.length, reason);
  });
  t = now();
  const residual = works.map((w, i) => {
    const ref = residualRefs[i];
    return residualTest(w, ref ? { samples: samples.get(ref.graph) as CohesionSamples, k: ref.k } : null, p);
  });
  profile?.('residual depletion', now() - t);
  const settle = (tests: CohesionTest[], minRatio: number) => {
    const q = benjaminiHochberg(tests.map((c) => (c.available && c.p !== null ? c.p : Number.NaN)));
    tests.forEach((c, i) => {
      settleCohesion(c, q[i] as number, p.alpha, minRatio);
    });
  };
  settle(cohesion, p.minCohesionRatio);
  const help = helpCohesion(cache.whole, works, p, profile);

  const timing = new Map<string, number>();
  const computed: (GroupIndicators | null)[] = works.map((w) =>
    w.eligibility.eligible ? groupIndicators(w, p, timing) : null,
  );
  for (const [family, ms] of timing) profile?.(family, ms);

  const decisions = works.map((w, i) => {
    const c = cohesion[i] as CohesionTest;
    const r = residual[i] as ResidualTest;
    return decide({
      eligible: w.eligibility.eligible,
      scope: w.group.scope,
      cohesive: c.cohesive,
      helpCohesive: (help[i] as CohesionTest).cohesive,
      residualCohesive: residualCohesive(w.group.scope, r),
      indicators: computed[i]?.indicators ?? unavailableIndicators('the group is not eligible'),
      practiceShare: p.practiceShare,
      minPracticeIndicators: p.minPracticeIndicators,
    });
  });

  t = now();
  const engines = new Map<string, ReplicateCohesion>();
  const wantBootstrap = p.bootstrap > 0 && cache.whole.windows.length >= 2;
  const slotOf = (ref: SetRef | null): SetSlot | null => {
    if (!ref || !wantBootstrap) return null;
    let engine = engines.get(ref.graph);
    if (!engine) {
      const run = runs.get(ref.graph) as { evidence: Evidence; sets: Int32Array[] };
      const weighted = p.getEdgeWeight !== null;
      engine = new ReplicateCohesion(
        run.evidence,
        arcWindows(run.evidence, weighted),
        run.sets,
        samples.get(ref.graph) as CohesionSamples,
        weighted,
      );
      engines.set(ref.graph, engine);
    }
    return { engine, k: ref.k };
  };
  const confidence: Confidence[] = bootstrapConfidence({
    works,
    computed,
    decisions,
    cohesionSlots: cohesionRefs.map(slotOf),
    residualSlots: residualRefs.map(slotOf),
    residuals: residual,
    helpCohesive: help.map((h) => h.cohesive),
    windows: cache.whole.windows.map((w) => w.index),
    params: p,
  });
  profile?.('bootstrap confidence', now() - t);

  const results: GroupTest[] = works.map((w, i) => {
    const c = cohesion[i] as CohesionTest;
    const r = residual[i] as ResidualTest;
    const decision = decisions[i] as Decision;
    const conf = confidence[i] as Confidence;
    const indicators = computed[i]?.indicators ?? unavailableIndicators('the group is not eligible');
    const evidence = [
      verdictLine(decision),
      confidenceLine(conf),
      ...w.eligibility.reasons.map((x) => `not eligible: ${x}`),
      cohesionLine(c, w.group.scope === 'channel' ? "participants' cohesion in the organisation" : 'cohesion'),
      ...(help[i]?.available ? [cohesionLine(help[i] as CohesionTest, 'help cohesion', 'help ties')] : []),
      cohesionLine(r, residualLabel(r.removed)),
      ...(r.depletion ? [depletionLine(r.depletion, residualLabel(r.removed))] : []),
      ...indicators.filter((x) => x.available).map(indicatorLine),
    ];
    const test: GroupTest = {
      group: w.group.name,
      scope: w.group.scope,
      verdict: decision.verdict,
      copScore: decision.copScore,
      confidence: conf,
      eligibility: w.eligibility,
      cohesion: c,
      helpCohesion: help[i] as CohesionTest,
      residual: r,
      indicators,
      decision,
      evidence,
    };
    if (w.group.channel !== undefined) test.channel = w.group.channel;
    return test;
  });

  const verdicts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const g of results) verdicts[g.verdict]++;
  const { seed, ...params } = p;
  return {
    method: 'practice-test',
    params,
    seed,
    groups: results,
    verdicts,
    rewiring: [...runs.keys()].map((label) => {
      const s = samples.get(label) as CohesionSamples;
      return {
        graph: label,
        arcs: (runs.get(label) as { evidence: Evidence }).evidence.snapshot.m,
        ...s.rewiring,
      };
    }),
  };
}

/** "without a, b, c and 19 more": the top answerers a residual test left out. */
function residualLabel(removed: readonly TopAnswerer[]): string {
  if (removed.length === 0) return 'residual';
  const names = removed.slice(0, 5).map((x) => x.person);
  const more = removed.length > 5 ? ` and ${removed.length - 5} more` : '';
  return `without ${names.join(', ')}${more}`;
}
