/**
 * The shape of a group's threads, against the organisation's other threads.
 *
 * - **shareMix**: the share of the group's answered threads that share or discuss rather than ask. When the
 *   messages carry a kind (a reader's structure or the message classifier), a thread counts by its root's
 *   kind (`share` or `discussion` vs `question`); otherwise structurally: a thread with two or more other
 *   repliers is many-to-many (a discussion), one with a single replier is question → answer.
 * - **threadParticipants**: mean distinct participants per answered thread (root author included).
 *
 * shareMix is judged against an even mix (does the group share and discuss more than it asks?): comparing
 * it with the rest of the organisation would mostly measure how the organisation's ordinary work mail is
 * labelled. threadParticipants is judged against random sets of as many answered threads drawn from the
 * rest of the log (R draws without replacement): are this group's threads more many-sided than the
 * organisation's threads in general? When the group holds nearly all threads there is nothing to compare
 * with, and it is reported unavailable.
 *
 * @module
 */

import type { ThreadSummary } from '../log/threads.js';
import type { Rng } from '../random.js';
import { evenMixNull } from './exact.js';
import type { RawIndicator } from './indicator.js';

/** Whether a thread drew at least one reply from someone other than its starter. */
export const answered = (t: ThreadSummary): boolean => t.repliers.length > 0;

/** Mode of the share statistic: by root kinds, or structural. */
export type ShareMode = 'kinds' | 'structure';

/** Uses kinds when at least half of the threads have a root kind. */
export function shareModeOf(threads: readonly ThreadSummary[]): ShareMode {
  let known = 0;
  for (const t of threads) if (t.rootKind !== undefined) known++;
  return threads.length > 0 && known * 2 >= threads.length ? 'kinds' : 'structure';
}

function shareValue(t: ThreadSummary, mode: ShareMode): number {
  if (mode === 'kinds') {
    if (t.rootKind === undefined) return Number.NaN;
    return t.rootKind === 'share' || t.rootKind === 'discussion' ? 1 : 0;
  }
  return t.repliers.length >= 2 ? 1 : 0;
}

function meanOf(values: Float64Array, pick: Int32Array | null, count: number): number {
  let s = 0;
  let n = 0;
  for (let k = 0; k < count; k++) {
    const v = values[pick ? (pick[k] as number) : k] as number;
    if (Number.isNaN(v)) continue;
    s += v;
    n++;
  }
  return n > 0 ? s / n : Number.NaN;
}

/** The answered threads of a whole log, prepared once for the participants baseline of every group. */
export interface ThreadBaseline {
  /** Thread id → position in `participants`. */
  index: ReadonlyMap<string, number>;
  participants: Float64Array;
}

/** Prepares the baseline of `all` threads (answered ones only). */
export function threadBaseline(all: readonly ThreadSummary[]): ThreadBaseline {
  const index = new Map<string, number>();
  const participants: number[] = [];
  for (const t of all) {
    if (!answered(t) || index.has(t.id)) continue;
    index.set(t.id, participants.length);
    participants.push(t.participants);
  }
  return { index, participants: Float64Array.from(participants) };
}

/** Options of {@link threadMixIndicators}. */
export interface ThreadMixOptions {
  samples: number;
  rng: Rng;
  /** Smallest pool of other threads to compare with. */
  minBaseline: number;
}

/**
 * One mark per pool thread, shared by every group tested against the same baseline and cleared before each
 * use, rather than a new array per group: one entry per answered thread of the whole log, for every group.
 */
const marksOf = new WeakMap<ThreadBaseline, Int32Array>();
function takenMarks(baseline: ThreadBaseline): Int32Array {
  let marks = marksOf.get(baseline);
  if (marks) marks.fill(0);
  else {
    marks = new Int32Array(baseline.participants.length);
    marksOf.set(baseline, marks);
  }
  return marks;
}

/**
 * shareMix (against an even mix: each thread sharing or asking with probability ½, the exact binomial law) and
 * threadParticipants (against random sets of as many of the other answered threads of the log, drawn
 * without replacement; unavailable when there are too few of them).
 */
export function threadMixIndicators(
  group: readonly ThreadSummary[],
  baseline: ThreadBaseline,
  options: ThreadMixOptions,
): { indicators: RawIndicator[]; mode: ShareMode; unavailable?: string } {
  const own = group.filter(answered);
  const k = own.length;
  const R = options.samples;
  const { rng } = options;
  const mode = shareModeOf(own);
  const ownShare = Float64Array.from(own, (t) => shareValue(t, mode));
  let known = 0;
  for (const v of ownShare) if (!Number.isNaN(v)) known++;
  const indicators: RawIndicator[] = [
    {
      name: 'shareMix',
      model: 'even-mix',
      copWhen: 'higher',
      observed: meanOf(ownShare, null, k),
      nulls: new Float64Array(0),
      exact: evenMixNull(known),
      detail: { threads: known, byKind: mode === 'kinds' ? 1 : 0 },
    },
  ];
  // the pool: every answered thread of the log but the group's own
  const P = baseline.participants.length;
  const taken = takenMarks(baseline);
  let mine = 0;
  for (const t of own) {
    const i = baseline.index.get(t.id);
    if (i !== undefined && taken[i] === 0) {
      taken[i] = -1;
      mine++;
    }
  }
  const pool = P - mine;
  if (pool < Math.max(options.minBaseline, k)) {
    return {
      indicators,
      mode,
      unavailable: `${pool} answered threads outside the group: too few to compare its ${k} with`,
    };
  }
  const ownPart = Float64Array.from(own, (t) => t.participants);
  const nullPart = new Float64Array(R);
  for (let r = 0; r < R; r++) {
    // k distinct threads outside the group, by rejection (a draw is marked with its sample number)
    let sum = 0;
    for (let t = 0; t < k; t++) {
      let i = Math.floor(rng() * P);
      while ((taken[i] as number) < 0 || taken[i] === r + 1) i = Math.floor(rng() * P);
      taken[i] = r + 1;
      sum += baseline.participants[i] as number;
    }
    nullPart[r] = k > 0 ? sum / k : Number.NaN;
  }
  indicators.push({
    name: 'threadParticipants',
    model: 'organisation-threads',
    copWhen: 'higher',
    observed: meanOf(ownPart, null, k),
    nulls: nullPart,
    detail: { threads: k, baseline: pool },
  });
  return { indicators, mode };
}
