import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliIo, runCli } from '../src/cli/main.js';
import { REPORT_FILES } from '../src/report/write.js';
import { repoPath } from './data-path.js';
import { EVERYONE, syntheticMessages, syntheticRosterCsv } from './report/helpers.js';
import { validateReport } from './report/validate.js';

async function run(argv: string[], io: Partial<CliIo> = {}) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), ...io });
  return { code, out, err };
}

const tmp = mkdtempSync(join(tmpdir(), 'pg-cli-'));
const small = repoPath('fixtures', 'logs', 'small.csv');

// the synthetic organisation as files: messages.csv (with message text and subjects), roster, groups file
const org = join(tmp, 'org');
const csvCell = (s: string) => (/[",;\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
function writeOrg() {
  const lines = ['id,timestamp,sender,recipients,mentions,channel,thread_id,reply_to,subject,text'];
  for (const m of syntheticMessages()) {
    lines.push(
      [
        m.id,
        new Date(m.timestamp as number).toISOString(),
        m.sender,
        m.recipients.join(';'),
        m.mentions.join(';'),
        m.channel ?? '',
        m.threadId ?? '',
        m.replyTo ?? '',
        m.subject ?? '',
        m.text ?? '',
      ]
        .map(csvCell)
        .join(','),
    );
  }
  // one bad row: no sender
  lines.push('bad1,2024-01-05T00:00:00Z,,ada@acme.test,,,,,,');
  writeFileSync(`${org}-messages.csv`, `${lines.join('\n')}\n`);
  writeFileSync(`${org}-roster.csv`, syntheticRosterCsv());
  writeFileSync(
    `${org}-groups.csv`,
    'person,group\nada@acme.test,guild\nbo@acme.test,guild\ngus@acme.test,guild\nhal@acme.test,guild\nmo@acme.test,guild\nada@acme.test,pair\nbo@acme.test,pair\n',
  );
}
writeOrg();

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('practice-graph analyze', () => {
  it('--json prints the report; without it a summary; reader and accounting on both', async () => {
    const json = await run(['analyze', small, '--json', '--quiet']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.out);
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    expect(report.input).toMatchObject({ people: 5, ties: 7, read: 6, accepted: 6, rejected: 0, format: ['csv'] });
    expect(json.err).toBe('');
    const text = await run(['analyze', small]);
    expect(text.out).toMatch(/graph: 5 people, 7 ties/);
    expect(text.err).toMatch(/reading .*small\.csv as csv/);
    expect(text.err).toMatch(/read: 6\/6 messages/);
  });

  it('--map, --no-header and --delimiter read a headerless edge list', async () => {
    const p = join(tmp, 'edges.tsv');
    writeFileSync(p, '1\t2\n2\t1\n3\t1\n');
    const { code, out } = await run([
      'analyze',
      p,
      '--no-header',
      '--delimiter',
      'tab',
      '--map',
      'sender=0,recipients=1',
      '--json',
      '--quiet',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(out).input).toMatchObject({ people: 3, ties: 3 });
  });

  it('lenient by default with a rejects file; --strict stops at the first bad row with exit 1', async () => {
    const p = join(tmp, 'bad.csv');
    writeFileSync(p, 'from,to,date\na,b,2024-01-01\na,c,someday\n=cmd,d,2024-01-02\n');
    const out = join(tmp, 'bad-out');
    const lenient = await run(['analyze', p, '--quiet', '--out', out]);
    expect(lenient.code).toBe(0);
    expect(lenient.out).toMatch(/rejects: 1 in .*rejects\.csv/);
    const rejects = readFileSync(join(out, 'rejects.csv'), 'utf8');
    expect(rejects.split('\n')[1]).toMatch(/bad\.csv,2,timestamp,INVALID_TIMESTAMP,/);
    const strict = await run(['analyze', p, '--strict', '--quiet']);
    expect(strict.code).toBe(1);
    expect(strict.err).toMatch(/bad\.csv, row 2, field `timestamp`/);
  });

  it('reads .gz inputs transparently', async () => {
    const { gzipSync } = await import('node:zlib');
    const p = join(tmp, 'small.csv.gz');
    writeFileSync(p, gzipSync(readFileSync(small)));
    const { code, out } = await run(['analyze', p, '--json', '--quiet']);
    expect(code).toBe(0);
    expect(JSON.parse(out).input).toMatchObject({ people: 5, ties: 7 });
    // rosters and group files too
    for (const f of ['messages', 'roster', 'groups'])
      writeFileSync(`${org}-${f}.csv.gz`, gzipSync(readFileSync(`${org}-${f}.csv`)));
    const all = await run([
      'analyze',
      `${org}-messages.csv.gz`,
      '--roster',
      `${org}-roster.csv.gz`,
      '--group-by',
      'team',
      '--groups',
      `${org}-groups.csv.gz`,
      '--json',
      '--quiet',
    ]);
    const report = JSON.parse(all.out);
    expect(report.input.roster).toMatchObject({ accepted: 15, matched: 15 });
    expect(report.groups.map((g: { name: string }) => g.name).sort()).toEqual(['guild', 'team:alpha', 'team:beta']);
  });

  it('combines --group-by, --groups, --group-by-channel and --group-all; suppresses small groups in every file', async () => {
    const out = join(tmp, 'groups-out');
    const { code, out: stdout } = await run([
      'analyze',
      `${org}-messages.csv`,
      '--roster',
      `${org}-roster.csv`,
      '--group-by',
      'team',
      '--groups',
      `${org}-groups.csv`,
      '--group-by-channel',
      '--group-all',
      'everyone',
      '--window',
      '7d',
      '--out',
      out,
      '--quiet',
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/formal groups: 5 reported, 2 suppressed \(< 5 members\)/);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    expect(report.groups.map((g: { name: string }) => g.name).sort()).toEqual([
      '#help',
      'everyone',
      'guild',
      'team:alpha',
      'team:beta',
    ]);
    for (const f of REPORT_FILES) expect(existsSync(join(out, f)), f).toBe(true);
    // 'team:gamma' (3) and 'pair' (2) appear in no output
    for (const f of filesUnder(out)) {
      const text = readFileSync(f, 'utf8');
      expect(text.includes('team:gamma'), f).toBe(false);
      expect(/\bpair\b/.test(text), f).toBe(false);
    }
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html.match(/class="card group-card"/g)).toHaveLength(5);
  });

  it('--pseudonymize --secret-env: no raw id, name, subject or message text in any output; stable across runs', async () => {
    const env = { PG_SECRET: 'correct horse battery staple 42' };
    const args = (out: string) => [
      'analyze',
      `${org}-messages.csv`,
      '--roster',
      `${org}-roster.csv`,
      '--group-by',
      'team',
      '--groups',
      `${org}-groups.csv`,
      '--group-by-channel',
      '--pseudonymize',
      '--secret-env',
      'PG_SECRET',
      '--out',
      out,
      '--quiet',
    ];
    const [a, b] = [join(tmp, 'p1'), join(tmp, 'p2')];
    expect((await run(args(a), { env })).code).toBe(0);
    expect((await run(args(b), { env })).code).toBe(0);
    const files = filesUnder(a);
    expect(files.length).toBeGreaterThanOrEqual(REPORT_FILES.length + 1); // + rejects.csv
    const forbidden = [
      ...EVERYONE,
      ...EVERYONE.map((p) => p.split('@')[0] as string).map((n) => `Name of ${n}`),
      'secret body text',
      'confidential subject',
      env.PG_SECRET,
    ];
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const word of forbidden) expect(text.includes(word), `${word} in ${f}`).toBe(false);
      expect(text).toBe(readFileSync(f.replace(a, b), 'utf8'));
    }
    const report = JSON.parse(readFileSync(join(a, 'report.json'), 'utf8'));
    expect(report.privacy).toMatchObject({
      pseudonymized: true,
      method: 'HMAC-SHA256',
      droppedAttributes: ['name', 'email'],
    });
    // input files are named without their folders
    expect(report.input.sources[0].source).toBe('org-messages.csv');
    expect(report.input.roster.source).toBe('org-roster.csv');
    expect(report.params.input.roster).toBe('org-roster.csv');
    expect(report.people.every((p: { id: string }) => /^p-[0-9a-f]{16}$/.test(p.id))).toBe(true);
    // roster joins still work: every person has their team, managers are pseudonyms of people
    const withTeam = report.people.filter((p: { attributes: { team?: string } }) => p.attributes.team);
    expect(withTeam).toHaveLength(15);
    const ids = new Set(report.people.map((p: { id: string }) => p.id));
    for (const p of withTeam) if (p.attributes.manager) expect(ids.has(p.attributes.manager)).toBe(true);
    expect(report.groups.find((g: { name: string }) => g.name === 'guild')).toMatchObject({ size: 5, active: 5 });
  });

  it('never reads the secret from argv, and says what is wrong', async () => {
    expect((await run(['analyze', small, '--pseudonymize'])).code).toBe(2);
    const unset = await run(['analyze', small, '--pseudonymize', '--secret-env', 'PG_NOPE'], { env: {} });
    expect(unset.code).toBe(2);
    expect(unset.err).toMatch(/PG_NOPE.*not set/);
    expect((await run(['analyze', small, '--secret-env', 'X'])).code).toBe(2);
  });

  it('same seed, same bytes (with or without worker threads)', async () => {
    const [a, b] = [join(tmp, 's1'), join(tmp, 's2')];
    await run(['analyze', `${org}-messages.csv`, '--group-all', 'all', '--seed', '7', '--out', a, '--quiet']);
    // the worker count never changes the report
    await run([
      'analyze',
      `${org}-messages.csv`,
      '--group-all',
      'all',
      '--seed',
      '7',
      '--out',
      b,
      '--quiet',
      '--workers',
      '0',
    ]);
    for (const f of filesUnder(a)) expect(readFileSync(f, 'utf8'), f).toBe(readFileSync(f.replace(a, b), 'utf8'));
    expect(JSON.parse(readFileSync(join(a, 'report.json'), 'utf8')).params.seed).toBe(7);
  });

  it('usage errors exit 2; data errors exit 1 with one clear line', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
    expect((await run(['analyze'])).code).toBe(2);
    expect((await run(['analyze', 'x.csv', '--format', 'xml'])).code).toBe(2);
    expect((await run(['analyze', 'x.csv', '--bogus'])).code).toBe(2);
    expect((await run(['analyze', 'x.csv', '--map', 'author=From'])).code).toBe(2);
    expect((await run(['analyze', small, '--min-group-size', 'five'])).code).toBe(2);
    expect((await run(['analyze', small, '--workers', 'all'])).code).toBe(2);
    expect((await run(['analyze', small, '--workers', 'auto', '--quiet'])).code).toBe(0);
    expect((await run(['analyze', small, '--resolution', '0', '--quiet'])).code).toBe(2);
    expect((await run(['analyze', small, '--group-by', 'team'])).code).toBe(2);
    const missing = await run(['analyze', join(tmp, 'missing.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/cannot open input file/);
    expect(missing.err.trim().split('\n')).toHaveLength(1);
    const noAttr = await run([
      'analyze',
      `${org}-messages.csv`,
      '--roster',
      `${org}-roster.csv`,
      '--group-by',
      'floor',
      '--quiet',
    ]);
    expect(noAttr.code).toBe(1);
    expect(noAttr.err).toMatch(/no attribute `floor`.*team, manager, name, email/);
    expect((await run(['--help'])).code).toBe(0);
    expect((await run(['analyze', '--help'])).out).toMatch(/--pseudonymize --secret-env NAME/);
  });
});

describe('practice-graph demo', () => {
  it('analyses the bundled sample organisation, prints a summary and writes the full report', async () => {
    const out = join(tmp, 'demo');
    const { code, out: stdout } = await run(['demo', '--quiet', '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Sample organisation/);
    expect(stdout).toMatch(/graph: \d+ people/);
    expect(stdout).toMatch(
      new RegExp(`report written to ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: report\\.json`),
    );
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    expect(report.input.people).toBeGreaterThan(0);
    expect((await run(['demo', 'x.csv'])).code).toBe(2);
  });
});
