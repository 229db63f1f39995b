// Invariants of testGroups: p-values in (0, 1]; verdicts invariant to relabelling people; same seed, same
// result; and clear errors for bad input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/graph/ingest.js';
import type { Message } from '../../src/log/message.js';
import { groupsByAttribute } from '../../src/practice/groups.js';
import { type GroupTests, testGroups } from '../../src/practice/test-groups.js';
import { simulateOrganization } from '../../src/simulate/simulate.js';

const org = simulateOrganization({ seed: 5, people: 120, days: 42 });
const messages: Message[] = [...org];
const groups = org.truth.groups;
const options = { samples: 60, indicatorSamples: 99, bootstrap: 20, seed: 3 } as const;

async function run(msgs: Message[], gs = groups, opts: Record<string, unknown> = options): Promise<GroupTests> {
  const input = await ingest(msgs, { window: '7d', channels: true, exclude: org.truth.bots });
  return testGroups(input, gs, opts);
}

/** Every p-value, q-value and adjusted p-value of a result. */
function pValues(r: GroupTests): number[] {
  const out: number[] = [];
  for (const g of r.groups) {
    for (const c of [g.cohesion, g.residual]) {
      for (const x of [c.p, c.q, c.nullA?.p, c.nullB?.p]) if (x !== null && x !== undefined) out.push(x);
    }
    for (const i of g.indicators) for (const x of [i.p, i.pAdjusted]) if (x !== null) out.push(x);
  }
  return out;
}

describe('testGroups invariants', async () => {
  const base = await run(messages);

  it('every p-value, q-value and adjusted p-value lies in (0, 1]', () => {
    const ps = pValues(base);
    expect(ps.length).toBeGreaterThan(50);
    for (const p of ps) {
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThanOrEqual(1);
    }
  });

  it('same seed, same result (byte for byte); another seed, other null samples', async () => {
    expect(JSON.stringify(await run(messages))).toBe(JSON.stringify(base));
    const other = await run(messages, groups, { ...options, seed: 4 });
    expect(JSON.stringify(pValues(other))).not.toBe(JSON.stringify(pValues(base)));
  });

  it('verdicts, figures and p-values do not depend on what people are called (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1e9 }), async (salt) => {
        const ids = new Map<string, string>();
        const rename = (id: string) => {
          let x = ids.get(id);
          if (x === undefined) {
            // a bijection with a different sort order than the original ids
            x = `u${((ids.size * 7919 + salt) % 1_000_003).toString(36)}-${ids.size}`;
            ids.set(id, x);
          }
          return x;
        };
        const relabelled = messages.map((m) => ({
          ...m,
          sender: rename(m.sender),
          recipients: m.recipients.map(rename),
          cc: m.cc.map(rename),
          mentions: m.mentions.map(rename),
        }));
        const gs = groups.map((g) => ({ ...g, members: g.members.map(rename) }));
        const bots = org.truth.bots.map(rename);
        const input = await ingest(relabelled, { window: '7d', channels: true, exclude: bots });
        const r = testGroups(input, gs, options);
        const strip = (x: GroupTests) =>
          x.groups.map((g) => ({
            verdict: g.verdict,
            copScore: g.copScore,
            confidence: g.confidence.value,
            cohesion: [g.cohesion.observed, g.cohesion.p, g.cohesion.q],
            residual: [g.residual.observed, g.residual.p, g.residual.removed.map((t) => t.answers)],
            indicators: g.indicators.map((i) => [i.observed, i.p, i.regime]),
          }));
        expect(strip(r)).toEqual(strip(base));
      }),
      { numRuns: 3 },
    );
  });

  it('records method, params and seed, and counts verdicts', () => {
    expect(base.method).toBe('practice-test');
    expect(base.seed).toBe(3);
    expect(base.params.samples).toBe(60);
    expect(Object.values(base.verdicts).reduce((s, n) => s + n, 0)).toBe(groups.length);
  });
});

describe('testGroups input handling', async () => {
  const input = await ingest(messages, { window: '7d' });

  it('a channel group needs the channel graphs from ingest', () => {
    expect(() => testGroups(input, [{ name: 'c', channel: '#nowhere' }])).toThrow(/channels: true/);
  });

  it('rejects malformed groups and options with the option named', () => {
    expect(() => testGroups(input, [{ name: '' }])).toThrow(/non-empty `name`/);
    expect(() => testGroups(input, [{ name: 'x' }])).toThrow(/needs `members`/);
    expect(() => testGroups(input, [], { samples: 0 })).toThrow(/`samples` must be a positive integer/);
    expect(() => testGroups(input, [], { alpha: 1 })).toThrow(/`alpha`/);
    expect(() => testGroups(input, [], { flatCentralisation: 0.5 })).toThrow(/flatCentralisation/);
  });

  it('small groups are insufficient evidence with the reason; absent members are counted', () => {
    const [a, b] = input.graph.nodes();
    const r = testGroups(input, [{ name: 'pair', members: [a as string, b as string, 'nobody@x'] }], { bootstrap: 0 });
    const g = r.groups[0];
    expect(g?.verdict).toBe('insufficient-evidence');
    expect(g?.eligibility).toMatchObject({ declared: 3, members: 2, absent: 1 });
    expect(g?.evidence.join('\n')).toMatch(/2 members in the graph \(fewer than 5\)/);
    expect(g?.indicators.every((i) => !i.available)).toBe(true);
  });

  it('groups from a roster attribute: one people group per value, sorted', () => {
    const withRoster = groupsByAttribute(
      (() => {
        const g = input.graph.copy();
        g.forEachNode((n, a) => {
          g.setNodeAttribute(n, 'dept', a.department ?? (n.length % 2 ? 'd10' : 'd2'));
        });
        return g;
      })(),
      'dept',
    );
    expect(withRoster.map((x) => x.name)).toEqual(['d2', 'd10']);
    expect(withRoster.reduce((s, x) => s + (x.members?.length ?? 0), 0)).toBe(input.graph.order);
  });
});
