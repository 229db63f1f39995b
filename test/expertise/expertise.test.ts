import { describe, expect, it } from 'vitest';
import { expertiseByGroup } from '../../src/expertise/by-group.js';
import { scoreExpertise } from '../../src/expertise/expertise.js';
import { buildHelpGraph } from '../../src/expertise/help-graph.js';
import { hits } from '../../src/expertise/hits.js';
import type { Message } from '../../src/log/message.js';
import { summarizeThreads } from '../../src/log/threads.js';
import { D_EDGES, directedFrom } from './graphs.js';
import { HAND_THREADS, thread } from './threads.js';

const find = <T extends { person: string }>(list: T[], person: string): T => {
  const r = list.find((p) => p.person === person);
  if (!r) throw new Error(`no ${person}`);
  return r;
};

describe('help graph', () => {
  it('turns threads into asker → answerer ties (hand-worked example)', () => {
    const g = buildHelpGraph(HAND_THREADS);
    expect(g.nodes()).toEqual(['ann', 'bob', 'cat', 'dan']);
    const ties = g.mapEdges((_e, a, s, t) => `${s}>${t}:${a.answers}/${a.threads}`);
    expect(ties.sort()).toEqual(['ann>bob:3/2', 'ann>cat:1/1', 'bob>cat:1/1', 'dan>ann:1/1', 'dan>bob:1/1']);
    expect(g.getEdgeAttribute('ann', 'bob', 'weight')).toBe(3);
    expect(g.getEdgeAttribute('ann', 'bob', 'distance')).toBeCloseTo(1 / 3, 15);
    expect(g.getNodeAttributes('bob')).toEqual({
      answers: 4,
      questions: 1,
      started: 1,
      threadsAnswered: 3,
      askersServed: 2,
      helpersAsked: 1,
    });
    expect(g.getNodeAttributes('cat')).toMatchObject({ answers: 2, questions: 0, started: 1, askersServed: 2 });
    // accounting: threads = used + outOfScope + withoutRoot
    expect(g.getAttribute('stats')).toEqual({
      threads: 6,
      used: 5,
      outOfScope: 0,
      withoutRoot: 1,
      unanswered: 1,
      repliesOutsideScope: 0,
      answers: 7,
    });
    expect(buildHelpGraph(HAND_THREADS, { weightBy: 'threads' }).getEdgeAttribute('ann', 'bob', 'weight')).toBe(2);
  });

  it('agrees with the per-person figures of summarizeThreads', async () => {
    const m = (id: string, sender: string, extra: Partial<Message> = {}): Message => ({
      id,
      sender,
      recipients: [],
      cc: [],
      mentions: [],
      ...extra,
    });
    const summaries = await summarizeThreads([
      m('q1', 'ann'),
      m('r1', 'bob', { replyTo: 'q1' }),
      m('r2', 'ann', { replyTo: 'r1' }),
      m('r3', 'cat', { replyTo: 'r2' }),
      m('q2', 'bob'),
      m('r4', 'ann', { replyTo: 'q2' }),
      m('q3', 'dan'),
    ]);
    const g = buildHelpGraph(summaries);
    for (const p of summaries.people) {
      expect(g.getNodeAttribute(p.person, 'answers')).toBe(p.answers);
      expect(g.getNodeAttribute(p.person, 'questions')).toBe(p.questions);
      expect(g.getNodeAttribute(p.person, 'started')).toBe(p.started);
      expect(g.getNodeAttribute(p.person, 'threadsAnswered')).toBe(p.threadsAnswered);
    }
  });

  it('does not depend on the order of the threads', () => {
    const a = scoreExpertise(HAND_THREADS);
    const b = scoreExpertise([...HAND_THREADS].reverse());
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});

describe('scoreExpertise: hand-computed z-scores and counts', () => {
  const result = scoreExpertise(HAND_THREADS);

  it('z = (a − q) / √(a + q) (Zhang, Ackerman & Adamic 2007)', () => {
    // ann a=1 q=2; bob a=4 q=1; cat a=2 q=0 (her own thread went unanswered); dan a=0 q=1
    expect(find(result.people, 'ann').z).toBeCloseTo(-1 / Math.sqrt(3), 14);
    expect(find(result.people, 'bob').z).toBeCloseTo(3 / Math.sqrt(5), 14);
    expect(find(result.people, 'cat').z).toBeCloseTo(2 / Math.sqrt(2), 14);
    expect(find(result.people, 'dan').z).toBe(-1);
    expect(find(result.people, 'bob').askersServed).toBe(2);
  });

  it('combined = mean of the rank percentiles of z and ExpertiseRank; ranks 1..n', () => {
    // z ascending: dan < ann < bob < cat → percentiles 0, 1/3, 2/3, 1
    expect(find(result.people, 'dan').percentiles.z).toBe(0);
    expect(find(result.people, 'ann').percentiles.z).toBeCloseTo(1 / 3, 15);
    expect(find(result.people, 'cat').percentiles.z).toBe(1);
    for (const p of result.people) {
      expect(p.combined).toBeCloseTo((p.percentiles.z + p.percentiles.expertiseRank) / 2, 15);
    }
    expect(result.people.map((p) => p.rank)).toEqual([1, 2, 3, 4]);
    for (let i = 1; i < result.people.length; i++) {
      expect(result.people[i - 1]?.combined).toBeGreaterThanOrEqual(result.people[i]?.combined as number);
    }
    const er = result.people.reduce((s, p) => s + p.expertiseRank, 0);
    expect(er).toBeCloseTo(1, 12);
    expect(result.method).toBe('expertise');
    expect(result.params.combine).toEqual({ z: 1, expertiseRank: 1, authority: 0, answers: 0, askersServed: 0 });
  });

  it('the combination is configurable', () => {
    const byAnswers = scoreExpertise(HAND_THREADS, { combine: { answers: 1 } });
    expect(byAnswers.people.map((p) => p.person)).toEqual(['bob', 'cat', 'ann', 'dan']);
    expect(() => scoreExpertise(HAND_THREADS, { combine: { z: 0 } })).toThrow(/positive weight/);
    expect(() => scoreExpertise(HAND_THREADS, { combine: { stars: 1 } as never })).toThrow(/combine.stars/);
  });

  it('breaks ties deterministically: answers, then z, then ExpertiseRank, then id', () => {
    // two mirror-image experts: identical in every measure, so the id decides
    const threads = [thread('1', 'q1', [['zoe', 1]]), thread('2', 'q2', [['amy', 1]])];
    const r = scoreExpertise(threads);
    expect(r.people.slice(0, 2).map((p) => [p.person, p.rank])).toEqual([
      ['amy', 1],
      ['zoe', 2],
    ]);
    expect(r.people[0]?.combined).toBe(r.people[1]?.combined);
  });

  it('an empty input gives an empty ranking', () => {
    const r = scoreExpertise([]);
    expect(r.people).toEqual([]);
    expect(r.stats.threads).toBe(0);
  });
});

describe('ExpertiseRank and HITS: cross-checks against NetworkX 2.8.8', () => {
  // W = nx.DiGraph(); W.add_weighted_edges_from(D_EDGES, weight='weight')
  // nx.pagerank(W, alpha=0.85, weight='weight', tol=1e-13, max_iter=10000)
  // nx.hits(W, max_iter=10000, tol=1e-13)   (run with /usr/bin/python3, Debian python3-networkx 2.8.8)
  const threads = D_EDGES.map(([asker, answerer, w], i) => thread(`d${i}`, asker, [[answerer, w]]));

  it('ExpertiseRank equals weighted PageRank on asker → answerer', () => {
    const r = scoreExpertise(threads);
    const expected: Record<string, number> = {
      a: 0.07610341163,
      b: 0.248728915668,
      c: 0.180112881385,
      d: 0.219349498713,
      e: 0.232848149746,
      f: 0.021428571429,
      g: 0.021428571429,
    };
    for (const [person, value] of Object.entries(expected))
      expect(find(r.people, person).expertiseRank).toBeCloseTo(value, 10);
  });

  it('HITS authorities and hubs', () => {
    const { authorities, hubs, iterations } = hits(directedFrom(D_EDGES, 'weight'));
    const auth: Record<string, number> = {
      a: 0.143147302509,
      b: 0.719316365547,
      c: 0.137536331945,
      d: 0,
      e: 0,
      f: 0,
      g: 0,
    };
    const hub: Record<string, number> = {
      a: 0.285877802478,
      b: 0,
      c: 0.196993539745,
      d: 0.123840363787,
      e: 0,
      f: 0.376159636213,
      g: 0.017128657777,
    };
    for (const k of Object.keys(auth)) {
      expect(authorities[k]).toBeCloseTo(auth[k] as number, 9);
      expect(hubs[k]).toBeCloseTo(hub[k] as number, 9);
    }
    expect(iterations).toBeGreaterThan(1);
    expect(() => hits(directedFrom(D_EDGES, 'weight'), { maxIterations: 2 })).toThrow(/did not converge/);
  });

  it('HITS on a graph without edges is all zeros', () => {
    const g = directedFrom([]);
    g.addNode('x');
    expect(hits(g)).toEqual({ hubs: { x: 0 }, authorities: { x: 0 }, iterations: 0 });
  });
});

describe('scoped expertise', () => {
  it('by topic: tags, channel, subject keyword', () => {
    const brakes = scoreExpertise(HAND_THREADS, { scope: { tags: ['BRAKES'] } });
    expect(brakes.stats).toMatchObject({ used: 2, outOfScope: 3, withoutRoot: 1 });
    expect(brakes.people[0]?.person).toBe('bob');
    expect(brakes.params.scope).toEqual({ tags: ['brakes'] });
    const help = buildHelpGraph(HAND_THREADS, { scope: { channels: ['help'] } });
    expect(help.getAttribute('stats').used).toBe(3);
    const chain = buildHelpGraph(HAND_THREADS, { scope: { keyword: 'chain' } });
    expect(chain.getAttribute('stats').used).toBe(2); // t4, t5
    const regex = buildHelpGraph(HAND_THREADS, { scope: { keyword: /^chain wear\b/i } });
    expect(regex.getAttribute('stats').used).toBe(2);
    const both = buildHelpGraph(HAND_THREADS, { scope: { channels: ['help'], keyword: 'chain' } });
    expect(both.getAttribute('stats').used).toBe(1);
  });

  it('by group: only members’ threads and members’ replies', () => {
    const g = buildHelpGraph(HAND_THREADS, { scope: { members: ['ann', 'bob', 'dan'] } });
    expect(g.nodes()).toEqual(['ann', 'bob', 'dan']);
    expect(g.getNodeAttribute('ann', 'questions')).toBe(2);
    expect(g.getAttribute('stats')).toMatchObject({ used: 4, outOfScope: 1, repliesOutsideScope: 2 });
    // bob's own thread was answered only by cat, an outsider: no question inside the group
    expect(g.getNodeAttribute('bob', 'questions')).toBe(0);
  });

  it('by detected community (person → community map)', () => {
    const partition = { ann: 0, bob: 0, cat: 1, dan: 0, eve: 1 };
    const r = scoreExpertise(HAND_THREADS, { scope: { partition, community: 0 } });
    expect(r.people.map((p) => p.person).sort()).toEqual(['ann', 'bob', 'dan']);
    expect(() => scoreExpertise(HAND_THREADS, { scope: { partition } })).toThrow(/go together/);
    const groups = expertiseByGroup(HAND_THREADS, new Map(Object.entries(partition)));
    expect(groups.groups.map((g) => [g.group, g.members])).toEqual([
      ['0', 3],
      ['1', 2],
    ]);
    expect(JSON.stringify(groups.groups[0]?.result.people)).toBe(JSON.stringify(r.people));
    expect(expertiseByGroup(HAND_THREADS, partition, { minMembers: 3 }).skipped).toEqual(['1']);
  });

  it('excluded people vanish with their threads and replies', () => {
    const g = buildHelpGraph(HAND_THREADS, { exclude: ['bob'] });
    expect(g.hasNode('bob')).toBe(false);
    expect(g.getNodeAttribute('ann', 'questions')).toBe(1); // t1 still has cat; t2 had only bob
  });
});
