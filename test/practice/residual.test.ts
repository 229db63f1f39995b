import { describe, expect, it } from 'vitest';
import { residualDepletion } from '../../src/practice/residual.js';
import type { InternalArcs } from '../../src/practice/structure.js';
import { createRng } from '../../src/random.js';

/** Arcs in CSR order (grouped by source) from pairs. */
function arcsOf(k: number, pairs: [number, number][]): InternalArcs {
  const sorted = [...pairs].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return {
    k,
    src: Int32Array.from(sorted, (x) => x[0]),
    dst: Int32Array.from(sorted, (x) => x[1]),
    weight: new Float64Array(sorted.length).fill(1),
  };
}

const options = { samples: 199, burnIn: 10, thin: 1, alpha: 0.05, maxRatio: 0.7 };

describe('residual depletion', () => {
  it('askers who only deal with six answerers are depleted without them', () => {
    // answerers 0..5; asker a (6..65) writes to one answerer and gets answers from two; one asker pair talk.
    // Rewiring keeps every degree, so an asker→asker tie needs an answerer→answerer tie in exchange: with six
    // answerers that is possible, and the rewired askers deal with each other far more than the observed 1.
    const pairs: [number, number][] = [];
    for (let a = 6; a < 66; a++) pairs.push([a, a % 6], [a % 6, a], [(a + 1) % 6, a]);
    pairs.push([6, 7]);
    const answerers = [0, 1, 2, 3, 4, 5];
    const d = residualDepletion(arcsOf(66, pairs), answerers, { ...options, rng: createRng(1) });
    expect(d.observed).toBe(1);
    expect(d.expected).toBeGreaterThan(10);
    expect(d.depleted).toBe(true);
    expect(d.p).toBeLessThan(0.05);
  });

  it('a team that works together is not depleted when its expert is left out', () => {
    // a ring of 10 with chords, member 0 also answers everyone
    const pairs: [number, number][] = [];
    for (let i = 1; i < 10; i++) pairs.push([0, i], [i, 0]);
    for (let i = 1; i < 10; i++) {
      const j = (i % 9) + 1;
      pairs.push([i, j], [j, i]);
    }
    const d = residualDepletion(arcsOf(10, pairs), [0], { ...options, rng: createRng(2) });
    expect(d.observed).toBe(18);
    expect(d.depleted).toBe(false);
  });
});
