import { describe, expect, it } from 'vitest';
import { BoundedIdMap, hash53 } from '../../src/log/id-map.js';

describe('BoundedIdMap', () => {
  it('maps ids to numbers', () => {
    const map = new BoundedIdMap(100);
    map.set('<a@x>', 3);
    map.set('<b@x>', 2 ** 40);
    map.set('<a@x>', 7);
    expect(map.get('<a@x>')).toBe(7);
    expect(map.get('<b@x>')).toBe(2 ** 40);
    expect(map.get('<c@x>')).toBeUndefined();
    expect(map.size).toBe(2);
  });

  it('keeps about the `capacity` most recent ids and counts the evicted ones', () => {
    const map = new BoundedIdMap(1000);
    for (let i = 0; i < 10_000; i++) map.set(`m${i}`, i);
    expect(map.size).toBeLessThanOrEqual(1000);
    expect(map.get('m9999')).toBe(9999);
    expect(map.get('m9000')).toBe(9000);
    expect(map.get('m0')).toBeUndefined();
    expect(map.evicted + map.size).toBe(10_000);
  });

  it('agrees with a plain Map on 200k random ids (no collision, growth keeps entries)', () => {
    const map = new BoundedIdMap(1_000_000);
    const reference = new Map<string, number>();
    for (let i = 0; i < 200_000; i++) {
      const id = `<${(i * 2654435761) % 1_000_003}.${i % 97}@host>`;
      map.set(id, i);
      reference.set(id, i);
    }
    for (const [id, v] of reference) if (map.get(id) !== v) throw new Error(`mismatch at ${id}`);
    expect(map.size).toBe(reference.size);
  });

  it('hash53 gives 53-bit integers that differ for near-identical ids', () => {
    const a = hash53('message-1');
    expect(Number.isSafeInteger(a) && a >= 0).toBe(true);
    expect(hash53('message-2')).not.toBe(a);
  });
});
