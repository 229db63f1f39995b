// The adapters that turn each analysis' result into report records, with stand-in analysis functions whose
// outputs are written out here; the real analyses type-check against the same interfaces when wired.
import { describe, expect, it } from 'vitest';
import { createCommunitiesStage } from '../../src/report/stages/communities.js';
import { createBrokerageStage, createExpertiseStage } from '../../src/report/stages/expertise.js';
import {
  createPracticeStage,
  type GroupTestLike,
  reportCohesion,
  reportIndicator,
} from '../../src/report/stages/practice.js';
import type { AnalysisStages } from '../../src/report/stages.js';
import { analyzeSynthetic } from './fixtures.js';
import { validateReport } from './validate.js';

const TEAMS: Record<string, number> = { alpha: 0, beta: 1, gamma: 2 };

const calls: string[] = [];
const stages: AnalysisStages = {
  ingestOptions: {},
  communities: createCommunitiesStage({
    communityEnsemble: (graph, options) => {
      calls.push(`ensemble ${options.runs} ${options.seed}`);
      const assignment: Record<string, number> = {};
      for (const id of graph.nodes()) assignment[id] = TEAMS[graph.getNodeAttribute(id, 'team') as string] ?? 0;
      return {
        method: 'louvain-ensemble',
        consensus: { count: 3, assignment, modularity: 0.61 },
        best: { repaired: 1 },
        stability: { mean: 0.97 },
      };
    },
    profileCommunities: () => ({
      communities: [
        { id: 0, density: 0.5, conductance: 0.05 },
        { id: 1, density: Number.NaN, conductance: 0.1 },
      ],
    }),
  }),
  expertise: createExpertiseStage({
    scoreExpertise: (threads) => ({
      method: 'expertise',
      people: threads.people.map((p, i) => ({
        person: p.person,
        answers: p.answers,
        questions: p.questions,
        z: 0.5,
        expertiseRank: 0.1,
        authority: 0.2,
        combined: 1 - i / 100,
        rank: i + 1,
      })),
    }),
  }),
  brokerage: createBrokerageStage({
    betweenness: (graph, options) => {
      calls.push(`betweenness ${options.getEdgeDistance}`);
      return {
        method: 'brandes',
        people: graph.nodes().map((person) => ({ person, betweenness: graph.degree(person) })),
      };
    },
    moduleRoles: (graph, options) => ({
      people: graph.nodes().map((person) => ({
        person,
        participation: options.partition.get(person) === 2 ? Number.NaN : 0.3,
        z: 1.2,
        roleName: 'connector',
      })),
    }),
    structuralHoles: (graph) => ({ people: graph.nodes().map((person) => ({ person, constraint: null })) }),
  }),
  practice: createPracticeStage({
    testGroups: (_input, groups, options) => ({
      method: 'practice-test',
      groups: groups.map(
        (g): GroupTestLike => ({
          group: g.name,
          verdict:
            g.scope === 'channel'
              ? 'social-learning'
              : g.selection && !g.selection.significant
                ? 'not-a-unit'
                : 'community-of-practice',
          copScore: 0.4,
          confidence: {
            value: g.scope === 'channel' ? null : 0.9,
            label: g.scope === 'channel' ? 'unassessed' : 'confident',
          },
          cohesion: { available: true, ratio: 2.5, modularity: 0.08, nullA: { p: 0.01 }, nullB: { p: 0.03 }, q: 0.04 },
          indicators: [
            {
              name: 'reciprocity',
              available: true,
              observed: 0.7,
              null: { mean: 0.3, sd: 0.1 },
              p: 0.02,
              regime: 'community-of-practice',
            },
          ],
          alignment: options.communities
            ? { community: g.name === '#help' ? null : 0, jaccard: 0.5, expectedJaccard: 0.2 }
            : null,
          evidence: [`tested ${g.name}`],
        }),
      ),
    }),
    testCommunities: (_graph, options) => {
      calls.push(`q–s ${options.samples} ${options.seed} workers ${options.workers}`);
      const ids = [...new Set(options.partition.values())].sort();
      return {
        communities: ids.map((id) => ({
          community: String(id),
          quality: 0.1,
          p: id === 1 ? 0.4 : 0.01,
          q: id === 1 ? 0.4 : 0.02,
          significant: id !== 1,
        })),
      };
    },
  }),
};

describe('stage adapters (createCommunitiesStage, createExpertiseStage, createBrokerageStage, createPracticeStage)', () => {
  it('turn the analyses’ results into a valid report', async () => {
    const { report } = await analyzeSynthetic({ stages });
    expect(validateReport(report), JSON.stringify(validateReport.errors?.slice(0, 3))).toBe(true);
    expect(calls).toContain('ensemble 10 42');
    expect(calls).toContain('betweenness distance'); // distances, never weights
    expect(report.partition).toEqual({
      method: 'louvain-ensemble',
      resolution: 1,
      modularity: 0.61,
      count: 3,
      repaired: 1,
      stability: 0.97,
      seed: 42,
    });
    const c1 = report.communities.find((c) => c.id === 1);
    expect(c1).toMatchObject({ density: null, conductance: 0.1 }); // NaN is no figure
    const ada = report.people.find((p) => p.id === 'ada@acme.test');
    expect(ada?.community).toBe(0);
    expect(ada?.brokerage).toEqual({
      betweenness: expect.any(Number),
      participation: 0.3,
      withinModuleZ: 1.2,
      role: 'connector',
      constraint: null,
    });
    expect(report.people.find((p) => p.id === 'mo@acme.test')?.brokerage?.participation).toBeNull();
    const help = report.groups.find((g) => g.name === '#help');
    expect(help).toMatchObject({
      verdict: 'social-learning',
      confidence: null,
      confidenceLabel: null,
      alignment: null,
    });
    const alpha = report.groups.find((g) => g.name === 'team:alpha');
    expect(alpha).toMatchObject({
      confidenceLabel: 'confident',
      alignment: { community: 0, jaccard: 0.5, expectedJaccard: 0.2 },
      evidence: ['tested team:alpha'],
    });
  });

  it('tests the detected communities after their q–s test; emergent communities of practice come first', async () => {
    const { report } = await analyzeSynthetic({ stages });
    expect(calls).toContain('q–s 100 42 workers auto');
    const tested = report.communities.filter((c) => c.verdict !== null);
    expect(tested.length).toBeGreaterThan(0);
    // communities below the minimum group size are not tested; the stand-in's q–s test rejects community 1
    for (const c of report.communities) {
      const expected = c.size < 5 ? null : c.id === 1 ? 'not-a-unit' : 'community-of-practice';
      expect([c.id, c.verdict]).toEqual([c.id, expected]);
    }
    // communityNullGraphs: 0 leaves them untested
    calls.length = 0;
    const untested = await analyzeSynthetic({ stages, communityNullGraphs: 0 });
    expect(calls.some((c) => c.startsWith('q–s'))).toBe(false);
    expect(untested.report.communities.every((c) => c.verdict === null)).toBe(true);
    expect(untested.report.params.communityNullGraphs).toBe(0);
    // workers: passed to the q–s test, and checked
    calls.length = 0;
    await analyzeSynthetic({ stages, workers: 1 });
    expect(calls).toContain('q–s 100 42 workers 1');
    await expect(analyzeSynthetic({ stages, workers: -2 })).rejects.toMatchObject({ code: 'INVALID_OPTION' });
    await expect(analyzeSynthetic({ stages, workers: 'all' as 'auto' })).rejects.toThrow(/`workers`/);
    const first = report.communities.findIndex((c) => c.verdict !== 'community-of-practice');
    const lastCop = report.communities.map((c) => c.verdict).lastIndexOf('community-of-practice');
    expect(first === -1 || lastCop < first).toBe(true);
  });

  it('reportCohesion takes the larger p of the two nulls; reportIndicator draws mean ± 1.96 sd', () => {
    expect(
      reportCohesion({ available: true, ratio: 2, modularity: 0.1, nullA: { p: 0.01 }, nullB: { p: 0.2 }, q: 0.3 }),
    ).toEqual({
      observedOverExpected: 2,
      modularityTerm: 0.1,
      pValue: 0.2,
      qValue: 0.3,
    });
    expect(
      reportCohesion({ available: false, ratio: null, modularity: null, nullA: null, nullB: null, q: null }),
    ).toBeNull();
    const ind = reportIndicator({
      name: 'clustering',
      available: true,
      observed: 0.5,
      null: { mean: 0.2, sd: 0.1 },
      p: 0.04,
      regime: 'neither',
    });
    expect(ind.nullLow).toBeCloseTo(0.004, 12);
    expect(ind.nullHigh).toBeCloseTo(0.396, 12);
    expect(ind.direction).toBe('neutral');
    const gone = reportIndicator({
      name: 'newcomerSlope',
      available: false,
      observed: 1,
      null: { mean: null, sd: null },
      p: null,
      regime: 'neither',
    });
    expect(gone).toMatchObject({ observed: null, nullLow: null, direction: 'unavailable' });
  });
});
