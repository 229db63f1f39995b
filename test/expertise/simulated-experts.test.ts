// Planted experts are found: on simulated organisations (src/simulate) the experts planted in every
// social-learning group must top the group's expertise ranking.
import { describe, expect, it } from 'vitest';
import { scoreExpertise } from '../../src/expertise/expertise.js';
import { summarizeThreads } from '../../src/log/threads.js';
import { simulateOrganization } from '../../src/simulate/simulate.js';

const SEEDS = Array.from({ length: 10 }, (_, i) => i + 1);

describe('planted experts (simulator, 10 seeds, default settings)', () => {
  it('precision@k ≥ 0.9 for the planted experts of every social-learning group', async () => {
    const rows: Array<{ seed: number; group: string; k: number; found: number; precision: number; top: boolean }> = [];
    const misses: string[] = [];
    for (const seed of SEEDS) {
      const org = simulateOrganization({ seed });
      const threads = await summarizeThreads(org.messages(), { exclude: org.truth.bots });
      for (const group of org.truth.groups.filter((g) => g.kind === 'social-learning')) {
        // a channel group counts its channel's threads; a people group the threads among its members
        const scope =
          group.scope === 'channel' && group.channel !== undefined
            ? { channels: [group.channel] }
            : { members: group.members };
        const { people } = scoreExpertise(threads, { scope });
        const k = group.experts.length;
        const planted = new Set(group.experts);
        const found = people.slice(0, k).filter((p) => planted.has(p.person)).length;
        rows.push({
          seed,
          group: group.name,
          k,
          found,
          precision: found / k,
          top: planted.has(people[0]?.person ?? ''),
        });
        for (const expert of org.truth.experts.filter((e) => e.group === group.name)) {
          const rank = people.find((p) => p.person === expert.person)?.rank;
          if (rank === undefined || rank > k) {
            misses.push(`seed ${seed} ${group.name}: expert of level ${expert.level.toFixed(2)} ranked ${rank ?? '-'}`);
          }
        }
      }
    }
    const pooled = rows.reduce((s, r) => s + r.found, 0) / rows.reduce((s, r) => s + r.k, 0);
    const mean = rows.reduce((s, r) => s + r.precision, 0) / rows.length;
    console.log(
      `planted experts: ${rows.length} social-learning groups over ${SEEDS.length} seeds; precision@k pooled ` +
        `${pooled.toFixed(3)}, mean ${mean.toFixed(3)}, min ${Math.min(...rows.map((r) => r.precision)).toFixed(3)}; ` +
        `missed: ${misses.join('; ') || 'none'}`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(SEEDS.length);
    // across the 10 seeds: planted experts found in the top k of their group (k = experts planted)
    expect(pooled).toBeGreaterThanOrEqual(0.9);
    // and in every group the top-ranked person is a planted expert, and most of the experts are found
    for (const r of rows) {
      expect(r.top, `seed ${r.seed} ${r.group}: top person`).toBe(true);
      expect(r.precision, `seed ${r.seed} ${r.group}`).toBeGreaterThanOrEqual(0.5);
    }
  }, 120_000);
});
