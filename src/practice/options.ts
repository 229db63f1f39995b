/**
 * Options of the practice test, their defaults and validation. The thresholds of the decision table are
 * options; docs/method.md gives the table and docs/calibration.md the measurements behind each default.
 *
 * @module
 */

import type { PartitionLike } from '../communities/partition.js';
import { optionChecker, resolveOptions } from '../options.js';
import { DEFAULT_SEED } from '../random.js';

const check = optionChecker('practice');

/** Options of `testGroups`. */
export interface TestGroupsOptions {
  /** Null samples R of the cohesion nulls (rewiring, stratified sets). Default 200. */
  samples?: number;
  /**
   * Null samples of each regime indicator. Default 999: with about ten indicators per group, Holm's
   * correction needs two-sided Monte Carlo p-values well below α/10, and 2/(R + 1) must get there.
   */
  indicatorSamples?: number;
  /**
   * Threads the help indicators read: `'questions'` (threads whose root is a question), `'all'`, or
   * `'auto'` (questions when at least half of the group's answered threads have a known kind). Default `'auto'`.
   */
  helpThreads?: 'auto' | 'questions' | 'all';
  /** Seed of every random step. Default 42. */
  seed?: number | string;
  /** Significance level of every test (BH q for cohesion, Holm-adjusted p for indicators). Default 0.05. */
  alpha?: number;
  /**
   * Edge attribute read as strength by the cohesion test; `null` (default) counts each directed tie once.
   * On message logs a few dyads carry most of the traffic, and counting ties gives the cohesion test far
   * more power at the same type-I error (docs/calibration.md); the rewiring null then keeps every degree
   * exactly.
   */
  getEdgeWeight?: string | null;
  /** Fewest members present in the graph. Default 5 (also a privacy floor). */
  minGroupSize?: number;
  /** Fewest messages sent by the members (in the graph the group is read on). Default 20. */
  minMessages?: number;
  /** Fewest time windows with member activity, when the log has windows. Default 3. */
  minWindows?: number;
  /** Fewest answered threads for the help and thread indicators. Default 10. */
  minThreads?: number;
  /** Fewest internal ties for the structural indicators. Default 5. */
  minInternalTies?: number;
  /** Activity strata of cohesion null B. Default 10. */
  strata?: number;
  /** Attempted swaps per arc: before the first rewired sample, and between samples. Default 10 and 1. */
  burnIn?: number;
  thin?: number;
  /** Help centralisation at or above which (and above its null) help flows through hubs. Default 0.3. */
  hubCentralisation?: number;
  /** Help centralisation at or below which help is spread over many members. Default 0.15. */
  flatCentralisation?: number;
  /**
   * A hub is made of answer people: at least this share of the top answerers' help activity is answering
   * (Σ answers / Σ (answers + help threads started)). Default 0.9.
   */
  minAnswerPurity?: number;
  /**
   * Persistence judged by the ratio of observed tenure to its time-shuffle null: at or below `…Churn`
   * (and below the null) members or ties churn; at or above `…Stay` they last. Defaults: members 0.75 /
   * 0.85, ties 0.65 / 0.72.
   */
  memberChurnRatio?: number;
  memberStayRatio?: number;
  tieChurnRatio?: number;
  tieStayRatio?: number;
  /** A top answerer gives at least this many times the even share of answers. Default 2. */
  topAnswererFactor?: number;
  /**
   * At most max(`maxTopAnswerers`, `maxTopAnswererShare` × members) top answerers are removed for residual
   * cohesion: a few in a team, more in a list of hundreds where a dozen staff answer. Defaults 3 and 0.05.
   */
  maxTopAnswerers?: number;
  maxTopAnswererShare?: number;
  /** A core of "several": at least this many members... Default 3. */
  minCoreSize?: number;
  /** ... and at least this share of the members. Default 0.15. */
  minCoreShare?: number;
  /** Fewest newcomers for the newcomer slope. Default 3. */
  minNewcomers?: number;
  /** Fewest answered threads outside the group for the thread-mix baseline. Default 30. */
  minBaselineThreads?: number;
  /** Share of the practice indicators pointing to either regime that must point to a CoP. Default 0.6. */
  practiceShare?: number;
  /** Fewest practice indicators pointing to a community of practice for that verdict. Default 3. */
  minPracticeIndicators?: number;
  /** Cohesive only when observed internal strength is at least this multiple of both null means. Default 1. */
  minCohesionRatio?: number;
  /**
   * Help cohesion also needs at least this share of the members' help ties (asker → answerer) to stay among
   * them: the members find much of their help inside the group, not a few of them by chance. Default 0.4
   * (planted social-learning teams keep about half or more, random sets that pass the test by holding an
   * expert and a few of their askers a fifth to a third; docs/calibration.md).
   */
  minHelpShare?: number;
  /**
   * The others are depleted without the top answerers when their internal ties are significantly below the
   * rewiring of the group's own ties and at most this share of its mean. Default 1 (significance alone:
   * on the simulator a social-learning team's askers keep 97–99 % of their expected ties, yet every one is
   * significantly below it, and no other kind is; docs/calibration.md).
   */
  maxDepletionRatio?: number;
  /** Residual cohesion needs at least this multiple of both null means. Default 2. */
  minResidualRatio?: number;
  /**
   * Cohesion is tested only when the group (a channel's participants) holds fewer than this share of the
   * graph's people; otherwise there is nothing outside to compare it with. Default 0.9.
   */
  maxCoverage?: number;
  /** Block-bootstrap replicates over time windows for the confidence. Default 100 (0 = none). */
  bootstrap?: number;
  /** Confidence labels: confident at or above, tentative at or above, else ambiguous. Default 0.9 / 0.6. */
  confidentAt?: number;
  tentativeAt?: number;
  /** Called with the time spent in each phase (ms); not part of the result. */
  profile?: (phase: string, ms: number) => void;
  /**
   * Detected communities (person → community, or a result with an `assignment`): each group's `alignment` is
   * then its best-matching community and the Jaccard a random set of its size would reach. Not part of `params`.
   */
  communities?: PartitionLike;
}

/** Defaults of {@link TestGroupsOptions}. */
export const TEST_GROUPS_DEFAULTS = Object.freeze({
  samples: 200,
  indicatorSamples: 999,
  helpThreads: 'auto' as 'auto' | 'questions' | 'all',
  seed: DEFAULT_SEED as number | string,
  alpha: 0.05,
  getEdgeWeight: null as string | null,
  minGroupSize: 5,
  minMessages: 20,
  minWindows: 3,
  minThreads: 10,
  minInternalTies: 5,
  strata: 10,
  burnIn: 10,
  thin: 1,
  hubCentralisation: 0.3,
  flatCentralisation: 0.15,
  minAnswerPurity: 0.9,
  memberChurnRatio: 0.75,
  memberStayRatio: 0.85,
  tieChurnRatio: 0.65,
  tieStayRatio: 0.72,
  topAnswererFactor: 2,
  maxTopAnswerers: 3,
  maxTopAnswererShare: 0.05,
  minCoreSize: 3,
  minCoreShare: 0.15,
  minNewcomers: 3,
  minBaselineThreads: 30,
  practiceShare: 0.6,
  minPracticeIndicators: 3,
  minCohesionRatio: 1,
  minHelpShare: 0.4,
  minResidualRatio: 2,
  maxDepletionRatio: 1,
  maxCoverage: 0.9,
  bootstrap: 100,
  confidentAt: 0.9,
  tentativeAt: 0.6,
});

/** Resolved parameters, recorded in the result: every option with its value. */
export type TestGroupsParams = Required<Omit<TestGroupsOptions, 'profile' | 'communities'>>;

/** Resolves and validates the options. */
export function resolveTestGroupsOptions(options: TestGroupsOptions = {}): TestGroupsParams {
  const { profile: _profile, communities: _communities, ...rest } = options;
  const o = resolveOptions(TEST_GROUPS_DEFAULTS, rest) as TestGroupsParams;
  check.positiveInt('samples', o.samples);
  check.positiveInt('indicatorSamples', o.indicatorSamples);
  check.oneOf('helpThreads', o.helpThreads, ['auto', 'questions', 'all']);
  if (typeof o.seed !== 'string' && !Number.isFinite(o.seed)) check.fail('seed', 'a finite number or a string', o.seed);
  if (!(o.alpha > 0 && o.alpha < 1)) check.fail('alpha', 'a number in (0, 1)', o.alpha);
  if (o.getEdgeWeight !== null) check.string('getEdgeWeight', o.getEdgeWeight);
  for (const k of [
    'minGroupSize',
    'minNewcomers',
    'maxTopAnswerers',
    'strata',
    'minCoreSize',
    'minPracticeIndicators',
  ] as const) {
    check.positiveInt(k, o[k]);
  }
  for (const k of [
    'minMessages',
    'minWindows',
    'minThreads',
    'minInternalTies',
    'minBaselineThreads',
    'bootstrap',
  ] as const) {
    check.nonNegativeInt(k, o[k]);
  }
  for (const k of [
    'burnIn',
    'thin',
    'topAnswererFactor',
    'minCohesionRatio',
    'minResidualRatio',
    'maxDepletionRatio',
    'memberChurnRatio',
    'memberStayRatio',
    'tieChurnRatio',
    'tieStayRatio',
  ] as const) {
    check.nonNegative(k, o[k]);
  }
  for (const k of [
    'hubCentralisation',
    'flatCentralisation',
    'minAnswerPurity',
    'minCoreShare',
    'minHelpShare',
    'maxTopAnswererShare',
    'practiceShare',
    'maxCoverage',
    'confidentAt',
    'tentativeAt',
  ] as const) {
    check.probability(k, o[k]);
  }
  if (o.flatCentralisation >= o.hubCentralisation) {
    check.fail('flatCentralisation', `below hubCentralisation (${o.hubCentralisation})`, o.flatCentralisation);
  }
  if (o.memberChurnRatio > o.memberStayRatio) {
    check.fail('memberChurnRatio', `at most memberStayRatio (${o.memberStayRatio})`, o.memberChurnRatio);
  }
  if (o.tieChurnRatio > o.tieStayRatio)
    check.fail('tieChurnRatio', `at most tieStayRatio (${o.tieStayRatio})`, o.tieChurnRatio);
  if (o.tentativeAt > o.confidentAt) check.fail('tentativeAt', `at most confidentAt (${o.confidentAt})`, o.tentativeAt);
  return o;
}
