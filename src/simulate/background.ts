/**
 * Background traffic: the organisation's ordinary mail, which every planted signal must stand out from.
 *
 * - **work**: each person starts about `workRate × activity` threads per working day, to teammates (60 %),
 *   other people of the department (20 %), their manager (12 %) or their reports / team (8 %), often
 *   copying the manager; the addressee answers with probability 0.6 and the exchange goes back and forth.
 * - **noise**: `noise × activity` messages per working day to a random person of another department,
 *   answered with probability 0.4.
 * - **broadcasts**: each department head's Monday update to the whole department, the chief executive's
 *   update to everyone on the first working day of each month (mass mail), a few replies.
 * - **mailing lists**: announcements (`all@lists…`, no replies), a social list with replies, an IT status
 *   list and an events list; list posts carry the list as their channel and no recipients.
 * - **bots**: notification accounts writing to people who never answer them.
 *
 * @module
 */

import { DAY } from './calendar.js';
import type { SimContext } from './context.js';
import type { PersonState } from './org.js';
import { poisson } from './sampling.js';
import { BOTS, LISTS } from './vocabulary.js';

const WORK_SHAPE = { replyProb: 0.6, decay: 0.55, maxReplies: 5, replyAll: 0.5, meanDelay: 90 };
const WORK_INIT = Object.freeze({ source: 'work' as const, topic: '' });
// (plain object literals on the hot path: spreading them costs about half of the generation time)
const NOISE_INIT = Object.freeze({ source: 'noise' as const, topic: '' });
const NOISE_SHAPE = { replyProb: 0.4, decay: 0.5, maxReplies: 3, replyAll: 0, meanDelay: 180 };

function workThread(ctx: SimContext, p: PersonState, d: number): void {
  const { rng, org, calendar } = ctx;
  const t = calendar.startTime(rng, d, p.offset);
  const team = org.teams[p.team]?.members ?? [];
  const dept = org.departments[p.department]?.members ?? [];
  const u = rng();
  let to: PersonState[];
  if (u < 0.6) to = ctx.pickFrom(team, 1 + (rng() < 0.35 ? 1 : 0) + (rng() < 0.15 ? 1 : 0), p.index, t);
  else if (u < 0.8) to = ctx.pickFrom(dept, 1 + (rng() < 0.3 ? 1 : 0), p.index, t);
  else if (u < 0.92 && p.manager >= 0) to = ctx.pickFrom([p.manager], 1, p.index, t);
  else to = ctx.pickFrom(team, 1, p.index, t);
  if (to.length === 0) return;
  const manager = p.manager >= 0 ? ctx.people[p.manager] : undefined;
  const cc = manager && !to.includes(manager) && rng() < 0.25 && ctx.active(manager, t) ? [manager] : [];
  const recipients: string[] = [];
  for (const x of to) recipients.push(x.id);
  const root = ctx.root(p.id, t, {
    source: 'work',
    topic: '',
    kind: rng() < 0.15 ? 'share' : 'discussion',
    recipients,
    cc: cc.length > 0 ? [(cc[0] as PersonState).id] : [],
  });
  if (root) ctx.conversation(root, p, cc.length > 0 ? [...to, ...cc] : to, WORK_INIT, WORK_SHAPE);
}

function noiseThread(ctx: SimContext, p: PersonState, d: number): void {
  const t = ctx.calendar.startTime(ctx.rng, d, p.offset);
  const q = ctx.randomPerson(t, (x) => x.department !== p.department);
  if (!q) return;
  const root = ctx.root(p.id, t, { source: 'noise', topic: '', kind: 'discussion', recipients: [q.id] });
  if (root) ctx.conversation(root, p, [q], NOISE_INIT, NOISE_SHAPE);
}

function isFirstWorkdayOfMonth(start: number, d: number): boolean {
  const date = new Date(start + d * DAY);
  for (let k = 1; k <= 3; k++) {
    const before = new Date(start + (d - k) * DAY);
    const w = before.getUTCDay();
    if (before.getUTCMonth() === date.getUTCMonth() && w !== 0 && w !== 6) return false;
  }
  return true;
}

function broadcasts(ctx: SimContext, d: number): void {
  const { rng, org, calendar, people } = ctx;
  if (!calendar.isWorkday(d)) return;
  const senders: { head: PersonState; audience: readonly number[]; topic: string }[] = [];
  if (calendar.weekday(d) === 1) {
    for (const dept of org.departments) {
      senders.push({ head: people[dept.head] as PersonState, audience: dept.members, topic: dept.name });
    }
  }
  if (isFirstWorkdayOfMonth(calendar.start, d)) {
    senders.push({ head: people[0] as PersonState, audience: people.map((p) => p.index), topic: 'company' });
  }
  for (const { head, audience, topic } of senders) {
    const t = calendar.localTime(d, 9 + rng(), head.offset);
    if (!ctx.active(head, t)) continue;
    const to = audience.filter((i) => i !== head.index && ctx.active(people[i] as PersonState, t));
    const root = ctx.root(head.id, t, {
      source: 'broadcast',
      kind: 'share',
      topic,
      recipients: to.map((i) => (people[i] as PersonState).id),
    });
    if (!root || to.length === 0) continue;
    for (let r = poisson(rng, 0.5); r > 0; r--) {
      const q = people[to[Math.floor(rng() * to.length)] as number] as PersonState;
      const tr = calendar.replyTime(rng, t, q.offset, 120);
      if (ctx.active(q, tr)) {
        ctx.reply(root, q.id, tr, { source: 'broadcast', kind: 'discussion', topic, recipients: [head.id] });
      }
    }
  }
}

/** Posts per working day and replies per post of each list, in the order of {@link LISTS}. */
const LIST_RATES = [
  { posts: 0.25, replies: 0, leadsOnly: true },
  { posts: 0.5, replies: 1.2, leadsOnly: false },
  { posts: 0.3, replies: 0.4, leadsOnly: false },
  { posts: 0.2, replies: 0.2, leadsOnly: false },
];

function lists(ctx: SimContext, d: number, factor: number): void {
  const { rng, calendar, options } = ctx;
  const leads = new Set(ctx.org.teams.map((t) => t.lead));
  for (let j = 0; j < options.lists; j++) {
    const rate = LIST_RATES[j] as (typeof LIST_RATES)[number];
    const name = LISTS[j] as string;
    const channel = `${name}@lists.${options.domain}`;
    for (let k = poisson(rng, rate.posts * factor); k > 0; k--) {
      const probe = calendar.localTime(d, 12, 0);
      const p = ctx.randomPerson(probe, rate.leadsOnly ? (x) => leads.has(x.index) : undefined);
      if (!p) continue;
      const t = calendar.startTime(rng, d, p.offset);
      const kind = rate.leadsOnly || rng() < 0.5 ? 'share' : 'discussion';
      const root = ctx.root(p.id, t, { source: 'list', kind, topic: name, channel });
      if (!root) continue;
      let last = root;
      for (let r = poisson(rng, rate.replies); r > 0; r--) {
        const q = ctx.randomPerson(last.timestamp as number, (x) => x !== p);
        if (!q) continue;
        const tr = calendar.replyTime(rng, last.timestamp as number, q.offset, 150);
        if (!ctx.active(q, tr)) continue;
        const reply = ctx.reply(rng() < 0.6 ? root : last, q.id, tr, {
          source: 'list',
          kind: 'discussion',
          topic: name,
        });
        if (reply) last = reply;
      }
    }
  }
}

function bots(ctx: SimContext, d: number, factor: number): void {
  const { rng, calendar, options, org } = ctx;
  // ci-bot writes to engineering, tickets to support, calendar to anyone (with a copy), monitoring to operations
  const audience = [org.departments[0], org.departments[5], undefined, org.departments[2]];
  for (let j = 0; j < options.bots; j++) {
    const sender = `${BOTS[j] as string}@${options.domain}`;
    const dept = audience[j];
    for (let k = poisson(rng, 0.05 * options.people * factor); k > 0; k--) {
      const t = calendar.startTime(rng, d, 0);
      const p = dept ? ctx.pickFrom(dept.members, 1, -1, t)[0] : ctx.randomPerson(t);
      if (!p) continue;
      const cc = j === 2 ? ctx.randomPerson(t, (x) => x !== p) : undefined;
      ctx.root(sender, t, {
        source: 'bot',
        kind: 'share',
        topic: BOTS[j] as string,
        recipients: [p.id],
        ...(cc ? { cc: [cc.id] } : {}),
      });
    }
  }
}

/** Writes one period day of background traffic into the context's queue. */
export function backgroundDay(ctx: SimContext, d: number): void {
  const { rng, options, people, calendar } = ctx;
  const factor = calendar.isWorkday(d) ? 1 : options.weekendActivity;
  const base = options.workRate + options.noise;
  const workShare = base > 0 ? options.workRate / base : 0;
  for (const p of people) {
    if (!ctx.activeOnDay(p, d)) continue;
    for (let k = poisson(rng, base * p.activity * factor); k > 0; k--) {
      if (rng() < workShare) workThread(ctx, p, d);
      else noiseThread(ctx, p, d);
    }
  }
  if (options.broadcasts) broadcasts(ctx, d);
  lists(ctx, d, factor);
  bots(ctx, d, factor);
}
