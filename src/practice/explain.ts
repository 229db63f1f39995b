/**
 * Evidence lines: one short plain-language sentence per finding, with its figures, so that an analyst can
 * defend a verdict and a researcher can audit it.
 *
 * @module
 */

import type { Confidence } from './bootstrap.js';
import type { CohesionTest } from './cohesion.js';
import type { Decision } from './decide.js';
import type { Indicator, IndicatorName, Regime } from './indicator.js';
import type { Depletion } from './residual.js';

const LABELS: Record<IndicatorName, string> = {
  reciprocity: 'reciprocity',
  clustering: 'clustering',
  roleMix: 'members who both ask and answer',
  helpCentralisation: 'help centralisation',
  corePeriphery: 'core–periphery fit',
  memberPersistence: 'member persistence',
  tiePersistence: 'tie persistence',
  newcomerSlope: 'newcomer coreness slope',
  shareMix: 'sharing/discussion threads',
  threadParticipants: 'participants per thread',
};

const MEANING: Record<IndicatorName, Record<Regime, string>> = {
  reciprocity: {
    'community-of-practice': 'members answer each other',
    'social-learning': 'ties run one way',
    neither: 'no more mutual than chance',
  },
  clustering: {
    'community-of-practice': "members' contacts know each other",
    'social-learning': 'the contacts of busy members do not know each other',
    neither: 'closure as expected',
  },
  roleMix: {
    'community-of-practice': 'the same people ask and answer',
    'social-learning': 'askers and answerers are different people',
    neither: 'roles mixed as by chance',
  },
  helpCentralisation: {
    'community-of-practice': 'help is spread over many members',
    'social-learning': 'help flows through one or a few people',
    neither: 'help moderately concentrated',
  },
  corePeriphery: {
    'community-of-practice': 'a core of several members with a periphery',
    'social-learning': 'a small core the others hang on, not a community around it',
    neither: 'no core–periphery shape beyond the degrees',
  },
  memberPersistence: {
    'community-of-practice': 'members stay from window to window',
    'social-learning': 'members come and go',
    neither: 'members stay as by chance',
  },
  tiePersistence: {
    'community-of-practice': 'relationships last',
    'social-learning': 'exchanges are one-off',
    neither: 'ties recur as by chance',
  },
  newcomerSlope: {
    'community-of-practice': 'newcomers move toward the core',
    'social-learning': 'newcomers drift out instead of moving in',
    neither: 'newcomers neither move in nor out',
  },
  shareMix: {
    'community-of-practice': 'threads share and discuss more than they ask',
    'social-learning': 'threads ask more than they share',
    neither: 'threads ask about as much as they share',
  },
  threadParticipants: {
    'community-of-practice': "threads draw more people than the organisation's",
    'social-learning': "threads are more one-to-one than the organisation's",
    neither: "threads as many-sided as the organisation's",
  },
};

/** Formats a figure with two decimals (or as an integer). */
export function fmt(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return 'n/a';
  if (Number.isInteger(x)) return String(x);
  const a = Math.abs(x);
  return a >= 100 ? x.toFixed(0) : a >= 0.01 ? x.toFixed(2) : x.toPrecision(2);
}

/** Formats a p-value. */
export function fmtP(p: number | null | undefined): string {
  if (p === null || p === undefined) return 'n/a';
  return p < 0.001 ? p.toExponential(1) : p.toFixed(3);
}

/** One line for an indicator. */
export function indicatorLine(ind: Indicator): string {
  const label = LABELS[ind.name];
  if (!ind.available) return `${label}: unavailable (${ind.reason ?? 'not computable'})`;
  const extra =
    ind.name === 'corePeriphery' && ind.detail?.coreSize !== undefined ? `, core of ${ind.detail.coreSize}` : '';
  return `${label} ${fmt(ind.observed)} vs ${fmt(ind.null.mean)} expected${extra} (p=${fmtP(ind.pAdjusted ?? ind.p)}): ${MEANING[ind.name][ind.regime]}`;
}

/** One line for a cohesion test. */
export function cohesionLine(c: CohesionTest, what: string, ties = 'ties'): string {
  if (!c.available) return `${what}: not testable (${c.reason})`;
  const unit = c.cohesive ? 'a social unit' : 'no more than chance';
  return (
    `${what}: internal ${ties} ${fmt(c.ratio)}× expected (${fmt(c.observed)} vs ${fmt(c.expected)}; ` +
    `p=${fmtP(c.nullA?.p)} under rewiring, p=${fmtP(c.nullB?.p)} vs similarly active random sets; q=${fmtP(c.q)}): ${unit}`
  );
}

const RULES: Record<Decision['rule'], string> = {
  R0: 'not enough data to judge',
  R1: 'members interact, and turn to each other for help, no more than chance',
  R2: 'help is pulled from a few answerers, and the others are no unit without them',
  R3: 'a unit, but no answered threads to read its regime from',
  R4: 'a lasting unit whose help still flows through hubs',
  R5: 'practice indicators beyond their nulls, without hub dominance',
  R6: 'a channel in which nothing departs from chance',
  R7: 'a unit where neither regime dominates',
};

/** The depletion line of a residual group. */
export function depletionLine(d: Depletion, what: string): string {
  const unit = d.depleted
    ? 'the others deal with each other less than their activity implies: no unit without them'
    : 'the others deal with each other as much as their activity in the group implies';
  return `${what}, inside the group: ${fmt(d.observed)} ties among the others vs ${fmt(d.expected)} under rewiring of the group's ties (${fmt(d.ratio)}×, p=${fmtP(d.p)} for fewer): ${unit}`;
}

/** The confidence line. */
export function confidenceLine(c: Confidence): string {
  if (c.value === null) return `confidence not assessed (${c.reason ?? 'no bootstrap'})`;
  const others = Object.entries(c.verdicts ?? {})
    .filter(([, n]) => n > 0)
    .map(([v, n]) => `${v} ${n}`)
    .join(', ');
  return `confidence ${c.label}: ${Math.round(c.value * 100)}% of ${c.replicates} bootstrap replicates over time windows agree (${others})`;
}

/** The verdict line. */
export function verdictLine(d: Decision): string {
  return `verdict ${d.verdict} (rule ${d.rule}: ${RULES[d.rule]}); copScore ${fmt(d.copScore)}, practice indicators ${d.practice.communityOfPractice} of ${d.practice.available} for a community of practice, ${d.practice.socialLearning} for social learning`;
}
