// Ingestion benchmark: CSV message log → interaction graph, next to the floor (a bare line splitter over
// the same bytes), three CSV parsers (fast-csv, csv-parse, papaparse) and python-igraph's TupleList load of
// the resulting ties. Also peak RSS of read → build at 1M and 5M messages (memory must not grow with messages).
//   node bench/ingest.bench.mjs [--dry]
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as csvParse } from 'csv-parse';
import { parse as fastParse } from 'fast-csv';
import Papa from 'papaparse';
import { InteractionGraphBuilder, readCsv } from '../dist/index.js';
import { DATA_DIR, DRY, ensureDir, fmt, python, rate, table, time, writeResults } from './lib/common.mjs';
import { generateCsv } from './lib/generate-csv.mjs';

const MESSAGES = DRY ? 20_000 : 1_000_000;
const PEOPLE = DRY ? 500 : 10_000;
const RSS_SIZES = DRY ? [10_000, 20_000] : [1_000_000, 5_000_000];
const RUNS = DRY ? 1 : 3;

ensureDir(DATA_DIR);
async function dataset(messages) {
  const path = join(DATA_DIR, `messages-${messages}-${PEOPLE}.csv`);
  if (!existsSync(path)) await generateCsv(path, messages, PEOPLE, 1);
  return path;
}

// --- child mode: read → build once and report peak RSS -----------------------------------------------------
if (process.argv[2] === '--child') {
  const path = process.argv[3];
  const t = performance.now();
  const builder = new InteractionGraphBuilder();
  for await (const batch of readCsv(path).batches()) for (const m of batch) builder.add(m);
  const { graph } = builder.finish();
  const seconds = (performance.now() - t) / 1000;
  console.log(JSON.stringify({ seconds, ties: graph.size, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const path = await dataset(MESSAGES);
const bytes = statSync(path).size;
const rows = MESSAGES;

const floor = await time(async () => {
  let n = 0;
  let rest = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop();
    n += parts.length;
  }
  return n;
}, RUNS);

const parsers = {
  'fast-csv': () =>
    new Promise((resolve, reject) => {
      let n = 0;
      createReadStream(path, { highWaterMark: 1 << 20 })
        .pipe(fastParse({ headers: false }))
        .on('data', () => n++)
        .on('error', reject)
        .on('end', () => resolve(n));
    }),
  'csv-parse': () =>
    new Promise((resolve, reject) => {
      let n = 0;
      createReadStream(path, { highWaterMark: 1 << 20 })
        .pipe(csvParse({ relax_column_count: true }))
        .on('data', () => n++)
        .on('error', reject)
        .on('end', () => resolve(n));
    }),
  papaparse: () =>
    new Promise((resolve, reject) => {
      let n = 0;
      Papa.parse(createReadStream(path, { highWaterMark: 1 << 20 }), {
        step: () => n++,
        complete: () => resolve(n),
        error: reject,
      });
    }),
};
const parserRows = [];
for (const [name, fn] of Object.entries(parsers)) {
  const r = await time(fn, RUNS);
  parserRows.push([name, fmt(r.seconds), rate(rows, r.seconds), `${fmt((floor.seconds / r.seconds) * 100, 1)} %`]);
}

const readers = [];
for (const engine of ['papaparse', 'fast-csv']) {
  const r = await time(async () => {
    let n = 0;
    for await (const batch of readCsv(path, { engine }).batches()) n += batch.length;
    return n;
  }, RUNS);
  readers.push([
    `readCsv (engine ${engine}): parse + validate`,
    fmt(r.seconds),
    rate(rows, r.seconds),
    `${fmt((floor.seconds / r.seconds) * 100, 1)} %`,
  ]);
}
let builder;
const ingest = await time(async () => {
  builder = new InteractionGraphBuilder();
  for await (const batch of readCsv(path).batches()) for (const m of batch) builder.add(m);
}, RUNS);
readers.push([
  'ingestion: parse + validate + aggregate',
  fmt(ingest.seconds),
  rate(rows, ingest.seconds),
  `${fmt((floor.seconds / ingest.seconds) * 100, 1)} %`,
]);

const materialise = await time(async () => builder.finish(), 1);
const graph = materialise.result.graph;
let ties = '';
graph.forEachEdge((_e, a, s, t) => {
  ties += `${s}\t${t}\t${a.weight}\n`;
});
const tiesPath = join(DATA_DIR, `ties-${MESSAGES}.tsv`);
writeFileSync(tiesPath, ties);
const igraph = python('peers/igraph_load.py', [tiesPath, String(RUNS)]);

const buildRows = [];
const aggregateOnly = Math.max(0, ingest.seconds - Number(readers[0][1]));
buildRows.push([
  'practice-graph: aggregate messages → ties (ingestion − readCsv)',
  fmt(aggregateOnly),
  igraph ? `${fmt(aggregateOnly / igraph.build)}×` : 'n/a',
]);
buildRows.push([
  'practice-graph: materialise the graphology DirectedGraph',
  fmt(materialise.seconds),
  igraph ? `${fmt(materialise.seconds / igraph.build)}×` : 'n/a',
]);
buildRows.push([
  'practice-graph: build from messages (aggregate + materialise)',
  fmt(aggregateOnly + materialise.seconds),
  igraph ? `${fmt((aggregateOnly + materialise.seconds) / igraph.build)}×` : 'n/a',
]);
if (igraph)
  buildRows.push(['python-igraph 0.10: Graph.TupleList of the same ties (build only)', fmt(igraph.build), '1.00×']);

const rss = [];
for (const n of RSS_SIZES) {
  const p = await dataset(n);
  const r = spawnSync(process.execPath, [new URL(import.meta.url).pathname, '--child', p], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  const out = JSON.parse(r.stdout.trim().split('\n').pop());
  rss.push([
    n.toLocaleString('en-US'),
    out.ties.toLocaleString('en-US'),
    fmt(out.seconds),
    rate(n, out.seconds),
    fmt(out.maxRssMB, 0),
  ]);
}

writeResults('ingest', 'Ingestion benchmark: CSV message log → interaction graph', [
  `Input: ${rows.toLocaleString('en-US')} messages over ${PEOPLE.toLocaleString('en-US')} people (bench/lib/generate-csv.mjs, seed 1), ${fmt(bytes / 2 ** 20, 1)} MiB, ${graph.size.toLocaleString('en-US')} ties. Medians of ${RUNS} runs.`,
  `Floor: bare line splitter over the same file: ${fmt(floor.seconds)} s (${rate(rows, floor.seconds)}).`,
  '## Parsers and readers',
  table(['what', 'seconds', 'rows/s', 'share of the floor rate'], [...parserRows, ...readers]),
  '## Building the graph',
  table(['what', 'seconds', 'ratio to igraph build'], buildRows),
  '## Memory: read → build at growing log sizes (same people)',
  table(['messages', 'ties', 'seconds', 'messages/s', 'peak RSS (MB)'], rss),
]);
