// The shared graph snapshot (src/graph/snapshot.ts): the typed-array CSR that the practice test's nulls and
// the expertise measures walk, built from a graphology graph; next to the communities' specialised
// modularity view (built from the same graph) and to NetworkX + SciPy's CSR adjacency
// (`to_scipy_sparse_array`) of the same edges. Medians of 7 builds after one untimed warm-up.
//   npm run build && node bench/snapshot.bench.mjs [--dry]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectCommunities, generateLfrGraph, modularityGraph, snapshotGraph } from '../dist/index.js';
import { DATA_DIR, DRY, ensureDir, fmt, median, python, table, writeResults } from './lib/common.mjs';

const N = DRY ? 2_000 : 100_000;
const RUNS = DRY ? 2 : 7;

const lfr = generateLfrGraph({ nodes: N, mixing: 0.3, seed: 1 });
const g = lfr.graph;
console.error(`snapshot bench: ${g.order} nodes, ${g.size} edges`);

function timed(fn) {
  fn();
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    globalThis.gc?.();
    const t = performance.now();
    fn();
    times.push((performance.now() - t) / 1000);
  }
  return median(times);
}

const rows = [
  ['snapshotGraph, strengths (`weight`; practice test, HITS)', timed(() => snapshotGraph(g))],
  [
    'snapshotGraph, hop distances (`getEdgeWeight: null`, `valueKind: distance`; betweenness)',
    timed(() => snapshotGraph(g, { getEdgeWeight: null, valueKind: 'distance' })),
  ],
  ['snapshotGraph, symmetric (structural holes)', timed(() => snapshotGraph(g, { symmetric: true }))],
  ['modularityGraph (the communities’ specialised view, self-loops kept)', timed(() => modularityGraph(g))],
];
const detect = timed(() => detectCommunities(g, { seed: 1 }));

ensureDir(DATA_DIR);
const edges = join(DATA_DIR, `snapshot-lfr-${N}.edges`);
const lines = [];
g.forEachEdge((_e, a, s, t) => {
  lines.push(`${s} ${t} ${a.weight ?? 1}`);
});
writeFileSync(edges, `${lines.join('\n')}\n`);
const peer = python('peers/snapshot_csr.py', [edges, String(RUNS)]);
const base = peer?.seconds;
const ratio = (s) => (base ? `${fmt(s / base, 2)}×` : 'n/a');

writeResults('snapshot', 'Graph snapshot: typed-array CSR from a graphology graph', [
  `Command: \`node bench/snapshot.bench.mjs${DRY ? ' --dry' : ''}\`. Graph: LFR-like (src/simulate/lfr.ts), ${g.order.toLocaleString('en')} nodes, ${g.size.toLocaleString('en')} undirected edges (μ = 0.3, seed 1). Median of ${RUNS} builds after a warm-up, the graph already in memory. Peer: NetworkX ${peer?.networkx ?? 'n/a'} \`to_scipy_sparse_array(G, weight='weight', format='csr')\` on the same edges (bench/peers/snapshot_csr.py), same machine, same run.`,
  table(
    ['build', 'seconds', 'ratio to NetworkX + SciPy'],
    [
      ...rows.map(([label, s]) => [label, fmt(s, 3), ratio(s)]),
      [
        `NetworkX ${peer?.networkx ?? ''} + SciPy to_scipy_sparse_array`,
        base ? fmt(base, 3) : 'n/a',
        base ? '1.00×' : 'n/a',
      ],
      ['for scale: detectCommunities on the same graph (includes its modularity view)', fmt(detect, 3), ratio(detect)],
    ],
  ),
  'The practice test and the expertise measures share `snapshotGraph`; the communities keep their own view, which also holds self-loops and pair weights for modularity and builds faster from the same graph (above): building it from the shared snapshot would add the snapshot’s build time and a second pass for the self-loops.',
]);
