// The q–s test of detected communities (Kojaku & Masuda) on the calling thread (`testCommunities`) and on
// worker threads (`testCommunitiesAsync`), in the same process and run, on the interaction graph of a
// benchmark organisation (bench/.data/pipeline/, made by pipeline.bench.mjs); optionally next to a ballast of
// small objects that stands for the rest of a large analysis held in memory (the situation inside the
// pipeline, where every full garbage collection walks it). The two results must be the same bytes.
//   node bench/qs-workers.bench.mjs                                  10k organisation, 100 null graphs
//   node bench/qs-workers.bench.mjs --org 100k --samples 6 --ballast 30   100k, 6 null graphs, 30M objects held
//   node bench/qs-workers.bench.mjs --dry                            a small LFR graph (CI)
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateLfrGraph, ingest, readLog, testCommunities, testCommunitiesAsync } from '../dist/index.js';
import { DRY, fmt, table, writeResults } from './lib/common.mjs';
import { ensureOrg, orgSpec } from './lib/org.mjs';

const { values } = parseArgs({
  options: {
    dry: { type: 'boolean' },
    org: { type: 'string', default: '10k' },
    samples: { type: 'string', default: '100' },
    ballast: { type: 'string', default: '0' },
    workers: { type: 'string', default: '2' },
  },
});
const SIZES = { '1k': 1_000, '10k': 10_000, '100k': 100_000 };
const samples = DRY ? 3 : Number(values.samples);
const workers = Number(values.workers);
const ballastM = DRY ? 0 : Number(values.ballast);

let graph;
let source;
if (DRY) {
  graph = generateLfrGraph({ nodes: 1500, averageDegree: 12, minCommunity: 20, maxCommunity: 120, seed: 1 }).graph;
  source = 'LFR graph, 1,500 nodes';
} else {
  const people = SIZES[values.org];
  if (!people) throw new Error(`--org must be one of ${Object.keys(SIZES).join(', ')}`);
  const org = ensureOrg(orgSpec(values.org, people));
  graph = (await ingest(readLog(join(org.dir, 'messages.csv'), { format: 'csv' }))).graph;
  source = `the ${values.org} organisation's interaction graph (${graph.order.toLocaleString('en-US')} people, ${graph.size.toLocaleString('en-US')} ties)`;
}
// small objects held until the end, as the graph and thread tables of a large analysis are
const ballast = [];
for (let i = 0; i < ballastM * 1e6; i++) ballast.push({ a: i, b: String(i), c: [i] });
const rss = () => process.memoryUsage().rss / 2 ** 30;
const options = { samples, seed: 1, getEdgeWeight: 'weight' };

globalThis.gc?.();
let t = performance.now();
const here = testCommunities(graph, options);
const hereSeconds = (performance.now() - t) / 1000;
globalThis.gc?.();
t = performance.now();
const onWorkers = await testCommunitiesAsync(graph, { ...options, workers });
const workerSeconds = (performance.now() - t) / 1000;
const same = JSON.stringify(here) === JSON.stringify(onWorkers);

writeResults('qs-workers', 'q–s test of detected communities: calling thread vs worker threads', [
  `Graph: ${source}; ${samples} null graphs; ballast ${ballastM}M small objects (resident set ${fmt(rss(), 1)} GB ` +
    `during the runs); \`node --expose-gc bench/qs-workers.bench.mjs ${DRY ? '--dry' : `--org ${values.org} --samples ${samples} --ballast ${ballastM} --workers ${workers}`}\`. One run each, in this order, in one process.`,
  table(
    ['where the null graphs run', 'wall s', 'ratio'],
    [
      ['calling thread (`testCommunities`)', fmt(hereSeconds, 1), '1.0×'],
      [
        `${workers} worker threads (\`testCommunitiesAsync\`)`,
        fmt(workerSeconds, 1),
        `${fmt(hereSeconds / workerSeconds, 1)}×`,
      ],
    ],
  ),
  `Same result, byte for byte: ${same ? 'yes' : 'NO'} (${here.nullCommunities} null communities).`,
]);
if (ballast.length < 0) console.log('unreachable: keeps the ballast alive');
if (!same) process.exit(1);
