import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/graph/ingest.js';
import { readCsv } from '../../src/log/csv.js';
import { arcWindows, ReplicateCohesion } from '../../src/practice/bootstrap-cohesion.js';
import { cohesionRecord } from '../../src/practice/cohesion.js';
import { sampleCohesionNulls } from '../../src/practice/cohesion-nulls.js';
import { buildEvidence } from '../../src/practice/evidence.js';
import { indicesOf } from '../../src/practice/groups.js';
import { sortedFinite, sortedPLower, sortedPTwoSided, sortedPUpper } from '../../src/practice/sorted.js';
import { pLower, pTwoSided, pUpper } from '../../src/practice/stats.js';
import { type GroupTest, testGroups } from '../../src/practice/test-groups.js';
import { createRng } from '../../src/random.js';
import { smallOrganisation } from './logs.js';

describe('p-values against a sorted null', () => {
  it('equal the linear-scan p-values, ties included', () => {
    const rng = createRng(4);
    const nulls = Array.from({ length: 200 }, () => Math.round(rng() * 20) / 2);
    const sorted = sortedFinite([...nulls, Number.NaN]);
    expect(sorted.length).toBe(200);
    for (const obs of [-1, 0, 3, 3.5, 7.25, 10, 11]) {
      expect(sortedPUpper(obs, sorted)).toBe(pUpper(obs, nulls));
      expect(sortedPLower(obs, sorted)).toBe(pLower(obs, nulls));
      expect(sortedPTwoSided(obs, sorted)).toBe(pTwoSided(obs, nulls));
    }
  });
});

describe('bootstrap replicates of cohesion', async () => {
  const org = smallOrganisation(2);
  const input = await ingest(org.messages, { window: '7d' });
  const evidence = buildEvidence('organisation', input.graph, input.windows, input.threads.threads, {
    getEdgeWeight: null,
  });
  const sets = [indicesOf(evidence, org.guild).members, indicesOf(evidence, org.committee).members];
  const samples = sampleCohesionNulls(evidence.snapshot, sets, {
    samples: 99,
    strata: 10,
    burnIn: 10,
    thin: 1,
    seed: 1,
    setSeeds: ['g', 'c'],
  });

  it('reads the windows from the builder’s ties exactly as from their graphs (strength or 1 per arc)', () => {
    for (const getEdgeWeight of [null, 'weight']) {
      const fast = buildEvidence('organisation', input.graph, input.windows, input.threads.threads, { getEdgeWeight });
      // the same windows as hand-made objects with a graph only
      const plain = input.windows.map((w) => ({ index: w.index, start: w.start, end: w.end, graph: w.graph }));
      const slow = buildEvidence('organisation', input.graph, plain, input.threads.threads, { getEdgeWeight });
      expect(fast.windows.length).toBeGreaterThan(1);
      expect(fast.windows).toEqual(slow.windows);
    }
  });

  it('lists every tie of the whole graph in at least one window', () => {
    const arcs = arcWindows(evidence, false);
    for (let e = 0; e < evidence.snapshot.m; e++) {
      expect((arcs.offsets[e + 1] as number) - (arcs.offsets[e] as number)).toBeGreaterThan(0);
    }
  });

  it('drawing every window once gives back the full data: the same p-values as the main test', () => {
    const engine = new ReplicateCohesion(evidence, arcWindows(evidence, false), sets, samples, false);
    const all = new Map(evidence.windows.map((w) => [w.index, 1]));
    const rep = engine.replicate(all);
    sets.forEach((_, k) => {
      const rec = cohesionRecord('organisation', sets[k]?.length ?? 0, samples, k);
      expect(rep[k]?.pUpper).toBeCloseTo(rec.p as number, 12);
      expect(rep[k]?.nullRatio).toBeCloseTo(rec.nullRatio as number, 4);
    });
  });

  it('a replicate with fewer windows has fewer ties, and the guild stays cohesive in it', () => {
    const engine = new ReplicateCohesion(evidence, arcWindows(evidence, false), sets, samples, false);
    const half = new Map(evidence.windows.slice(0, 4).map((w) => [w.index, 2]));
    const rep = engine.replicate(half);
    expect(rep[0]?.pUpper).toBeLessThan(0.05);
    expect(rep[1]?.pUpper).toBeGreaterThan(0.05);
  });
});

describe('bootstrap confidence of the verdicts', async () => {
  const org = smallOrganisation(3);
  const input = await ingest(org.messages, { window: '7d', channels: true });
  const result = testGroups(
    input,
    [
      { name: 'guild', channel: '#guild' },
      { name: 'help', channel: '#help' },
    ],
    { seed: 2, samples: 99, bootstrap: 60 },
  );
  const guild = result.groups[0] as GroupTest;

  it('a replicate judges the role mix against the exact null of its own margins', () => {
    // every guild member both asks and shares: the null is a point mass, and a shorter history (a replicate
    // missing some windows) has its own point mass, so the indicator stays 'neither' in every replicate
    const role = guild.indicators.find((i) => i.name === 'roleMix');
    expect(role?.null).toMatchObject({ exact: true, samples: 0, sd: 0 });
    expect(role?.regime).toBe('neither');
  });

  it('a community of practice is confidently one, and help seeking confidently social learning', () => {
    expect(guild.verdict).toBe('community-of-practice');
    expect(guild.confidence.value).toBeGreaterThanOrEqual(0.9);
    expect(result.groups[1]?.verdict).toBe('social-learning');
    expect(result.groups[1]?.confidence.value).toBeGreaterThanOrEqual(0.9);
  });
});

describe('bootstrap confidence on the sample organisation (fixtures/sample-org)', async () => {
  // the planted communities of practice as people groups, as the demo reads them from groups.csv
  const dir = new URL('../../fixtures/sample-org/', import.meta.url);
  const truth = JSON.parse(readFileSync(new URL('truth.json', dir), 'utf8')) as {
    groups: { name: string; kind: string; members: string[] }[];
  };
  const input = await ingest(readCsv(fileURLToPath(new URL('messages.csv', dir))), { window: '14d' });
  const cop = truth.groups.filter((g) => g.kind === 'community-of-practice');
  const result = testGroups(
    input,
    cop.map((g) => ({ name: g.name, members: g.members })),
    { seed: 42 },
  );

  it('its communities of practice are confidently so: replicates keep the verdict (they did 3–14 % of the time when judged against the full history’s nulls)', () => {
    for (const g of result.groups) {
      expect(g.verdict).toBe('community-of-practice');
      expect(g.confidence.value).toBeGreaterThanOrEqual(0.9);
    }
  });
});
