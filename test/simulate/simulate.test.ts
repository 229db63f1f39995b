import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.js';
import type { Message } from '../../src/log/message.js';
import { LOCATIONS } from '../../src/simulate/calendar.js';
import { PLANTED_KINDS, resolveSimulateOptions, SIMULATE_DEFAULTS } from '../../src/simulate/options.js';
import { simulateOrganization } from '../../src/simulate/simulate.js';
import { messageCsvRow } from '../../src/simulate/write.js';

const DAY = 86_400_000;
const small = { people: 60, days: 20 };
const bytes = (options: Parameters<typeof simulateOrganization>[0]) =>
  [...simulateOrganization(options)].map(messageCsvRow).join('\n');

describe('simulateOrganization(options) determinism', () => {
  it('the same options and seed give the same bytes; another seed gives other messages', () => {
    const a = bytes({ ...small, seed: 5 });
    expect(bytes({ ...small, seed: 5 })).toBe(a);
    expect(a.length).toBeGreaterThan(10_000);
    const b = bytes({ ...small, seed: 6 });
    expect(b).not.toBe(a);
    expect(simulateOrganization({ ...small, seed: 6 }).truth).not.toEqual(
      simulateOrganization({ ...small, seed: 5 }).truth,
    );
  });

  it('every pass over one organisation gives the same messages, sync or async', async () => {
    const org = simulateOrganization({ ...small, seed: 'team-a' });
    const first = [...org].map(messageCsvRow);
    const again: string[] = [];
    for await (const m of org) again.push(messageCsvRow(m));
    expect(again).toEqual(first);
    expect(org.stats.messages).toBe(first.length);
  });

  it('truth.options replays the same log', () => {
    const org = simulateOrganization({ ...small, seed: 11, mixing: 0.3, groups: { hybrid: { count: 1 } } });
    const replay = simulateOrganization(JSON.parse(JSON.stringify(org.truth.options)));
    expect([...replay].map(messageCsvRow)).toEqual([...org].map(messageCsvRow));
    expect(replay.truth).toEqual(org.truth);
  });

  it('texts and kinds change no structure: same senders, recipients, times and threads', () => {
    const strip = (m: Message) => ({ ...m, text: undefined, kind: undefined });
    const base = [...simulateOrganization({ ...small, seed: 3 })];
    const withText = [...simulateOrganization({ ...small, seed: 3, text: true })];
    const noKinds = [...simulateOrganization({ ...small, seed: 3, kinds: false })];
    expect(withText.map(strip)).toEqual(base.map(strip));
    expect(noKinds.map(strip)).toEqual(base.map(strip));
    expect(withText.every((m) => typeof m.text === 'string' && m.text.length > 0)).toBe(true);
    expect(noKinds.some((m) => m.kind !== undefined)).toBe(false);
    expect(base.every((m) => m.kind !== undefined && m.text === undefined)).toBe(true);
  });
});

describe('simulateOrganization(options) messages', () => {
  const org = simulateOrganization({ seed: 9 });
  const messages = [...org];
  const start = Date.parse(org.truth.period.start);
  const end = Date.parse(org.truth.period.end);
  const people = new Map(org.people.map((p) => [p.id, p]));

  it('defaults: about 300 people, 90 days, tens of thousands of messages, the planned groups', () => {
    expect(org.truth.people).toBe(300);
    expect(end - start).toBe(90 * DAY);
    expect(messages.length).toBeGreaterThan(40_000);
    expect(messages.length).toBeLessThan(90_000);
    expect(org.truth.groups.map((g) => g.kind)).toEqual([
      ...Array(3).fill('community-of-practice'),
      ...Array(3).fill('social-learning'),
      ...Array(2).fill('hybrid'),
      ...Array(2).fill('not-a-unit'),
    ]);
    expect(org.truth.groups.filter((g) => g.scope === 'channel').map((g) => g.kind)).toEqual([
      'community-of-practice',
      'social-learning',
      'social-learning',
    ]);
    const bySource = org.stats.bySource;
    expect(Object.values(bySource).reduce((a, b) => a + b, 0)).toBe(messages.length);
    for (const source of Object.keys(bySource)) expect(bySource[source as keyof typeof bySource]).toBeGreaterThan(0);
  });

  it('messages come in time order, inside the period, with unique ids', () => {
    let previous = -Infinity;
    let backwards = 0;
    for (const m of messages) {
      if ((m.timestamp as number) < previous) backwards++;
      previous = m.timestamp as number;
    }
    expect(backwards).toBe(0);
    expect((messages[0]?.timestamp as number) >= start).toBe(true);
    expect(previous < end).toBe(true);
    expect(new Set(messages.map((m) => m.id)).size).toBe(messages.length);
  });

  it('threads: a root carries its own id as thread id; a reply follows an earlier message of its thread', () => {
    const seen = new Map<string, Message>();
    const wrong: string[] = [];
    let replies = 0;
    for (const m of messages) {
      if (m.replyTo === undefined) {
        if (m.threadId !== m.id) wrong.push(`${m.id}: root thread id`);
      } else {
        replies++;
        const parent = seen.get(m.replyTo);
        if (!parent) wrong.push(`${m.id}: parent not seen before`);
        else if (m.threadId !== parent.threadId) wrong.push(`${m.id}: thread id`);
        else if ((m.timestamp as number) <= (parent.timestamp as number)) wrong.push(`${m.id}: not after its parent`);
        else if (parent.subject !== undefined && m.subject !== parent.subject.replace(/^(Re: )?/, 'Re: ')) {
          wrong.push(`${m.id}: subject`);
        }
      }
      seen.set(m.id, m);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(replies / messages.length).toBeGreaterThan(0.3);
  });

  it('people write only while employed; bots only send; lists are channels, never people', () => {
    const bots = new Set(org.truth.bots);
    const lists = new Set(org.truth.lists);
    const channels = new Set([...lists, ...org.truth.groups.flatMap((g) => (g.channel ? [g.channel] : []))]);
    const wrong: string[] = [];
    for (const m of messages) {
      const p = people.get(m.sender);
      const t = m.timestamp as number;
      if (p) {
        if (t < Date.parse(`${p.hireDate}T00:00:00Z`)) wrong.push(`${m.id}: before ${p.id} was hired`);
        if (p.leaveDate && t >= Date.parse(`${p.leaveDate}T00:00:00Z`)) wrong.push(`${m.id}: after ${p.id} left`);
      } else if (!bots.has(m.sender)) wrong.push(`${m.id}: unknown sender ${m.sender}`);
      for (const r of [...m.recipients, ...m.cc, ...m.mentions]) if (!people.has(r)) wrong.push(`${m.id}: to ${r}`);
      if (m.channel !== undefined && !channels.has(m.channel)) wrong.push(`${m.id}: channel ${m.channel}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(new Set(messages.map((m) => m.sender)).size).toBe(300 + org.truth.bots.length);
    expect(org.truth.newcomers.length).toBe(24);
    expect(org.truth.leavers.length).toBe(15);
    for (const id of org.truth.newcomers)
      expect(Date.parse(people.get(id)?.hireDate as string)).toBeGreaterThanOrEqual(start);
    for (const id of org.truth.leavers) expect(Date.parse(people.get(id)?.leaveDate as string)).toBeLessThan(end);
  });

  it('working hours: nearly all mail on local weekdays between 07:00 and 21:00', () => {
    const offset = new Map(LOCATIONS.map((l) => [l.name, l.offsetMinutes * 60_000]));
    let inHours = 0;
    let weekend = 0;
    let total = 0;
    for (const m of messages) {
      const p = people.get(m.sender);
      if (!p) continue;
      const local = new Date((m.timestamp as number) + (offset.get(p.location) as number));
      const day = local.getUTCDay();
      const hour = local.getUTCHours();
      total++;
      if (day === 0 || day === 6) weekend++;
      else if (hour >= 7 && hour < 21) inHours++;
    }
    expect(inHours / total).toBeGreaterThan(0.95);
    expect(weekend / total).toBeLessThan(0.03);
  });

  it('roster: departments, teams, managers form a tree rooted at the chief executive', () => {
    const roots = org.people.filter((p) => p.manager === undefined);
    expect(roots.length).toBe(1);
    for (const p of org.people) {
      let q = p;
      for (let steps = 0; q.manager !== undefined; steps++) {
        expect(steps).toBeLessThan(4);
        q = people.get(q.manager) as typeof q;
      }
      expect(q).toBe(roots[0]);
    }
    expect(new Set(org.people.map((p) => p.department)).size).toBe(8);
    expect(org.truth.departments.reduce((a, d) => a + d.members, 0)).toBe(300);
  });

  it('planted groups: sizes within the plan, experts are members, CoPs span departments', () => {
    const dept = new Map(org.people.map((p) => [p.id, p.department]));
    for (const g of org.truth.groups) {
      const spec = SIMULATE_DEFAULTS.groups[g.kind];
      expect(g.members.length).toBeGreaterThanOrEqual(spec.minSize);
      expect(g.members.length).toBeLessThanOrEqual(spec.maxSize);
      expect([...g.members].sort()).toEqual(g.members);
      for (const e of g.experts) expect(g.members).toContain(e);
      if (g.kind === 'community-of-practice') {
        const counts = new Map<string, number>();
        for (const m of g.members) counts.set(dept.get(m) as string, (counts.get(dept.get(m) as string) ?? 0) + 1);
        expect(counts.size).toBeGreaterThanOrEqual(3);
        expect(Math.max(...counts.values())).toBeLessThanOrEqual(Math.ceil(0.4 * g.members.length));
        expect(g.newcomers.length).toBeGreaterThan(0);
      }
    }
    const levels = org.truth.experts.filter((e) => e.group === org.truth.groups[3]?.name).map((e) => e.level);
    expect(levels).toEqual([...levels].sort((a, b) => b - a));
    expect(levels[0]).toBeGreaterThan(0.9);
  });
});

describe('simulateOrganization(options) streaming', () => {
  it('holds about two days of traffic, however long the period: memory stays flat', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const short = simulateOrganization({ people: 250, days: 60, seed: 1 });
    for (const _ of short);
    const long = simulateOrganization({ people: 250, days: 480, seed: 1 });
    let n = 0;
    let early = 0;
    gc();
    const base = process.memoryUsage().heapUsed;
    for (const _ of long) {
      if (++n === 60_000) {
        gc();
        early = process.memoryUsage().heapUsed - base;
      }
    }
    gc();
    const late = process.memoryUsage().heapUsed - base;
    // 8 times the period: about 8 times the messages, the same queue
    expect(long.stats.messages).toBeGreaterThan(7 * short.stats.messages);
    expect(long.stats.peakQueued).toBeLessThan(1.5 * short.stats.peakQueued);
    expect(long.stats.peakQueued).toBeLessThan(1_500);
    // holding every message would take > 100 MB here (about 200,000 of them); growth stays within a few MB
    console.log(
      `messages ${long.stats.messages}, queue peak ${long.stats.peakQueued} (60 days: ${short.stats.peakQueued}), heap growth ${((late - early) / 2 ** 20).toFixed(1)} MB`,
    );
    expect(late - early).toBeLessThan(8 * 2 ** 20);
  });
});

describe('resolveSimulateOptions(options)', () => {
  it('fills in defaults and records every option', () => {
    const r = resolveSimulateOptions({ people: 120, groups: { hybrid: { count: 1 } } });
    expect(r.departments).toBe(3);
    expect(r.groups.hybrid).toEqual({ count: 1, minSize: 6, maxSize: 10, channels: 0 });
    expect(r.groups['community-of-practice']).toEqual(SIMULATE_DEFAULTS.groups['community-of-practice']);
    expect(r.start).toBe('2024-01-01');
    expect(Object.keys(r.groups)).toEqual([...PLANTED_KINDS]);
  });

  it.each([
    [{ people: 5 }, 'people'],
    [{ people: 10.5 }, 'people'],
    [{ days: 0 }, 'days'],
    [{ mixing: 1.5 }, 'mixing'],
    [{ noise: -1 }, 'noise'],
    [{ start: 'soon' }, 'start'],
    [{ locations: 9 }, 'locations'],
    [{ departments: 200 }, 'departments'],
    [{ groups: { teams: { count: 1 } } }, 'groups key'],
    [{ groups: { hybrid: { minSize: 8, maxSize: 4 } } }, 'groups.hybrid.maxSize'],
    [{ newcomerShare: 0.4, leaverShare: 0.4 }, 'newcomerShare'],
    [{ text: 'yes' }, 'text'],
    [{ seed: Number.NaN }, 'seed'],
  ])('rejects %j naming `%s`', (options, name) => {
    expect(() => resolveSimulateOptions(options as never)).toThrowError(OptionError);
    expect(() => resolveSimulateOptions(options as never)).toThrowError(name);
  });

  it('small organisations still plant every kind (group sizes capped by the people there are)', () => {
    const org = simulateOrganization({ people: 12, days: 10, seed: 2 });
    expect(org.truth.groups.length).toBe(10);
    for (const g of org.truth.groups) expect(g.members.length).toBeLessThanOrEqual(12);
    expect([...org].length).toBeGreaterThan(100);
  });
});

describe('simulateOrganization(options) addressing', () => {
  it('no message lists a person twice, or its sender, among its recipients and copies', () => {
    for (const seed of [1, 2, 3]) {
      const wrong: string[] = [];
      for (const m of simulateOrganization({ seed, mixing: 0.5, people: 120, days: 30 })) {
        const all = [...m.recipients, ...m.cc];
        if (new Set(all).size !== all.length || all.includes(m.sender)) wrong.push(m.id);
        if (new Set(m.mentions).size !== m.mentions.length || m.mentions.includes(m.sender)) wrong.push(m.id);
      }
      expect(wrong.slice(0, 5), `seed ${seed}`).toEqual([]);
    }
  });
});
