import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/graph/ingest.js';
import { testGroups } from '../../src/practice/test-groups.js';
import { smallOrganisation } from './logs.js';

describe('testGroups on a small organisation built by hand-written rules', async () => {
  const org = smallOrganisation(1);
  const input = await ingest(org.messages, { window: '7d', channels: true });
  const result = testGroups(
    input,
    [
      { name: 'help', channel: '#help' },
      { name: 'guild', channel: '#guild' },
      { name: 'committee', members: org.committee },
    ],
    { indicatorSamples: 499, bootstrap: 50 },
  );
  const by = new Map(result.groups.map((g) => [g.group, g]));

  it('a help channel where two experts answer churning askers is social learning', () => {
    const g = by.get('help');
    console.log(g?.evidence.join('\n'));
    expect(g?.verdict).toBe('social-learning');
  });

  it('a guild channel of circles that share and reply to each other is a community of practice', () => {
    const g = by.get('guild');
    console.log(g?.evidence.join('\n'));
    expect(g?.verdict).toBe('community-of-practice');
  });

  it('a committee whose members never write to each other is not a unit', () => {
    const g = by.get('committee');
    console.log(g?.evidence.join('\n'));
    expect(g?.verdict).toBe('not-a-unit');
  });
});

describe('testGroups with detected communities', async () => {
  const org = smallOrganisation(1);
  const input = await ingest(org.messages, { window: '7d', channels: true });
  // a partition that puts the guild's members together and everyone else in a second community
  const guild = new Set(org.guild);
  const partition = new Map(input.graph.nodes().map((n) => [n, guild.has(n) ? 0 : 1]));
  const groups = [
    { name: 'guild', members: org.guild },
    { name: 'committee', members: org.committee },
  ];
  const options = { indicatorSamples: 199, bootstrap: 0, seed: 3 };

  it('aligns each group with its best-matching community, against the Jaccard of random sets (matchGroups)', () => {
    const r = testGroups(input, groups, { ...options, communities: partition });
    const g = r.groups[0];
    expect(g?.alignment).toMatchObject({ group: 'guild', community: 0, jaccard: 1 });
    expect(g?.alignment?.expectedJaccard).toBeLessThan(0.5);
    const c = r.groups[1];
    expect(c?.alignment?.community).toBe(1);
    expect(c?.alignment?.jaccard).toBeLessThan(0.2);
    expect(testGroups(input, groups, options).groups[0]?.alignment).toBeNull();
    // the partition is no parameter of the test: verdicts and params are the same with or without it
    expect(r.groups.map((x) => x.verdict)).toEqual(testGroups(input, groups, options).groups.map((x) => x.verdict));
    expect(JSON.stringify(r.params)).not.toContain('communities');
  });

  it('a detected community carries its q–s test as its cohesion, and its residual is read inside it', () => {
    const selection = (significant: boolean) => ({
      method: 'kojaku-masuda-qs' as const,
      quality: 0.1,
      p: significant ? 0.001 : 0.5,
      q: significant ? 0.002 : 0.5,
      significant,
    });
    const r = testGroups(
      input,
      [
        { name: 'community 0', members: org.guild, selection: selection(true) },
        { name: 'community 9', members: org.committee, selection: selection(false) },
      ],
      options,
    );
    const [a, b] = r.groups;
    expect(a?.cohesion).toMatchObject({ model: 'kojaku-masuda-qs', p: 0.001, q: 0.002, cohesive: true });
    expect(a?.residual.available).toBe(false);
    expect(a?.helpCohesion.available).toBe(false);
    expect(a?.verdict).not.toBe('not-a-unit');
    expect([b?.verdict, b?.decision.rule]).toEqual(['not-a-unit', 'R1']);
    // nothing was rewired against the organisation for them
    expect(r.rewiring).toEqual([]);
  });
});
