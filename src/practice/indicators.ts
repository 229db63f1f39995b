/**
 * All regime indicators of one group, judged: availability rules, the nulls, Holm's correction within the
 * group, and each indicator's regime and score.
 *
 * @module
 */

import { createRng, deriveSeed } from '../random.js';
import { helpIndicators } from './help.js';
import {
  INDICATOR_NAMES,
  type Indicator,
  type IndicatorName,
  type IndicatorNull,
  judgeIndicator,
  type RawIndicator,
  summariseIndicator,
  unavailable,
} from './indicator.js';
import type { TestGroupsParams } from './options.js';
import type { GroupWork } from './resolve.js';
import { holm } from './stats.js';
import { internalArcs, structuralIndicators } from './structure.js';
import { groupEvents, temporalIndicators } from './temporal.js';
import { answered, threadMixIndicators } from './thread-mix.js';

const MODELS: Record<IndicatorName, IndicatorNull> = {
  reciprocity: 'rewiring-within-group',
  clustering: 'rewiring-within-group',
  roleMix: 'answer-permutation',
  helpCentralisation: 'answer-reassignment',
  corePeriphery: 'rewiring-within-group',
  memberPersistence: 'time-shuffle',
  tiePersistence: 'time-shuffle',
  newcomerSlope: 'time-shuffle',
  shareMix: 'even-mix',
  threadParticipants: 'organisation-threads',
};

/** The computed indicators of a group, before judging (kept for the bootstrap). */
export interface GroupIndicators {
  raw: RawIndicator[];
  indicators: Indicator[];
}

/** Computes and judges every indicator of `work`; `timing` (optional) accumulates ms per family. */
export function groupIndicators(work: GroupWork, p: TestGroupsParams, timing?: Map<string, number>): GroupIndicators {
  let t0 = performance.now();
  const lap = (family: string) => {
    const t = performance.now();
    if (timing) timing.set(family, (timing.get(family) ?? 0) + t - t0);
    t0 = t;
  };
  const { group } = work;
  const seedOf = (what: string) => createRng(deriveSeed(p.seed, `${what}\u0000${group.name}`));
  const raw: RawIndicator[] = [];
  const missing = new Map<IndicatorName, string>();
  const setMissing = (names: readonly IndicatorName[], reason: string) => {
    for (const n of names) missing.set(n, reason);
  };

  const arcs = internalArcs(group.evidence.snapshot, group.members);
  if (arcs.src.length >= p.minInternalTies && arcs.k >= 3) {
    raw.push(
      ...structuralIndicators(arcs, {
        samples: p.indicatorSamples,
        burnIn: p.burnIn,
        thin: p.thin,
        minCoreSize: p.minCoreSize,
        minCoreShare: p.minCoreShare,
        rng: seedOf('structure'),
      }),
    );
  } else {
    setMissing(
      ['reciprocity', 'clustering', 'corePeriphery'],
      `${arcs.src.length} internal ties (fewer than ${p.minInternalTies})`,
    );
  }

  lap('indicators: structure');

  const helpNames: IndicatorName[] = ['roleMix', 'helpCentralisation'];
  const mixNames: IndicatorName[] = ['shareMix', 'threadParticipants'];
  const minThreads = Math.max(1, p.minThreads);
  if (work.help.threads.length >= minThreads && work.help.people.length >= 2) {
    raw.push(
      ...helpIndicators(work.help, {
        samples: p.indicatorSamples,
        rng: seedOf('help'),
        hubCentralisation: p.hubCentralisation,
        flatCentralisation: p.flatCentralisation,
        topAnswerers: work.top.map((t) => work.help.people.indexOf(t.person)),
        minAnswerPurity: p.minAnswerPurity,
      }),
    );
  } else {
    setMissing(helpNames, `${work.help.threads.length} answered threads that ask for help (fewer than ${minThreads})`);
  }
  // the thread shape reads every answered thread of the group, help threads or not: a guild that only
  // shares has no question thread, and its share mix is the clearest sign of its practice
  const answeredThreads = group.threads.filter(answered).length;
  if (answeredThreads >= minThreads) {
    const mix = threadMixIndicators(group.threads, work.baseline, {
      samples: p.indicatorSamples,
      rng: seedOf('threads'),
      minBaseline: p.minBaselineThreads,
    });
    raw.push(...mix.indicators);
    if (mix.unavailable) setMissing(['threadParticipants'], mix.unavailable);
  } else {
    setMissing(mixNames, `${answeredThreads} answered threads (fewer than ${minThreads})`);
  }

  lap('indicators: help and threads');

  const temporalNames: IndicatorName[] = ['memberPersistence', 'tiePersistence', 'newcomerSlope'];
  if (!group.evidence.window) {
    setMissing(temporalNames, 'no time windows (the log has no timestamps, or no `window` was set in ingest)');
  } else {
    const ev = groupEvents(group.evidence.windows, group.members);
    if (ev.span < Math.max(2, p.minWindows)) {
      setMissing(temporalNames, `internal messages span ${ev.span} windows (fewer than ${Math.max(2, p.minWindows)})`);
    } else {
      const t = temporalIndicators(ev, {
        samples: p.indicatorSamples,
        rng: seedOf('time'),
        minNewcomers: p.minNewcomers,
        memberRatios: [p.memberChurnRatio, p.memberStayRatio],
        tieRatios: [p.tieChurnRatio, p.tieStayRatio],
      });
      raw.push(...t.indicators);
      for (const u of t.unavailable) missing.set(u.name, u.reason);
    }
  }

  lap('indicators: time');

  // summarise, Holm within the group, judge
  const summaries = raw.map(summariseIndicator);
  const ps = summaries.map((s) => (s.available && s.p !== null ? s.p : Number.NaN));
  const adjusted = holm(ps);
  summaries.forEach((s, i) => {
    if (s.available) judgeIndicator(s, raw[i] as RawIndicator, adjusted[i] as number, p.alpha);
  });
  const byName = new Map(summaries.map((s) => [s.name, s]));
  const indicators = INDICATOR_NAMES.map(
    (name) => byName.get(name) ?? unavailable(name, MODELS[name], missing.get(name) ?? 'not computed'),
  );
  return { raw, indicators };
}

/** Every indicator unavailable, with one reason (for groups that are not eligible). */
export function unavailableIndicators(reason: string): Indicator[] {
  return INDICATOR_NAMES.map((name) => unavailable(name, MODELS[name], reason));
}
