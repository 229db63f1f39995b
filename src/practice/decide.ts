/**
 * The decision table of the practice test (docs/method.md). Rules are tried in order; the first that holds
 * gives the verdict, and its id is recorded so every verdict can be traced to one row of the table.
 *
 * | rule | condition | verdict |
 * |---|---|---|
 * | R0 | not eligible (too few members, messages or windows) | insufficient-evidence |
 * | R1 | people group that is no unit: its ties are not cohesive, and its help is not pulled from inside it (no help cohesion, or no pull) | not-a-unit |
 * | R2 | help is pulled (hubs, or askers and answerers are different people), and the other members are no unit without the top answerers | social-learning |
 * | R3 | no answered help threads to read the regime from | insufficient-evidence |
 * | R4 | help flows through hubs, and the other members are a unit of their own | hybrid |
 * | R5 | no hub; at least `minPracticeIndicators` practice indicators point to a CoP, and at least `practiceShare` of those that point anywhere | community-of-practice |
 * | R6 | channel group in which no indicator departs from its null | not-a-unit |
 * | R7 | otherwise (a unit where neither regime dominates) | hybrid |
 *
 * - **Hub**: the help-centralisation indicator points to social learning (centralisation ≥
 *   `hubCentralisation` and above its null). **Role split**: the role-mix indicator points to social
 *   learning (fewer members both ask and answer than independent roles would give: Welser et al. 2007's
 *   answer-person signature). Either is the signature of knowledge *pulled* from others; a large help
 *   channel served by dozens of volunteers shows the split without one dominant hub.
 * - **Residual cohesion** is the separating test of the two pull-based regimes (DESIGN §5): in social
 *   learning the askers are no unit among themselves, in a hybrid they are (a hybrid needs a hub: its help
 *   flows through one or two experts). The practice indicators are reported with the verdict (and move the
 *   copScore); R2 does not require few of them, because on people groups they also read the members' other
 *   traffic (docs/calibration.md).
 * - A people group must be a unit to be anything but `not-a-unit`, social learning included ("cohesive
 *   at least through the experts", DESIGN §2): a random set of people that happens to hold an expert and a
 *   few of the people they answer shows a hub, but no excess of ties (docs/calibration.md, type-I control).
 *   It is a unit when its ties are cohesive, or — the "through the experts" of social learning — when its
 *   help is pulled (a hub or split roles) and stays inside it (help cohesion, `help-cohesion.ts`): the askers
 *   of a help group who drop in for a few weeks add too few ties to stand out in a small dense
 *   organisation, yet they find most of their help among the group's experts, which random sets of people
 *   do not. The help route opens no other verdict: a community of practice or a hybrid is a unit in its
 *   ties.
 * - A channel is a shared space by construction (all its messages are among its participants), so its
 *   cohesion in the organisation is reported but does not gate it; a channel is `not-a-unit` only when
 *   nothing in it departs from its nulls (R6).
 * - Practice indicators: reciprocity, clustering, role mix, core–periphery, member and tie persistence,
 *   newcomer slope, share mix, thread participants.
 *
 * @module
 */

import type { GroupScope } from './groups.js';
import type { Indicator, IndicatorName } from './indicator.js';

/** The verdicts. */
export type Verdict = 'community-of-practice' | 'social-learning' | 'hybrid' | 'not-a-unit' | 'insufficient-evidence';

/** The verdicts in a fixed order. */
export const VERDICTS: readonly Verdict[] = Object.freeze([
  'community-of-practice',
  'social-learning',
  'hybrid',
  'not-a-unit',
  'insufficient-evidence',
]);

/**
 * Practice indicators counted by rule R5. Several of them can only depart from their null in one
 * direction on a given kind of group (a persistence ratio near 1, a role mix at its permutation null), so the
 * rule counts the indicators that point somewhere rather than all that are available.
 */
export const PRACTICE_INDICATORS: readonly IndicatorName[] = Object.freeze([
  'reciprocity',
  'clustering',
  'roleMix',
  'corePeriphery',
  'memberPersistence',
  'tiePersistence',
  'newcomerSlope',
  'shareMix',
  'threadParticipants',
]);

/** The rules of the table. */
export type DecisionRule = 'R0' | 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6' | 'R7';

/** What the decision read, and which rule fired. */
export interface Decision {
  verdict: Verdict;
  rule: DecisionRule;
  eligible: boolean;
  /** Tie cohesion; `null` when it could not be tested or does not gate (channels). */
  cohesive: boolean | null;
  /** Help cohesion (people groups with enough help threads); `null` when not tested. */
  helpCohesive: boolean | null;
  /** A unit in its ties, or through pulled help that stays inside (what R1 reads); `null`: channels, untested. */
  unit: boolean | null;
  residualCohesive: boolean | null;
  hub: boolean | null;
  roleSplit: boolean | null;
  practice: { communityOfPractice: number; socialLearning: number; available: number };
  copScore: number;
}

/** Inputs of {@link decide}. */
export interface DecisionInput {
  eligible: boolean;
  scope: GroupScope;
  cohesive: boolean | null;
  /** Help cohesion; `null` (or absent) when not tested. */
  helpCohesive?: boolean | null;
  residualCohesive: boolean | null;
  indicators: readonly Indicator[];
  practiceShare: number;
  minPracticeIndicators: number;
}

/** copScore: the mean indicator score (each in [−1, 1], + for a community of practice) over available ones. */
export function copScoreOf(indicators: readonly Indicator[]): number {
  const av = indicators.filter((i) => i.available);
  if (av.length === 0) return 0;
  return Math.round((av.reduce((s, i) => s + i.score, 0) / av.length) * 1e4) / 1e4;
}

/** Applies the decision table. */
export function decide(input: DecisionInput): Decision {
  const by = new Map(input.indicators.map((i) => [i.name, i]));
  const help = by.get('helpCentralisation');
  const role = by.get('roleMix');
  const hub = help?.available ? help.regime === 'social-learning' : null;
  const roleSplit = role?.available ? role.regime === 'social-learning' : null;
  const practice = { communityOfPractice: 0, socialLearning: 0, available: 0 };
  for (const name of PRACTICE_INDICATORS) {
    const ind = by.get(name);
    if (!ind?.available) continue;
    practice.available++;
    if (ind.regime === 'community-of-practice') practice.communityOfPractice++;
    if (ind.regime === 'social-learning') practice.socialLearning++;
  }
  const cohesive = input.scope === 'channel' ? null : input.cohesive;
  const helpCohesive = input.scope === 'channel' ? null : (input.helpCohesive ?? null);
  const pulled = hub === true || roleSplit === true;
  const unit = cohesive === true || (helpCohesive === true && pulled) ? true : cohesive === false ? false : null;
  const base = {
    eligible: input.eligible,
    cohesive,
    helpCohesive,
    unit,
    residualCohesive: input.residualCohesive,
    hub,
    roleSplit,
    practice,
    copScore: copScoreOf(input.indicators),
  };
  const decided = practice.communityOfPractice + practice.socialLearning;
  const manyPractice =
    practice.communityOfPractice >= input.minPracticeIndicators &&
    practice.communityOfPractice >= input.practiceShare * decided;
  if (!input.eligible) return { ...base, verdict: 'insufficient-evidence', rule: 'R0' };
  if (unit === false) return { ...base, verdict: 'not-a-unit', rule: 'R1' };
  if ((hub || roleSplit) && input.residualCohesive !== true) {
    return { ...base, verdict: 'social-learning', rule: 'R2' };
  }
  // without help threads the regime cannot be read: a team that discusses its work but never asks is a
  // unit, and its persistence and discussions alone do not tell a practice from a team
  if (hub === null) return { ...base, verdict: 'insufficient-evidence', rule: 'R3' };
  if (hub) return { ...base, verdict: 'hybrid', rule: 'R4' };
  if (manyPractice) return { ...base, verdict: 'community-of-practice', rule: 'R5' };
  const anything = input.indicators.some((i) => i.available && i.regime !== 'neither');
  if (input.scope === 'channel' && !anything) return { ...base, verdict: 'not-a-unit', rule: 'R6' };
  return { ...base, verdict: 'hybrid', rule: 'R7' };
}
