// Small message logs built by hand-written rules, whose regime is known by construction.
import type { Message } from '../../src/log/message.js';
import { createRng, type Rng } from '../../src/random.js';

const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);

export interface LogBuilder {
  messages: Message[];
  rng: Rng;
  post(sender: string, day: number, extra?: Partial<Message>): Message;
  reply(parent: Message, sender: string, extra?: Partial<Message>): Message;
}

export function logBuilder(seed: number): LogBuilder {
  const messages: Message[] = [];
  const rng = createRng(seed);
  let n = 0;
  const post = (sender: string, day: number, extra: Partial<Message> = {}): Message => {
    const m: Message = {
      id: `m${n++}`,
      sender,
      recipients: [],
      cc: [],
      mentions: [],
      timestamp: START + day * DAY + Math.floor(rng() * 8 * 3_600_000),
      ...extra,
    };
    messages.push(m);
    return m;
  };
  const reply = (parent: Message, sender: string, extra: Partial<Message> = {}): Message =>
    post(sender, Math.floor(((parent.timestamp as number) - START) / DAY), {
      replyTo: parent.id,
      ...(parent.channel !== undefined ? { channel: parent.channel } : {}),
      ...extra,
    });
  return { messages, rng, post, reply };
}

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;

/**
 * An organisation of 80 people over 8 weeks with:
 * - `#help`: 2 experts answer 36 askers, each asking 2–3 questions within a 10-day stretch (social learning);
 * - `#guild`: 14 members who post shares and questions all along and reply to each other, mostly within
 *   small circles (community of practice);
 * - `committee`: 8 people with no interaction among themselves (not a unit);
 * - background mail among everyone else and to the committee members.
 */
export function smallOrganisation(seed = 1): {
  messages: Message[];
  help: string[];
  guild: string[];
  committee: string[];
} {
  const b = logBuilder(seed);
  const { rng } = b;
  const people = Array.from({ length: 80 }, (_, i) => `p${String(i).padStart(2, '0')}`);
  const experts = ['p00', 'p01'];
  const askers = people.slice(2, 38);
  const guild = people.slice(38, 52);
  const committee = people.slice(52, 60);
  const days = 56;
  for (let d = 0; d < days; d++) {
    // background: everyone writes a little, also to committee members, never between committee members
    for (const p of people) {
      if (rng() > 0.4) continue;
      let q = pick(rng, people);
      if (q === p || (committee.includes(p) && committee.includes(q))) q = pick(rng, people.slice(60));
      if (q === p) continue;
      const m = b.post(p, d, { recipients: [q] });
      if (rng() < 0.5) b.reply(m, q, { recipients: [p] });
    }
    // guild: circles of neighbours on a ring
    for (let i = 0; i < guild.length; i++) {
      if (rng() > 0.6) continue;
      const g = guild[i] as string;
      const root = b.post(g, d, { channel: '#guild', kind: rng() < 0.6 ? 'share' : 'question' });
      const repliers = 2 + Math.floor(rng() * 3);
      let last = root;
      for (let r = 0; r < repliers; r++) {
        const near = guild[(i + 1 + Math.floor(rng() * 3)) % guild.length] as string;
        const other = rng() < 0.7 ? near : pick(rng, guild);
        if (other === last.sender) continue;
        last = b.reply(rng() < 0.5 ? root : last, other, { kind: 'discussion' });
      }
    }
  }
  // help: each asker is active for about 10 days
  for (const a of askers) {
    const from = Math.floor(rng() * (days - 10));
    const questions = 2 + Math.floor(rng() * 2);
    for (let k = 0; k < questions; k++) {
      const q = b.post(a, from + Math.floor(rng() * 10), { channel: '#help', kind: 'question' });
      const e = rng() < 0.7 ? 'p00' : 'p01';
      const ans = b.reply(q, rng() < 0.92 ? e : pick(rng, askers), { kind: 'answer' });
      if (rng() < 0.3) b.reply(ans, a, { kind: 'discussion' });
    }
  }
  b.messages.sort((x, y) => (x.timestamp as number) - (y.timestamp as number));
  return { messages: b.messages, help: [...experts, ...askers], guild, committee };
}
