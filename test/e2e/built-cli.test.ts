// End to end through the BUILT command line (dist/cli.js, as `npx practice-graph` runs it): the bundled
// sample organisation and the Enron e-mail network of igraphdata with positions as roster attribute.
// `.ci/run` builds first and sets PRACTICE_GRAPH_BUILT=1; otherwise the sources are built once (./built.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPORT_FILES } from '../../src/report/write.js';
import { dataPath, repoPath } from '../data-path.js';
import { validateReport } from '../report/validate.js';
import { ensureBuilt } from './built.js';

const cli = repoPath('dist', 'cli.js');
const tmp = mkdtempSync(join(tmpdir(), 'pg-e2e-'));

beforeAll(ensureBuilt, 120_000);

function practiceGraph(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

const enron = (name: string) => dataPath('enron-igraphdata', name);

describe('built CLI: demo (npm start)', () => {
  it('writes every output of the sample organisation; the report validates', () => {
    const out = join(tmp, 'demo');
    const r = practiceGraph(['demo', '--out', out, '--quiet']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toBe('');
    for (const f of REPORT_FILES) expect(existsSync(join(out, f)), f).toBe(true);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    expect(report.input.people).toBe(report.people.length);
    expect(r.out).toContain(`report written to ${out}`);
    // every group planted by the simulator (fixtures/sample-org/truth.json) is reported with its members,
    // next to one group per department of the roster
    const truth = JSON.parse(readFileSync(repoPath('fixtures', 'sample-org', 'truth.json'), 'utf8'));
    const reported = new Map(report.groups.map((g: { name: string; size: number }) => [g.name, g.size]));
    expect(truth.groups.length).toBe(10);
    for (const g of truth.groups) expect(reported.get(g.name), g.name).toBe(g.members.length);
    expect([...reported.keys()].filter((n) => String(n).startsWith('department:'))).toHaveLength(4);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html.match(/class="card group-card"/g)).toHaveLength(report.groups.length);
  });
});

describe('built CLI: Enron (igraphdata) with positions as roster attribute', () => {
  const args = [
    'analyze',
    enron('enron_edges.csv.gz'),
    '--roster',
    enron('enron_nodes.csv'),
    '--roster-id',
    'id',
    '--missing',
    'NA',
    '--group-by',
    'note',
  ];

  it('reads the gzipped per-recipient log and joins every person to the roster', () => {
    const out = join(tmp, 'enron');
    const r = practiceGraph([...args, '--out', out, '--json', '--quiet']);
    expect(r.code, r.err).toBe(0);
    const report = JSON.parse(r.out);
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'))).toEqual(report);
    // independent count (Python csv over the same file, rows of one e-mail grouped by adjacent from+time,
    // e-mails with more than 50 distinct recipients left out as mass mail): 22,923 e-mails, 5 mass mails,
    // 2,937 distinct directed sender→recipient pairs without self-pairs; 184 people (the README)
    expect(report.input).toMatchObject({ read: 125_409, accepted: 125_409, rejected: 0, messages: 22_923 });
    expect(report.input.dropped.massMail).toBe(5);
    expect(report.input).toMatchObject({ people: 184, ties: 2937 });
    expect(report.input.roster).toMatchObject({ accepted: 184, matched: 184 });
    // positions with at least 5 people (README counts: Employee 27, Vice President 18, Director 13,
    // Trader 11, Manager 8); 54 people have NA and belong to no position group
    const sizes = Object.fromEntries(report.groups.map((g: { name: string; size: number }) => [g.name, g.size]));
    expect(sizes).toEqual({
      'note:Employee': 27,
      'note:Vice President': 18,
      'note:Director': 13,
      'note:Trader': 11,
      'note:Manager': 8,
    });
    expect(report.privacy.suppressedGroups).toBeGreaterThan(0);
    expect(report.people.filter((p: { groups: string[] }) => p.groups.length === 0)).toHaveLength(
      184 - 27 - 18 - 13 - 11 - 8,
    );
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html.match(/class="card group-card"/g)).toHaveLength(5);
  });

  it('pseudonymised: no e-mail address or name of the roster in any output file', () => {
    const out = join(tmp, 'enron-pseudo');
    const r = practiceGraph([...args, '--pseudonymize', '--secret-env', 'PG_E2E_SECRET', '--out', out, '--quiet'], {
      PG_E2E_SECRET: 'an end-to-end test secret, not a real one',
    });
    expect(r.code, r.err).toBe(0);
    const roster = readFileSync(enron('enron_nodes.csv'), 'utf8').trim().split('\n').slice(1);
    const words = roster.flatMap((line) => {
      const cells = line.split(',');
      return [cells[1], cells[2]].map((c) => (c ?? '').replace(/"/g, '')).filter((c) => c.length > 3 && c !== 'NA');
    });
    expect(words.length).toBeGreaterThan(300);
    for (const f of filesUnder(out)) {
      const text = readFileSync(f, 'utf8');
      for (const w of words) expect(text.includes(w), `${w} in ${f}`).toBe(false);
    }
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(validateReport(report)).toBe(true);
    expect(report.privacy.droppedAttributes).toEqual(['email', 'name']);
    expect(report.groups.map((g: { name: string }) => g.name)).toContain('note:Vice President');
  });
});
