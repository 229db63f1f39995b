/**
 * The help structure of a group, read from its threads: who asked (started a thread that drew a reply from
 * someone else) and who answered (replied in a thread someone else started) — the asker → answerer graph of
 * Zhang, Ackerman & Adamic (2007). Two indicators and the group's top answerers come from it. The
 * per-person figures (answers a, questions q) and the ranking of the group's experts are those of the
 * expertise module ({@link buildHelpGraph} scoped to the group's members, {@link scoreExpertise}); this module
 * keeps what the null models need on top of them: every help thread as an event (its starter, repliers and
 * replies), in the order people first appear, so that no result depends on what people are called.
 *
 * - **roleMix**: the share of active members who both ask and answer/share. Null: the members' answer
 *   counts permuted among them (asking kept), so the null share is what independent roles would give; the
 *   law of that permutation is hypergeometric and is used exactly (`exact.ts`), so a bootstrap replicate
 *   gets the null of its own margins (a shorter history has fewer members who do both, and so does its null);
 *   above it, the same people take and give (a community of practice); below it, askers and answerers
 *   are different people (social learning; Welser et al. 2007's answer-person signature).
 * - **helpCentralisation**: Freeman's in-degree centralisation of the answers (weighted),
 *   C = Σ_i (a_max − a_i) / ((n − 1) · Σ_i a_i) ∈ [0, 1]: 1 when one person gives every answer, 0 when all
 *   give the same. Null: every reply re-assigned to a random active member other than the thread's starter.
 *   Every real help network is more concentrated than that null, so the regime is read from the magnitude:
 *   "a core of several" stays below `flatCentralisation`, "one or a few hubs" reaches `hubCentralisation`.
 *
 * @module
 */

import { type ExpertiseResult, scoreExpertise } from '../expertise/expertise.js';
import { buildHelpGraph } from '../expertise/help-graph.js';
import type { ThreadSummary } from '../log/threads.js';
import type { Rng } from '../random.js';
import { hypergeometricNull } from './exact.js';
import type { RawIndicator } from './indicator.js';
import { round } from './stats.js';

/** Which threads the help graph is read from. */
export type HelpBasis = 'questions' | 'all';

/** Threads of a group as help events over local person ids. */
export interface HelpEvents {
  basis: HelpBasis;
  /** Person ids, local id = position. */
  people: string[];
  threads: { root: number; repliers: Int32Array; replies: Int32Array; start?: number }[];
  /** Help threads started that drew an answer: the expertise module's questions q. */
  asks: Int32Array;
  /** Answers given in others' help threads: the expertise module's answers a. */
  gives: Int32Array;
  /** Share threads started (known only from message kinds; zeros otherwise). */
  shares: Int32Array;
  /** Expertise scores on the group's help graph (people ranked by `scoreExpertise`'s combined score). */
  expertise: ExpertiseResult;
}

/** `'questions'` when at least half of the answered threads have a root kind, else `'all'`. */
export function helpBasisOf(threads: readonly ThreadSummary[], wanted: 'auto' | HelpBasis): HelpBasis {
  if (wanted !== 'auto') return wanted;
  let answeredCount = 0;
  let known = 0;
  for (const t of threads) {
    if (t.repliers.length === 0) continue;
    answeredCount++;
    if (t.rootKind !== undefined) known++;
  }
  return answeredCount > 0 && known * 2 >= answeredCount ? 'questions' : 'all';
}

/**
 * Help events of `threads`: the help graph and expertise scores of the group (answers only from `members`,
 * all repliers when `null`, as for a channel), and every help thread as an event. With the `'questions'`
 * basis only threads whose root is a question are help threads, and threads whose root is a share count as
 * sharing. Threads without a known root or without any accepted replier are left out of the help threads.
 */
export function helpEvents(
  threads: readonly ThreadSummary[],
  members: ReadonlySet<string> | null,
  basis: HelpBasis = 'all',
): HelpEvents {
  const help = basis === 'questions' ? threads.filter((t) => t.rootKind === 'question') : threads;
  const expertise = scoreExpertise(buildHelpGraph(help, members ? { scope: { members } } : {}));
  const local = new Map<string, number>();
  const people: string[] = [];
  const id = (p: string) => {
    let i = local.get(p);
    if (i === undefined) {
      i = people.length;
      local.set(p, i);
      people.push(p);
    }
    return i;
  };
  const out: HelpEvents['threads'] = [];
  const shared: number[] = [];
  for (const t of threads) {
    if (t.root === undefined) continue;
    if (basis === 'questions' && t.rootKind !== 'question') {
      if (t.rootKind === 'share') shared.push(id(t.root));
      continue;
    }
    const reps = t.repliers.filter(
      (r) => r.person !== t.root && r.replies > 0 && (members === null || members.has(r.person)),
    );
    if (reps.length === 0) continue;
    const root = id(t.root);
    const thread: HelpEvents['threads'][number] = {
      root,
      repliers: Int32Array.from(reps, (r) => id(r.person)),
      replies: Int32Array.from(reps, (r) => r.replies),
    };
    if (t.start !== undefined) thread.start = t.start;
    out.push(thread);
  }
  const byPerson = new Map(expertise.people.map((r) => [r.person, r]));
  const asks = Int32Array.from(people, (p) => byPerson.get(p)?.questions ?? 0);
  const gives = Int32Array.from(people, (p) => byPerson.get(p)?.answers ?? 0);
  const shares = new Int32Array(people.length);
  for (const i of shared) shares[i] = (shares[i] as number) + 1;
  return { basis, people, threads: out, asks, gives, shares, expertise };
}

/** Share of people with both asks > 0 and gives > 0. */
export function bothShare(asks: ArrayLike<number>, gives: ArrayLike<number>): number {
  let both = 0;
  for (let i = 0; i < asks.length; i++) if ((asks[i] as number) > 0 && (gives[i] as number) > 0) both++;
  return asks.length > 0 ? both / asks.length : Number.NaN;
}

/** Freeman centralisation of a weighted in-degree vector (see the module description). */
export function centralisation(a: ArrayLike<number>): number {
  const n = a.length;
  let max = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const x = a[i] as number;
    sum += x;
    if (x > max) max = x;
  }
  if (n < 2 || sum === 0) return Number.NaN;
  return (n * max - sum) / ((n - 1) * sum);
}

/** Options of {@link helpIndicators}. */
export interface HelpOptions {
  samples: number;
  rng: Rng;
  hubCentralisation: number;
  flatCentralisation: number;
  /** Local ids of the group's top answerers, and the least share of their help activity that is answering. */
  topAnswerers: readonly number[];
  minAnswerPurity: number;
}

/**
 * Share of the top answerers' help activity that is answering: Σ answers / Σ (answers + help threads started).
 * An answer person (Welser et al. 2007) answers and hardly asks; the stewards of a practice ask too.
 */
export function answerPurity(events: HelpEvents, top: readonly number[]): number {
  let a = 0;
  let q = 0;
  for (const i of top) {
    a += events.gives[i] as number;
    q += events.asks[i] as number;
  }
  return a + q > 0 ? a / (a + q) : Number.NaN;
}

/**
 * The exact null of the role mix for asks and gives/shares over the same active members: hypergeometric
 * with N members, K who give and A who ask.
 */
export function roleMixNull(asks: ArrayLike<number>, giving: ArrayLike<number>) {
  return hypergeometricNull(asks.length, countPositive(giving), countPositive(asks));
}

/** roleMix and helpCentralisation with their nulls. */
export function helpIndicators(events: HelpEvents, options: HelpOptions): RawIndicator[] {
  const n = events.people.length;
  const R = options.samples;
  const { rng } = options;
  const giving = Int32Array.from(events.gives, (g, i) => g + (events.shares[i] as number));
  const cen = new Float64Array(R);
  const a = new Float64Array(n);
  for (let r = 0; r < R; r++) {
    a.fill(0);
    for (const t of events.threads) {
      for (let j = 0; j < t.replies.length; j++) {
        for (let c = t.replies[j] as number; c > 0; c--) {
          // a random active member other than the starter
          let x = Math.floor(rng() * (n - 1));
          if (x >= t.root) x++;
          a[x] = (a[x] as number) + 1;
        }
      }
    }
    cen[r] = centralisation(a);
  }
  const { hubCentralisation: hub, flatCentralisation: flat } = options;
  const purity = answerPurity(events, options.topAnswerers);
  const answerPeople = !(purity < options.minAnswerPurity);
  return [
    {
      name: 'roleMix',
      model: 'answer-permutation',
      copWhen: 'higher',
      observed: bothShare(events.asks, giving),
      nulls: new Float64Array(0),
      exact: roleMixNull(events.asks, giving),
      detail: { active: n, askers: countPositive(events.asks), givers: countPositive(giving) },
    },
    {
      name: 'helpCentralisation',
      model: 'answer-reassignment',
      copWhen: 'lower',
      observed: centralisation(events.gives),
      nulls: cen,
      detail: {
        threads: events.threads.length,
        answers: sum(events.gives),
        questionsOnly: events.basis === 'questions' ? 1 : 0,
        ...(Number.isNaN(purity) ? {} : { answerPurity: round(purity, 4) }),
      },
      judge: (obs, pAdjusted, side, alpha) => {
        if (obs >= hub && side === 'above' && pAdjusted < alpha && answerPeople) {
          return { regime: 'social-learning', score: -1 };
        }
        if (obs <= flat) return { regime: 'community-of-practice', score: 1 };
        const s = 1 - (2 * (obs - flat)) / (hub - flat);
        return { regime: 'neither', score: Math.max(-1, Math.min(1, s)) };
      },
    },
  ];
}

function countPositive(xs: ArrayLike<number>): number {
  let k = 0;
  for (let i = 0; i < xs.length; i++) if ((xs[i] as number) > 0) k++;
  return k;
}

function sum(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i] as number;
  return s;
}

/** A top answerer of a group. */
export interface TopAnswerer {
  person: string;
  answers: number;
  /** Share of the group's answers. */
  share: number;
  /** Rank among the group's experts (`scoreExpertise` on the group's help graph). */
  rank: number;
}

/**
 * The group's top answerers: its experts in the order of `scoreExpertise` (the mean rank percentile of the
 * z-score and ExpertiseRank), keeping those who give at least `factor` times the even share of the answers
 * (Σ a / n over the n active members), at most `max` people.
 */
export function topAnswerers(events: HelpEvents, factor: number, max: number): TopAnswerer[] {
  const total = sum(events.gives);
  const n = events.people.length;
  if (total === 0 || n === 0) return [];
  const out: TopAnswerer[] = [];
  for (const r of events.expertise.people) {
    if (out.length >= max) break;
    if (r.answers === 0 || r.answers < (factor * total) / n) continue;
    out.push({ person: r.person, answers: r.answers, share: r.answers / total, rank: r.rank });
  }
  return out;
}
