import { describe, expect, it } from 'vitest';
import { buildWindowGraphs, type Message, OptionError, trackCommunities } from '../../src/index.js';

const WEEK = 7 * 86_400_000;
const MONDAY = Date.UTC(2024, 0, 1); // a Monday: weekly windows start on Mondays
const team = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const A = team('a', 6);
const B = team('b', 6);
const C = team('c', 4);

/** Everyone in `group` writes to everyone else once during `week`. */
function allToAll(group: readonly string[], week: number, out: Message[]): void {
  let k = 0;
  for (const u of group) {
    for (const v of group) {
      if (u === v) continue;
      out.push({
        id: `w${week}-${u}-${v}`,
        timestamp: MONDAY + week * WEEK + 3_600_000 * (1 + (k++ % 100)),
        sender: u,
        recipients: [v],
        cc: [],
        mentions: [],
      });
    }
  }
}

/**
 * Planted history: weeks 0–1 teams A and B; week 2 they work as one (merge); week 3 they part again
 * (split) and team C starts (birth); week 4 B is silent (death) while A and C go on.
 */
function history(): Message[] {
  const m: Message[] = [];
  allToAll(A, 0, m);
  allToAll(B, 0, m);
  allToAll(A, 1, m);
  allToAll(B, 1, m);
  allToAll([...A, ...B], 2, m);
  allToAll(A, 3, m);
  allToAll(B, 3, m);
  allToAll(C, 3, m);
  allToAll(A, 4, m);
  allToAll(C, 4, m);
  return m;
}

describe('trackCommunities', () => {
  it('keeps ids stable and reports births, merges, splits and deaths', async () => {
    const { windows } = await buildWindowGraphs(history(), { window: '7d' });
    expect(windows.length).toBe(5);
    const t = trackCommunities(windows, { seed: 1 });
    expect(t.windows.map((w) => w.communities.map((c) => c.id))).toEqual([[0, 1], [0, 1], [0], [0, 2, 3], [0, 3]]);
    expect(t.windows[2]?.communities[0]?.members.length).toBe(12);
    const w = windows.map((x) => x.index);
    expect(t.events).toEqual([
      { type: 'birth', window: w[0], community: 0 },
      { type: 'birth', window: w[0], community: 1 },
      { type: 'merge', window: w[2], community: 0, from: [0, 1] },
      { type: 'birth', window: w[3], community: 3 },
      { type: 'split', window: w[3], community: 0, into: [0, 2] },
      { type: 'death', window: w[4], community: 2 },
    ]);
    const a = t.communities.find((c) => c.id === 0);
    expect(a).toMatchObject({ first: w[0], last: w[4], windows: 5, sizes: [6, 6, 12, 6, 6], core: A });
    // kept shares: 1 (w0→w1), 1 (A inside A∪B), 0.5 (A∪B → A), 1 (A → A)
    expect(a?.persistence).toBeCloseTo((1 + 1 + 0.5 + 1) / 4, 14);
    expect(t.communities.find((c) => c.id === 1)).toMatchObject({ windows: 2, persistence: 1 });
    expect(t.communities.find((c) => c.id === 3)).toMatchObject({ first: w[3], windows: 2, core: C });
    expect(t.windows[0]).toMatchObject({ index: w[0], start: windows[0]?.start, end: windows[0]?.end });
    expect(t.windows[0]?.modularity).toBeCloseTo(0.5, 12);
  });

  it('is deterministic, defines empty windows and validates options', async () => {
    const { windows } = await buildWindowGraphs(history(), { window: '7d' });
    expect(JSON.stringify(trackCommunities(windows, { seed: 4 }))).toBe(
      JSON.stringify(trackCommunities(windows, { seed: 4 })),
    );
    expect(trackCommunities([])).toMatchObject({ windows: [], communities: [], events: [] });
    expect(() => trackCommunities(windows, { threshold: 0 })).toThrow(OptionError);
    expect(() => trackCommunities(windows, { minSize: 0 })).toThrow(/`minSize`/);
    expect(() => trackCommunities('x' as unknown as [])).toThrow(/`windows`/);
    // a high minSize tracks nothing and makes no event
    expect(trackCommunities(windows, { minSize: 50 }).events).toEqual([]);
  });
});
