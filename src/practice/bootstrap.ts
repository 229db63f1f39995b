/**
 * Confidence of each verdict by a block bootstrap over time windows (Künsch 1989; for networks observed
 * over time, the window is the natural block). A replicate draws as many windows as the log has, with
 * replacement, and every group is judged again on that history:
 *
 * - cohesion and residual cohesion against the organisation: the replicate's graph (ties present in a drawn
 *   window, or strengths times the draws) gives O/E, compared with the stored null ratios; BH across groups
 *   as in the main test; the residual depletion test and the help cohesion keep their results;
 * - help and thread indicators: threads weighted by how often their starting window was drawn; the role
 *   mix and the share mix are judged against the exact null of the replicate's own margins (its active
 *   members, askers and givers; its threads), as the main test judges them against the data's: both
 *   statistics depend on how much history there is (a shorter one has fewer members who both ask and
 *   answer), so judging a replicate against the full data's null would read missing windows as a regime;
 * - structural and temporal indicators keep their observed values (a resampled window multiset has no
 *   timeline, and fewer distinct ties would bias the structural ones against their nulls);
 * - the Monte Carlo nulls are those of the full data (not re-sampled per replicate): the bootstrap measures
 *   how much the verdict depends on which windows were observed, not the Monte Carlo error of the nulls.
 *
 * The confidence is the share of replicates that give the main verdict; labels: `confident` at or above
 * `confidentAt`, `tentative` at or above `tentativeAt`, else `ambiguous`; `unassessed` when the log has
 * fewer than two windows (no timestamps, or no `window` in ingest).
 *
 * @module
 */

import { createRng, deriveSeed } from '../random.js';
import type { ReplicateCohesion } from './bootstrap-cohesion.js';
import { type Decision, decide, VERDICTS, type Verdict } from './decide.js';
import { windowOf } from './evidence.js';
import { type DiscreteNull, discreteMeanSd, discretePTwoSided, evenMixNull } from './exact.js';
import { bothShare, centralisation, roleMixNull } from './help.js';
import type { Indicator, IndicatorName, RawIndicator, Regime } from './indicator.js';
import type { GroupIndicators } from './indicators.js';
import type { TestGroupsParams } from './options.js';
import { type ResidualTest, residualCohesive as residualCohesiveOf } from './residual.js';
import type { GroupWork } from './resolve.js';
import { sortedFinite, sortedPTwoSided } from './sorted.js';
import { benjaminiHochberg, holm } from './stats.js';
import { answered, shareModeOf } from './thread-mix.js';

/** Confidence of a verdict. */
export interface Confidence {
  /** Share of bootstrap replicates giving the same verdict; `null` when not assessed. */
  value: number | null;
  label: 'confident' | 'tentative' | 'ambiguous' | 'unassessed';
  replicates: number;
  /** Verdicts across the replicates. */
  verdicts?: Record<Verdict, number>;
  reason?: string;
}

/** Where a group's cohesion sets live: a replicate engine and the set's position in it. */
export interface SetSlot {
  engine: ReplicateCohesion;
  k: number;
}

/** Everything the bootstrap reads. */
export interface BootstrapInput {
  works: readonly GroupWork[];
  computed: readonly (GroupIndicators | null)[];
  decisions: readonly Decision[];
  cohesionSlots: readonly (SetSlot | null)[];
  residualSlots: readonly (SetSlot | null)[];
  /** The residual records (their depletion tests keep their values in every replicate). */
  residuals: readonly ResidualTest[];
  /** Cohesion kept in every replicate (detected communities' q–s test); `null` where it is resampled. */
  fixedCohesive: readonly (boolean | null)[];
  /** Help cohesion of each group (kept in every replicate). */
  helpCohesive: readonly (boolean | null)[];
  /** Window indices of the log (the blocks). */
  windows: readonly number[];
  params: TestGroupsParams;
}

interface PreparedGroup {
  raw: RawIndicator[];
  base: Indicator[];
  sorted: Float64Array[];
  threadWindow: Int32Array;
  mixWindow: Int32Array;
  mixShare: Float64Array;
  mixPart: Float64Array;
}

const RESAMPLED: readonly IndicatorName[] = ['roleMix', 'helpCentralisation', 'shareMix', 'threadParticipants'];

function prepare(work: GroupWork, computed: GroupIndicators): PreparedGroup {
  const evidence = work.group.evidence;
  const w = (t?: number) => windowOf(evidence, t) ?? Number.NaN;
  const own = work.group.threads.filter(answered);
  const mode = shareModeOf(own);
  return {
    raw: computed.raw,
    base: computed.raw.map((r) => computed.indicators.find((i) => i.name === r.name) as Indicator),
    sorted: computed.raw.map((r) => sortedFinite(r.nulls)),
    threadWindow: Int32Array.from(work.help.threads, (t) => w(t.start)),
    mixWindow: Int32Array.from(own, (t) => w(t.start)),
    mixShare: Float64Array.from(own, (t) =>
      mode === 'kinds'
        ? t.rootKind === undefined
          ? Number.NaN
          : t.rootKind === 'share' || t.rootKind === 'discussion'
            ? 1
            : 0
        : t.repliers.length >= 2
          ? 1
          : 0,
    ),
    mixPart: Float64Array.from(own, (t) => t.participants),
  };
}

/** Multiplicity of a thread's window (threads without time keep weight 1). */
const weightOf = (mult: ReadonlyMap<number, number>, w: number) => (Number.isNaN(w) ? 1 : (mult.get(w) ?? 0));

const evenMixLaws = new Map<number, DiscreteNull>();

/** The even-mix law of k threads, built once per k. */
function evenMixOf(k: number): DiscreteNull {
  let law = evenMixLaws.get(k);
  if (!law) {
    law = evenMixNull(k);
    if (evenMixLaws.size < 4096) evenMixLaws.set(k, law);
  }
  return law;
}

/** A resampled indicator's value, and the exact null of the replicate's margins when it has one. */
interface ReplicateValue {
  value: number;
  exact?: DiscreteNull;
}

function replicateValues(
  work: GroupWork,
  g: PreparedGroup,
  mult: ReadonlyMap<number, number>,
): Map<IndicatorName, ReplicateValue> {
  const out = new Map<IndicatorName, ReplicateValue>();
  const n = work.help.people.length;
  const asks = new Float64Array(n);
  const gives = new Float64Array(n);
  work.help.threads.forEach((t, j) => {
    const k = weightOf(mult, g.threadWindow[j] as number);
    if (k === 0) return;
    asks[t.root] = (asks[t.root] as number) + k;
    t.repliers.forEach((r, i) => {
      gives[r] = (gives[r] as number) + k * (t.replies[i] as number);
    });
  });
  const active: number[] = [];
  for (let i = 0; i < n; i++)
    if ((asks[i] as number) > 0 || (gives[i] as number) + (work.help.shares[i] as number) > 0) active.push(i);
  const activeAsks = active.map((i) => asks[i] as number);
  const activeGiving = active.map((i) => (gives[i] as number) + (work.help.shares[i] as number));
  out.set('roleMix', { value: bothShare(activeAsks, activeGiving), exact: roleMixNull(activeAsks, activeGiving) });
  out.set('helpCentralisation', { value: centralisation(active.map((i) => gives[i] as number)) });
  let sw = 0;
  let share = 0;
  let shareN = 0;
  let part = 0;
  g.mixWindow.forEach((w, j) => {
    const k = weightOf(mult, w);
    if (k === 0) return;
    sw += k;
    part += k * (g.mixPart[j] as number);
    const v = g.mixShare[j] as number;
    if (!Number.isNaN(v)) {
      share += k * v;
      shareN += k;
    }
  });
  // the replicate's threads as a sample of Σ multiplicities threads, each sharing with probability ½
  out.set('shareMix', shareN > 0 ? { value: share / shareN, exact: evenMixOf(shareN) } : { value: Number.NaN });
  out.set('threadParticipants', { value: sw > 0 ? part / sw : Number.NaN });
  return out;
}

function replicateIndicators(g: PreparedGroup, values: Map<IndicatorName, ReplicateValue>, alpha: number): Indicator[] {
  const obs = g.raw.map((r) => (RESAMPLED.includes(r.name) ? (values.get(r.name)?.value ?? Number.NaN) : r.observed));
  // exact laws: the replicate's own where the indicator is resampled, else the data's
  const laws = g.raw.map((r) => (RESAMPLED.includes(r.name) ? values.get(r.name)?.exact : r.exact));
  const ps = obs.map((o, i) => {
    if (!Number.isFinite(o) || !g.base[i]?.available) return Number.NaN;
    const law = laws[i];
    return law ? discretePTwoSided(o, law) : sortedPTwoSided(o, g.sorted[i] as Float64Array);
  });
  const adj = holm(ps);
  return g.raw.map((r, i) => {
    const base = g.base[i] as Indicator;
    const o = obs[i] as number;
    if (!base.available || !Number.isFinite(o)) return { ...base, available: false, regime: 'neither' as Regime };
    const pAdj = adj[i] as number;
    let regime: Regime = 'neither';
    const law = laws[i];
    const mean = law ? discreteMeanSd(law).mean : base.null.mean;
    const tol = 1e-9 * Math.max(1, Math.abs(o));
    const side =
      mean === null || !Number.isFinite(mean) || Math.abs(o - mean) <= tol ? 'equal' : o > mean ? 'above' : 'below';
    if (r.judge) {
      regime = r.judge(o, pAdj, side, alpha).regime;
    } else if (pAdj < alpha && side !== 'equal') {
      regime = (side === 'above') === (r.copWhen === 'higher') ? 'community-of-practice' : 'social-learning';
    }
    return { ...base, regime };
  });
}

/** Confidence of every group's verdict (see the module description). */
export function bootstrapConfidence(input: BootstrapInput): Confidence[] {
  const p = input.params;
  const B = p.bootstrap;
  const blocks = input.windows;
  if (B === 0 || blocks.length < 2) {
    const reason = B === 0 ? 'bootstrap turned off (`bootstrap: 0`)' : 'fewer than two time windows to resample';
    return input.works.map(() => ({ value: null, label: 'unassessed', replicates: 0, reason }));
  }
  const rng = createRng(deriveSeed(p.seed, 'bootstrap'));
  const prepared = input.works.map((w, i) => {
    const c = input.computed[i];
    return c ? prepare(w, c) : null;
  });
  const counts = input.works.map(() => Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>);
  const engines = new Set<ReplicateCohesion>();
  for (const s of [...input.cohesionSlots, ...input.residualSlots]) if (s) engines.add(s.engine);
  for (let b = 0; b < B; b++) {
    const mult = new Map<number, number>();
    for (let t = 0; t < blocks.length; t++) {
      const w = blocks[Math.floor(rng() * blocks.length)] as number;
      mult.set(w, (mult.get(w) ?? 0) + 1);
    }
    const results = new Map<ReplicateCohesion, ReturnType<ReplicateCohesion['replicate']>>();
    for (const e of engines) results.set(e, e.replicate(mult));
    const at = (s: SetSlot | null) => (s ? (results.get(s.engine)?.[s.k] ?? null) : null);
    const q = benjaminiHochberg(input.cohesionSlots.map((s) => at(s)?.pUpper ?? Number.NaN));
    input.works.forEach((w, i) => {
      const d = input.decisions[i] as Decision;
      const g = prepared[i];
      if (!d.eligible || !g) {
        (counts[i] as Record<Verdict, number>)[d.verdict]++;
        return;
      }
      const c = at(input.cohesionSlots[i] ?? null);
      const cohesive = c
        ? (q[i] as number) < p.alpha && c.nullRatio >= p.minCohesionRatio
        : (input.fixedCohesive[i] ?? null);
      const r = at(input.residualSlots[i] ?? null);
      const residual = input.residuals[i] as ResidualTest;
      const organisation = r ? r.pUpper < p.alpha && r.nullRatio >= p.minResidualRatio : residual.cohesive;
      const residualCohesive = residualCohesiveOf(
        w.group.selection ? 'channel' : w.group.scope,
        residual,
        organisation,
      );
      const indicators = replicateIndicators(g, replicateValues(w, g, mult), p.alpha);
      const verdict = decide({
        eligible: true,
        scope: w.group.scope,
        cohesive,
        helpCohesive: input.helpCohesive[i] ?? null,
        residualCohesive,
        indicators,
        practiceShare: p.practiceShare,
        minPracticeIndicators: p.minPracticeIndicators,
      }).verdict;
      (counts[i] as Record<Verdict, number>)[verdict]++;
    });
  }
  return input.works.map((_, i) => {
    const d = input.decisions[i] as Decision;
    const verdicts = counts[i] as Record<Verdict, number>;
    const value = Math.round((verdicts[d.verdict] / B) * 1e4) / 1e4;
    const label = value >= p.confidentAt ? 'confident' : value >= p.tentativeAt ? 'tentative' : 'ambiguous';
    return { value, label, replicates: B, verdicts };
  });
}
