/**
 * The help structure of a group, read from its threads: who asked (started a thread that drew a reply from
 * someone else) and who answered (replied in a thread someone else started) — the asker → answerer graph of
 * Zhang, Ackerman & Adamic (2007). Two indicators and the group's top answerers come from it.
 *
 * - **roleMix**: the share of active members who both ask and answer/share. Null: the members' answer
 *   counts permuted among them (asking kept), so the null share is what independent roles would give;
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

import type { ThreadSummary } from '../log/threads.js';
import { type Rng, shuffleInPlace } from '../random.js';
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
  /** Help threads started (that drew an answer). */
  asks: Int32Array;
  /** Answers given in others' help threads. */
  gives: Int32Array;
  /** Share threads started (known only from message kinds; zeros otherwise). */
  shares: Int32Array;
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
 * Help events of `threads`, counting only repliers accepted by `isMember` (all, for channel groups).
 * With the `'questions'` basis only threads whose root is a question are help threads, and threads whose
 * root is a share count as sharing. Threads without a known root or without any accepted replier are left
 * out of the help threads.
 */
export function helpEvents(
  threads: readonly ThreadSummary[],
  isMember: (person: string) => boolean,
  basis: HelpBasis = 'all',
): HelpEvents {
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
    const reps = t.repliers.filter((r) => r.person !== t.root && isMember(r.person) && r.replies > 0);
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
  const asks = new Int32Array(people.length);
  const gives = new Int32Array(people.length);
  const shares = new Int32Array(people.length);
  for (const i of shared) shares[i] = (shares[i] as number) + 1;
  for (const t of out) {
    asks[t.root] = (asks[t.root] as number) + 1;
    t.repliers.forEach((r, j) => {
      gives[r] = (gives[r] as number) + (t.replies[j] as number);
    });
  }
  return { basis, people, threads: out, asks, gives, shares };
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

/** roleMix and helpCentralisation with their nulls. */
export function helpIndicators(events: HelpEvents, options: HelpOptions): RawIndicator[] {
  const n = events.people.length;
  const R = options.samples;
  const { rng } = options;
  const role = new Float64Array(R);
  const giving = Int32Array.from(events.gives, (g, i) => g + (events.shares[i] as number));
  const perm = Int32Array.from(giving);
  for (let r = 0; r < R; r++) {
    shuffleInPlace(perm, rng);
    role[r] = bothShare(events.asks, perm);
  }
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
      nulls: role,
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
}

/**
 * The group's top answerers: in decreasing order of answers (ties by first appearance), at most `max`
 * people, each giving at least `factor` times the even share of the answers (Σ a / n).
 */
export function topAnswerers(events: HelpEvents, factor: number, max: number): TopAnswerer[] {
  const total = sum(events.gives);
  const n = events.people.length;
  if (total === 0 || n === 0) return [];
  const order = events.people
    .map((_, i) => i)
    .sort((x, y) => (events.gives[y] as number) - (events.gives[x] as number) || x - y);
  const out: TopAnswerer[] = [];
  for (const i of order) {
    const a = events.gives[i] as number;
    if (out.length >= max || a === 0 || a < (factor * total) / n) break;
    out.push({ person: events.people[i] as string, answers: a, share: a / total });
  }
  return out;
}
