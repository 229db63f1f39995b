/**
 * The processes of the planted groups: what makes a community of practice, a social-learning group and
 * a hybrid look the way the literature describes them (see docs/simulator.md). Not-a-unit groups have no
 * process: their members only write background traffic.
 *
 * Rates are per member per working day, times `groupActivity`. `mixing` replaces each partner of a group
 * interaction (replier, addressee) by a random non-member with that probability.
 *
 * @module
 */

import type { Message, MessageKind } from '../log/message.js';
import type { SimContext } from './context.js';
import type { GroupState } from './groups.js';
import type { PersonState } from './org.js';
import { between, poisson, weightedIndex } from './sampling.js';

/** Threads per fully engaged member per working day, by kind. */
export const GROUP_RATES = Object.freeze({ cop: 0.15, question: 0.25, hybridWork: 0.35, hybridHelp: 0.2 });

/** Probabilities that an asker thanks the first answerer, or asks a follow-up question (then answered). */
const THANKS = 0.15;
const FOLLOW_UP = 0.1;

/** Team mail is mostly coordination sent to several teammates; few of it is answered in a thread. */
const HYBRID_SHAPE = { replyProb: 0.3, decay: 0.5, maxReplies: 3, replyAll: 0.7, meanDelay: 60 };

/**
 * Engagement of member `k` on day `d` (core 1, periphery 0.25). Newcomers ramp linearly from 0.05 to the
 * core's 1 over half the period (at least 14 days): legitimate peripheral participation.
 */
function engagementOf(ctx: SimContext, g: GroupState, k: number, d: number): number {
  const p = ctx.people[g.members[k] as number] as PersonState;
  if (!p.newcomer || g.kind !== 'community-of-practice') return g.engagement[k] as number;
  const ramp = Math.max(14, 0.5 * ctx.calendar.days);
  return 0.05 + 0.95 * Math.min(1, Math.max(0, d - p.hireDay) / ramp);
}

function member(ctx: SimContext, g: GroupState, k: number): PersonState {
  return ctx.people[g.members[k] as number] as PersonState;
}

/** People groups: with probability `mixing`, a random non-member employed at `t` instead of `p`. */
function leak(ctx: SimContext, g: GroupState, p: PersonState, t: number): PersonState {
  if (g.channel !== undefined || ctx.rng() >= ctx.options.mixing) return p;
  return ctx.randomPerson(t, (x) => !g.memberSet.has(x.index)) ?? p;
}

/** `people` after {@link leak}, without repeats (two partners may leak to the same outsider). */
function leakAll(ctx: SimContext, g: GroupState, people: PersonState[], t: number, taken: PersonState[] = []) {
  const out: PersonState[] = [];
  for (const p of people) {
    const q = leak(ctx, g, p, t);
    if (!out.includes(q) && !taken.includes(q)) out.push(q);
  }
  return out;
}

/** Channel groups: with probability `mixing`, a reply leaves the channel (a private reply). */
function offChannel(ctx: SimContext, g: GroupState): boolean {
  return g.channel !== undefined && ctx.rng() < ctx.options.mixing;
}

/** An expert position drawn with probability ∝ level², or −1 when the group has none. */
function pickExpert(ctx: SimContext, g: GroupState, except = -1): number {
  const w = g.experts.map((k) => (k === except ? 0 : (g.level[k] as number) ** 2));
  const i = weightedIndex(ctx.rng, w);
  return i < 0 ? -1 : (g.experts[i] as number);
}

function inGroup(g: GroupState, d: number, k: number): boolean {
  return d >= (g.activeFrom[k] as number) && d <= (g.activeTo[k] as number);
}

// ---------------------------------------------------------------- community of practice

function copReplier(ctx: SimContext, g: GroupState, s: number, writers: PersonState[], question: boolean, d: number) {
  const rng = ctx.rng;
  const u = rng();
  if (u < 0.3 && writers.length >= 2) return writers[Math.floor(rng() * (writers.length - 1))] as PersonState;
  const pool = u < 0.7 ? (g.circle[s] as number[]) : g.members.map((_, k) => k);
  const w = pool.map((k) => engagementOf(ctx, g, k, d) * (question ? 1 + 3 * (g.level[k] as number) : 1));
  const i = weightedIndex(rng, w);
  return i < 0 ? undefined : member(ctx, g, pool[i] as number);
}

/** Up to `k` distinct members among positions `pool` (not `self`), drawn by current engagement. */
function pickEngaged(ctx: SimContext, g: GroupState, pool: number[], k: number, self: number, t: number, d: number) {
  const w = pool.map((x) => (x === self || !ctx.active(member(ctx, g, x), t) ? 0 : engagementOf(ctx, g, x, d)));
  const out: PersonState[] = [];
  for (let n = 0; n < k; n++) {
    const i = weightedIndex(ctx.rng, w);
    if (i < 0) break;
    out.push(member(ctx, g, pool[i] as number));
    w[i] = 0;
  }
  return out;
}

function copThread(ctx: SimContext, g: GroupState, s: number, d: number): void {
  const { rng, calendar } = ctx;
  const starter = member(ctx, g, s);
  const t = calendar.startTime(rng, d, starter.offset);
  const u = rng();
  const kind: MessageKind = u < 0.4 ? 'share' : u < 0.75 ? 'question' : 'discussion';
  const init = { source: 'community-of-practice' as const, topic: g.truth.topic };
  const circle = g.circle[s] as number[];
  let recipients: string[] = [];
  let cc: string[] = [];
  let mentions: string[] = [];
  if (g.channel) {
    if (rng() < 0.15 && circle.length > 0)
      mentions = [member(ctx, g, circle[Math.floor(rng() * circle.length)] as number).id];
  } else {
    const to = pickEngaged(ctx, g, circle, between(rng, 2, 4), s, t, d);
    const addressed = leakAll(ctx, g, to, t);
    recipients = addressed.map((p) => p.id);
    if (rng() < 0.4) {
      const all = g.members.map((_, k) => k);
      const copied = pickEngaged(ctx, g, all, between(rng, 1, 2), s, t, d).filter((p) => !to.includes(p));
      cc = leakAll(ctx, g, copied, t, addressed).map((p) => p.id);
    }
  }
  const root = ctx.root(starter.id, t, {
    ...init,
    kind,
    recipients,
    cc,
    mentions,
    ...(g.channel ? { channel: g.channel } : {}),
  });
  if (!root) return;
  const replies =
    kind === 'question' ? 1 + poisson(rng, 1.5) : kind === 'share' ? poisson(rng, 1.6) : 1 + poisson(rng, 2.2);
  const thread: Message[] = [root];
  const writers: PersonState[] = [starter];
  let lastTime = t;
  for (let r = 0; r < replies; r++) {
    const chosen = copReplier(ctx, g, s, writers, kind === 'question', d);
    if (!chosen) continue;
    const writer = leak(ctx, g, chosen, lastTime);
    let parent = r === 0 || rng() < 0.45 ? root : (thread[Math.floor(rng() * thread.length)] as Message);
    if (parent.sender === writer.id) parent = thread.findLast((m) => m.sender !== writer.id) ?? parent;
    if (parent.sender === writer.id) continue;
    const tr = calendar.replyTime(rng, lastTime, writer.offset, 100);
    if (!ctx.active(writer, tr)) continue;
    const others = writers.filter((p) => p.id !== writer.id && p.id !== parent.sender).map((p) => p.id);
    const mention =
      rng() < 0.1 && circle.length > 0 ? [member(ctx, g, circle[Math.floor(rng() * circle.length)] as number).id] : [];
    const hidden = offChannel(ctx, g);
    const reply = ctx.reply(parent, writer.id, tr, {
      ...init,
      kind: kind === 'question' && parent === root ? 'answer' : 'discussion',
      recipients: g.channel && !hidden ? [] : [parent.sender],
      cc: g.channel ? [] : others.slice(0, 5),
      mentions: mention.filter((id) => id !== writer.id),
      private: hidden,
    });
    if (!reply) break;
    thread.push(reply);
    if (!writers.includes(writer)) writers.push(writer);
    lastTime = tr;
  }
}

// ---------------------------------------------------------------- questions to experts (social learning, hybrid)

/** Who answers: a planted expert (∝ level²) with probability `expertAnswerShare`, else a peer; then mixing. */
function answerer(
  ctx: SimContext,
  g: GroupState,
  asker: number,
  t: number,
  except?: PersonState,
): PersonState | undefined {
  const rng = ctx.rng;
  let p: PersonState | undefined;
  if (g.experts.length > 0 && rng() < ctx.options.expertAnswerShare) {
    for (let tries = 0; tries < 4 && !p; tries++) {
      const k = pickExpert(ctx, g);
      const e = member(ctx, g, k);
      if (e !== except && ctx.active(e, t)) p = e;
    }
  }
  for (let tries = 0; tries < 10 && !p; tries++) {
    const k = Math.floor(rng() * g.members.length);
    const q = member(ctx, g, k);
    if (k !== asker && q !== except && !g.experts.includes(k) && ctx.active(q, t)) p = q;
  }
  return p ? leak(ctx, g, p, t) : undefined;
}

function question(ctx: SimContext, g: GroupState, a: number, d: number): void {
  const { rng, calendar } = ctx;
  const asker = member(ctx, g, a);
  const t = calendar.startTime(rng, d, asker.offset);
  const first = answerer(ctx, g, a, t);
  if (!first) return;
  const source = g.kind === 'hybrid' ? ('hybrid' as const) : ('social-learning' as const);
  const init = { source, topic: g.truth.topic, ...(g.channel ? { channel: g.channel } : {}) };
  const firstIsExpert = g.experts.some((k) => g.members[k] === first.index);
  let recipients: string[] = [];
  let mentions: string[] = [];
  if (g.channel) {
    if (firstIsExpert && rng() < 0.15) mentions = [first.id];
  } else {
    const k = firstIsExpert ? -1 : pickExpert(ctx, g);
    recipients = [k >= 0 ? member(ctx, g, k).id : first.id];
  }
  const root = ctx.root(asker.id, t, { ...init, kind: 'question', recipients, mentions });
  if (!root) return;
  const u = rng();
  const count = u < 0.07 ? 0 : u < 0.77 ? 1 : 2;
  if (count === 0) return;
  const firstTime = calendar.replyTime(rng, t, first.offset, firstIsExpert ? 60 : 150);
  if (first.id === asker.id || !ctx.active(first, firstTime)) return;
  const hidden = offChannel(ctx, g);
  const answer = ctx.reply(root, first.id, firstTime, {
    ...init,
    kind: 'answer',
    recipients: g.channel && !hidden ? [] : [asker.id],
    private: hidden,
  });
  if (!answer) return;
  if (count === 2) {
    const second = answerer(ctx, g, a, firstTime, first);
    if (second && second.id !== asker.id) {
      const tr = calendar.replyTime(rng, firstTime, second.offset, 120);
      const off = offChannel(ctx, g);
      if (ctx.active(second, tr)) {
        ctx.reply(root, second.id, tr, {
          ...init,
          kind: 'answer',
          recipients: g.channel && !off ? [] : [asker.id],
          private: off,
        });
      }
    }
  }
  const v = rng();
  const back = calendar.replyTime(rng, firstTime, asker.offset, 60);
  if (v >= THANKS + FOLLOW_UP || !ctx.active(asker, back)) return;
  // the conversation stays where the answer was given (in the channel, or privately)
  const inChannel = answer.channel !== undefined;
  const follow = ctx.reply(answer, asker.id, back, {
    ...init,
    kind: v < THANKS ? 'discussion' : 'question',
    recipients: inChannel ? [] : [first.id],
    ...(v < THANKS ? { thanks: true } : {}),
  });
  if (follow && v >= THANKS) {
    const tr = calendar.replyTime(rng, back, first.offset, 60);
    if (ctx.active(first, tr)) {
      ctx.reply(follow, first.id, tr, { ...init, kind: 'answer', recipients: inChannel ? [] : [asker.id] });
    }
  }
}

// ---------------------------------------------------------------- hybrid team work

function teamWork(ctx: SimContext, g: GroupState, s: number, d: number): void {
  const { rng, calendar } = ctx;
  const starter = member(ctx, g, s);
  const t = calendar.startTime(rng, d, starter.offset);
  const to = leakAll(ctx, g, ctx.pickFrom(g.members, between(rng, 2, 3), starter.index, t), t);
  if (to.length === 0) return;
  const init = { source: 'hybrid' as const, topic: g.truth.topic, ...(g.channel ? { channel: g.channel } : {}) };
  const root = ctx.root(starter.id, t, {
    ...init,
    kind: rng() < 0.2 ? 'share' : 'discussion',
    recipients: g.channel ? [] : to.map((p) => p.id),
  });
  if (root) ctx.conversation(root, starter, to, init, HYBRID_SHAPE);
}

/** Writes one period day of every planted group's traffic into the context's queue. */
export function groupsDay(ctx: SimContext, groups: readonly GroupState[], d: number): void {
  const { rng, options, calendar } = ctx;
  const factor = (calendar.isWorkday(d) ? 1 : options.weekendActivity) * options.groupActivity;
  for (const g of groups) {
    for (let k = 0; k < g.members.length; k++) {
      if (!inGroup(g, d, k)) continue;
      if (g.kind === 'community-of-practice') {
        for (let n = poisson(rng, factor * GROUP_RATES.cop * engagementOf(ctx, g, k, d)); n > 0; n--) {
          copThread(ctx, g, k, d);
        }
      } else if (g.kind === 'social-learning') {
        if (g.experts.includes(k)) continue;
        const boost = member(ctx, g, k).newcomer ? 1.5 : 1;
        for (let n = poisson(rng, factor * GROUP_RATES.question * boost); n > 0; n--) question(ctx, g, k, d);
      } else if (g.kind === 'hybrid') {
        for (let n = poisson(rng, factor * GROUP_RATES.hybridWork); n > 0; n--) teamWork(ctx, g, k, d);
        if (g.experts.includes(k)) continue;
        for (let n = poisson(rng, factor * GROUP_RATES.hybridHelp); n > 0; n--) question(ctx, g, k, d);
      }
    }
  }
}
