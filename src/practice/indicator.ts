/**
 * The regime indicators' common record and how an indicator is judged against its null.
 *
 * @module
 */

import { type DiscreteNull, discreteMeanSd, discretePTwoSided, discreteSignedPercentile } from './exact.js';
import { meanSd, pTwoSided, round, signedPercentile } from './stats.js';

/** Which regime an indicator points to. */
export type Regime = 'community-of-practice' | 'social-learning' | 'neither';

/** The indicators, in the order they are reported. */
export const INDICATOR_NAMES = Object.freeze([
  'reciprocity',
  'clustering',
  'roleMix',
  'helpCentralisation',
  'corePeriphery',
  'memberPersistence',
  'tiePersistence',
  'newcomerSlope',
  'shareMix',
  'threadParticipants',
] as const);

/** Name of an indicator. */
export type IndicatorName = (typeof INDICATOR_NAMES)[number];

/** The null model an indicator is judged against. */
export type IndicatorNull =
  | 'rewiring-within-group'
  | 'answer-permutation'
  | 'answer-reassignment'
  | 'time-shuffle'
  | 'even-mix'
  | 'organisation-threads';

/** One indicator of one group. */
export interface Indicator {
  name: IndicatorName;
  available: boolean;
  /** Why it is unavailable. */
  reason?: string;
  observed: number | null;
  /** The null: its mean and spread, from `samples` Monte Carlo draws, or from an `exact` law (samples 0). */
  null: { model: IndicatorNull; mean: number | null; sd: number | null; samples: number; exact?: true };
  /** Two-sided p-value (Monte Carlo, or exact). */
  p: number | null;
  /** Holm-adjusted within the group. */
  pAdjusted: number | null;
  /** Observed value relative to the null mean. */
  direction: 'above' | 'below' | 'equal' | null;
  regime: Regime;
  /** Evidence for a community of practice (+1) or social learning (−1), in [−1, 1]. */
  score: number;
  /** Extra figures (core size, numbers of threads or newcomers...). */
  detail?: Record<string, number>;
}

/** An indicator as computed, before judging. */
export interface RawIndicator {
  name: IndicatorName;
  model: IndicatorNull;
  /** Which side points to a community of practice. */
  copWhen: 'higher' | 'lower';
  observed: number;
  /** Monte Carlo null samples (empty when `exact` is given). */
  nulls: Float64Array;
  /** The exact null law, when it is known (role mix, share mix). */
  exact?: DiscreteNull;
  detail?: Record<string, number>;
  /**
   * Magnitude rule that replaces the plain "beyond the null" reading (help centralisation, core size,
   * persistence ratios). It gets the observed value, the Holm-adjusted two-sided p-value and the side of the
   * null mean the observation is on.
   */
  judge?: (
    observed: number,
    pAdjusted: number,
    side: 'above' | 'below' | 'equal',
    alpha: number,
  ) => {
    regime: Regime;
    score: number;
  };
}

/** An unavailable indicator with its reason. */
export function unavailable(name: IndicatorName, model: IndicatorNull, reason: string): Indicator {
  return {
    name,
    available: false,
    reason,
    observed: null,
    null: { model, mean: null, sd: null, samples: 0 },
    p: null,
    pAdjusted: null,
    direction: null,
    regime: 'neither',
    score: 0,
  };
}

/** Summarises a raw indicator (p, null mean and spread); the regime is set by {@link judgeIndicator}. */
export function summariseIndicator(raw: RawIndicator): Indicator {
  if (!Number.isFinite(raw.observed)) return unavailable(raw.name, raw.model, 'undefined on this group');
  if (raw.exact) return summariseExact(raw, raw.exact);
  const finite = raw.nulls.filter((x) => Number.isFinite(x));
  const { mean, sd, n } = meanSd(finite);
  const p = n > 0 ? pTwoSided(raw.observed, finite) : null;
  const diff = n > 0 ? raw.observed - mean : 0;
  const tol = 1e-9 * Math.max(1, Math.abs(raw.observed));
  const indicator: Indicator = {
    name: raw.name,
    available: true,
    observed: round(raw.observed),
    null: { model: raw.model, mean: n > 0 ? round(mean) : null, sd: n > 0 ? round(sd) : null, samples: n },
    p: p === null ? null : round(p),
    pAdjusted: null,
    direction: n === 0 ? null : Math.abs(diff) <= tol ? 'equal' : diff > 0 ? 'above' : 'below',
    regime: 'neither',
    score: 0,
  };
  if (raw.detail) indicator.detail = raw.detail;
  return indicator;
}

function summariseExact(raw: RawIndicator, law: DiscreteNull): Indicator {
  const { mean, sd } = discreteMeanSd(law);
  const defined = Number.isFinite(mean);
  const diff = defined ? raw.observed - mean : 0;
  const tol = 1e-9 * Math.max(1, Math.abs(raw.observed));
  const indicator: Indicator = {
    name: raw.name,
    available: true,
    observed: round(raw.observed),
    null: {
      model: raw.model,
      mean: defined ? round(mean) : null,
      sd: defined ? round(sd) : null,
      samples: 0,
      exact: true,
    },
    p: defined ? round(discretePTwoSided(raw.observed, law)) : null,
    pAdjusted: null,
    direction: !defined ? null : Math.abs(diff) <= tol ? 'equal' : diff > 0 ? 'above' : 'below',
    regime: 'neither',
    score: 0,
  };
  if (raw.detail) indicator.detail = raw.detail;
  return indicator;
}

/** Sets the regime and score of a summarised indicator from its Holm-adjusted p-value. */
export function judgeIndicator(indicator: Indicator, raw: RawIndicator, pAdjusted: number, alpha: number): void {
  indicator.pAdjusted = round(pAdjusted);
  const finite = raw.nulls.filter((x) => Number.isFinite(x));
  if (raw.judge) {
    const { regime, score } = raw.judge(raw.observed, pAdjusted, indicator.direction ?? 'equal', alpha);
    indicator.regime = regime;
    indicator.score = round(score, 4);
    return;
  }
  const orientation = raw.copWhen === 'higher' ? 1 : -1;
  const percentile = raw.exact
    ? discreteSignedPercentile(raw.observed, raw.exact)
    : signedPercentile(raw.observed, finite);
  indicator.score = round(orientation * percentile, 4);
  if (pAdjusted < alpha && indicator.direction !== 'equal') {
    const up = indicator.direction === 'above';
    indicator.regime = up === (raw.copWhen === 'higher') ? 'community-of-practice' : 'social-learning';
  }
}
