// Simulated organisations of the pipeline benchmark (generated once into bench/.data/pipeline/, not committed),
// the `practice-graph analyze` command line run on them, and the SHA-256 digests of its outputs (the golden
// report: the same seed must give the same bytes before and after every optimisation).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BENCH_DIR, DATA_DIR, ensureDir } from './common.mjs';

export const CLI = join(BENCH_DIR, '..', 'dist', 'cli.js');
export const ORG_DIR = join(DATA_DIR, 'pipeline');

/**
 * An organisation of `people` over `days` (45 days ≈ 100 messages per person): the simulator's defaults, with
 * the planted groups scaled with the size (3 communities of practice, 3 social-learning groups, 2 hybrids and
 * 2 not-a-unit groups per 1,000 people).
 */
export function orgSpec(name, people, days = 45) {
  const per = Math.max(1, Math.round(people / 1000));
  return {
    name,
    people,
    days,
    seed: 1,
    groups: { cop: 3 * per, 'social-learning': 3 * per, hybrid: 2 * per, 'not-a-unit': 2 * per },
  };
}

/** The analyze options of every run: departments from the roster, the planted groups, channels, 14-day windows. */
export const ANALYZE_ARGS = Object.freeze([
  'messages.csv',
  '--roster',
  'roster.csv',
  '--group-by',
  'department',
  '--groups',
  'groups.csv',
  '--group-by-channel',
  '--window',
  '14d',
  '--seed',
  '1',
]);

const specText = (spec) => JSON.stringify(spec);

/** Generates the organisation unless it is already there with the same spec; returns its folder and size. */
export function ensureOrg(spec) {
  const dir = join(ORG_DIR, spec.name);
  const marker = join(dir, 'spec.json');
  if (!(existsSync(marker) && readFileSync(marker, 'utf8') === specText(spec))) {
    ensureDir(ORG_DIR);
    rmSync(dir, { recursive: true, force: true });
    const args = ['simulate', '--out', dir, '--people', String(spec.people), '--days', String(spec.days)];
    args.push('--seed', String(spec.seed), '--quiet');
    for (const [flag, n] of Object.entries(spec.groups)) args.push(`--${flag}`, String(n));
    console.error(
      `pipeline: generating ${spec.name} (${spec.people.toLocaleString('en-US')} people, ${spec.days} days)`,
    );
    const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== 0) throw new Error(`simulate failed: ${r.stderr}`);
    const summary = JSON.parse(r.stdout);
    writeFileSync(join(dir, 'summary.json'), JSON.stringify({ messages: summary.messages, people: summary.people }));
    writeFileSync(marker, specText(spec));
  }
  const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
  return { dir, ...summary, bytes: statSync(join(dir, 'messages.csv')).size };
}

/** Runs `practice-graph analyze` (the built CLI) on an organisation, writing every output to `out`. */
export function runCli(dir, out, extra = []) {
  rmSync(out, { recursive: true, force: true });
  const r = spawnSync(process.execPath, [CLI, 'analyze', ...ANALYZE_ARGS, '--out', out, '--quiet', ...extra], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`analyze failed (exit ${r.status}): ${r.stderr}`);
  return r;
}

function files(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
}

/** SHA-256 of every file of an output folder, by relative path. */
export function digests(out) {
  const result = {};
  for (const f of files(out)) result[relative(out, f)] = createHash('sha256').update(readFileSync(f)).digest('hex');
  return result;
}

export function sha256File(path) {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** The files whose digests differ (or exist on one side only). */
export function diffDigests(expected, actual) {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  return names.filter((n) => expected[n] !== actual[n]);
}
