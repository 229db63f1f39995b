import fc from 'fast-check';
import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { classifyRole, MODULE_ROLES_DEFAULTS, moduleRoles } from '../../src/expertise/roles.js';
import { directedFrom } from './graphs.js';

function graphOf(edges: Array<[string, string]>): UndirectedGraph {
  const g = new UndirectedGraph();
  for (const [s, t] of edges) g.mergeEdge(s, t, { weight: 1 });
  return g;
}

describe('Guimerà–Amaral roles: hand-computed', () => {
  // modules A = {a1..a4}, B = {b1..b3}; ties a1–a2, a1–a3, a1–a4, a2–a3, a1–b1, b1–b2, b1–b3, b2–b3, a4–b2
  const g = graphOf([
    ['a1', 'a2'],
    ['a1', 'a3'],
    ['a1', 'a4'],
    ['a2', 'a3'],
    ['a1', 'b1'],
    ['b1', 'b2'],
    ['b1', 'b3'],
    ['b2', 'b3'],
    ['a4', 'b2'],
  ]);
  const partition = { a1: 'A', a2: 'A', a3: 'A', a4: 'A', b1: 'B', b2: 'B', b3: 'B' };

  it('within-module z and participation P', () => {
    const r = moduleRoles(g, { partition });
    const by = Object.fromEntries(r.people.map((p) => [p.person, p]));
    // κ in A = [3, 2, 2, 1]: mean 2, population sd √0.5 → z(a1) = 1/√0.5 = √2, z(a4) = −√2
    expect(by.a1?.z).toBeCloseTo(Math.SQRT2, 14);
    expect(by.a2?.z).toBe(0);
    expect(by.a4?.z).toBeCloseTo(-Math.SQRT2, 14);
    // κ in B = [2, 2, 2]: sd 0 → z = 0 by convention
    expect(by.b1?.z).toBe(0);
    // P(a1) = 1 − (3² + 1²)/4² = 6/16; P(a4) = 1 − (1 + 1)/4 = 1/2; P(b1) = 1 − (2² + 1²)/3² = 4/9
    expect(by.a1?.participation).toBeCloseTo(6 / 16, 15);
    expect(by.a4?.participation).toBeCloseTo(0.5, 15);
    expect(by.b1?.participation).toBeCloseTo(4 / 9, 15);
    expect(by.a2?.participation).toBe(0);
    expect(r.people.map((p) => p.role)).toEqual(['R2', 'R1', 'R1', 'R2', 'R2', 'R2', 'R1']);
    expect(by.a2?.roleName).toBe('ultra-peripheral');
    expect(r.counts).toEqual({ R1: 3, R2: 4, R3: 0, R4: 0, R5: 0, R6: 0, R7: 0 });
    expect(r.modules).toBe(2);
  });

  it('a module hub: z = √10 for a 10-leaf star; 6 ties outside make it a connector hub (R6)', () => {
    // κ in C = [10, 1 × 10]: mean 20/11, sd √(8910/1331), z = (90/11)/sd = √10
    const edges: Array<[string, string]> = [];
    const part: Record<string, string> = { h: 'C' };
    for (let i = 0; i < 10; i++) {
      edges.push(['h', `c${i}`]);
      part[`c${i}`] = 'C';
    }
    for (let i = 0; i < 6; i++) {
      edges.push(['h', `d${i}`]);
      part[`d${i}`] = 'D';
    }
    const r = moduleRoles(graphOf(edges), { partition: part });
    const hub = r.people.find((p) => p.person === 'h');
    expect(hub?.z).toBeCloseTo(Math.sqrt(10), 12);
    expect(hub?.participation).toBeCloseTo(1 - (100 + 36) / 256, 15);
    expect(hub?.role).toBe('R6');
    expect(hub?.roleName).toBe('connector hub');
  });

  it('the role map of Guimerà & Amaral (2005, Fig. 2)', () => {
    const t = MODULE_ROLES_DEFAULTS.thresholds;
    expect(classifyRole(0, 0.05, t)).toBe('R1');
    expect(classifyRole(0, 0.051, t)).toBe('R2');
    expect(classifyRole(2.49, 0.62, t)).toBe('R2');
    expect(classifyRole(0, 0.63, t)).toBe('R3');
    expect(classifyRole(0, 0.81, t)).toBe('R4');
    expect(classifyRole(2.5, 0.3, t)).toBe('R5');
    expect(classifyRole(3, 0.75, t)).toBe('R6');
    expect(classifyRole(3, 0.76, t)).toBe('R7');
  });

  it('reads the partition from a node attribute, and handles people without a label', () => {
    const h = graphOf([
      ['x', 'y'],
      ['y', 'z'],
    ]);
    h.setNodeAttribute('x', 'community', 1);
    h.setNodeAttribute('y', 'community', 1);
    expect(() => moduleRoles(h)).toThrow(/1 of 3 people have no label/);
    const r = moduleRoles(h, { unassigned: 'own-module' });
    expect(r.modules).toBe(2);
    expect(r.people.find((p) => p.person === 'z')?.participation).toBe(0);
    expect(r.people.find((p) => p.person === 'y')?.participation).toBeCloseTo(0.5, 15);
  });

  it('reads directed ties in both directions, weighted on request', () => {
    const d = directedFrom(
      [
        ['a', 'b', 3],
        ['b', 'a', 1],
        ['a', 'c', 4],
      ],
      'weight',
    );
    const partition = { a: 0, b: 0, c: 1 };
    const unweighted = moduleRoles(d, { partition }).people.find((p) => p.person === 'a');
    expect(unweighted?.degree).toBe(2); // b (both directions count once) and c
    const weighted = moduleRoles(d, { partition, getEdgeWeight: 'weight' }).people.find((p) => p.person === 'a');
    expect(weighted?.degree).toBe(8);
    expect(weighted?.participation).toBeCloseTo(1 - (16 + 16) / 64, 15);
  });

  it('invariants: P ∈ [0, 1 − 1/M], z averages 0 within each module (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(11), fc.nat(11)), { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(3), { minLength: 12, maxLength: 12 }),
        (edges, labels) => {
          const g = new UndirectedGraph();
          for (let i = 0; i < 12; i++) g.addNode(`n${i}`);
          for (const [s, t] of edges) if (s !== t) g.mergeEdge(`n${s}`, `n${t}`);
          const partition = Object.fromEntries(labels.map((l, i) => [`n${i}`, l]));
          const r = moduleRoles(g, { partition });
          const zSum = new Map<string, number>();
          for (const p of r.people) {
            expect(p.participation).toBeGreaterThanOrEqual(0);
            expect(p.participation).toBeLessThanOrEqual(1 - 1 / r.modules + 1e-12);
            zSum.set(p.module, (zSum.get(p.module) ?? 0) + p.z);
          }
          for (const s of zSum.values()) expect(Math.abs(s)).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 100, seed: 3 },
    );
  });
});
