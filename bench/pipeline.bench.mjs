// The whole `practice-graph analyze` pipeline at 1k, 10k and 100k people (about 100 messages per person; 10M
// messages at 100k), one run per size in its own process, per stage: wall time, CPU time, peak RSS, and each
// stage's growth exponent; peak RSS at 100k people with 5M vs 10M messages; the same pipeline written plainly
// with NetworkX on the 10k organisation (bench/peers/pipeline_networkx.py), stage by stage; and the golden
// check: `practice-graph analyze` on the 10k organisation must give the committed SHA-256 of every output.
//
//   npm run build && node bench/run.mjs pipeline         full run (generates bench/.data/pipeline/ once)
//   node bench/pipeline.bench.mjs --dry                  tiny organisation (CI)
//   node bench/pipeline.bench.mjs --golden-only          only the golden check
//   node bench/pipeline.bench.mjs --update-golden        record the golden digests (before optimising!)
//   node bench/pipeline.bench.mjs --golden-only --golden 1k   the golden check on another size
//   node bench/pipeline.bench.mjs --sizes 1k,10k         some sizes only (no results file)
//   node bench/pipeline.bench.mjs --sizes 100k --no-golden   some sizes, without the golden check
//   node bench/pipeline.bench.mjs --peer-samples 20      fewer null samples for the NetworkX cohesion test
//   node bench/pipeline.bench.mjs --reuse                 take the runs already made of this source (each run is
//                                                         kept in bench/.data/pipeline/runs/ with its machine
//                                                         line), so a long benchmark can be made in parts; the
//                                                         table says which runs were reused and when they ran
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_DIR, DRY, ensureDir, fmt, machine, python, table, writeResults } from './lib/common.mjs';
import { ANALYZE_ARGS, diffDigests, digests, ensureOrg, ORG_DIR, orgSpec, runCli, sha256File } from './lib/org.mjs';

const { values } = parseArgs({
  options: {
    dry: { type: 'boolean' },
    'golden-only': { type: 'boolean' },
    'update-golden': { type: 'boolean' },
    golden: { type: 'string' },
    sizes: { type: 'string' },
    'peer-samples': { type: 'string' },
    'no-peer': { type: 'boolean' },
    reuse: { type: 'boolean' },
    'no-golden': { type: 'boolean' },
  },
});

const SIZES = DRY
  ? [orgSpec('dry-300', 300, 14)]
  : [orgSpec('1k', 1_000), orgSpec('10k', 10_000), orgSpec('100k', 100_000)];
// the same 100k people over about half the period: about 5M messages
const HALF = DRY ? orgSpec('dry-300-half', 300, 7) : orgSpec('100k-5M', 100_000, 23);
const GOLDEN = DRY ? SIZES[0] : (SIZES.find((x) => x.name === values.golden) ?? SIZES[1]);
const PEER = DRY ? SIZES[0] : SIZES[1];
const PEER_SAMPLES = values['peer-samples'] ?? (DRY ? '5' : '200');
const GOLDEN_FILE = join(BENCH_DIR, 'golden', 'pipeline.json');
const STAGES = ['read', 'build', 'communities', 'expertise', 'brokerage', 'practice', 'report'];
const selected = values.sizes?.split(',');
const partial = selected !== undefined;

// --- runs kept per commit, so that --reuse can assemble the table from runs made in parts ---------------------
// A run is reused only if src/ and bench/ are what they were (git tree hashes, clean working tree).
const RUNS_DIR = join(ORG_DIR, 'runs');
const reused = [];
function sourceId() {
  const git = (...a) => execFileSync('git', a, { cwd: BENCH_DIR, encoding: 'utf8' }).trim();
  try {
    if (git('status', '--porcelain', '--', '../src', '.') !== '') return null;
    return `${git('rev-parse', '--short', 'HEAD:src')}/${git('rev-parse', '--short', 'HEAD:bench')}`;
  } catch {
    return null;
  }
}
const SOURCE = sourceId();
// the NetworkX pipeline reads none of src/: its runs are kept per bench/peers tree
function peersId() {
  const git = (...a) => execFileSync('git', a, { cwd: BENCH_DIR, encoding: 'utf8' }).trim();
  try {
    if (git('status', '--porcelain', '--', 'peers') !== '') return null;
    return `peers/${git('rev-parse', '--short', 'HEAD:bench/peers')}`;
  } catch {
    return null;
  }
}
function kept(name, make, source = SOURCE) {
  const file = join(RUNS_DIR, `${name}.json`);
  if (values.reuse && source && existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    if (saved.source === source) {
      reused.push(`${name} (${saved.machine.date}, commit ${saved.machine.commit}, load ${saved.machine.load})`);
      console.log(`${name}: reusing the run of ${saved.machine.date} (source ${source})`);
      return saved.result;
    }
  }
  const here = machine();
  const result = make();
  if (!DRY && source) {
    ensureDir(RUNS_DIR);
    writeFileSync(file, `${JSON.stringify({ source, machine: here, result }, null, 1)}\n`);
  }
  return result;
}

// --- golden: the report of a fixed seed, byte for byte -------------------------------------------------------
function goldenCheck() {
  const org = ensureOrg(GOLDEN);
  const out = join(ORG_DIR, `${GOLDEN.name}-golden-out`);
  const t = performance.now();
  runCli(org.dir, out);
  const seconds = (performance.now() - t) / 1000;
  const actual = { spec: GOLDEN, messages: sha256File(join(org.dir, 'messages.csv')), outputs: digests(out) };
  if (!DRY) rmSync(out, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  if (DRY) {
    // the dry run checks determinism: a second run must give the same bytes
    runCli(org.dir, out);
    const again = digests(out);
    rmSync(out, { recursive: true, force: true });
    const differing = diffDigests(actual.outputs, again);
    return { status: differing.length === 0 ? 'deterministic' : 'different', seconds, differing };
  }
  const all = existsSync(GOLDEN_FILE) ? JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) : {};
  if (values['update-golden']) {
    all[GOLDEN.name] = actual;
    ensureDir(join(BENCH_DIR, 'golden'));
    writeFileSync(GOLDEN_FILE, `${JSON.stringify(all, null, 2)}\n`);
    console.log(`golden: recorded ${Object.keys(actual.outputs).length} digests of ${GOLDEN.name} in ${GOLDEN_FILE}`);
    return { status: 'recorded', seconds, differing: [] };
  }
  const expected = all[GOLDEN.name];
  if (!expected) return { status: 'missing', seconds, differing: [] };
  if (expected.messages !== actual.messages) {
    return { status: 'input-changed', seconds, differing: ['messages.csv (the simulator changed)'] };
  }
  const differing = diffDigests(expected.outputs, actual.outputs);
  return { status: differing.length === 0 ? 'same' : 'different', seconds, differing };
}

const golden =
  values['golden-only'] || values['update-golden']
    ? goldenCheck()
    : partial && values['no-golden']
      ? { status: 'missing', seconds: 0, differing: [] }
      : kept(`golden-${GOLDEN.name}`, goldenCheck);
console.log(
  `golden (${GOLDEN.name}, \`practice-graph analyze ${ANALYZE_ARGS.join(' ')}\`): ${golden.status}` +
    (golden.differing.length > 0 ? ` — ${golden.differing.join(', ')}` : '') +
    ` (${fmt(golden.seconds, 1)} s)`,
);
if (values['golden-only'] || values['update-golden']) process.exit(golden.status === 'different' ? 1 : 0);

// --- one instrumented run per size, each in a fresh process ---------------------------------------------------
function runPipeline(spec, org) {
  const out = join(ORG_DIR, `${spec.name}-out`);
  const script = join(BENCH_DIR, 'lib', 'pipeline-run.mjs');
  // a generous heap limit, so that a run over the aim is measured rather than killed
  const r = spawnSync(process.execPath, ['--max-old-space-size=16384', script, org.dir, out], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  rmSync(out, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`pipeline run ${spec.name} failed (exit ${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

function pipelineRun(spec) {
  const org = ensureOrg(spec);
  const result = kept(spec.name, () => runPipeline(spec, org));
  console.log(
    `${spec.name}: ${result.messages.toLocaleString('en-US')} messages, ${result.ties.toLocaleString('en-US')} ties, ` +
      `${result.groups} groups: ${fmt(result.total.wall, 1)} s wall, ${fmt(result.total.cpu, 1)} s CPU, ` +
      `peak RSS ${fmt(result.total.peakRssMb, 0)} MB`,
  );
  return { spec, org, ...result };
}

const runs = SIZES.filter((s) => !partial || selected.includes(s.name)).map(pipelineRun);
const half = !partial || selected.includes(HALF.name) ? pipelineRun(HALF) : null;

// --- the NetworkX pipeline on the same organisation -----------------------------------------------------------
let peer = null;
if (!values['no-peer'] && (!partial || selected.includes(PEER.name))) {
  const org = ensureOrg(PEER);
  console.log(`NetworkX pipeline on ${PEER.name} (cohesion R = ${PEER_SAMPLES}) ...`);
  peer = kept(
    `networkx-${PEER.name}-R${PEER_SAMPLES}`,
    () => python('peers/pipeline_networkx.py', [org.dir, PEER_SAMPLES, '1']),
    peersId(),
  );
}

// --- tables ----------------------------------------------------------------------------------------------------
/** Least-squares slope of ln y on ln x. */
function exponent(xs, ys) {
  const pts = xs.map((x, i) => [Math.log(x), Math.log(ys[i])]).filter(([, y]) => Number.isFinite(y));
  if (pts.length < 2) return Number.NaN;
  const mx = pts.reduce((s, [x]) => s + x, 0) / pts.length;
  const my = pts.reduce((s, [, y]) => s + y, 0) / pts.length;
  const sxy = pts.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = pts.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxy / sxx;
}
const n = (x) => Number(x).toLocaleString('en-US');
const mb = (x) => fmt(x, 0);
const s = (x) => (x < 0.1 ? fmt(x, 3) : x < 10 ? fmt(x, 2) : fmt(x, 1));

const sections = [];
sections.push(
  `Command: \`npm run build && node bench/run.mjs pipeline\`. Each run is \`practice-graph analyze ${ANALYZE_ARGS.join(' ')} --out DIR\` ` +
    'made of the library calls the CLI makes (`readLog`, `readRoster`, `readGroupsFile`, `analyzeOrganization` with ' +
    '`DEFAULT_STAGES`, `writeReport`), timed per stage by bench/lib/pipeline-run.mjs, one run per size in a fresh ' +
    'process. Organisations: `practice-graph simulate --people N --days 45 --seed 1` with 3 communities of practice, ' +
    '3 social-learning groups, 2 hybrids and 2 not-a-unit groups per 1,000 people (bench/lib/org.mjs). ' +
    'Read and build run interleaved in one pass: read is the time spent inside the CSV reader, build the rest of ' +
    'the pass (graph, 14-day windows, per-channel graphs, thread summaries, materialising the graphology graphs). ' +
    'Report = assembling the report plus writing every output (JSON, CSV, GEXF, GraphML, Neo4j, HTML). ' +
    'CPU = user + system time of the process (all threads). Peak RSS = the high-water mark of the stage alone ' +
    '(reset through /proc/self/clear_refs before it; read and build share theirs).',
);

if (reused.length > 0) {
  sections.push(
    `Made in parts at this commit (\`--reuse\`): the runs of ${reused.join('; ')} were made earlier, of the same ` +
      'src/ and bench/ trees, by the same command with fewer sizes; the others in this run.',
  );
}

if (runs.length > 0) {
  const header = ['stage'];
  for (const r of runs) header.push(`${r.spec.name} wall s`, `${r.spec.name} CPU s`, `${r.spec.name} peak RSS MB`);
  if (runs.length >= 2) header.push('exponent (wall)', 'exponent (CPU)');
  const rows = [];
  const xs = runs.map((r) => r.messages);
  for (const stage of [...STAGES, 'total']) {
    const get = (r) => (stage === 'total' ? r.total : r.stages[stage]);
    const row = [stage === 'total' ? '**total**' : stage];
    for (const r of runs) row.push(s(get(r).wall), s(get(r).cpu), mb(get(r).peakRssMb));
    if (runs.length >= 2) {
      row.push(
        fmt(
          exponent(
            xs,
            runs.map((r) => get(r).wall),
          ),
        ),
        fmt(
          exponent(
            xs,
            runs.map((r) => get(r).cpu),
          ),
        ),
      );
    }
    rows.push(row);
  }
  sections.push(
    '## Per stage',
    runs
      .map(
        (r) =>
          `- ${r.spec.name}: ${n(r.people)} people, ${n(r.messages)} messages (${fmt(r.org.bytes / 2 ** 20, 0)} MiB of CSV), ` +
          `${n(r.ties)} ties, ${r.groups} formal groups reported`,
      )
      .join('\n'),
    table(header, rows),
    'Exponent: least-squares slope of ln(time) on ln(messages) over the sizes above (1 = linear).',
  );
  const phaseNames = [...new Set(runs.flatMap((r) => Object.keys(r.practicePhases ?? {})))];
  if (phaseNames.length > 0) {
    sections.push(
      '### Inside the practice stage',
      'Wall seconds per phase, from the `profile` callback of `testGroups` (summed over the groups) and the time of ' +
        '`testCommunitiesAsync` (its null graphs on worker threads); the rest of the stage is assembling the tests and verdicts.',
      table(
        ['phase', ...runs.map((r) => `${r.spec.name} wall s`)],
        phaseNames.map((name) => [
          name,
          ...runs.map((r) => (r.practicePhases?.[name] === undefined ? '–' : s(r.practicePhases[name]))),
        ]),
      ),
    );
  }
}

const big = runs.find((r) => r.spec.name === (DRY ? SIZES[0].name : '100k'));
if (half && big) {
  sections.push(
    `## Memory in the number of messages: ${n(half.people)} people, ${n(half.messages)} vs ${n(big.messages)} messages`,
    table(
      [
        'stage',
        `${HALF.name} peak RSS MB`,
        `${big.spec.name} peak RSS MB`,
        'ratio',
        `${HALF.name} wall s`,
        `${big.spec.name} wall s`,
      ],
      [...STAGES, 'total'].map((stage) => {
        const a = stage === 'total' ? half.total : half.stages[stage];
        const b = stage === 'total' ? big.total : big.stages[stage];
        return [stage, mb(a.peakRssMb), mb(b.peakRssMb), fmt(b.peakRssMb / a.peakRssMb), s(a.wall), s(b.wall)];
      }),
    ),
    `Ties: ${n(half.ties)} vs ${n(big.ties)} (${fmt(big.ties / half.ties)}×); messages ${fmt(big.messages / half.messages)}×.`,
  );
}

const ours = runs.find((r) => r.spec.name === PEER.name);
if (peer && ours) {
  const rows = STAGES.map((stage) => {
    const a = ours.stages[stage];
    const b = peer.stages[stage];
    if (!b) return [stage, s(a.wall), s(a.cpu), 'n/a', 'n/a', 'n/a', 'n/a'];
    return [
      stage,
      s(a.wall),
      s(a.cpu),
      s(b.wall),
      s(b.cpu),
      `${fmt(b.wall / a.wall, 1)}×`,
      `${fmt(b.cpu / a.cpu, 1)}×`,
    ];
  });
  rows.push([
    '**total**',
    s(ours.total.wall),
    s(ours.total.cpu),
    s(peer.total.wall),
    s(peer.total.cpu),
    `${fmt(peer.total.wall / ours.total.wall, 1)}×`,
    `${fmt(peer.total.cpu / ours.total.cpu, 1)}×`,
  ]);
  sections.push(
    `## Next to NetworkX ${peer.networkx} on the ${PEER.name} organisation`,
    `bench/peers/pipeline_networkx.py, written plainly: ${peer.description}`,
    table(
      ['stage', 'ours wall s', 'ours CPU s', 'NetworkX wall s', 'NetworkX CPU s', 'speed-up (wall)', 'speed-up (CPU)'],
      rows,
    ),
  );
}

if (golden.status !== 'missing') {
  sections.push(
    '## Golden report',
    `\`practice-graph analyze ${ANALYZE_ARGS.join(' ')} --out DIR\` on the ${GOLDEN.name} organisation, SHA-256 of every output ` +
      (DRY
        ? `of two runs compared: **${golden.status}**`
        : `against bench/golden/pipeline.json (recorded before the first optimisation): **${golden.status}**`) +
      (golden.differing.length > 0 ? ` (${golden.differing.join(', ')})` : '') +
      '.',
  );
}

if (!partial) writeResults('pipeline', 'The whole pipeline at 1k, 10k and 100k people', sections);
else console.log(sections.join('\n\n'));
process.exit(golden.status === 'different' ? 1 : 0);
