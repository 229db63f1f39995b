import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/graph/ingest.js';
import { readCsv } from '../../src/log/csv.js';
import type { Message } from '../../src/log/message.js';
import { repoPath } from '../data-path.js';

describe('ingest', () => {
  it('reads a log once and returns graph, windows and thread summaries that agree', async () => {
    const log = readCsv(repoPath('fixtures', 'logs', 'small.csv'));
    const { graph, windows, threads, read } = await ingest(log, { window: '1d', exclude: ['eve@example.org'] });
    expect(read).toMatchObject({ read: 6, accepted: 6 });
    expect(graph.getAttribute('read')).toBe(read);
    expect(graph.hasNode('eve@example.org')).toBe(false);
    expect(threads.stats).toMatchObject({ messages: 6, excluded: 1, placed: 5, threads: 2 });
    // ada's m1 got replies from bob and cy (one question); ada answered dee's m4 (one answer)
    const ada = threads.people.find((p) => p.person === 'ada@example.org');
    expect(ada).toMatchObject({ started: 1, questions: 1, answers: 1 });
    // 8 Jan: m1–m3 give 5 ties; 9 Jan: m4, m5 give 2; 10 Jan: only eve, excluded. No tie spans two days.
    expect(windows.map((w) => w.graph.size)).toEqual([5, 2]);
    expect(windows.reduce((s, w) => s + w.graph.size, 0)).toBe(graph.size);
  });
});

describe('ingest with per-channel graphs', () => {
  const msg = (id: string, sender: string, extra: Partial<Message> = {}): Message => ({
    id,
    sender,
    recipients: [],
    cc: [],
    mentions: [],
    timestamp: Date.UTC(2024, 0, 8),
    ...extra,
  });
  const log: Message[] = [
    msg('q1', 'ann', { channel: '#help' }),
    msg('a1', 'bob', { channel: '#help', replyTo: 'q1' }),
    msg('s1', 'cy', { channel: '#guild', mentions: ['ann'] }),
    msg('r1', 'ann', { channel: '#guild', replyTo: 's1' }),
    msg('e1', 'dee', { recipients: ['ann'] }),
    // a reply in #guild to a #help message: a tie of the whole graph, unresolved in #guild's own graph
    msg('x1', 'cy', { channel: '#guild', replyTo: 'q1' }),
  ];

  it('builds one graph per channel from that channel’s messages only, sorted by channel', async () => {
    const { graph, channels } = await ingest(log, { channels: true, window: '1w' });
    expect(channels?.map((c) => c.channel)).toEqual(['#guild', '#help']);
    const [guild, help] = channels ?? [];
    expect(help?.graph.edges().map((e) => help.graph.extremities(e).join('→'))).toEqual(['bob→ann']);
    expect(guild?.graph.hasEdge('cy', 'ann') && guild.graph.hasEdge('ann', 'cy')).toBe(true);
    expect(guild?.graph.hasNode('dee')).toBe(false);
    expect(guild?.graph.getAttribute('stats').unresolvedReplies).toBe(1);
    expect(guild?.graph.getAttribute('channel')).toBe('#guild');
    expect(guild?.windows).toHaveLength(1);
    // the whole graph holds every message's ties
    expect(graph.hasEdge('dee', 'ann') && graph.hasEdge('cy', 'ann')).toBe(true);
  });

  it('builds only the channels asked for, and none by default', async () => {
    expect((await ingest(log, { channels: ['#help', '#nowhere'] })).channels?.map((c) => c.channel)).toEqual([
      '#help',
      '#nowhere',
    ]);
    expect((await ingest(log)).channels).toBeUndefined();
  });
});
