import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { ingest } from '../../../src/graph/ingest.js';
import { readVivaP2P, readVivaRoster } from '../../../src/log/viva.js';
import { repoPath } from '../../data-path.js';
import { collect } from '../helpers.js';
import { expectAccounting, repeatChunks, streamedHeapGrowth } from './support.js';

const FIXTURE = repoPath('fixtures', 'viva', 'p2p-query.csv');

describe('readVivaP2P', () => {
  it('reads rows as weighted primary → secondary ties; zero weights are skipped', async () => {
    const log = readVivaP2P(FIXTURE);
    const messages = await collect(log);
    expect(messages.map((m) => [m.sender, m.recipients[0], m.weight])).toEqual([
      ['p1', 'p2', 1.5],
      ['p2', 'p1', 1.25],
      ['p3', 'p4', 2],
      ['p4', 'p3', 0.5],
      ['p1', 'p2', 2.5],
    ]);
    expect(messages[0]?.timestamp).toBe(Date.parse('2024-04-07T00:00:00Z'));
    expect(log.stats.skipped).toEqual({ 'zero-weight': 1 });
    expect(log.stats.notes).toContain('weight column: Strong_tie_score');
    expectAccounting(log.stats);
  });

  it('uses another metric as weight on request, and D/M/YYYY dates', async () => {
    const messages = await collect(readVivaP2P(FIXTURE, { weightColumn: 'Diverse_tie_score', dateOrder: 'dmy' }));
    expect(messages[2]).toMatchObject({ weight: 0.9, timestamp: Date.parse('2024-07-04T00:00:00Z') });
    await expect(collect(readVivaP2P(FIXTURE, { weightColumn: 'Nope' }))).rejects.toThrow(/weightColumn/);
  });

  it('gives a roster with the latest attributes, which ingest joins onto the graph (weights summed)', async () => {
    const roster = await readVivaRoster(FIXTURE);
    expect(roster.attributes).toEqual(['Organization', 'LevelDesignation']);
    expect(roster.people.get('p1')).toEqual({ Organization: 'Finance', LevelDesignation: 'Senior' });
    expect(roster.people.get('p4')).toEqual({ Organization: 'Sales', LevelDesignation: 'Junior' });
    const { graph } = await ingest(readVivaP2P(FIXTURE), { roster });
    expect(graph.getNodeAttribute('p3', 'Organization')).toBe('Sales');
    // 1.5 + 2.5 from the two weeks of p1 → p2
    expect(graph.getEdgeAttribute(graph.edge('p1', 'p2'), 'weight')).toBeCloseTo(4, 10);
  });

  describe('malformed input', () => {
    it('rejects blank ids, bad dates and bad weights; refuses a CSV that is not a P2P query', async () => {
      const text = [
        'PrimaryCollaborator_PersonId,SecondaryCollaborator_PersonId,MetricDate,Collaboration_hours',
        ',p2,2024-04-07,1',
        'p1,p2,someday,1',
        'p1,p2,2024-04-07,-3',
        'p1,p2,2024-04-07,lots',
        'p1,p2,2024-04-07,2',
      ].join('\n');
      const log = readVivaP2P({ text });
      expect((await collect(log)).length).toBe(1);
      expect(log.stats.rejects.map((r) => [r.code, r.field])).toEqual([
        ['MISSING_FIELD', 'PrimaryCollaborator_PersonId'],
        ['INVALID_TIMESTAMP', 'MetricDate'],
        ['INVALID_FIELD', 'Collaboration_hours'],
        ['INVALID_FIELD', 'Collaboration_hours'],
      ]);
      expectAccounting(log.stats);
      await expect(collect(readVivaP2P({ text }, { strict: true }))).rejects.toBeInstanceOf(InputError);
      await expect(collect(readVivaP2P({ text: 'from,to\na,b\n' }))).rejects.toMatchObject({ code: 'MISSING_HEADER' });
      await expect(
        collect(readVivaP2P({ text: 'PrimaryCollaborator_PersonId,SecondaryCollaborator_PersonId\n"a,b\n' })),
      ).rejects.toMatchObject({
        code: 'MALFORMED_INPUT',
      });
    });
  });

  it('streams a large query with flat memory', async () => {
    const header =
      'PrimaryCollaborator_PersonId,SecondaryCollaborator_PersonId,MetricDate,Strong_tie_score,PrimaryCollaborator_Organization,SecondaryCollaborator_Organization\n';
    const make = (i: number) =>
      i === 0
        ? header
        : `p${i % 5000},p${(i * 31) % 5000},2024-04-${String(1 + (i % 28)).padStart(2, '0')},${1 + (i % 7)},Org${i % 9},Org${(i * 31) % 9}\n`;
    const { messages, growthMB, driftMB, samples } = await streamedHeapGrowth(
      readVivaP2P(Readable.from(repeatChunks(32 * 2 ** 20, make))),
    );
    expect(messages).toBeGreaterThan(500_000);
    expect(samples).toBeGreaterThanOrEqual(6);
    expect(driftMB).toBeLessThan(6);
    expect(growthMB).toBeLessThan(48);
  });
});
