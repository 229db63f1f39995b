import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPORT_SCHEMA } from '../../src/report/schema.js';
import { repoPath } from '../data-path.js';
import { analyzeSynthetic, standInStages } from './fixtures.js';
import { validateReport } from './validate.js';

describe('REPORT_SCHEMA', () => {
  it('is the document committed as docs/report.schema.json', () => {
    expect(JSON.parse(readFileSync(repoPath('docs', 'report.schema.json'), 'utf8'))).toEqual(REPORT_SCHEMA);
  });

  it('rejects what the documentation forbids (a p-value of 0, an unknown verdict, a missing key)', async () => {
    const { report } = await analyzeSynthetic({ stages: standInStages });
    const bad = structuredClone(report);
    (bad.groups[0] as { cohesion: { pValue: number } }).cohesion.pValue = 0;
    expect(validateReport(bad)).toBe(false);
    const bad2 = structuredClone(report) as unknown as { groups: { verdict: string }[] };
    (bad2.groups[0] as { verdict: string }).verdict = 'guild';
    expect(validateReport(bad2)).toBe(false);
    const bad3 = structuredClone(report) as unknown as Record<string, unknown>;
    delete bad3.partition;
    expect(validateReport(bad3)).toBe(false);
  });
});

describe('analyzeOrganization(log, options) → report', () => {
  it('without analysis stages: a valid report carrying what exists, each missing analysis said so', async () => {
    const { report } = await analyzeSynthetic({ stages: {} });
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    expect(report.partition).toBeNull();
    expect(report.communities).toEqual([]);
    expect(report.analyses.communities.status).toBe('unavailable');
    expect(report.people.every((p) => p.expertise === null && p.community === null)).toBe(true);
    expect(report.groups.map((g) => g.verdict)).toEqual(report.groups.map(() => null));
    // 15 people; 20 days × (15 work messages + 15 replies + the answer in #help; the question has no addressee)
    expect(report.input).toMatchObject({ people: 15, messages: 0, used: 620 });
    expect(report.input.windows.count).toBeGreaterThan(1);
  });

  it('with stages: every section filled, suppression applied, communities of practice listed first', async () => {
    const { report } = await analyzeSynthetic({ stages: standInStages });
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    // team gamma has 3 members < 5: suppressed everywhere; #help has 5 participants (3 askers, 2 experts)
    expect(report.groups.map((g) => g.name)).toEqual(['everyone', 'team:alpha', 'team:beta', '#help']);
    expect(report.privacy.suppressedGroups).toBe(1);
    expect(report.people.flatMap((p) => p.groups)).not.toContain('team:gamma');
    expect(report.groups[3]).toMatchObject({ kind: 'channel', verdict: 'social-learning', size: 5 });
    // community 2 (gamma, 3 people) keeps id, size and members but not its composition
    const small = report.communities.find((c) => c.id === 2);
    expect(small).toMatchObject({ size: 3, composition: null });
    expect(report.privacy.suppressedCompositions).toBe(1);
    expect(report.communities[0]?.id).toBe(1); // the emergent community of practice first
    expect(report.communities.find((c) => c.id === 0)?.composition?.team).toEqual({ alpha: 1 });
    expect(report.communities.find((c) => c.id === 0)?.density).toBe(0.4);
    const ada = report.people.find((p) => p.id === 'ada@acme.test');
    expect(ada).toMatchObject({ community: 0, groups: ['team:alpha', '#help', 'everyone'] });
    expect(ada?.attributes).toMatchObject({ team: 'alpha', name: 'Name of ada' });
    expect(report.analyses).toMatchObject({ practice: { status: 'done', method: 'stand-in' } });
  });

  it('is deterministic: the same input and seed give the same JSON', async () => {
    const a = await analyzeSynthetic({ stages: standInStages });
    const b = await analyzeSynthetic({ stages: standInStages });
    expect(JSON.stringify(a.report)).toBe(JSON.stringify(b.report));
  });
});
