// Report writing: the time to render each output of a report (layout, report.json, CSV tables, GEXF, GraphML,
// Neo4j handoff, report.html) for organisations of 1k and 10k people, next to NetworkX's write_gexf and
// write_graphml of the same graph (with the same attributes) in the same run.
//   node bench/report.bench.mjs [--dry]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  analyzeOrganization,
  communitiesCsv,
  groupsCsv,
  layoutGraph,
  neo4jHandoff,
  peopleCsv,
  readCsv,
  renderHtml,
  toGexf,
  toGraphml,
} from '../dist/index.js';
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
  const community = () => null;
  const layout = await time(() => layoutGraph(graph, community), RUNS);
  const positions = layout.result;
  const stages = {
    'report.json': () => JSON.stringify(report, null, 2),
    'CSV tables': () => peopleCsv(report) + communitiesCsv(report) + groupsCsv(report),
    'graph.gexf': () => toGexf(report, graph, positions),
    'graph.graphml': () => toGraphml(report, graph, positions),
    'neo4j/': () => Object.values(neo4jHandoff(report, graph)).join(''),
    'report.html': () => renderHtml(report, graph, positions),
  };
  const timed = { layout: layout.seconds };
  const sizes = {};
  for (const [name, fn] of Object.entries(stages)) {
    const t = await time(fn, RUNS);
    timed[name] = t.seconds;
    sizes[name] = t.result.length;
  }
  const graphmlPath = join(DATA_DIR, `report-${people}.graphml`);
  writeFileSync(graphmlPath, stages['graph.graphml']());
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
  `Median of ${RUNS} runs each. Graphs from \`bench/lib/generate-csv.mjs\` (seed 3), analysed with \`analyzeOrganization\` (no analysis stages), layout ForceAtlas2 150 iterations (Barnes–Hut above 2,000 people). NetworkX reads our GraphML (untimed) and writes the same graph with the same attributes.`,
  table(['graph', 'output', 'practice-graph (s)', 'size', 'NetworkX (s)', 'NetworkX / ours'], rows),
]);
