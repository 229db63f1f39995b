/**
 * `testGroups`: does each formal group behave as a community of practice, as ad hoc social learning, as a
 * hybrid of the two, or as no social unit at all? The method is in docs/method.md; in short:
 *
 * 1. eligibility (members, messages, windows) → `insufficient-evidence` with the reason;
 * 2. cohesion against two nulls (degree-preserving rewiring; stratified random sets), BH across groups, on
 *    the interaction graph and, for people groups, on the help graph (help cohesion); a detected community
 *    carries its Kojaku–Masuda q–s test instead (`selection`);
 * 3. regime indicators, each against its own null, Holm within the group;
 * 4. residual cohesion without the group's top answerers;
 * 5. a decision table → verdict, copScore, and a block-bootstrap confidence over time windows;
 * 6. with `communities`, each group's alignment with the detected communities (`matchGroups`).
 *
 * @module
 */

import { type GroupMatch, matchGroups } from '../communities/match.js';
import type { PartitionLike } from '../communities/partition.js';
import type { Ingested } from '../graph/ingest.js';
import { bootstrapConfidence, type Confidence } from './bootstrap.js';
import type { CohesionTest } from './cohesion.js';
import { type Decision, decide, VERDICTS, type Verdict } from './decide.js';
import { cohesionLine, confidenceLine, depletionLine, indicatorLine, verdictLine } from './explain.js';
import type { GroupScope, GroupSpec } from './groups.js';
import type { TopAnswerer } from './help.js';
import { helpCohesion } from './help-cohesion.js';
import type { Indicator } from './indicator.js';
import { type GroupIndicators, groupIndicators, unavailableIndicators } from './indicators.js';
import { resolveTestGroupsOptions, type TestGroupsOptions, type TestGroupsParams } from './options.js';
import { OrganisationCohesion } from './organisation-cohesion.js';
import { type ResidualTest, residualCohesive } from './residual.js';
import { type Eligibility, EvidenceCache, type GroupWork, resolveGroup } from './resolve.js';

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
  /**
   * The best-matching detected community (largest Jaccard with the group's members present in the graph) and
   * the expected best-match Jaccard of a random set of the same size (`matchGroups`); `null` without
   * `communities`.
   */
  alignment: GroupMatch | null;
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

const now = () => performance.now();

/**
 * Tests formal groups for community of practice vs social learning.
 *
 * @param input - what `ingest` returned (use `window` for the temporal indicators and the confidence, and
 *   `channels` when some groups are channels)
 * @param groups - people groups (`{ name, members }`) and channel groups (`{ name, channel }`)
 * @param options - thresholds and samples (`TEST_GROUPS_DEFAULTS`); `communities` (person → detected
 *   community) adds each group's alignment
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
  const communities = options.communities;
  const profile = options.profile;
  const t0 = now();
  const cache = new EvidenceCache(input, p.getEdgeWeight);
  const names = new Set<string>();
  const works: GroupWork[] = groups.map((spec, i) => {
    const w = resolveGroup(spec, i, cache, p);
    if (names.has(spec.name)) w.group.name = `${spec.name}#${i}`;
    names.add(w.group.name);
    return w;
  });
  profile?.('resolve groups', now() - t0);

  const organisation = new OrganisationCohesion(cache, works, p, profile);
  const { cohesion, residual } = organisation;
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
      // a detected community's residual is read inside the group only, as a channel's
      residualCohesive: residualCohesive(w.group.selection ? 'channel' : w.group.scope, r),
      indicators: computed[i]?.indicators ?? unavailableIndicators('the group is not eligible'),
      practiceShare: p.practiceShare,
      minPracticeIndicators: p.minPracticeIndicators,
    });
  });

  const t = now();
  const wantBootstrap = p.bootstrap > 0 && cache.whole.windows.length >= 2;
  const slots = (which: 'cohesion' | 'residual') =>
    works.map((_, i) => (wantBootstrap ? organisation.slot(i, which) : null));
  const confidence: Confidence[] = bootstrapConfidence({
    works,
    computed,
    decisions,
    cohesionSlots: slots('cohesion'),
    residualSlots: slots('residual'),
    residuals: residual,
    fixedCohesive: works.map((w, i) => (w.group.selection ? (cohesion[i] as CohesionTest).cohesive : null)),
    helpCohesive: help.map((h) => h.cohesive),
    windows: cache.whole.windows.map((w) => w.index),
    params: p,
  });
  profile?.('bootstrap confidence', now() - t);

  const alignment = communities === undefined ? null : alignments(works, communities, p.seed);
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
      c.model === 'kojaku-masuda-qs'
        ? qsLine(c)
        : cohesionLine(c, w.group.scope === 'channel' ? "participants' cohesion in the organisation" : 'cohesion'),
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
      alignment: alignment?.get(w.group.name) ?? null,
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
    rewiring: organisation.rewiring(),
  };
}

/** Each group's best match among the detected communities, over its members present in its graph. */
function alignments(
  works: readonly GroupWork[],
  communities: PartitionLike,
  seed: number | string,
): Map<string, GroupMatch> {
  const members = new Map(
    works.map((w) => [w.group.name, Array.from(w.group.members, (i) => w.group.evidence.snapshot.keys[i] as string)]),
  );
  return new Map(matchGroups(members, communities, { seed }).groups.map((m) => [m.group, m]));
}

/** The evidence line of a detected community's q–s test. */
function qsLine(c: CohesionTest): string {
  if (!c.available) return `q–s test of the detected community: not testable (${c.reason})`;
  const unit = c.cohesive
    ? 'more than the detector finds in rewired graphs'
    : 'no more than the detector finds in rewired graphs';
  return `q–s test of the detected community (Kojaku & Masuda 2018): modularity term ${c.modularity} (p=${c.p}, q=${c.q}): ${unit}`;
}

/** "without a, b, c and 19 more": the top answerers a residual test left out. */
function residualLabel(removed: readonly TopAnswerer[]): string {
  if (removed.length === 0) return 'residual';
  const names = removed.slice(0, 5).map((x) => x.person);
  const more = removed.length > 5 ? ` and ${removed.length - 5} more` : '';
  return `without ${names.join(', ')}${more}`;
}
