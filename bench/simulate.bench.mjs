// Simulator benchmark: generation rate (messages/s) and peak memory at 1M and 10M messages, against the BUILT
// package. Memory must stay flat: the generator holds about two days of traffic, never the whole log.
//   node bench/simulate.bench.mjs [--dry]
// Each measurement runs in its own child process (`--child`), so peak RSS belongs to that run alone.
// No other tool generates message logs with planted truth, so there is no peer simulator to race; the
// reference measured in the same run is practice-graph's own CSV reader reading the generated log back,
// the stage that consumes the simulator's output in every pipeline.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCsv, simulateOrganization, writeSimulation } from '../dist/index.js';
import { DATA_DIR, DRY, ensureDir, fmt, median, rate, table, writeResults } from './lib/common.mjs';

const PEOPLE = DRY ? 1_000 : 10_000;
const TARGETS = DRY ? [20_000, 60_000] : [1_000_000, 10_000_000];
const RUNS = DRY ? 1 : 3;

// --- child mode: one measurement, reported as JSON on the last stdout line ----------------------------------
if (process.argv[2] === '--child') {
  const [, , , mode, people, days, path, every] = process.argv;
  const org = simulateOrganization({ people: Number(people), days: Number(days), seed: 1 });
  const heap = [];
  const t = performance.now();
  let messages = 0;
  if (mode === 'iterate') {
    const sampleEvery = Number(every);
    for (const _ of org) {
      if (++messages % sampleEvery === 0) {
        globalThis.gc?.();
        heap.push(process.memoryUsage().heapUsed / 2 ** 20);
      }
    }
  } else if (mode === 'write') {
    messages = (await writeSimulation(org, path)).messages;
  } else if (mode === 'read') {
    for await (const batch of readCsv(join(path, 'messages.csv')).batches()) messages += batch.length;
  }
  const seconds = (performance.now() - t) / 1000;
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ messages, seconds, maxRssMB, heap, peakQueued: org.stats.peakQueued }));
  process.exit(0);
}

function child(mode, days, path = '', every = '') {
  const script = fileURLToPath(import.meta.url);
  const args = ['--expose-gc', script, '--child', mode, String(PEOPLE), String(days), path, String(every)];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`simulate bench: child ${mode} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

// calibrate: messages per day of this organisation (14 days, in process), to size the period
let probe = 0;
for (const _ of simulateOrganization({ people: PEOPLE, days: 14, seed: 1 })) probe++;
const perDay = probe / 14;
console.log(`simulate: ${PEOPLE} people write about ${Math.round(perDay)} messages per day`);

const generation = [];
for (const target of TARGETS) {
  const days = Math.ceil(target / perDay);
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(child('iterate', days, '', Math.max(1_000, Math.floor(target / 8))));
    const r = runs.at(-1);
    console.log(`  ${r.messages} messages in ${fmt(r.seconds)} s, peak RSS ${fmt(r.maxRssMB, 0)} MB`);
  }
  const seconds = median(runs.map((r) => r.seconds));
  generation.push({ days, runs, seconds, messages: runs[0].messages, rss: median(runs.map((r) => r.maxRssMB)) });
}

// the CSV writer, and as the reference the CSV reader reading the same log back, at the smaller size
const dir = join(DATA_DIR, 'simulate');
ensureDir(DATA_DIR);
const ioDays = generation[0].days;
const written = [];
const read = [];
for (let i = 0; i < RUNS; i++) {
  rmSync(dir, { recursive: true, force: true });
  written.push(child('write', ioDays, dir));
  read.push(child('read', ioDays, dir));
  console.log(`  write ${fmt(written.at(-1).seconds)} s, read back ${fmt(read.at(-1).seconds)} s`);
}
rmSync(dir, { recursive: true, force: true });

const [small, large] = generation;
const writeS = median(written.map((r) => r.seconds));
const readS = median(read.map((r) => r.seconds));
writeResults('simulate', 'Simulator: generation rate and memory', [
  `Command: \`npm run build && node bench/simulate.bench.mjs\`. Organisation of ${PEOPLE.toLocaleString('en-US')} people ` +
    `(default settings otherwise, seed 1), the period lengthened to reach each size; median of ${RUNS} runs, each in its ` +
    'own process (peak RSS is that process alone).',
  '## Generation (iterating the messages, keeping none)',
  table(
    [
      'messages',
      'days',
      'median time (s)',
      'rate',
      'peak RSS (MB)',
      'heap after GC, first → last of 8 samples (MB)',
      'queued at most',
    ],
    generation.map((g) => [
      g.messages.toLocaleString('en-US'),
      g.days,
      fmt(g.seconds),
      rate(g.messages, g.seconds),
      fmt(g.rss, 0),
      `${fmt(g.runs[0].heap[0], 1)} → ${fmt(g.runs[0].heap.at(-1), 1)}`,
      g.runs[0].peakQueued.toLocaleString('en-US'),
    ]),
  ),
  `Memory is flat: ${fmt(large.messages / small.messages, 1)}× the messages take ${fmt(large.rss / small.rss)}× the peak RSS, ` +
    `and the live heap after a full GC ends at ${fmt(large.runs[0].heap.at(-1), 1)} MB against ${fmt(small.runs[0].heap.at(-1), 1)} MB ` +
    '(the rest of the RSS is garbage not yet collected, bounded by the heap-growth heuristics of V8, not by the length of the log); ' +
    'the queue of generated, not yet released messages is bounded by about two days of traffic. ' +
    'Times on this shared 2-core machine vary with the load of other processes (see the load average above).',
  `## Writing the files and reading them back (${small.messages.toLocaleString('en-US')} messages)`,
  table(
    ['step', 'median time (s)', 'rate', 'time ÷ generation time'],
    [
      ['generate (above)', fmt(small.seconds), rate(small.messages, small.seconds), '1.00'],
      [
        'generate and write messages.csv, roster.csv, groups.csv, truth.json (`writeSimulation`)',
        fmt(writeS),
        rate(small.messages, writeS),
        fmt(writeS / small.seconds),
      ],
      [
        'reference: `readCsv` reading messages.csv back (batches)',
        fmt(readS),
        rate(small.messages, readS),
        fmt(readS / small.seconds),
      ],
    ],
  ),
  'No other tool generates message logs with planted ground truth, so there is no peer simulator to compare with; ' +
    "the reader is the reference because it is what consumes the simulator's output.",
]);
