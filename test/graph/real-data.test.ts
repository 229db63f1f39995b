import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildInteractionGraph } from '../../src/graph/build.js';
import { summarizeGraph } from '../../src/graph/summary.js';
import { readCsv } from '../../src/log/csv.js';
import { dataPath } from '../data-path.js';

describe('email-Eu-core (SNAP; shared/data/email-eu-core)', () => {
  it('headerless TSV with \\r\\r\\n line ends: 1005 people, 19 only in self-messages, reciprocity 0.711', async () => {
    const log = readCsv(dataPath('email-eu-core', 'email-Eu-core.txt'), { headers: false, delimiter: '\t' });
    const graph = await buildInteractionGraph(log);
    const s = summarizeGraph(graph);
    // SNAP page and the dataset README: 1005 nodes, 25,571 directed edges incl. 642 self-loops
    expect(log.stats).toMatchObject({ read: 25_571, accepted: 25_571, rejected: 0 });
    expect(s.people).toBe(1005);
    expect(s.ties).toBe(25_571 - 642);
    expect(graph.getAttribute('stats').dropped.self).toBe(642);
    expect(s.isolates).toBe(19);
    // NetworkX 3.6: nx.overall_reciprocity(G) after G.remove_edges_from(nx.selfloop_edges(G)) = 0.711
    // (the README: 17,730 of the 24,929 non-self edges are reciprocated)
    expect(Math.abs(s.reciprocity - 0.711)).toBeLessThanOrEqual(0.001);
    expect(s.reciprocity).toBeCloseTo(17_730 / 24_929, 12);
  });
});

describe('Enron (igraphdata; shared/data/enron-igraphdata)', () => {
  const path = dataPath('enron-igraphdata', 'enron_edges.csv.gz');

  it('loads one row per (email, recipient) as messages, with to/cc/bcc weighting in the ties', async () => {
    const log = readCsv(path, {
      columns: { sender: 'from', recipients: 'to', timestamp: 'time', recipientType: 'reciptype' },
    });
    const graph = await buildInteractionGraph(log, { from: '1998-01-01', splitBroadcasts: false });
    // README: 125,409 rows ≈ 22,923 distinct emails (distinct (from, time) pairs)
    expect(log.stats).toMatchObject({ read: 125_409, accepted: 125_409, rejected: 0, messages: 22_923 });
    expect(log.stats.notes.join(' ')).toMatch(/layout recipient/);
    // 174 rows carry the bogus date 1979-12-31: their messages are out of range
    expect(graph.getAttribute('stats').dropped.outOfRange).toBeGreaterThan(0);

    // independent recomputation from the raw rows: per (sender, recipient), to-messages count 1 and
    // cc-only messages 0.5 (a recipient in both cc and bcc counts once, as cc); mass mail (> 50) excluded
    const rows = gunzipSync(readFileSync(path)).toString('utf8').trim().split('\n').slice(1);
    const messages = new Map<string, Map<string, string>>();
    for (const line of rows) {
      const [from, to, time, type] = line.split(',').map((c) => c.replace(/"/g, ''));
      if ((time as string) < '1998') continue;
      const key = `${from}|${time}`;
      let m = messages.get(key);
      if (!m) {
        m = new Map();
        messages.set(key, m);
      }
      const rank = { to: 0, cc: 1, bcc: 2 }[type as 'to' | 'cc' | 'bcc'];
      const prev = m.get(to as string);
      if (prev === undefined || rank < { to: 0, cc: 1, bcc: 2 }[prev as 'to']) m.set(to as string, type as string);
    }
    const expected = new Map<string, number>();
    let ccTies = 0;
    for (const [key, rcpt] of messages) {
      const from = key.split('|')[0] as string;
      const others = [...rcpt].filter(([r]) => r !== from);
      if (others.length > 50) continue;
      for (const [r, type] of others) {
        const w = type === 'to' ? 1 : 0.5;
        if (type === 'cc') ccTies++;
        expected.set(`${from}|${r}`, (expected.get(`${from}|${r}`) ?? 0) + w);
      }
    }
    expect(graph.size).toBe(expected.size);
    let cc = 0;
    graph.forEachEdge((_e, attrs, s, t) => {
      expect(attrs.weight).toBeCloseTo(expected.get(`${s}|${t}`) as number, 9);
      cc += attrs.cc;
    });
    expect(cc).toBe(ccTies);
    expect(cc).toBeGreaterThan(1000);
  });
});
