import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.js';
import { buildInteractionGraph, buildWindowGraphs, TIE_KINDS } from '../../src/graph/build.js';
import type { Roster } from '../../src/graph/roster.js';
import { readCsv } from '../../src/log/csv.js';
import type { Message } from '../../src/log/message.js';
import { repoPath } from '../data-path.js';
import { msg } from '../log/helpers.js';

const tie = (g: Awaited<ReturnType<typeof buildInteractionGraph>>, s: string, t: string) => g.getEdgeAttributes(s, t);

describe('buildInteractionGraph on fixtures/logs/small.csv (computed by hand)', () => {
  it('gives the ties, weights and counts worked out by hand', async () => {
    const g = await buildInteractionGraph(readCsv(repoPath('fixtures', 'logs', 'small.csv')));
    const a = 'ada@example.org';
    const b = 'bob@example.org';
    const c = 'cy@example.org';
    const d = 'dee@example.org';
    // m1 ada → bob, cy (2 recipients: ½ each); m2 bob → ada (to, ½), cy (cc, ½·½), reply to ada's m1 (+2);
    // m3 cy → ada (to, 1) + reply (+2); m4 dee → ada (1); m5 ada → dee (1) + reply (+2); m6 eve → eve (self)
    expect(g.order).toBe(5);
    expect(g.size).toBe(7);
    expect(tie(g, a, b)).toMatchObject({ weight: 0.5, to: 1, count: 1 });
    expect(tie(g, a, c)).toMatchObject({ weight: 0.5, to: 1 });
    expect(tie(g, b, a)).toMatchObject({ weight: 2.5, to: 1, reply: 1, count: 2, distance: 0.4 });
    expect(tie(g, b, c)).toMatchObject({ weight: 0.25, cc: 1 });
    expect(tie(g, c, a)).toMatchObject({ weight: 3, to: 1, reply: 1 });
    expect(tie(g, d, a)).toMatchObject({ weight: 1 });
    expect(tie(g, a, d)).toMatchObject({ weight: 3, reply: 1 });
    expect(g.getNodeAttributes(a)).toMatchObject({
      sent: 2,
      received: 3, // m2, m3, m4
      firstSeen: Date.parse('2024-01-08T09:00:00Z'),
      lastSeen: Date.parse('2024-01-09T11:20:00Z'),
    });
    expect(g.getNodeAttributes('eve@example.org')).toMatchObject({ sent: 1, received: 0 });
    expect(tie(g, b, a).first).toBe(Date.parse('2024-01-08T09:30:00Z'));
    const stats = g.getAttribute('stats');
    expect(stats).toMatchObject({ messages: 6, used: 5, selfTies: 1, people: 5, ties: 7 });
    expect(stats.dropped.self).toBe(1);
    expect(g.getAttribute('read')).toMatchObject({ read: 6, accepted: 6, rejected: 0 });
    expect(g.getAttribute('method')).toBe('interaction-graph');
    expect(g.getAttribute('params').weights).toEqual({ to: 1, cc: 0.5, bcc: 0.5, reply: 2, mention: 1 });
  });
});

describe('buildInteractionGraph edge rules', () => {
  it('to/cc/bcc: a person counts once, under the strongest header', async () => {
    const g = await buildInteractionGraph([
      msg({ id: '1', sender: 'a', recipients: ['b'], cc: ['b', 'c'], bcc: ['c', 'd'] }),
    ]);
    expect(tie(g, 'a', 'b')).toMatchObject({ to: 1, cc: 0, weight: 1 / 3 });
    expect(tie(g, 'a', 'c')).toMatchObject({ cc: 1, bcc: 0, weight: 0.5 / 3 });
    expect(tie(g, 'a', 'd')).toMatchObject({ bcc: 1, weight: 0.5 / 3 });
  });

  it('broadcast down-weighting: 1/n per recipient by default, off with splitBroadcasts: false', async () => {
    const m = msg({ id: '1', sender: 'a', recipients: ['b', 'c', 'd', 'e'] });
    expect(tie(await buildInteractionGraph([m]), 'a', 'b').weight).toBe(0.25);
    expect(tie(await buildInteractionGraph([m], { splitBroadcasts: false }), 'a', 'b').weight).toBe(1);
  });

  it('mass mail above maxRecipients is excluded and counted', async () => {
    const recipients = Array.from({ length: 60 }, (_, i) => `p${i}`);
    const g = await buildInteractionGraph([
      msg({ id: '1', sender: 'a', recipients }),
      msg({ id: '2', sender: 'a', recipients: ['b'] }),
    ]);
    expect(g.size).toBe(1);
    expect(g.getAttribute('stats').dropped.massMail).toBe(1);
    const loose = await buildInteractionGraph([msg({ id: '1', sender: 'a', recipients })], { maxRecipients: 100 });
    expect(loose.size).toBe(60);
  });

  it('reply: sender → author of the replied-to message, also when the parent comes later', async () => {
    const g = await buildInteractionGraph([
      msg({ id: 'r1', sender: 'b', replyTo: 'q' }),
      msg({ id: 'q', sender: 'a' }),
      msg({ id: 'r2', sender: 'c', replyTo: 'q' }),
      msg({ id: 'r3', sender: 'a', replyTo: 'q' }),
      msg({ id: 'r4', sender: 'd', replyTo: 'missing' }),
    ]);
    expect(tie(g, 'b', 'a')).toMatchObject({ reply: 1, weight: 2 });
    expect(tie(g, 'c', 'a')).toMatchObject({ reply: 1, weight: 2 });
    expect(g.hasNode('d')).toBe(true);
    const stats = g.getAttribute('stats');
    expect(stats).toMatchObject({ used: 2, unresolvedReplies: 1, selfTies: 1 });
    expect(stats.dropped).toMatchObject({ noTies: 1, self: 1, unresolvedReply: 1 });
    expect(g.getNodeAttribute('a', 'received')).toBe(2);
  });

  it('mention: sender → each mentioned person, not split by recipients', async () => {
    const g = await buildInteractionGraph([
      msg({ id: '1', sender: 'a', recipients: ['b', 'c'], mentions: ['c', 'd', 'a'] }),
    ]);
    expect(tie(g, 'a', 'c')).toMatchObject({ to: 1, mention: 1, weight: 0.5 + 1 });
    expect(tie(g, 'a', 'd')).toMatchObject({ mention: 1, weight: 1 });
    expect(g.getAttribute('stats').selfTies).toBe(1);
  });

  it('self-messages: dropped and counted, the sender is still a person', async () => {
    const g = await buildInteractionGraph([msg({ id: '1', sender: 'a', recipients: ['a'] })]);
    expect(g.order).toBe(1);
    expect(g.size).toBe(0);
    expect(g.getAttribute('stats').dropped.self).toBe(1);
  });

  it('weights per kind and the message weight (pre-aggregated sources) scale contributions', async () => {
    const g = await buildInteractionGraph([msg({ id: '1', sender: 'a', recipients: ['b'], weight: 4 })], {
      weights: { to: 0.5 },
    });
    expect(tie(g, 'a', 'b').weight).toBe(2);
  });

  it('exclude drops senders (counted) and ties to excluded people (counted)', async () => {
    const g = await buildInteractionGraph(
      [
        msg({ id: '1', sender: 'bot', recipients: ['a'] }),
        msg({ id: '2', sender: 'a', recipients: ['bot', 'b'] }),
        msg({ id: '3', sender: 'b', replyTo: '1' }),
      ],
      { exclude: ['bot'] },
    );
    expect(g.hasNode('bot')).toBe(false);
    expect(tie(g, 'a', 'b').weight).toBe(0.5);
    const stats = g.getAttribute('stats');
    expect(stats.dropped.excludedSender).toBe(1);
    expect(stats.excludedTies).toBe(2);
    expect(stats.dropped.noTies).toBe(1);
  });

  it('from/to keep [from, to); messages without timestamps are counted as untimed', async () => {
    const g = await buildInteractionGraph(
      [
        msg({ id: '1', sender: 'a', recipients: ['b'], timestamp: Date.parse('2024-01-01') }),
        msg({ id: '2', sender: 'a', recipients: ['c'], timestamp: Date.parse('2024-02-01') }),
        msg({ id: '3', sender: 'a', recipients: ['d'] }),
      ],
      { from: '2024-01-15', to: new Date('2024-03-01') },
    );
    expect(g.edges().length).toBe(1);
    expect(g.hasEdge('a', 'c')).toBe(true);
    expect(g.getAttribute('stats').dropped).toMatchObject({ outOfRange: 1, untimed: 1 });
    expect(g.getAttribute('params').from).toBe(Date.parse('2024-01-15'));
  });

  it('minWeight removes weak ties after aggregation, counted', async () => {
    const g = await buildInteractionGraph(
      [msg({ id: '1', sender: 'a', recipients: ['b'] }), msg({ id: '2', sender: 'a', recipients: ['c', 'd'] })],
      { minWeight: 0.75 },
    );
    expect(g.edges().length).toBe(1);
    expect(g.getAttribute('stats').tiesBelowMinWeight).toBe(2);
    expect(g.hasNode('c')).toBe(true);
  });

  it('joins roster attributes; counts roster-only and unrostered people', async () => {
    const roster: Roster = {
      attributes: ['department'],
      people: new Map([
        ['a', { department: 'R&D' }],
        ['z', { department: 'Sales' }],
      ]),
      stats: { source: 'r.csv', read: 2, accepted: 2, rejected: 0, rejects: [] },
    };
    const messages = [msg({ id: '1', sender: 'a', recipients: ['b'] })];
    const g = await buildInteractionGraph(messages, { roster });
    expect(g.getNodeAttribute('a', 'department')).toBe('R&D');
    expect(g.hasNode('z')).toBe(false);
    expect(g.getAttribute('stats')).toMatchObject({ rosterOnly: 1, notInRoster: 1 });
    const all = await buildInteractionGraph(messages, { roster, includeRosterOnly: true });
    expect(all.getNodeAttributes('z')).toEqual({ sent: 0, received: 0, department: 'Sales' });
    expect(all.getAttribute('params').roster).toEqual({ source: 'r.csv', people: 2, attributes: ['department'] });
  });

  it('invalid options are OptionErrors naming the option', async () => {
    await expect(buildInteractionGraph([], { maxRecipients: 0 })).rejects.toThrow(/`maxRecipients`/);
    await expect(buildInteractionGraph([], { weights: { to: -1 } })).rejects.toThrow(OptionError);
    await expect(buildInteractionGraph([], { weights: { fwd: 1 } as never })).rejects.toThrow(/weights.fwd/);
    await expect(buildInteractionGraph([], { from: '2024-02-01', to: '2024-01-01' })).rejects.toThrow(/before/);
    await expect(buildInteractionGraph([], { from: 'soon' })).rejects.toThrow(/`from`/);
  });
});

describe('buildWindowGraphs', () => {
  it('builds one graph per window plus the whole period, aligned to the origin', async () => {
    const day = 86_400_000;
    const t0 = Date.parse('2024-01-01T00:00:00Z'); // a Monday
    const { graph, windows } = await buildWindowGraphs(
      [
        msg({ id: '1', sender: 'a', recipients: ['b'], timestamp: t0 + day }),
        msg({ id: '2', sender: 'b', recipients: ['a'], timestamp: t0 + 8 * day }),
        msg({ id: '3', sender: 'b', recipients: ['c'], timestamp: t0 + 9 * day }),
        msg({ id: '4', sender: 'c', replyTo: '1', timestamp: t0 + 20 * day }),
        msg({ id: '5', sender: 'c', recipients: ['a'] }),
      ],
      { window: '1w' },
    );
    expect(windows.map((w) => [new Date(w.start).toISOString().slice(0, 10), w.graph.order, w.graph.size])).toEqual([
      ['2024-01-01', 2, 1],
      ['2024-01-08', 3, 2],
      ['2024-01-15', 2, 1],
    ]);
    expect(windows[2]?.graph.hasEdge('c', 'a')).toBe(true);
    expect(windows[1]?.end).toBe(windows[2]?.start);
    expect(graph.size).toBe(4);
    expect(graph.getAttribute('stats').notWindowed).toBe(1);
    expect(windows[0]?.graph.getAttribute('window')).toEqual({
      index: windows[0]?.index,
      start: t0,
      end: t0 + 7 * day,
    });
    await expect(buildWindowGraphs([], { window: '0d' })).rejects.toThrow(/`window`/);
  });
});

// --- accounting invariants over random logs -------------------------------------------------------------

const person = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'bot');
const arbMessage = fc.record({
  sender: person,
  recipients: fc.uniqueArray(person, { maxLength: 4 }),
  cc: fc.uniqueArray(person, { maxLength: 3 }),
  bcc: fc.uniqueArray(person, { maxLength: 2 }),
  mentions: fc.uniqueArray(person, { maxLength: 2 }),
  reply: fc.option(fc.nat(30), { nil: undefined }),
  timestamp: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
  weight: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
});
type ArbMessage = typeof arbMessage extends fc.Arbitrary<infer T> ? T : never;

/** The messages of a generated log, numbered m0, m1, … (replies point to those ids). */
function messagesOf(raw: readonly ArbMessage[]): Message[] {
  return raw.map((r, i) => ({
    id: `m${i}`,
    sender: r.sender,
    recipients: r.recipients,
    cc: r.cc,
    bcc: r.bcc,
    mentions: r.mentions,
    ...(r.reply !== undefined ? { replyTo: `m${r.reply}` } : {}),
    ...(r.timestamp !== undefined ? { timestamp: r.timestamp } : {}),
    ...(r.weight !== undefined ? { weight: r.weight } : {}),
  }));
}

/** Independent count of the tie contributions of a log, straight from the edge rules. */
function expectedContributions(
  messages: Message[],
  exclude: Set<string>,
  maxRecipients: number,
  from: number,
  to: number,
) {
  const author = new Map(messages.map((m) => [m.id, m.sender]));
  let count = 0;
  let used = 0;
  for (const m of messages) {
    if (exclude.has(m.sender)) continue;
    if (m.timestamp === undefined || m.timestamp < from || m.timestamp >= to) continue;
    const rcpt = new Set([...m.recipients, ...m.cc, ...(m.bcc ?? [])].filter((r) => r !== m.sender));
    if (rcpt.size > maxRecipients) continue;
    let c = [...rcpt].filter((r) => !exclude.has(r)).length;
    c += m.mentions.filter((r) => r !== m.sender && !exclude.has(r)).length;
    const parent = m.replyTo === undefined ? undefined : author.get(m.replyTo);
    if (parent !== undefined && parent !== m.sender && !exclude.has(parent)) c++;
    count += c;
    if (c > 0) used++;
  }
  return { count, used };
}

describe('buildInteractionGraph accounting (property)', () => {
  it('messages = used + Σ dropped, and Σ tie counts = the contributions of the messages', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arbMessage, { maxLength: 40 }), fc.boolean(), async (raw, withRange) => {
        const messages = messagesOf(raw);
        const options = { exclude: ['bot'], maxRecipients: 3, ...(withRange ? { from: 10, to: 90 } : {}) };
        const g = await buildInteractionGraph(messages, options);
        const stats = g.getAttribute('stats');
        const dropped = Object.values(stats.dropped).reduce((a, b) => a + b, 0);
        expect(stats.messages).toBe(messages.length);
        expect(stats.used + dropped).toBe(stats.messages);
        let counts = 0;
        g.forEachEdge((_e, attrs) => {
          const kinds = TIE_KINDS.reduce((s, k) => s + attrs[k], 0);
          expect(attrs.count).toBe(kinds);
          expect(attrs.distance).toBeCloseTo(1 / attrs.weight, 12);
          counts += kinds;
        });
        const timed = messages.map((m) => (withRange ? m : { ...m, timestamp: m.timestamp ?? 50 }));
        const expected = expectedContributions(timed, new Set(['bot']), 3, withRange ? 10 : -1, withRange ? 90 : 1e9);
        expect(counts).toBe(expected.count);
        expect(stats.used).toBe(expected.used);
      }),
      { numRuns: 300, seed: 20261129 },
    );
  });
});

describe('window graphs: ties without materialising', () => {
  it('a window’s ties are its graph’s edges, in the graph’s order, and the graph is built once on access', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arbMessage, { maxLength: 40 }), fc.constantFrom(0, 1.5), async (raw, minWeight) => {
        const messages = messagesOf(raw);
        const { windows } = await buildWindowGraphs(messages, { window: 25, minWeight, origin: 0 });
        for (const w of windows) {
          const t = w.ties?.() as NonNullable<ReturnType<NonNullable<typeof w.ties>>>;
          const fromTies = Array.from(t.src, (s, e) => [
            t.people[s],
            t.people[t.dst[e] as number],
            t.weight[e],
            t.count[e],
          ]);
          const fromGraph = w.graph.mapEdges((_e, a, s, d) => [s, d, a.weight, a.count]);
          expect(fromTies).toEqual(fromGraph);
          expect(w.graph).toBe(w.graph);
        }
      }),
      { numRuns: 150 },
    );
  });
});
