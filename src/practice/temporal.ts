/**
 * Temporal indicators of a group, over its time windows, against a time-shuffle null.
 *
 * Events are the group's internal messages, each placed in its window (a tie a→b carrying c messages in a
 * window is c events of the dyad {a, b} there). Time runs over the **observed** windows — those in which the
 * group's graph has any message —, from the first with a group event to the last: a window in which the whole
 * log is silent is a gap in the record (an archive of separate days, a list that was down), not a period in
 * which members were absent, and it would only dilute tenure. (On a log of twenty one-hour IRC captures
 * spread over twelve years, calendar windows made the span 4,400 days for 28 observed ones.) The null permutes the windows of all events, which keeps
 * every dyad's number of events and the group's activity per window, and destroys when things happened
 * (Holme & Saramäki 2012's "shuffled times" reference model).
 *
 * - **memberPersistence**: mean tenure share of the members, (last − first active window + 1) / span
 *   (in the spirit of Palla, Barabási & Vicsek 2007's group persistence). Shuffling times spreads anyone's
 *   events over the whole span, so real groups always sit somewhat below the null (people join, leave and
 *   are busy in bursts); what separates the regimes is how far: askers who come, ask and leave keep a small
 *   fraction of the null's tenure, members of a practice most of it. The regime is therefore read from the
 *   ratio observed / null mean: at or below the churn ratio (and significantly below the null) → social
 *   learning; at or above the stay ratio → community of practice (thresholds calibrated, docs/calibration.md).
 * - **tiePersistence**: the same for dyads: relationships that last vs one-off exchanges.
 * - **newcomerSlope**: legitimate peripheral participation (Lave & Wenger 1991). For members who first
 *   appear after the group's first window, coreness in a window (their distinct partners there over the
 *   most any member had) is regressed on windows since arrival (OLS slope, pooled). In the null their
 *   arrival windows are kept and their events spread at random, so the null slope is what tenure alone
 *   gives without a trajectory.
 *
 * @module
 */

import { type Rng, shuffleInPlace } from '../random.js';
import type { WindowArcs } from './evidence.js';
import type { IndicatorName, RawIndicator } from './indicator.js';

/** A group's internal events in time. */
export interface GroupEvents {
  /** Members (local ids 0..k−1). */
  k: number;
  /** Observed windows in the span, from the first to the last window with an event. */
  span: number;
  /** Window number of span position 0. */
  firstWindow: number;
  dyadA: Int32Array;
  dyadB: Int32Array;
  /** Per event: span position and dyad. */
  window: Int32Array;
  dyad: Int32Array;
}

/**
 * Collects the internal events of `members` (sorted node indices) from `windows` (the observed windows, sorted
 * by index); an event's time is the position of its window among them.
 */
export function groupEvents(windows: readonly WindowArcs[], members: Int32Array): GroupEvents {
  const local = new Map<number, number>();
  members.forEach((v, i) => {
    local.set(v, i);
  });
  const dyadIndex = new Map<number, number>();
  const dyadA: number[] = [];
  const dyadB: number[] = [];
  const win: number[] = [];
  const dyad: number[] = [];
  windows.forEach((w, position) => {
    // only the members' own arcs: the window's arcs are grouped by source
    members.forEach((v, a) => {
      for (let e = w.outOffsets[v] as number; e < (w.outOffsets[v + 1] as number); e++) {
        const b = local.get(w.dst[e] as number);
        if (b === undefined || a === b) continue;
        const lo = Math.min(a, b);
        const hi = Math.max(a, b);
        const key = lo * members.length + hi;
        let d = dyadIndex.get(key);
        if (d === undefined) {
          d = dyadA.length;
          dyadIndex.set(key, d);
          dyadA.push(lo);
          dyadB.push(hi);
        }
        const c = Math.max(1, Math.round(w.count[e] as number));
        for (let t = 0; t < c; t++) {
          win.push(position);
          dyad.push(d);
        }
      }
    });
  });
  let first = win[0] ?? 0;
  let last = win.length > 0 ? first : first - 1;
  for (const w of win) {
    if (w < first) first = w;
    if (w > last) last = w;
  }
  const span = last - first + 1;
  return {
    k: members.length,
    span: Math.max(0, span),
    firstWindow: windows[first]?.index ?? 0,
    dyadA: Int32Array.from(dyadA),
    dyadB: Int32Array.from(dyadB),
    window: Int32Array.from(win, (w) => w - first),
    dyad: Int32Array.from(dyad),
  };
}

/**
 * Where one arrangement of the events (a window per event) puts each member and dyad: first and last active
 * span position (−1 as last when never active) and, for the newcomer slope, each member's distinct partners
 * per window (`partners[w·k + i]`). Reused across the samples of a group: one pass over the events per
 * arrangement, no span × dyads matrix to clear (a dyad-window is marked with the arrangement's stamp).
 */
class Arrangement {
  readonly memberFirst: Int32Array;
  readonly memberLast: Int32Array;
  readonly dyadFirst: Int32Array;
  readonly dyadLast: Int32Array;
  readonly partners: Int32Array;
  private readonly seen: Int32Array;
  private stamp = 0;

  constructor(
    private readonly ev: GroupEvents,
    private readonly withPartners: boolean,
  ) {
    const D = ev.dyadA.length;
    this.memberFirst = new Int32Array(ev.k);
    this.memberLast = new Int32Array(ev.k);
    this.dyadFirst = new Int32Array(D);
    this.dyadLast = new Int32Array(D);
    this.partners = new Int32Array(withPartners ? ev.span * ev.k : 0);
    this.seen = new Int32Array(withPartners ? ev.span * D : 0);
  }

  /** Places the events in `window` (span position per event). */
  load(window: Int32Array): this {
    const { ev, memberFirst, memberLast, dyadFirst, dyadLast, partners, seen } = this;
    const { k, span, dyadA, dyadB, dyad } = ev;
    const D = dyadA.length;
    memberFirst.fill(span);
    memberLast.fill(-1);
    dyadFirst.fill(span);
    dyadLast.fill(-1);
    const stamp = ++this.stamp;
    if (this.withPartners) partners.fill(0);
    for (let e = 0; e < window.length; e++) {
      const w = window[e] as number;
      const d = dyad[e] as number;
      const a = dyadA[d] as number;
      const b = dyadB[d] as number;
      if (w < (dyadFirst[d] as number)) dyadFirst[d] = w;
      if (w > (dyadLast[d] as number)) dyadLast[d] = w;
      if (w < (memberFirst[a] as number)) memberFirst[a] = w;
      if (w > (memberLast[a] as number)) memberLast[a] = w;
      if (w < (memberFirst[b] as number)) memberFirst[b] = w;
      if (w > (memberLast[b] as number)) memberLast[b] = w;
      if (this.withPartners && seen[w * D + d] !== stamp) {
        seen[w * D + d] = stamp;
        partners[w * k + a] = (partners[w * k + a] as number) + 1;
        partners[w * k + b] = (partners[w * k + b] as number) + 1;
      }
    }
    return this;
  }
}

/**
 * Mean tenure share of the active columns of a span × width 0/1 matrix: for each member (or dyad) active at
 * least once, (last active window − first active window + 1) / span. (The definition; the samples compute it
 * from first and last windows, {@link tenureOf}.)
 */
export function tenureShare(matrix: Uint8Array, span: number, width: number): number {
  const first = new Int32Array(width).fill(span);
  const last = new Int32Array(width).fill(-1);
  for (let w = 0; w < span; w++) {
    for (let i = 0; i < width; i++) {
      if (matrix[w * width + i] === 1) {
        if (w < (first[i] as number)) first[i] = w;
        last[i] = w;
      }
    }
  }
  return tenureOf(first, last, span);
}

/** Mean of (last − first + 1) / span over the columns active at least once (`last` ≥ 0); NaN when none is. */
function tenureOf(first: Int32Array, last: Int32Array, span: number): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < first.length; i++) {
    const l = last[i] as number;
    if (l < 0) continue;
    sum += (l - (first[i] as number) + 1) / span;
    n++;
  }
  return n > 0 ? sum / n : Number.NaN;
}

/** Pooled OLS slope of coreness on windows since arrival, for members arriving after span position 0. */
function newcomerSlope(ev: GroupEvents, partners: Int32Array, arrival: Int32Array): number {
  const { k, span } = ev;
  const maxPartners = new Int32Array(span);
  for (let w = 0; w < span; w++) {
    let m = 0;
    for (let i = 0; i < k; i++) m = Math.max(m, partners[w * k + i] as number);
    maxPartners[w] = m;
  }
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < k; i++) {
    const a = arrival[i] as number;
    if (a <= 0) continue;
    for (let w = a; w < span; w++) {
      const mp = maxPartners[w] as number;
      const y = mp > 0 ? (partners[w * k + i] as number) / mp : 0;
      const x = w - a;
      n++;
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
    }
  }
  const den = n * sxx - sx * sx;
  return n > 1 && den > 0 ? (n * sxy - sx * sy) / den : Number.NaN;
}

/** Options of {@link temporalIndicators}. */
export interface TemporalOptions {
  samples: number;
  rng: Rng;
  /** Fewest newcomers for the slope. */
  minNewcomers: number;
  /** [churn, stay] ratios of observed to null tenure, for members and for ties. */
  memberRatios: [number, number];
  tieRatios: [number, number];
}

/** Judges a persistence by the ratio of the observed value to the null mean (see the module description). */
function persistenceJudge([churn, stay]: [number, number], nullMean: number): RawIndicator['judge'] {
  return (obs, pAdjusted, side, alpha) => {
    const ratio = nullMean > 0 ? obs / nullMean : 1;
    if (ratio <= churn && side === 'below' && pAdjusted < alpha) return { regime: 'social-learning', score: -1 };
    if (ratio >= stay) return { regime: 'community-of-practice', score: 1 };
    return { regime: 'neither', score: Math.max(-1, Math.min(1, (2 * (ratio - churn)) / (stay - churn) - 1)) };
  };
}

function mean(xs: Float64Array): number {
  let s = 0;
  let n = 0;
  for (const x of xs) {
    if (Number.isFinite(x)) {
      s += x;
      n++;
    }
  }
  return n > 0 ? s / n : Number.NaN;
}

/** The three temporal indicators; `newcomerSlope` is `{ unavailable }` with too few newcomers. */
export function temporalIndicators(
  ev: GroupEvents,
  options: TemporalOptions,
): { indicators: RawIndicator[]; unavailable: { name: IndicatorName; reason: string }[] } {
  const observed = new Arrangement(ev, true).load(ev.window);
  // arrival: first active window (−1 when never active)
  const arrival = Int32Array.from(observed.memberFirst, (f, i) => ((observed.memberLast[i] as number) < 0 ? -1 : f));
  let newcomers = 0;
  for (const a of arrival) if (a > 0 && a < ev.span - 1) newcomers++;
  const slope = newcomers >= options.minNewcomers;
  const R = options.samples;
  const mp = new Float64Array(R);
  const tp = new Float64Array(R);
  const ns = new Float64Array(R);
  const shuffled = Int32Array.from(ev.window);
  const x = new Arrangement(ev, slope);
  for (let r = 0; r < R; r++) {
    shuffleInPlace(shuffled, options.rng);
    x.load(shuffled);
    mp[r] = tenureOf(x.memberFirst, x.memberLast, ev.span);
    tp[r] = tenureOf(x.dyadFirst, x.dyadLast, ev.span);
    ns[r] = slope ? newcomerSlope(ev, x.partners, arrival) : Number.NaN;
  }
  const indicators: RawIndicator[] = [
    {
      name: 'memberPersistence',
      model: 'time-shuffle',
      copWhen: 'higher',
      observed: tenureOf(observed.memberFirst, observed.memberLast, ev.span),
      nulls: mp,
      detail: { windows: ev.span },
      judge: persistenceJudge(options.memberRatios, mean(mp)),
    },
    {
      name: 'tiePersistence',
      model: 'time-shuffle',
      copWhen: 'higher',
      observed: tenureOf(observed.dyadFirst, observed.dyadLast, ev.span),
      nulls: tp,
      detail: { windows: ev.span, dyads: ev.dyadA.length },
      judge: persistenceJudge(options.tieRatios, mean(tp)),
    },
  ];
  const unavailable: { name: IndicatorName; reason: string }[] = [];
  if (slope) {
    indicators.push({
      name: 'newcomerSlope',
      model: 'time-shuffle',
      copWhen: 'higher',
      observed: newcomerSlope(ev, observed.partners, arrival),
      nulls: ns,
      detail: { newcomers, windows: ev.span },
    });
  } else {
    unavailable.push({
      name: 'newcomerSlope',
      reason: `${newcomers} newcomer(s) with a later window to follow (fewer than ${options.minNewcomers})`,
    });
  }
  return { indicators, unavailable };
}
