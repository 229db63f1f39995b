// Runs the pipeline on the synthetic organisation, optionally with stand-in stages whose outputs are
// computed by plain code here (teams as communities, answer counts as expertise), so that every section
// of the report is exercised before and independently of the library's own analyses.
import { readRoster } from '../../src/graph/roster.js';
import type { Pseudonymizer } from '../../src/privacy/pseudonymize.js';
import { analyzeOrganization } from '../../src/report/analyze.js';
import type { AnalysisStages } from '../../src/report/stages.js';
import { syntheticMessages, syntheticRosterCsv } from './helpers.js';

export const standInStages: AnalysisStages = {
  communities: (ctx) => {
    const assignment = new Map<string, number>();
    const teams = ['alpha', 'beta', 'gamma'];
    for (const id of ctx.graph.nodes()) {
      const team = ctx.graph.getNodeAttribute(id, 'team');
      assignment.set(id, typeof team === 'string' ? teams.indexOf(team) : 0);
    }
    return {
      partition: {
        method: 'stand-in',
        resolution: ctx.resolution,
        modularity: 0.5,
        count: 3,
        repaired: 0,
        stability: null,
        seed: ctx.seed,
      },
      assignment,
      profiles: new Map([[0, { density: 0.4, conductance: 0.1 }]]),
    };
  },
  expertise: (ctx) => {
    const people = new Map();
    const ranked = [...ctx.threads.people].sort((a, b) => b.answers - a.answers || (a.person < b.person ? -1 : 1));
    ranked.forEach((p, i) => {
      const z = p.answers + p.questions > 0 ? (p.answers - p.questions) / Math.sqrt(p.answers + p.questions) : 0;
      people.set(p.person, {
        answers: p.answers,
        questions: p.questions,
        zScore: z,
        expertiseRank: 0.1,
        authority: 0.1,
        score: 1 - i / ranked.length,
        rank: i + 1,
      });
    });
    return { method: 'stand-in', people };
  },
  brokerage: (ctx) => {
    const people = new Map();
    for (const id of ctx.graph.nodes())
      people.set(id, {
        betweenness: ctx.graph.degree(id),
        participation: 0.2,
        withinModuleZ: 1,
        role: 'R2',
        constraint: 0.3,
      });
    return { method: 'stand-in', people };
  },
  practice: (ctx) => {
    const groups = new Map();
    for (const g of ctx.groups) {
      groups.set(g.name, {
        verdict: g.kind === 'channel' ? 'social-learning' : 'community-of-practice',
        copScore: 0.5,
        confidence: 0.9,
        confidenceLabel: 'confident',
        indicators: [
          {
            name: 'reciprocity',
            observed: 0.8,
            nullMean: 0.2,
            nullLow: 0.1,
            nullHigh: 0.3,
            pValue: 0.005,
            direction: 'community-of-practice',
          },
          {
            name: 'clustering',
            observed: null,
            nullMean: null,
            nullLow: null,
            nullHigh: null,
            pValue: null,
            direction: 'unavailable',
          },
        ],
        cohesion: { observedOverExpected: 3, modularityTerm: 0.1, pValue: 0.005, qValue: 0.01 },
        alignment: { community: 0, jaccard: 0.8, expectedJaccard: 0.1 },
        evidence: ['reciprocity 0.80 vs 0.20 expected (p=0.005): members answer each other'],
      });
    }
    return {
      method: 'stand-in',
      groups,
      communities: new Map([
        [
          1,
          {
            verdict: 'community-of-practice',
            copScore: 1,
            confidence: 1,
            confidenceLabel: 'confident',
            indicators: [],
          },
        ],
      ]),
    };
  },
};

export async function analyzeSynthetic(
  options: {
    stages?: AnalysisStages;
    pseudonymizer?: Pseudonymizer;
    minGroupSize?: number;
    communityNullGraphs?: number;
    workers?: 'auto' | number;
  } = {},
) {
  const roster = await readRoster({ text: syntheticRosterCsv(), name: 'roster.csv' });
  return analyzeOrganization(syntheticMessages(), {
    roster,
    groupBy: ['team'],
    groupByChannel: true,
    groupAll: 'everyone',
    window: '7d',
    ...(options.stages ? { stages: options.stages } : {}),
    ...(options.pseudonymizer ? { pseudonymizer: options.pseudonymizer } : {}),
    ...(options.minGroupSize ? { minGroupSize: options.minGroupSize } : {}),
    ...(options.communityNullGraphs !== undefined ? { communityNullGraphs: options.communityNullGraphs } : {}),
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
  });
}
