import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { OptionError, scanResolution } from '../../src/index.js';
import { karate } from './graphs.js';

describe('scanResolution', () => {
  it('reports count, modularity and stability per γ on karate', () => {
    const { graph } = karate();
    const scan = scanResolution(graph, { resolutions: [0, 0.5, 1, 2, 4], runs: 4, seed: 2, getEdgeWeight: null });
    expect(scan.method).toBe('resolution-scan');
    expect(scan.params).toMatchObject({ resolutions: [0, 0.5, 1, 2, 4], runs: 4, engine: 'compact' });
    const [zero, half, one, two, four] = scan.rows;
    // γ = 0: no penalty, the connected club is one community with Q_1 = 0
    expect(zero).toMatchObject({ resolution: 0, count: 1, agreement: 1, stability: 1 });
    expect(zero?.standardModularity).toBeCloseTo(0, 12);
    // γ = 1: Q_γ is standard modularity, near the optimum 0.4198
    expect(one?.modularity).toBeCloseTo(one?.standardModularity ?? 0, 12);
    expect(one?.modularity).toBeGreaterThan(0.41);
    // more communities as γ grows
    expect(half?.count).toBeLessThanOrEqual(one?.count ?? 0);
    expect(one?.count).toBeLessThan(two?.count ?? 0);
    expect(two?.count).toBeLessThan(four?.count ?? 0);
    for (const row of scan.rows) {
      expect(row.agreement).toBeGreaterThan(0);
      expect(row.agreement).toBeLessThanOrEqual(1 + 1e-12);
      expect(row.stability).toBeGreaterThan(0);
      expect(row.stability).toBeLessThanOrEqual(1);
      expect(row.standardModularity).toBeLessThanOrEqual(0.4198 + 1e-4);
    }
    expect(JSON.stringify(scan)).toBe(
      JSON.stringify(scanResolution(graph, { resolutions: [0, 0.5, 1, 2, 4], runs: 4, seed: 2, getEdgeWeight: null })),
    );
  });

  it('defines results on an empty graph', () => {
    const scan = scanResolution(new UndirectedGraph(), { resolutions: [1], runs: 2 });
    expect(scan.rows).toEqual([
      { resolution: 1, count: 0, modularity: 0, standardModularity: 0, agreement: 1, stability: 1 },
    ]);
  });

  it('validates its options', () => {
    const { graph } = karate();
    expect(() => scanResolution(graph, { resolutions: [] })).toThrow(OptionError);
    expect(() => scanResolution(graph, { resolutions: [1, -1] })).toThrow(/`resolutions\[1\]`/);
    expect(() => scanResolution(graph, { runs: 1 })).toThrow(/`runs` must be an integer ≥ 2/);
    expect(() => scanResolution(graph, { runs: 0 })).toThrow(/`runs`/);
  });
});
