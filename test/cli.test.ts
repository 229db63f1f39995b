import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { repoPath } from './data-path.js';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

const tmp = mkdtempSync(join(tmpdir(), 'pg-cli-'));

describe('practice-graph analyze', () => {
  it('prints the graph summary with accounting as JSON and says which reader it used', async () => {
    const { code, out, err } = await run('analyze', repoPath('fixtures', 'logs', 'small.csv'));
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report).toMatchObject({ people: 5, ties: 7 });
    expect(report.inputs[0]).toMatchObject({ format: 'csv', read: 6, accepted: 6, rejected: 0 });
    expect(report.build.messages).toBe(6);
    expect(err).toMatch(/as csv/);
  });

  it('--map, --no-header and --delimiter read a headerless edge list; --quiet silences stderr', async () => {
    const p = join(tmp, 'edges.tsv');
    writeFileSync(p, '1\t2\n2\t1\n3\t1\n');
    const { code, out, err } = await run(
      'analyze',
      p,
      '--no-header',
      '--delimiter',
      'tab',
      '--map',
      'sender=0,recipients=1',
      '--quiet',
    );
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ people: 3, ties: 3, reciprocity: 2 / 3 });
    expect(err).toBe('');
  });

  it('--strict stops at the first bad row with exit 1 and the location', async () => {
    const p = join(tmp, 'bad.csv');
    writeFileSync(p, 'from,to,date\na,b,2024-01-01\na,c,someday\n');
    const lenient = await run('analyze', p, '--quiet');
    expect(lenient.code).toBe(0);
    expect(JSON.parse(lenient.out).inputs[0].rejects[0]).toMatchObject({ row: 2, field: 'timestamp' });
    const strict = await run('analyze', p, '--strict', '--quiet');
    expect(strict.code).toBe(1);
    expect(strict.err).toMatch(/bad\.csv, row 2, field `timestamp`/);
  });

  it('--roster, --window, --from/--to and --exclude reach the builder', async () => {
    const roster = join(tmp, 'roster.csv');
    writeFileSync(roster, 'person,department\nada@example.org,R&D\n');
    const { code, out } = await run(
      'analyze',
      repoPath('fixtures', 'logs', 'small.csv'),
      '--roster',
      roster,
      '--window',
      '1d',
      '--from',
      '2024-01-08',
      '--to',
      '2024-01-10',
      '--exclude',
      'dee@example.org',
      '--quiet',
    );
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.windows).toHaveLength(2);
    expect(r.build.dropped).toMatchObject({ outOfRange: 1, excludedSender: 1 });
    expect(r.roster).toMatchObject({ accepted: 1 });
  });

  it('usage errors exit 2; data errors exit 1 with one clear line', async () => {
    expect((await run()).code).toBe(2);
    expect((await run('frobnicate')).code).toBe(2);
    expect((await run('analyze')).code).toBe(2);
    expect((await run('analyze', 'x.csv', '--format', 'xml')).code).toBe(2);
    expect((await run('analyze', 'x.csv', '--bogus')).code).toBe(2);
    expect((await run('analyze', 'x.csv', '--map', 'author=From')).code).toBe(2);
    const missing = await run('analyze', join(tmp, 'missing.csv'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/cannot open input file/);
    expect(missing.err.trim().split('\n')).toHaveLength(1);
    expect((await run('--help')).code).toBe(0);
  });
});

describe('practice-graph demo', () => {
  it('analyses the bundled sample organisation', async () => {
    const { code, out } = await run('demo', '--quiet');
    expect(code).toBe(0);
    expect(JSON.parse(out).people).toBeGreaterThan(0);
  });
});
