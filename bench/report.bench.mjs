// Report writing: the time to write each output of a report to disk as `writeReport` does (streamed in chunks),
// for organisations of 1k and 10k people, next to NetworkX's write_gexf and write_graphml of the same graph
// (with the same attributes) in the same run. The layout and the sorted ties are computed once, first.
//   node bench/report.bench.mjs [--dry]
import { once } from 'node:events';
import { createWriteStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeOrganization, layoutGraph, outputProducers, readCsv, sortedTies } from '../dist/index.js';
import { DATA_DIR, DRY, ensureDir, fmt, python, table, time, writeResults } from './lib/common.mjs';
import { generateCsv } from './lib/generate-csv.mjs';

const SIZES = DRY
  ? [[200, 4_000]]
  : [
      [1_000, 50_000],
      [10_000, 500_000],
    ];
const RUNS = DRY ? 1 : 3;
ensureDir(DATA_DIR);

const rows = [];
for (const [people, messages] of SIZES) {
  const path = join(DATA_DIR, `report-${messages}-${people}.csv`);
  await generateCsv(path, messages, people, 3);
  const { report, graph } = await analyzeOrganization(readCsv(path), { groupAll: 'everyone' });
  const layout = await time(() => layoutGraph(graph, () => null), RUNS);
  const ties = await time(() => sortedTies(graph), RUNS);
  const timed = { layout: layout.seconds, 'sorted ties': ties.seconds };
  const sizes = {};
  const out = join(DATA_DIR, 'report-out');
  ensureDir(join(out, 'neo4j'));
  for (const [name, produce] of outputProducers(report, graph, { positions: layout.result, ties: ties.result })) {
    const t = await time(async () => {
      const stream = createWriteStream(join(out, name));
      let bytes = 0;
      for (const chunk of produce()) {
        bytes += chunk.length;
        if (!stream.write(chunk)) await once(stream, 'drain');
      }
      stream.end();
      await once(stream, 'finish');
      return bytes;
    }, RUNS);
    timed[name] = t.seconds;
    sizes[name] = t.result;
  }
  const graphmlPath = join(DATA_DIR, `report-${people}.graphml`);
  writeFileSync(graphmlPath, [...outputProducers(report, graph).get('graph.graphml')()].join(''));
  const peer = python('peers/networkx_write.py', [graphmlPath, String(RUNS)]);
  for (const [name, seconds] of Object.entries(timed)) {
    const peerSeconds = name === 'graph.gexf' ? peer?.gexf : name === 'graph.graphml' ? peer?.graphml : undefined;
    rows.push([
      `${people.toLocaleString('en-US')} people, ${graph.size.toLocaleString('en-US')} ties`,
      name,
      fmt(seconds, 3),
      sizes[name] === undefined ? '' : `${(sizes[name] / 1e6).toFixed(1)} MB`,
      peerSeconds === undefined ? '' : fmt(peerSeconds, 3),
      peerSeconds === undefined ? '' : `${fmt(peerSeconds / seconds, 1)}×`,
    ]);
  }
  if (peer) rows.push(['', `(NetworkX ${peer.networkx})`, '', '', '', '']);
}

writeResults('report', 'Report writing: outputs of a report, next to NetworkX writers', [
  `Median of ${RUNS} runs each. Graphs from \`bench/lib/generate-csv.mjs\` (seed 3), analysed with \`analyzeOrganization\` (no analysis stages). Layout: ForceAtlas2, 150 iterations on the 2,000 most active people (Barnes–Hut above 1,000). Each file is written to disk in chunks as \`writeReport\` does (the layout and sorted ties are shared, timed on their own lines). NetworkX reads our GraphML (untimed) and writes the same graph with the same attributes to disk.`,
  table(['graph', 'output', 'practice-graph (s)', 'size', 'NetworkX (s)', 'NetworkX / ours'], rows),
]);
