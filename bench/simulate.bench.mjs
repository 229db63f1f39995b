// Simulator benchmark: generation rate (messages/s) and peak memory at 1M and 10M messages, against the BUILT
// package. Memory must stay flat: the generator holds about two days of traffic, never the whole log.
//   node bench/simulate.bench.mjs          full sizes (a few minutes); writes bench/results/simulate.md
//   node bench/simulate.bench.mjs --dry    tiny sizes: checks that the benchmark runs (CI)
// Each measurement runs in its own child process (`--child`), so peak RSS belongs to that run alone.
// No other tool generates message logs with planted truth, so there is no peer simulator to race; the
// reference measured in the same run is practice-graph's own CSV reader reading the generated log back,
// the stage that consumes the simulator's output in every pipeline.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const lib = join(here, '..', 'dist', 'index.js');
const args = process.argv.slice(2);

if (args[0] === '--child') {
  const [, mode, people, days, path] = args;
  const { readCsv, simulateOrganization, writeSimulation } = await import(lib);
  const gc = globalThis.gc ?? (() => {});
  const org = simulateOrganization({ people: Number(people), days: Number(days), seed: 1 });
  const heap = [];
  const t0 = process.hrtime.bigint();
  let messages = 0;
  if (mode === 'iterate') {
    const sampleEvery = Number(args[5] ?? 1_000_000);
    for (const _ of org) {
      if (++messages % sampleEvery === 0) {
        gc();
        heap.push(process.memoryUsage().heapUsed);
      }
    }
  } else if (mode === 'csv') {
    messages = (await writeSimulation(org, path)).messages;
  } else if (mode === 'read') {
    const log = readCsv(join(path, 'messages.csv'));
    for await (const _ of log) messages++;
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const result = {
    messages,
    seconds,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    heapMB: heap.map((h) => h / 2 ** 20),
    peakQueued: org.stats.peakQueued,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

const dry = args.includes('--dry');
const PEOPLE = dry ? 1_000 : 10_000;
const TARGETS = dry ? [20_000, 60_000] : [1_000_000, 10_000_000];
const RUNS = dry ? 1 : 3;

function child(mode, days, extra = []) {
  const r = spawnSync(
    process.execPath,
    ['--expose-gc', fileURLToPath(import.meta.url), '--child', mode, String(PEOPLE), String(days), ...extra],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    },
  );
  if (r.status !== 0) throw new Error(`child ${mode} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

// calibrate: messages per day of this organisation (14 days, in process)
const { simulateOrganization } = await import(lib);
let probe = 0;
for (const _ of simulateOrganization({ people: PEOPLE, days: 14, seed: 1 })) probe++;
const perDay = probe / 14;
console.log(`simulate: ${PEOPLE} people write about ${fmt(perDay)} messages per day`);

const rows = [];
for (const target of TARGETS) {
  const days = Math.ceil(target / perDay);
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const r = child('iterate', days, ['', String(Math.max(1_000, Math.floor(target / 8)))]);
    runs.push(r);
    console.log(`  ${fmt(r.messages)} messages in ${fmt(r.seconds, 2)} s, peak RSS ${fmt(r.maxRssMB)} MB`);
  }
  const seconds = median(runs.map((r) => r.seconds));
  const heaps = runs[0].heapMB;
  rows.push({
    target,
    days,
    messages: runs[0].messages,
    seconds,
    rate: runs[0].messages / seconds,
    rss: median(runs.map((r) => r.maxRssMB)),
    heapFirst: heaps[0] ?? 0,
    heapLast: heaps.at(-1) ?? 0,
    heapMax: Math.max(...heaps, 0),
    peakQueued: runs[0].peakQueued,
  });
}

// the CSV writer and, as the reference, the CSV reader reading the same log back (smaller size)
const data = join(here, '.data', 'simulate');
rmSync(data, { recursive: true, force: true });
const ioDays = Math.ceil(TARGETS[0] / perDay);
const write = [];
const read = [];
for (let i = 0; i < RUNS; i++) {
  write.push(child('csv', ioDays, [data]));
  read.push(child('read', ioDays, [data]));
  console.log(
    `  csv: wrote ${fmt(write.at(-1).messages)} in ${fmt(write.at(-1).seconds, 2)} s, read back in ${fmt(read.at(-1).seconds, 2)} s`,
  );
}
rmSync(data, { recursive: true, force: true });
const generate = rows[0];
const writeS = median(write.map((r) => r.seconds));
const readS = median(read.map((r) => r.seconds));

let commit = 'unknown';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: here, encoding: 'utf8' }).trim();
} catch {}
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const lines = [
  '# Simulator benchmark',
  '',
  `Command: \`npm run build && node bench/simulate.bench.mjs\`. Commit ${commit}, ${new Date().toISOString().slice(0, 10)}; ` +
    `Node ${process.version} on ${os.platform()}-${os.arch()}, ${cpu}, ${os.cpus().length} cores, ${fmt(os.totalmem() / 2 ** 30)} GiB. ` +
    `Organisation: ${fmt(PEOPLE)} people (default settings otherwise, seed 1); the period is lengthened to reach each size. ` +
    `Median of ${RUNS} runs, each in its own process.`,
  '',
  '## Generation (iterating the messages, nothing kept)',
  '',
  '| messages | days | median time (s) | rate (messages/s) | peak RSS (MB) | heap after GC, first → last of 8 samples (MB) | messages queued at most |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| ${fmt(r.messages)} | ${r.days} | ${fmt(r.seconds, 2)} | ${fmt(r.rate)} | ${fmt(r.rss)} | ${fmt(r.heapFirst, 1)} → ${fmt(r.heapLast, 1)} | ${fmt(r.peakQueued)} |`,
  ),
  '',
  `Memory is flat: ${fmt(rows[1].messages / rows[0].messages, 1)}× the messages take ${fmt(rows[1].rss / rows[0].rss, 2)}× the peak RSS; ` +
    'the queue of generated, not yet released messages is bounded by about two days of traffic.',
  '',
  `## Writing and reading back (${fmt(generate.messages)} messages)`,
  '',
  '| step | median time (s) | rate (messages/s) | ratio to generation |',
  '| --- | ---: | ---: | ---: |',
  `| generate (above) | ${fmt(generate.seconds, 2)} | ${fmt(generate.rate)} | 1.00 |`,
  `| generate and write the four files (\`writeSimulation\`, ${fmt(write[0].messages)} rows) | ${fmt(writeS, 2)} | ${fmt(write[0].messages / writeS)} | ${fmt(writeS / generate.seconds, 2)} |`,
  `| reference: \`readCsv\` reading messages.csv back | ${fmt(readS, 2)} | ${fmt(read[0].messages / readS)} | ${fmt(readS / generate.seconds, 2)} |`,
  '',
  'No other tool generates message logs with planted ground truth, so there is no peer simulator to compare with; ' +
    "the reader is the reference because it is what consumes the simulator's output.",
  '',
];
const text = lines.join('\n');
console.log(`\n${text}`);
if (!dry) {
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', 'simulate.md'), text);
  console.log('simulate: wrote bench/results/simulate.md');
}
