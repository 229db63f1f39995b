import { describe, expect, it } from 'vitest';
import { copScoreOf, decide } from '../../src/practice/decide.js';
import {
  INDICATOR_NAMES,
  type Indicator,
  type IndicatorName,
  type Regime,
  unavailable,
} from '../../src/practice/indicator.js';

/** Indicators with the given regimes (others available and neutral, or unavailable when listed). */
function indicators(regimes: Partial<Record<IndicatorName, Regime>>, missing: IndicatorName[] = []): Indicator[] {
  return INDICATOR_NAMES.map((name) => {
    if (missing.includes(name)) return unavailable(name, 'time-shuffle', 'test');
    const regime = regimes[name] ?? 'neither';
    return {
      name,
      available: true,
      observed: 0.5,
      null: { model: 'time-shuffle', mean: 0.4, sd: 0.1, samples: 99 },
      p: 0.01,
      pAdjusted: 0.01,
      direction: 'above',
      regime,
      score: regime === 'community-of-practice' ? 1 : regime === 'social-learning' ? -1 : 0,
    };
  });
}

const base = { eligible: true, scope: 'people' as const, practiceShare: 0.6, minPracticeIndicators: 3 };
const hub = { helpCentralisation: 'social-learning' as Regime };
const practice = {
  reciprocity: 'community-of-practice',
  clustering: 'community-of-practice',
  tiePersistence: 'community-of-practice',
} as const;

describe('the decision table (docs/method.md)', () => {
  it('R0: not eligible → insufficient-evidence, whatever else', () => {
    const d = decide({
      ...base,
      eligible: false,
      cohesive: true,
      residualCohesive: false,
      indicators: indicators(hub),
    });
    expect([d.verdict, d.rule]).toEqual(['insufficient-evidence', 'R0']);
  });

  it('R1: a people group that is not cohesive is not a unit, even with a hub', () => {
    const d = decide({ ...base, cohesive: false, residualCohesive: false, indicators: indicators(hub) });
    expect([d.verdict, d.rule]).toEqual(['not-a-unit', 'R1']);
  });

  it('R1: pulled help that stays inside (help cohesion) makes a unit; help cohesion without pull does not', () => {
    const pulled = decide({
      ...base,
      cohesive: false,
      helpCohesive: true,
      residualCohesive: false,
      indicators: indicators(hub),
    });
    expect([pulled.verdict, pulled.rule, pulled.unit]).toEqual(['social-learning', 'R2', true]);
    const split = decide({
      ...base,
      cohesive: false,
      helpCohesive: true,
      residualCohesive: false,
      indicators: indicators({ roleMix: 'social-learning' }),
    });
    expect(split.verdict).toBe('social-learning');
    const unpulled = decide({
      ...base,
      cohesive: false,
      helpCohesive: true,
      residualCohesive: false,
      indicators: indicators(practice),
    });
    expect([unpulled.verdict, unpulled.rule, unpulled.unit]).toEqual(['not-a-unit', 'R1', false]);
  });

  it('R2: hub and no residual cohesion → social learning (untestable residual counts as none)', () => {
    for (const residualCohesive of [false, null]) {
      const d = decide({ ...base, cohesive: true, residualCohesive, indicators: indicators(hub) });
      expect([d.verdict, d.rule, d.hub]).toEqual(['social-learning', 'R2', true]);
    }
  });

  it('R3: cohesive, but no help threads → insufficient-evidence (even when the threads share)', () => {
    const d = decide({
      ...base,
      cohesive: true,
      residualCohesive: null,
      indicators: indicators({ ...practice, shareMix: 'community-of-practice' }, ['helpCentralisation', 'roleMix']),
    });
    expect([d.verdict, d.rule]).toEqual(['insufficient-evidence', 'R3']);
  });

  it('R4: hub with residual cohesion → hybrid', () => {
    const d = decide({
      ...base,
      cohesive: true,
      residualCohesive: true,
      indicators: indicators({ ...hub, ...practice }),
    });
    expect([d.verdict, d.rule]).toEqual(['hybrid', 'R4']);
  });

  it('R5: no hub and enough practice indicators → community of practice; too few or outnumbered → R7 hybrid', () => {
    const d = decide({ ...base, cohesive: true, residualCohesive: true, indicators: indicators(practice) });
    expect([d.verdict, d.rule]).toEqual(['community-of-practice', 'R5']);
    expect(d.practice).toEqual({ communityOfPractice: 3, socialLearning: 0, available: 9 });
    const two = decide({
      ...base,
      cohesive: true,
      residualCohesive: true,
      indicators: indicators({ reciprocity: 'community-of-practice', clustering: 'community-of-practice' }),
    });
    expect([two.verdict, two.rule]).toEqual(['hybrid', 'R7']);
    // 3 for, 3 against: 3 < 0.6 × 6
    const split = decide({
      ...base,
      cohesive: true,
      residualCohesive: true,
      indicators: indicators({
        ...practice,
        memberPersistence: 'social-learning',
        newcomerSlope: 'social-learning',
        shareMix: 'social-learning',
      }),
    });
    expect(split.rule).toBe('R7');
  });

  it('R6: a channel in which nothing departs from its null is not a unit; its org cohesion does not gate it', () => {
    const d = decide({
      ...base,
      scope: 'channel',
      cohesive: false,
      residualCohesive: null,
      indicators: indicators({}),
    });
    expect([d.verdict, d.rule, d.cohesive]).toEqual(['not-a-unit', 'R6', null]);
    const sl = decide({
      ...base,
      scope: 'channel',
      cohesive: false,
      residualCohesive: false,
      indicators: indicators(hub),
    });
    expect(sl.verdict).toBe('social-learning');
  });

  it('copScore is the mean score of the available indicators', () => {
    const ind = indicators(
      { reciprocity: 'community-of-practice', clustering: 'social-learning', shareMix: 'community-of-practice' },
      ['newcomerSlope'],
    );
    expect(copScoreOf(ind)).toBeCloseTo(1 / 9, 4);
    expect(copScoreOf([])).toBe(0);
  });
});
