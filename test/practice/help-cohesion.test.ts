import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/graph/ingest.js';
import { readCsv } from '../../src/log/csv.js';
import { buildEvidence } from '../../src/practice/evidence.js';
import { helpSnapshot } from '../../src/practice/help-cohesion.js';
import { resolveTestGroupsOptions } from '../../src/practice/options.js';
import { testGroups } from '../../src/practice/test-groups.js';
import { logBuilder } from './logs.js';

describe('the help graph of the organisation', () => {
  it('holds asker → answerer ties in the numbering of the interaction graph (hand example)', async () => {
    const b = logBuilder(1);
    const q1 = b.post('ann', 0, { recipients: ['bob'], kind: 'question' });
    b.reply(q1, 'bob', { recipients: ['ann'], kind: 'answer' });
    b.reply(q1, 'cy', { recipients: ['ann'], kind: 'answer' });
    const q2 = b.post('cy', 1, { recipients: ['bob'], kind: 'question' });
    b.reply(q2, 'bob', { recipients: ['cy'], kind: 'answer' });
    // a share is no help thread when kinds are known
    const s = b.post('bob', 2, { recipients: ['ann'], kind: 'share' });
    b.reply(s, 'ann', { recipients: ['bob'], kind: 'discussion' });
    const input = await ingest(b.messages, {});
    const whole = buildEvidence('organisation', input.graph, input.windows, input.threads.threads, {
      getEdgeWeight: null,
    });
    const snap = helpSnapshot(whole, resolveTestGroupsOptions());
    expect(snap.keys).toEqual(whole.snapshot.keys);
    const arcs = Array.from(snap.dst, (v, e) => `${snap.keys[snap.src[e] as number]}→${snap.keys[v]}`).sort();
    expect(arcs).toEqual(['ann→bob', 'ann→cy', 'cy→bob']);
  });
});

describe('help cohesion on the sample organisation (fixtures/sample-org, 150 people, 60 days)', async () => {
  const dir = new URL('../../fixtures/sample-org/', import.meta.url);
  const truth = JSON.parse(readFileSync(new URL('truth.json', dir), 'utf8')) as {
    groups: { name: string; kind: string; members: string[] }[];
  };
  const input = await ingest(readCsv(fileURLToPath(new URL('messages.csv', dir))), { window: '14d' });
  const result = testGroups(
    input,
    truth.groups.map((g) => ({ name: g.name, members: g.members })),
    { seed: 42, bootstrap: 0 },
  );
  const by = new Map(result.groups.map((g) => [g.group, g]));

  it('the askers of observability add too few ties to stand out, but their help stays inside: social learning', () => {
    const g = by.get('observability');
    expect(g?.cohesion.cohesive).toBe(false);
    expect(g?.helpCohesion.cohesive).toBe(true);
    expect(g?.helpCohesion.internalShare).toBeGreaterThanOrEqual(0.4);
    expect(g?.decision.hub).toBe(true);
    expect(g?.verdict).toBe('social-learning');
  });

  it('every planted kind is recovered, the not-a-unit committees included', () => {
    for (const t of truth.groups) expect([t.name, by.get(t.name)?.verdict]).toEqual([t.name, t.kind]);
    for (const name of ['wellbeing-committee', 'sustainability-committee']) {
      expect(by.get(name)?.helpCohesion.cohesive).not.toBe(true);
    }
  });
});
